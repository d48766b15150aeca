// Long work as jobs: an id at once, throttled progress events (stage, done/total, rows/s, ETA),
// cancellation through an AbortSignal, and a final state that is always reported.
import { AppError, toErrorInfo } from '../../../shared/api/result';
import type { JobInfo, JobKind } from '../../../shared/api/types';

export interface ProgressUpdate {
  stage?: string;
  done?: number;
  total?: number | null;
  unit?: JobInfo['unit'];
  /** Rows handled so far, when known; drives rows/s. */
  rows?: number;
}

/**
 * What a job's work sees. Work that honours a cancel throws (throwIfCancelled, or CANCELLED from
 * a tracked query) and must leave nothing behind; work that returns normally has succeeded,
 * even if a cancel arrived too late to stop it, so the final state always tells the truth.
 */
export interface JobContext {
  readonly id: string;
  readonly signal: AbortSignal;
  progress(p: ProgressUpdate): void;
  /** Throws CANCELLED if the job was cancelled. */
  throwIfCancelled(): void;
  /** Registers work to do at the moment of cancellation (e.g. interrupt a DuckDB query). */
  onCancel(fn: () => void): () => void;
}

const KEEP_FINISHED = 50;

/**
 * A test seam, off unless SANITIZER_TEST_HOLD_JOBS names job kinds (comma-separated): a job of
 * such a kind waits, cancellable, before its work starts (at most HOLD_MAX_MS, then runs as
 * usual). End-to-end tests of Cancel use it so they need no file big enough to outlast a click.
 */
export const HOLD_ENV = 'SANITIZER_TEST_HOLD_JOBS';
const HOLD_MAX_MS = 60_000;

function holdForTest(kind: JobKind, signal: AbortSignal): Promise<void> {
  const kinds = (process.env[HOLD_ENV] ?? '').split(',').map((k) => k.trim());
  if (!kinds.includes(kind) || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, HOLD_MAX_MS);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
export const EMIT_EVERY_MS = 100;

interface Running {
  info: JobInfo;
  controller: AbortController;
  startedMs: number;
  lastEmit: number;
  /** A progress update held back by the throttle, sent when the interval has passed. */
  trailing: ReturnType<typeof setTimeout> | null;
  cancelHooks: Set<() => void>;
  ended: Promise<JobInfo>;
  resolveEnded: (info: JobInfo) => void;
}

export class JobManager {
  private jobs = new Map<string, Running>();
  private seq = 0;
  private readonly startListeners = new Set<(info: JobInfo) => void>();

  constructor(private readonly listener: (info: JobInfo) => void) {}

  /** A listener that throws (a closed window, a dropped client) must never stall a job. */
  private emit(info: JobInfo): void {
    try {
      this.listener({ ...info });
    } catch (err) {
      console.error(`job event listener failed: ${toErrorInfo(err).message}`);
    }
  }

  start<T>(kind: JobKind, label: string, work: (ctx: JobContext) => Promise<T>): JobInfo {
    const id = `j${++this.seq}`;
    const controller = new AbortController();
    let resolveEnded: (info: JobInfo) => void = () => undefined;
    const ended = new Promise<JobInfo>((r) => (resolveEnded = r));
    const job: Running = {
      ended,
      resolveEnded,
      info: {
        id, kind, label, state: 'running', stage: 'starting', done: 0, total: null, unit: 'steps',
        rowsPerSecond: null, etaSeconds: null, startedAt: new Date().toISOString(), finishedAt: null,
        error: null, result: null,
      },
      controller,
      startedMs: Date.now(),
      lastEmit: 0,
      trailing: null,
      cancelHooks: new Set(),
    };
    this.jobs.set(id, job);
    const ctx: JobContext = {
      id,
      signal: controller.signal,
      progress: (p) => this.progress(job, p),
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new AppError('CANCELLED', `${label}: cancelled`);
      },
      onCancel: (fn) => {
        job.cancelHooks.add(fn);
        return () => job.cancelHooks.delete(fn);
      },
    };
    this.emit(job.info);
    for (const fn of [...this.startListeners]) {
      try {
        fn({ ...job.info });
      } catch (err) {
        console.error(`job start listener failed: ${toErrorInfo(err).message}`);
      }
    }
    // Run on the next tick so the caller has the id before the work can report anything.
    void Promise.resolve()
      .then(() => holdForTest(kind, controller.signal))
      .then(() => {
        ctx.throwIfCancelled();
        return work(ctx);
      })
      .then(
        (result) => this.finish(job, 'succeeded', result, null),
        (err: unknown) => {
          const info = toErrorInfo(err);
          const cancelled = controller.signal.aborted || info.code === 'CANCELLED';
          this.finish(job, cancelled ? 'cancelled' : 'failed', null, cancelled ? { code: 'CANCELLED', message: `${label}: cancelled` } : info);
        },
      );
    return { ...job.info };
  }

  private progress(job: Running, p: ProgressUpdate): void {
    const i = job.info;
    if (i.state !== 'running') return;
    // Once cancelled, the stage stays "cancelling" whatever the work still reports.
    if (p.stage !== undefined && p.stage !== i.stage && !job.controller.signal.aborted) {
      i.stage = p.stage;
      job.lastEmit = 0; // a new stage is always shown
    }
    if (p.unit !== undefined) i.unit = p.unit;
    if (p.total !== undefined) i.total = p.total;
    if (p.done !== undefined) i.done = p.done;
    const elapsed = (Date.now() - job.startedMs) / 1000;
    if (p.rows !== undefined && elapsed > 0) i.rowsPerSecond = Math.round(p.rows / elapsed);
    if (i.total && i.done > 0 && elapsed > 0.2) {
      const frac = Math.min(1, i.done / i.total);
      i.etaSeconds = frac > 0 ? Math.max(0, Math.round((elapsed / frac - elapsed) * 10) / 10) : null;
    }
    const wait = job.lastEmit + EMIT_EVERY_MS - Date.now();
    if (wait <= 0) this.emitNow(job);
    else job.trailing ??= setTimeout(() => this.emitNow(job), wait);
  }

  private emitNow(job: Running): void {
    if (job.trailing) clearTimeout(job.trailing);
    job.trailing = null;
    if (job.info.state !== 'running') return;
    job.lastEmit = Date.now();
    this.emit(job.info);
  }

  private finish(job: Running, state: JobInfo['state'], result: unknown, error: JobInfo['error']): void {
    if (job.trailing) clearTimeout(job.trailing);
    job.trailing = null;
    const i = job.info;
    i.state = state;
    i.result = result ?? null;
    i.error = error;
    i.finishedAt = new Date().toISOString();
    i.etaSeconds = state === 'succeeded' ? 0 : null;
    if (state === 'succeeded' && i.total !== null) i.done = i.total;
    if (state === 'succeeded' && i.stage === 'cancelling') i.stage = 'finished before it could be cancelled';
    job.cancelHooks.clear();
    this.emit(i);
    job.resolveEnded({ ...i });
    this.prune();
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.info.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.info.id);
  }

  /** Calls `fn` whenever a job starts; returns the unsubscribe. */
  onStart(fn: (info: JobInfo) => void): () => void {
    this.startListeners.add(fn);
    return () => this.startListeners.delete(fn);
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', `no job ${id}`);
    if (job.info.state !== 'running') return false;
    if (job.controller.signal.aborted) return true; // already cancelling: the hooks ran once
    job.info.stage = 'cancelling';
    job.controller.abort();
    for (const fn of job.cancelHooks) {
      try {
        fn();
      } catch {
        // cancellation hooks are best effort; the job still ends as cancelled
      }
    }
    this.emitNow(job);
    return true;
  }

  get(id: string): JobInfo {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', `no job ${id}`);
    return { ...job.info };
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((j) => ({ ...j.info }));
  }

  running(): JobInfo[] {
    return this.list().filter((j) => j.state === 'running');
  }

  /** Resolves when the job ends (used by the CLI and tests); rejects NOT_FOUND for an unknown id. */
  wait(id: string): Promise<JobInfo> {
    const job = this.jobs.get(id);
    if (!job) return Promise.reject(new AppError('NOT_FOUND', `no job ${id}`));
    return job.ended;
  }
}
