// The benchmark's side of the engine: a real Engine on a given workspace folder, driven only
// through the in-process API (the same dispatcher, validation and JSON round trip as the app's
// transports), and a job waiter that also notes when each stage began.
import fs from 'node:fs';
import path from 'node:path';
import { Engine } from '../../src/main/engine/engine';
import { inProcessApi } from '../../src/main/engine/in-process';
import type { Api } from '../../src/shared/api/client';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api/contract';
import type { JobInfo } from '../../src/shared/api/types';

export interface BenchEngine {
  engine: Engine;
  api: Api;
  call<K extends MethodName>(name: K, args: MethodInput<K>): Promise<MethodOutput<K>>;
  close(): Promise<void>;
}

export async function openEngine(workspaceDir: string): Promise<BenchEngine> {
  const home = path.join(path.dirname(workspaceDir), `${path.basename(workspaceDir)}-home`);
  fs.mkdirSync(home, { recursive: true });
  const engine = await Engine.start({
    workspaceDir,
    create: true,
    processName: 'benchmark',
    rememberRecent: false,
    env: { ...process.env, DATA_SANITIZER_HOME: home },
  });
  const api = inProcessApi(engine);
  return {
    engine,
    api,
    async call(name, args) {
      const r = await api.send(name, args);
      if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
      return r.value;
    },
    close: () => engine.close(),
  };
}

export interface JobRun {
  job: JobInfo;
  /** Seconds from the call that started the job to its final event. */
  wall: number;
  /** CPU seconds the whole process (every DuckDB thread included) spent meanwhile: steadier than wall time on a busy machine. */
  cpu: number;
  /** Seconds after the start at which each stage was first reported. */
  stages: Record<string, number>;
}

/** Starts a job-returning method and waits for its final event, timing it from the call. */
export async function runJob<K extends MethodName>(b: BenchEngine, name: K, args: MethodInput<K>): Promise<JobRun> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const stages: Record<string, number> = {};
  const events: JobInfo[] = [];
  let jobId: string | null = null;
  let finished: (info: JobInfo) => void = () => undefined;
  const done = new Promise<JobInfo>((r) => (finished = r));
  const seen = (info: JobInfo) => {
    if (info.id !== jobId) return;
    stages[info.stage] ??= (performance.now() - t0) / 1000;
    if (info.state !== 'running') finished(info);
  };
  const off = b.api.on('job.updated', (info) => (jobId === null ? events.push(info) : seen(info)));
  try {
    const started = (await b.call(name, args)) as { jobId: string };
    jobId = started.jobId;
    events.forEach(seen);
    const current = await b.call('job.get', { jobId });
    if (current.state !== 'running') finished(current);
    const job = await done;
    const c = process.cpuUsage(c0);
    return { job, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, stages };
  } finally {
    off();
  }
}
