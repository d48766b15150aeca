// Background housekeeping (compaction) gives way to what the user asked for: it starts only once
// no other job has run for a moment, and a long job started meanwhile (an import, a run, a
// profile…) interrupts it; it then waits and starts again. Short jobs (a live preview, a grid
// view) make it wait but never interrupt it, so editing a policy cannot keep restarting it.
// Measured: a compaction running beside a cleaning run right after an import slowed the run by a
// third on two cores.
import { AppError } from '../../../shared/api/result';
import type { JobInfo, JobKind } from '../../../shared/api/types';
import type { JobContext, JobManager } from './jobs';

/** How long the other jobs must have been quiet before background work starts. */
export const IDLE_MS = 1000;
const POLL_MS = 100;

/** Whether a job is background work (does not make background work wait). */
export type IsBackground = (job: JobInfo) => boolean;

/** Jobs too short to be worth interrupting background work for. */
const SHORT: ReadonlySet<JobKind> = new Set(['preview', 'view']);

const othersRunning = (jobs: JobManager, ctx: JobContext, isBackground: IsBackground) =>
  jobs.running().some((j) => j.id !== ctx.id && !isBackground(j));

export async function whenIdle(jobs: JobManager, ctx: JobContext, isBackground: IsBackground): Promise<void> {
  let quietSince = Date.now();
  for (;;) {
    ctx.throwIfCancelled();
    if (othersRunning(jobs, ctx, isBackground)) quietSince = Date.now();
    else if (Date.now() - quietSince >= IDLE_MS) return;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/**
 * Runs `work` when the other jobs are quiet; if a long one starts meanwhile, `work` is interrupted
 * (through its context, as a cancel would) and run again later. `work` must leave nothing
 * behind when interrupted, as for a cancel.
 */
export async function inBackground<T>(jobs: JobManager, ctx: JobContext, isBackground: IsBackground, work: (ctx: JobContext) => Promise<T>): Promise<T> {
  for (;;) {
    ctx.progress({ stage: 'waiting for other work to finish' });
    await whenIdle(jobs, ctx, isBackground);
    const inner = new AbortController();
    const hooks = new Set<() => void>();
    let yielded = false;
    const stop = () => {
      if (inner.signal.aborted) return;
      inner.abort();
      for (const fn of hooks) fn();
    };
    const offCancel = ctx.onCancel(stop);
    const offStart = jobs.onStart((j) => {
      if (j.id === ctx.id || isBackground(j) || SHORT.has(j.kind)) return;
      yielded = true;
      stop();
    });
    // A job may have started between the idle check and the subscription: look again.
    if (othersRunning(jobs, ctx, isBackground)) {
      offCancel();
      offStart();
      continue;
    }
    const child: JobContext = {
      id: ctx.id,
      signal: inner.signal,
      progress: (p) => ctx.progress(p),
      throwIfCancelled: () => {
        if (inner.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
      },
      onCancel: (fn) => {
        hooks.add(fn);
        return () => hooks.delete(fn);
      },
    };
    try {
      return await work(child);
    } catch (err) {
      if (!yielded || ctx.signal.aborted) throw err;
    } finally {
      offCancel();
      offStart();
    }
  }
}
