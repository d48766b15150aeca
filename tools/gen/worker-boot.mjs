// Worker-thread entry: a worker does not inherit the parent's TypeScript loader, so it registers
// tsx's own before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
