// The engine's worker-thread pool (piscina) for CPU work on batches — e.g. keys of distinct values.
// One per engine, started on first use and closed with the engine. `map` runs small inputs
// in-process (starting a worker costs more than a few thousand values take) and large ones in
// parallel batches, in order, with progress and cancellation (an abort ends the worker's task).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { AppError } from '../../../shared/api/result';
import { runTask, type TaskInput, type TaskMessage, type TaskName, type TaskOutput } from './tasks';

/** Below this many items, `map` runs in-process. */
export const IN_PROCESS_BELOW = 5000;
const IDLE_TIMEOUT_MS = 30_000;
/** The built app's worker entry (an extra input in electron.vite.config.ts). */
export const BUILT_ENTRY = 'engine-worker.js';

export interface WorkerPoolOptions {
  /** Threads at most (default: one per core, at most 8). */
  maxThreads?: number;
  /** Items below which `map` stays in-process (default IN_PROCESS_BELOW). */
  inProcessBelow?: number;
}

export interface MapOptions<T, K extends TaskName> {
  /** Builds one task input from a batch of items. */
  input(batch: T[]): TaskInput<K>;
  signal?: AbortSignal;
  /** Called after each batch with the number of items done. */
  onProgress?(done: number): void;
  /** Forces the path (tests compare both); by default chosen by size. */
  where?: 'in-process' | 'workers';
}

/**
 * The file a worker thread loads. From TypeScript source (this module's own file is `.ts`), a
 * boot file that registers tsx first; in the build, the bundled entry that electron-vite emits
 * beside the main entries — this module may itself sit in `out/main/chunks/`, so look up too.
 */
export function workerEntry(moduleUrl: string = import.meta.url): string {
  const self = fileURLToPath(moduleUrl);
  const here = path.dirname(self);
  if (/\.[cm]?tsx?$/.test(self)) return path.join(here, 'worker-boot.mjs');
  const candidates = [path.join(here, BUILT_ENTRY), path.join(here, '..', BUILT_ENTRY)];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new AppError('INTERNAL', `The worker entry ${BUILT_ENTRY} is missing from the build (looked in ${candidates.join(', ')}).`);
  return found;
}

const cancelled = () => new AppError('CANCELLED', 'cancelled');
const nextTick = () => new Promise<void>((r) => setImmediate(r));

export class WorkerPool {
  private piscina: Piscina<TaskMessage, unknown> | null = null;
  private runInWorkers = 0;
  readonly maxThreads: number;
  readonly inProcessBelow: number;

  constructor(options: WorkerPoolOptions = {}) {
    this.maxThreads = options.maxThreads ?? Math.max(1, Math.min(8, os.availableParallelism()));
    this.inProcessBelow = options.inProcessBelow ?? IN_PROCESS_BELOW;
  }

  /** Tasks run in worker threads so far (tests check which path was taken). */
  get tasksRunInWorkers(): number {
    return this.runInWorkers;
  }

  private pool(): Piscina<TaskMessage, unknown> {
    this.piscina ??= new Piscina<TaskMessage, unknown>({
      filename: workerEntry(),
      minThreads: 0,
      maxThreads: this.maxThreads,
      idleTimeout: IDLE_TIMEOUT_MS,
      // The parent's flags (a test runner's loaders, inspectors) are not the worker's business.
      execArgv: [],
    });
    return this.piscina;
  }

  /** Runs one task in a worker thread. */
  async run<K extends TaskName>(task: K, input: TaskInput<K>, signal?: AbortSignal): Promise<TaskOutput<K>> {
    if (signal?.aborted) throw cancelled();
    try {
      const out = await this.pool().run({ task, input }, signal ? { signal } : {});
      this.runInWorkers++;
      return out as TaskOutput<K>;
    } catch (err) {
      if (signal?.aborted) throw cancelled();
      throw err;
    }
  }

  /** Batches `items`, runs `task` on each batch, and returns the outputs in batch order. */
  async map<K extends TaskName, T>(task: K, items: readonly T[], o: MapOptions<T, K>): Promise<TaskOutput<K>[]> {
    const where = o.where ?? (items.length < this.inProcessBelow ? 'in-process' : 'workers');
    const size = batchSize(items.length, where === 'workers' ? this.maxThreads : 1);
    const batches: T[][] = [];
    for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
    if (where === 'in-process') return this.mapInProcess(task, batches, o);
    return this.mapInWorkers(task, batches, o);
  }

  /** Two batches in flight per thread: threads never wait for the next one, and no more are cloned up front. */
  private async mapInWorkers<K extends TaskName, T>(task: K, batches: T[][], o: MapOptions<T, K>): Promise<TaskOutput<K>[]> {
    const out = new Array<TaskOutput<K>>(batches.length);
    let next = 0;
    let done = 0;
    const lane = async () => {
      for (let i = next++; i < batches.length; i = next++) {
        const b = batches[i]!;
        out[i] = await this.run(task, o.input(b), o.signal);
        done += b.length;
        o.onProgress?.(done);
      }
    };
    await Promise.all(Array.from({ length: Math.min(batches.length, this.maxThreads * 2) }, lane));
    return out;
  }

  /** In-process, a batch at a time, yielding between batches so a cancel can arrive. */
  private async mapInProcess<K extends TaskName, T>(task: K, batches: T[][], o: MapOptions<T, K>): Promise<TaskOutput<K>[]> {
    const out: TaskOutput<K>[] = [];
    let done = 0;
    for (const b of batches) {
      if (o.signal?.aborted) throw cancelled();
      out.push(runTask({ task, input: o.input(b) }) as TaskOutput<K>);
      done += b.length;
      o.onProgress?.(done);
      await nextTick();
    }
    if (o.signal?.aborted) throw cancelled();
    return out;
  }

  /** Ends the threads (running tasks are abandoned). */
  async close(): Promise<void> {
    const p = this.piscina;
    this.piscina = null;
    if (p) await p.destroy();
  }
}

/** Several batches per thread keep threads busy to the end; very small batches waste messages. */
function batchSize(items: number, threads: number): number {
  return Math.max(1000, Math.min(20_000, Math.ceil(items / (threads * 4))));
}
