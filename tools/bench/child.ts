// One measured benchmark run, in a process of its own so that its peak RSS is its own:
// `import` imports one file into a fresh workspace; `grid` opens (importing once) a large dataset
// and times grid windows, unsorted and through a sorted view; `profile-setup` and `profile`
// import once, then profile the cached dataset. Prints one result line.
import { Command } from 'commander';
import type { ImportResult } from '../../src/shared/api/types';
import { Rng, seedWords } from '../gen/prng';
import { cleanOnce, type CleanRun } from './clean-bench';
import { dedupeOnce } from './dedupe-bench';
import { openEngine, runJob, type BenchEngine } from './client';
import { piiSetup, piiSpeedOnce } from './pii-speed';
import { profileOnce, profileSetup } from './profile-run';
import { RESULT_MARK, type GridResult, type ImportRun, type ProfileRun, type ProfileSetup, type WindowStats } from './results';
import { max, percentile } from './stats';

const rssMiB = () => process.resourceUsage().maxRSS / 1024;

function emit(result: ImportRun | GridResult | ProfileRun | ProfileSetup | CleanRun): void {
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
}

async function importOnce(b: BenchEngine, file: string): Promise<ImportRun> {
  const run = await runJob(b, 'import.start', { path: file });
  if (run.job.state !== 'succeeded') {
    return { ok: false, error: `${run.job.error?.code ?? run.job.state}: ${run.job.error?.message ?? ''}`, wall: run.wall, stages: run.stages, peakRssMiB: rssMiB() };
  }
  const r = run.job.result as ImportResult;
  // Checked after the clock stopped: the last row carries row id N, and the digest is recorded.
  const last = await b.call('grid.window', { datasetId: r.datasetId, version: 1, offset: r.rowCount - 1, limit: 1 });
  const detail = await b.call('dataset.get', { datasetId: r.datasetId });
  const compactSeconds = await backgroundCompaction(b);
  return {
    ok: true, wall: run.wall, jobSeconds: r.seconds, cpu: run.cpu, rows: r.rowCount, columns: r.columns.length, stages: run.stages,
    lastRowId: last.rowIds[0] ?? null, sha256: detail.dataset.sourceSha256, peakRssMiB: rssMiB(), datasetId: r.datasetId, compactSeconds,
  };
}

/** Waits for the compaction a CSV import starts in the background; its time is reported apart. */
async function backgroundCompaction(b: BenchEngine): Promise<number | null> {
  const job = b.engine.jobs.running().find((j) => j.kind === 'compact');
  if (!job) return null;
  const t0 = performance.now();
  const end = await b.engine.jobs.wait(job.id);
  if (end.state !== 'succeeded') throw new Error(`the background compaction ${end.state}: ${end.error?.message ?? ''}`);
  return (performance.now() - t0) / 1000;
}

async function windows(b: BenchEngine, datasetId: string, total: number, count: number, seed: string, viewId?: string): Promise<WindowStats> {
  const rng = new Rng(seedWords(`grid-windows:${seed}`));
  const limit = 50;
  const times: number[] = [];
  for (let i = 0; i < count + 5; i++) {
    const offset = rng.int(0, Math.max(0, total - limit));
    const t0 = performance.now();
    const w = await b.call('grid.window', { datasetId, version: 1, offset, limit, ...(viewId ? { viewId } : {}) });
    const ms = performance.now() - t0;
    if (w.rows.length !== Math.min(limit, total - offset)) throw new Error(`grid.window at ${offset} returned ${w.rows.length} rows`);
    // The first few warm caches and JIT; they are reported apart from the figures.
    if (i >= 5) times.push(ms);
  }
  return { count, limit, p50: percentile(times, 50), p95: percentile(times, 95), max: max(times) };
}

async function grid(o: { file: string; workspace: string; windows: number; seed: string; sortColumn: string }): Promise<GridResult> {
  const b = await openEngine(o.workspace);
  try {
    const listed = await b.call('dataset.list', {});
    let ds = listed.find((d) => d.sourcePath === o.file);
    let imported: ImportRun | null = null;
    if (!ds) {
      imported = await importOnce(b, o.file);
      if (!imported.ok) throw new Error(`import of ${o.file} failed: ${imported.error}`);
      ds = (await b.call('dataset.list', {})).find((d) => d.sourcePath === o.file);
    }
    if (!ds) throw new Error(`${o.file} is not in the workspace after its import`);
    const total = ds.versions[0]!.rowCount;
    const detail = await b.call('dataset.get', { datasetId: ds.id });
    const unsorted = await windows(b, ds.id, total, o.windows, o.seed);
    const sort = await runJob(b, 'grid.openView', { datasetId: ds.id, version: 1, spec: { sort: [{ columnId: o.sortColumn, direction: 'asc' }] } });
    if (sort.job.state !== 'succeeded') throw new Error(`sort failed: ${sort.job.error?.message}`);
    const view = sort.job.result as { viewId: string; total: number };
    const sorted = await windows(b, ds.id, view.total, o.windows, `${o.seed}-sorted`, view.viewId);
    await b.call('grid.closeView', { viewId: view.viewId });
    const filter = await runJob(b, 'grid.openView', { datasetId: ds.id, version: 1, spec: { filter: { text: 'müller' } } });
    const filtered = filter.job.result as { viewId: string; total: number } | null;
    if (filtered) await b.call('grid.closeView', { viewId: filtered.viewId });
    const sortHeader = detail.columns.find((c) => c.id === o.sortColumn)?.header ?? o.sortColumn;
    return {
      rows: total, columns: detail.columns.length, imported, unsorted, sorted,
      sortSeconds: sort.wall, sortColumn: sortHeader, filterSeconds: filter.wall, filterMatches: filtered?.total ?? null, peakRssMiB: rssMiB(),
    };
  } finally {
    await b.close();
  }
}

const program = new Command('bench-child').exitOverride();
program
  .command('import')
  .requiredOption('--file <file>')
  .requiredOption('--workspace <dir>')
  .action(async (o: { file: string; workspace: string }) => {
    const b = await openEngine(o.workspace);
    try {
      emit(await importOnce(b, o.file));
    } finally {
      await b.close();
    }
  });
program
  .command('grid')
  .requiredOption('--file <file>')
  .requiredOption('--workspace <dir>')
  .option('--windows <n>', 'windows per measurement', (v) => Number(v), 300)
  .option('--seed <seed>', 'seed of the window positions', '1')
  .option('--sort-column <id>', 'column id to sort by', 'c3')
  .action(async (o: { file: string; workspace: string; windows: number; seed: string; sortColumn: string }) => emit(await grid(o)));

program
  .command('profile-setup')
  .requiredOption('--file <file>')
  .requiredOption('--workspace <dir>')
  .action(async (o: { file: string; workspace: string }) => emit(await profileSetup(o.file, o.workspace, importOnce)));
program
  .command('profile')
  .requiredOption('--file <file>')
  .requiredOption('--workspace <dir>')
  .action(async (o: { file: string; workspace: string }) => emit(await profileOnce(o.file, o.workspace)));
program
  .command('clean')
  .requiredOption('--file <file>')
  .requiredOption('--workspace <dir>')
  .action(async (o: { file: string; workspace: string }) => emit(await cleanOnce(o.file, o.workspace)));
program
  .command('pii-setup')
  .requiredOption('--file <file>')
  .requiredOption('--workspace <dir>')
  .action(async (o: { file: string; workspace: string }) => {
    process.stdout.write(`${RESULT_MARK}${JSON.stringify(await piiSetup(o.file, o.workspace, importOnce))}\n`);
  });
program
  .command('pii')
  .requiredOption('--file <file>')
  .requiredOption('--workspace <dir>')
  .action(async (o: { file: string; workspace: string }) => {
    process.stdout.write(`${RESULT_MARK}${JSON.stringify(await piiSpeedOnce(o.file, o.workspace))}\n`);
  });

program
  .command('dedupe')
  .requiredOption('--file <file>')
  .requiredOption('--clusters <file>')
  .requiredOption('--home <dir>', 'the app-data folder for this run (kept out of the user\'s own)')
  .action(async (o: { file: string; clusters: string; home: string }) => {
    process.stdout.write(`${RESULT_MARK}${JSON.stringify(await dedupeOnce(o.file, o.clusters, o.home))}\n`);
  });

await program.parseAsync();
