// Worker entry when the engine runs from TypeScript source (vitest, the CLI through tsx): a worker
// thread does not inherit the parent's TypeScript loader, so it registers tsx's before loading
// the TypeScript entry. The built app never uses this file (see pool.ts, workerEntry).
import { register } from 'tsx/esm/api';

register();
const entry = await import('./worker.ts');
export default entry.default;
