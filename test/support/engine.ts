// Test support: an engine on a fresh on-disk workspace in a temp folder, and helpers to run
// jobs to the end through the real in-process transport.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Api } from '../../src/shared/api/client';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api/contract';
import type { ErrorInfo } from '../../src/shared/api/result';
import type { ImportOptions, ImportResult, JobInfo } from '../../src/shared/api/types';
import { Engine } from '../../src/main/engine/engine';
import { inProcessApi } from '../../src/main/engine/in-process';
import type { WorkerPoolOptions } from '../../src/main/engine/workers/pool';

export interface TestEngine {
  engine: Engine;
  api: Api;
  dir: string;
  /** Calls a method and returns its value, failing the test on an error result. */
  call<K extends MethodName>(name: K, args: MethodInput<K>): Promise<MethodOutput<K>>;
  /** Calls a method expecting an error result; returns the error. */
  fail<K extends MethodName>(name: K, args: MethodInput<K>): Promise<ErrorInfo>;
  /** Starts a job-returning method and waits for the job to end. */
  runJob<K extends MethodName>(name: K, args: MethodInput<K>): Promise<JobInfo>;
  importFile(file: string, options?: ImportOptions): Promise<ImportResult>;
  /** Waits until no job runs (e.g. the compaction a CSV import starts in the background). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'ds-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startTestEngine(opts: { workspaceDir?: string; roots?: string[]; workers?: WorkerPoolOptions; loadUncompressedFromBytes?: number } = {}): Promise<TestEngine> {
  const dir = opts.workspaceDir ?? path.join(tempDir(), 'workspace');
  const home = tempDir('ds-home-');
  const engine = await Engine.start({
    workspaceDir: dir,
    create: true,
    processName: 'vitest',
    rememberRecent: false,
    roots: opts.roots ?? [],
    env: { ...process.env, DATA_SANITIZER_HOME: home },
    ...(opts.workers ? { workers: opts.workers } : {}),
    ...(opts.loadUncompressedFromBytes !== undefined ? { loadUncompressedFromBytes: opts.loadUncompressedFromBytes } : {}),
  });
  const api = inProcessApi(engine);
  const call = async <K extends MethodName>(name: K, args: MethodInput<K>) => {
    const r = await api.send(name, args);
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  const fail = async <K extends MethodName>(name: K, args: MethodInput<K>) => {
    const r = await api.send(name, args);
    if (r.ok) throw new Error(`${name} was expected to fail but returned ${JSON.stringify(r.value).slice(0, 200)}`);
    return r.error;
  };
  const runJob = async <K extends MethodName>(name: K, args: MethodInput<K>) => {
    const { jobId } = (await call(name, args)) as { jobId: string };
    return engine.jobs.wait(jobId);
  };
  return {
    engine,
    api,
    dir,
    call,
    fail,
    runJob,
    async importFile(file, options = {}) {
      const job = await runJob('import.start', { path: file, options });
      if (job.state !== 'succeeded') throw new Error(`import of ${file} ${job.state}: ${job.error?.code}: ${job.error?.message}`);
      return job.result as ImportResult;
    },
    async settle() {
      for (let running = engine.jobs.running(); running.length > 0; running = engine.jobs.running()) {
        await Promise.all(running.map((j) => engine.jobs.wait(j.id)));
      }
    },
    async close() {
      await engine.close();
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Reads every row of a dataset version through grid windows (as display text). */
export async function readAll(t: TestEngine, datasetId: string, version = 1): Promise<{ rowIds: number[]; rows: (string | null)[][] }> {
  const rowIds: number[] = [];
  const rows: (string | null)[][] = [];
  for (let offset = 0; ; offset += 2000) {
    const w = await t.call('grid.window', { datasetId, version, offset, limit: 2000 });
    rowIds.push(...w.rowIds);
    rows.push(...w.rows);
    if (offset + 2000 >= w.total) break;
  }
  return { rowIds, rows };
}

/** Writes a fixture file into a temp folder and returns its path. */
export function writeFixture(dir: string, name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}
