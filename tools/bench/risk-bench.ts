// `npx tsx tools/bench/risk-bench.ts [--rows N] [--k K] [--runs R] [--quasi H]…`: measures the
// re-identification risk job (k-anonymity, the generalisation search) on the generated bench
// file through the real engine, in a workspace of its own under .bench/, imported once.
import { Command, InvalidArgumentError, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import type { RiskResult } from '../../src/shared/api/pii-types';
import { BENCH_DIR, ensureDataset } from './datasets';
import { openEngine, runJob } from './client';

const whole = (min: number) => (v: string) => {
  const n = Number(v.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number ≥ ${min}`);
  return n;
};

interface Opts {
  rows: number;
  k: number;
  runs: number;
  quasi?: string[][];
  seed: string;
}

/** The bench file's quasi-identifiers: the two risk.suggestQuasi proposes, then with city and country. */
const DEFAULT_SETS = [
  ['date_of_birth', 'postcode'],
  ['date_of_birth', 'postcode', 'city', 'country'],
];

const program = new Command('risk-bench')
  .addOption(new Option('--rows <n>', 'rows of the bench file').default(1_000_000).argParser(whole(1)))
  .addOption(new Option('--k <k>', 'target k').default(5).argParser(whole(2)))
  .addOption(new Option('--runs <n>', 'runs per column set').default(3).argParser(whole(1)))
  .option('--seed <seed>', 'generator seed', 'bench')
  .addOption(
    new Option('--quasi <headers>', 'comma-separated quasi-identifier headers (repeatable: one set per flag)')
      .argParser((v: string, prev: string[][] | undefined) => [...(prev ?? []), v.split(',').map((s) => s.trim())]),
  )
  .action(async (o: Opts) => {
    const log = (s: string) => console.error(s);
    const data = await ensureDataset(BENCH_DIR, 'csv', o.rows, o.seed, log);
    const ws = path.join(BENCH_DIR, `risk-${path.basename(data.file)}`, 'workspace');
    fs.mkdirSync(path.dirname(ws), { recursive: true });
    const b = await openEngine(ws);
    try {
      let datasetId = (await b.call('dataset.list', {})).find((d) => d.sourcePath === data.file)?.id;
      if (!datasetId) {
        log(`importing ${path.basename(data.file)} …`);
        const imp = await runJob(b, 'import.start', { path: data.file, options: {} });
        if (imp.job.state !== 'succeeded') throw new Error(`import failed: ${imp.job.error?.message ?? imp.job.state}`);
        datasetId = (imp.job.result as { datasetId: string }).datasetId;
        for (let running = b.engine.jobs.running(); running.length > 0; running = b.engine.jobs.running()) await Promise.all(running.map((j) => b.engine.jobs.wait(j.id)));
        log(`  imported in ${imp.wall.toFixed(1)} s`);
      }
      const detail = await b.call('dataset.get', { datasetId });
      const suggested = await b.call('risk.suggestQuasi', { datasetId, version: 1 });
      log(`suggested quasi-identifiers: ${suggested.map((s) => `${s.header} (${s.role})`).join(', ')}`);
      for (const headers of o.quasi ?? DEFAULT_SETS) {
        const ids = headers.map((h) => {
          const c = detail.columns.find((x) => x.header === h);
          if (!c) throw new Error(`no column ${h}; headers: ${detail.columns.map((x) => x.header).join(', ')}`);
          return c.id;
        });
        for (let i = 0; i < o.runs; i++) {
          const run = await runJob(b, 'risk.start', { datasetId, version: 1, quasi: ids, k: o.k });
          if (run.job.state !== 'succeeded') throw new Error(`risk failed: ${run.job.error?.message ?? run.job.state}`);
          const r = run.job.result as RiskResult;
          console.log(
            JSON.stringify({
              quasi: headers,
              k: o.k,
              rows: r.before.rows,
              wall: Math.round(run.wall * 100) / 100,
              cpu: Math.round(run.cpu * 100) / 100,
              stages: run.stages,
              peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
              classes: r.before.classes,
              achievedK: r.before.k,
              recordsBelowK: r.before.recordsBelowK,
              suggestions: r.suggestions.map((s) => `${s.generalisations.map((g) => g.label).join('; ')} → k ${s.k}, loss ${s.loss}`),
              notes: r.notes,
            }),
          );
        }
      }
    } finally {
      await b.close();
    }
  });

await program.parseAsync();
