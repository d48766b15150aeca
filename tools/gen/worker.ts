// A generator worker thread: turns planned chunks into text. Records depend only on the seed and
// the plan, so any worker can take any chunk and the output stays byte-identical.
import { parentPort, workerData } from 'node:worker_threads';
import type { NoiseProfile } from './hard';
import { Materializer, type PlanChunk } from './plan';
import { chunkText, type TextFormat } from './text';

export interface WorkRequest {
  id: number;
  format: TextFormat;
  chunk: PlanChunk;
}
export type WorkReply = { id: number; text: string } | { id: number; error: string };

const port = parentPort;
if (port) {
  const data = workerData as { seed: string; noise?: NoiseProfile };
  const m = new Materializer(data.seed, data.noise ?? 'standard');
  port.on('message', (req: WorkRequest) => {
    let reply: WorkReply;
    try {
      reply = { id: req.id, text: chunkText(req.format, m, req.chunk) };
    } catch (err) {
      reply = { id: req.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    port.postMessage(reply);
  });
}
