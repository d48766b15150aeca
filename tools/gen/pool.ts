// Worker threads that format chunks in parallel. The workers are TypeScript, so each starts from
// a small JavaScript entry that registers tsx's loader (under vitest as under the tsx CLI).
import { Worker } from 'node:worker_threads';
import type { NoiseProfile } from './hard';
import type { PlanChunk } from './plan';
import type { TextFormat } from './text';
import type { WorkReply, WorkRequest } from './worker';

interface Waiter {
  resolve: (text: string) => void;
  reject: (err: Error) => void;
}

export class FormatPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, Waiter>();
  private seq = 0;
  private failed: Error | null = null;

  constructor(size: number, seed: string, noise: NoiseProfile = 'standard') {
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { seed, noise }, execArgv: [] });
      w.on('message', (r: WorkReply) => this.settle(r));
      w.on('error', (err) => this.fail(err));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a generator worker stopped with exit code ${code}`));
      });
      return w;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  private settle(r: WorkReply): void {
    const w = this.waiting.get(r.id);
    if (!w) return;
    this.waiting.delete(r.id);
    if ('error' in r) w.reject(new Error(`generator worker: ${r.error}`));
    else w.resolve(r.text);
  }

  private fail(err: Error): void {
    this.failed ??= err;
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }

  /** Formats a chunk on the next worker (round robin); the chunk's arrays move to that thread. */
  format(format: TextFormat, chunk: PlanChunk): Promise<string> {
    if (this.failed) return Promise.reject(this.failed);
    const id = ++this.seq;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise<string>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const req: WorkRequest = { id, format, chunk };
      worker.postMessage(req, [chunk.kind.buffer as ArrayBuffer, chunk.entity.buffer as ArrayBuffer, chunk.nearSeq.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
