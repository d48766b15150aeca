// Benchmark figures as Markdown sections of docs/BENCHMARKS.md, each between its own markers so
// a run replaces only its own section and leaves the hand-written text alone.
import fs from 'node:fs';
import path from 'node:path';
import { GENERATOR_VERSION } from '../gen/generate';
import type { GridBench } from './grid-bench';
import type { Machine } from './machine';
import type { FormatSummary, ImportRun } from './results';
import { max, median } from './stats';

type OkRun = Extract<ImportRun, { ok: true }>;
const okRuns = (s: FormatSummary) => s.runs.filter((r): r is OkRun => r.ok);
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const s2 = (n: number) => n.toFixed(2);
export const verdict = (pass: boolean) => (pass ? '✅ met' : '❌ missed');
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;

/** "889,666 customers; 74,831 exact (7.5 %) and 35,503 near duplicates (3.6 %)" */
export function describeCounts(c: FormatSummary['counts'], rows: number): string {
  if (!c) return '';
  return ` — ${int(c.original)} customers; ${int(c.exact)} exact (${pct(c.exact, rows)}) and ${int(c.near)} near duplicates (${pct(c.near, rows)})`;
}

export const TARGET = { csvSeconds: 3, rssMiB: 1024, windowP95Ms: 50 } as const;

export function machineLines(m: Machine, date: string, note: string | null): string[] {
  const busy = m.load[0] > m.cores * 0.5 || m.load[1] > m.cores * 0.5;
  return [
    `Measured ${date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}; Node ${m.node}, DuckDB ${m.duckdb}.`,
    `Load average (1 min) ${m.load[0].toFixed(1)} at the start and ${m.load[1].toFixed(1)} at the end` +
      (busy ? ` — **a busy machine: other work competed for the ${m.cores} cores, so these figures are pessimistic and noisy.**` : '.'),
    ...(note ? [`Note: ${note}`] : []),
  ];
}

/** When each stage (as the job reports it) began, median over the runs. */
export function stageTable(runs: { stages: Record<string, number>; wall: number }[]): string[] {
  const names = Object.keys(runs[0]?.stages ?? {});
  if (names.length === 0) return [];
  const lines = ['| stage (as the job reports it) | starts at (median s) |', '| --- | ---: |'];
  for (const n of names) lines.push(`| ${n} | ${s2(median(runs.map((r) => r.stages[n] ?? Number.NaN)))} |`);
  lines.push(`| finished | ${s2(median(runs.map((r) => r.wall)))} |`);
  return lines;
}

export function importSection(results: FormatSummary[], m: Machine, date: string, seed: string, note: string | null): string {
  const rows = results[0]?.rows ?? 0;
  const counts = results.find((r) => r.counts)?.counts ?? null;
  const lines = [
    '## Import',
    '',
    ...machineLines(m, date, note),
    '',
    `Data: ${int(rows)} customer records × 14 columns from \`npm run gen -- --rows ${rows} --seed ${seed}\` (generator v${GENERATOR_VERSION})${describeCounts(counts, rows)}; ` +
      'the same records in every format (Parquet with typed balance and signup date). Each run is a fresh child process with a ' +
      'fresh workspace, importing through the engine and its in-process API (the code path of the app and the CLI); the file is in ' +
      'the OS page cache. *Wall* runs from `import.start` to the job\'s final event; *job* is the ImportResult\'s own `seconds` ' +
      '(0.1 s resolution); *CPU* is the CPU time of the whole process meanwhile (all DuckDB threads), steadier than wall time ' +
      'when other work competes for the cores. Every run is checked afterwards: row count, the last row\'s row id and the recorded SHA-256.',
    '',
    '| format | file | runs | wall, median | job, median | CPU, median | rows/s | peak RSS, median | peak RSS, max | then compaction, median | checked |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const s of results) {
    const ok = okRuns(s);
    if (ok.length === 0) {
      lines.push(`| ${s.format} | ${mb(s.bytes)} | 0 | — | — | — | — | — | — | — | not measured: ${(s.error ?? '').split('\n')[0]!.replaceAll('|', '\\|')} |`);
      continue;
    }
    const wall = median(ok.map((r) => r.wall));
    lines.push(
      `| ${s.format} | ${mb(s.bytes)} | ${ok.length} | ${s2(wall)} s | ${s2(median(ok.map((r) => r.jobSeconds)))} s | ${s2(median(ok.map((r) => r.cpu)))} s | ${int(s.rows / wall)} | ` +
        `${int(median(ok.map((r) => r.peakRssMiB)))} MiB | ${int(max(ok.map((r) => r.peakRssMiB)))} MiB | ${compaction(ok)} | ${s.error ? `failed: ${s.error}` : 'rows, row ids, digest'} |`,
    );
  }
  const csv = results.find((r) => r.format === 'csv');
  const csvOk = csv ? okRuns(csv) : [];
  if (csvOk.length > 0) {
    const wall = median(csvOk.map((r) => r.wall));
    const rss = max(csvOk.map((r) => r.peakRssMiB));
    lines.push(
      '',
      `Targets (issue 2), for the CSV of ${int(csv!.rows)} rows: import with row ids and digest under ${TARGET.csvSeconds} s — ` +
        `${s2(wall)} s, ${verdict(wall < TARGET.csvSeconds)}; peak RSS under 1 GiB — ${int(rss)} MiB, ${verdict(rss < TARGET.rssMiB)}.`,
      '',
      'Where a CSV import spends its time (job stages, from the job\'s progress events):',
      '',
      ...stageTable(csvOk),
    );
  }
  return lines.join('\n');
}

/** The background compaction's median time, or a dash for formats that load compressed. */
function compaction(runs: { compactSeconds: number | null }[]): string {
  const times = runs.map((r) => r.compactSeconds).filter((x): x is number => x !== null);
  return times.length === 0 ? '—' : `${s2(median(times))} s`;
}

export function gridSection(g: GridBench, m: Machine, date: string, note: string | null): string {
  const r = g.result;
  const rec = g.importRecord;
  const imp = rec?.run.ok ? rec.run : null;
  const row = (name: string, w: GridBench['result']['unsorted']) =>
    `| ${name} | ${w.count} × ${w.limit} rows × ${r.columns} columns | ${s2(w.p50)} ms | ${s2(w.p95)} ms | ${s2(w.max)} ms | ${verdict(w.p95 < TARGET.windowP95Ms)} |`;
  return [
    '## Grid',
    '',
    ...machineLines(m, date, note),
    '',
    `Data: ${int(r.rows)} generated rows × ${r.columns} columns (${mb(g.dataset.bytes)} CSV, seed ${g.dataset.seed}${describeCounts(g.dataset.counts, r.rows)}), really generated and ` +
      `imported (not replicated inside DuckDB)${imp && rec ? `; that import took ${s2(imp.wall)} s (${s2(imp.cpu)} CPU-s) at peak RSS ${int(imp.peakRssMiB)} MiB, measured ${rec.date} at load ${rec.load.toFixed(1)}` : ''}. ` +
      'Windows are `grid.window` calls through the in-process API at seeded random offsets, timed from call to answer, after 5 ' +
      `unmeasured warm-up calls; the sorted view is \`grid.openView\` sorting by ${r.sortColumn}, then windows with its \`viewId\`. ` +
      `Target (issue 2): a keyed window at 10M rows under ${TARGET.windowP95Ms} ms at p95.`,
    '',
    '| windows | size | p50 | p95 | max | target |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    row('unsorted', r.unsorted),
    row('sorted view', r.sorted),
    '',
    '| job | seconds |',
    '| --- | ---: |',
    `| sort by ${r.sortColumn} (\`grid.openView\`, builds the view) | ${s2(r.sortSeconds)} |`,
    `| filter "müller" over all columns (${r.filterMatches === null ? '?' : int(r.filterMatches)} matches) | ${s2(r.filterSeconds)} |`,
    '',
    `Peak RSS of the grid process: ${int(r.peakRssMiB)} MiB.`,
  ].join('\n');
}

const HEADER = [
  '# Benchmarks',
  '',
  'Figures written by `npm run bench` (tools/bench); each section is replaced by the run that measures it.',
  '`npm run bench -- import|grid|profile|all [--rows N] [--runs K] [--formats csv,jsonl,json,parquet,xlsx]`.',
  'Generated inputs are cached in `.bench/` (git-ignored), keyed by rows, seed and generator version.',
  '',
].join('\n');

/** Replaces (or adds) the section between `<!-- bench:NAME:begin -->` and `<!-- bench:NAME:end -->`. */
export function writeSection(doc: string, name: string, body: string): void {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${begin}\n${body}\n${end}`;
  const text = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : HEADER;
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  const next = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  fs.mkdirSync(path.dirname(doc), { recursive: true });
  const temp = `${doc}.tmp-${process.pid}`;
  fs.writeFileSync(temp, next);
  fs.renameSync(temp, doc);
}
