// A worker thread's entry: piscina calls the default export with each task message. The built app
// bundles this file as out/main/engine-worker.js; from source, worker-boot.mjs loads it through tsx.
import { runTask } from './tasks';

export default runTask;
