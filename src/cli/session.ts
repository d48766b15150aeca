// A command's engine: the workspace opened (or the default one), calls through the in-process
// transport, jobs followed to the end with progress and Ctrl-C cancellation, and a clean close.
import path from 'node:path';
import type { Api } from '../shared/api/client';
import type { MethodInput, MethodName, MethodOutput } from '../shared/api/contract';
import { AppError, unwrap } from '../shared/api/result';
import type { Engine } from '../main/engine/engine';
import type { CliIO } from './io';
import { progressView } from './progress';

export interface SessionOptions {
  /** The workspace folder; the per-user default workspace when absent. */
  workspace?: string;
  /** Create the workspace folder when it does not exist. */
  create: boolean;
  /** The command, named in the workspace lock ("sanitizer import"). */
  command: string;
  /** A throw-away workspace: not added to the recent list. */
  temporary?: boolean;
  /** Only look at the workspace: nothing appended to its log at open or close (audit verify, audit list). */
  observeOnly?: boolean;
}

export interface Session {
  engine: Engine;
  api: Api;
  workspaceDir: string;
  call<K extends MethodName>(name: K, args: MethodInput<K>): Promise<MethodOutput<K>>;
  /** Starts a job-returning method and follows it to its end; returns the job's result. */
  runJob<K extends MethodName>(name: K, args: MethodInput<K>, label: string): Promise<unknown>;
}

export async function withSession<T>(io: CliIO, opts: SessionOptions, fn: (s: Session) => Promise<T>): Promise<T> {
  io.interrupts.throwIfInterrupted();
  // Loaded here, not at start-up, so that `--help` never waits for DuckDB.
  const { Engine } = await import('../main/engine/engine');
  const { inProcessApi } = await import('../main/engine/in-process');
  const engine = await Engine.start({
    ...(opts.workspace ? { workspaceDir: path.resolve(io.cwd, opts.workspace) } : {}),
    create: opts.create,
    processName: `sanitizer ${opts.command}`,
    rememberRecent: !opts.temporary,
    ...(opts.observeOnly ? { observeOnly: true } : {}),
    env: io.env,
  });
  try {
    io.interrupts.throwIfInterrupted();
    const api = inProcessApi(engine);
    const call = async <K extends MethodName>(name: K, args: MethodInput<K>) => unwrap(await api.send(name, args));
    const session: Session = {
      engine,
      api,
      workspaceDir: engine.workspace.dir,
      call,
      async runJob(name, args, label) {
        io.interrupts.throwIfInterrupted();
        const { jobId } = (await call(name, args)) as { jobId: string };
        const view = progressView((t) => io.err(t), io.errIsTTY, label);
        const offProgress = api.on('job.updated', (j) => {
          if (j.id === jobId) view.update(j);
        });
        const offInterrupt = io.interrupts.on(() => void api.send('job.cancel', { jobId }));
        try {
          const info = await engine.jobs.wait(jobId);
          if (info.state === 'succeeded') return info.result;
          if (info.state === 'cancelled' || io.interrupts.interrupted) throw new AppError('CANCELLED', `${label}: interrupted; nothing was left half-written.`);
          const e = info.error ?? { code: 'INTERNAL' as const, message: `${label} failed` };
          throw new AppError(e.code, e.message, e.details);
        } finally {
          offInterrupt();
          offProgress();
          view.done();
        }
      },
    };
    const result = await fn(session);
    if (!opts.temporary) await finishBackgroundJobs(engine, io);
    return result;
  } finally {
    await engine.close();
  }
}

/**
 * Lets background work a command started (a CSV import's compaction) finish before the engine
 * closes, with progress; Ctrl-C cancels it, which leaves the data as it was (uncompressed).
 * Throw-away workspaces skip this: closing cancels it.
 */
async function finishBackgroundJobs(engine: Engine, io: CliIO): Promise<void> {
  for (let running = engine.jobs.running(); running.length > 0; running = engine.jobs.running()) {
    for (const job of running) {
      const view = progressView((t) => io.err(t), io.errIsTTY, job.label);
      const offProgress = engine.events.on('job.updated', (j) => {
        if (j.id === job.id) view.update(j);
      });
      const offInterrupt = io.interrupts.on(() => engine.jobs.cancel(job.id));
      try {
        await engine.jobs.wait(job.id);
      } finally {
        offInterrupt();
        offProgress();
        view.done();
      }
    }
    io.interrupts.throwIfInterrupted();
  }
}
