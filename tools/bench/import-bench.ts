// `bench import`: per format, K imports of the same generated file, each in a fresh child
// process on a fresh workspace; every run's row count, last row id and digest are checked.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { GenFormat } from '../gen/generate';
import { ensureDataset, type Dataset } from './datasets';
import type { FormatSummary, ImportRun } from './results';
import { runChild } from './spawn';

export interface ImportBenchOptions {
  /** Cache of generated inputs and scratch workspaces. */
  dir: string;
  rows: number;
  runs: number;
  formats: GenFormat[];
  seed: string;
  log: (s: string) => void;
}

async function sha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A run that imported the wrong number of rows, renumbered them, or recorded another digest is a failure. */
export function verify(run: ImportRun, ds: Pick<Dataset, 'rows'>, digest: string): ImportRun {
  if (!run.ok) return run;
  const problems = [
    run.rows !== ds.rows && `${run.rows} rows instead of ${ds.rows}`,
    run.lastRowId !== ds.rows && `the last row has row id ${run.lastRowId}, not ${ds.rows}`,
    run.sha256 !== digest && `digest ${run.sha256} instead of ${digest}`,
  ].filter((p): p is string => typeof p === 'string');
  return problems.length === 0 ? run : { ok: false, error: problems.join('; '), wall: run.wall, stages: run.stages, peakRssMiB: run.peakRssMiB };
}

async function oneRun(benchDir: string, ds: Dataset, n: number): Promise<ImportRun> {
  const dir = path.join(benchDir, 'tmp', `import-${ds.format}-${process.pid}-${n}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  try {
    return await runChild<ImportRun>(['import', '--file', ds.file, '--workspace', path.join(dir, 'workspace')]);
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err), wall: 0, stages: {}, peakRssMiB: 0 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchImport(o: ImportBenchOptions): Promise<FormatSummary[]> {
  const out: FormatSummary[] = [];
  for (const format of o.formats) {
    const ds = await ensureDataset(o.dir, format, o.rows, o.seed, o.log);
    const digest = await sha256(ds.file);
    const runs: ImportRun[] = [];
    for (let n = 1; n <= o.runs; n++) {
      const run = verify(await oneRun(o.dir, ds, n), ds, digest);
      runs.push(run);
      o.log(
        run.ok
          ? `${format} run ${n}/${o.runs}: ${run.wall.toFixed(2)} s (job ${run.jobSeconds} s), peak RSS ${run.peakRssMiB.toFixed(0)} MiB`
          : `${format} run ${n}/${o.runs}: failed: ${run.error.split('\n')[0]}`,
      );
      if (!run.ok) break;
    }
    const failed = runs.find((r) => !r.ok);
    out.push({ format, file: ds.file, bytes: ds.bytes, rows: ds.rows, counts: ds.counts, runs, error: failed && !failed.ok ? failed.error : null });
  }
  return out;
}
