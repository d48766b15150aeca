// `bench pii` (speed): the generated CSV imported once into a cached workspace of its own, then K
// scans of it (`pii.start`, every column), each in a fresh child process: wall, CPU, stages and
// peak RSS; the section for docs/BENCHMARKS.md. (Accuracy is tools/bench/pii-accuracy.ts.)
import fs from 'node:fs';
import path from 'node:path';
import type { PiiScanSummary } from '../../src/shared/api/pii-types';
import { openEngine, runJob, type BenchEngine } from './client';
import { ensureDataset } from './datasets';
import type { Machine } from './machine';
import { machineLines } from './report';
import type { ImportRun } from './results';
import { runChild } from './spawn';
import { median } from './stats';

export const PII_SPEED_TARGET = { seconds: 10, rssMiB: 1536 } as const;

export type PiiSpeedRun =
  | { ok: true; wall: number; cpu: number; jobSeconds: number; rows: number; columns: number; findings: number; byEntity: { entity: string; findings: number }[];
      classes: { header: string; entity: string | null; share: number; confidence: number; freeText: boolean }[]; stages: Record<string, number>; peakRssMiB: number }
  | { ok: false; error: string };

async function findDataset(b: BenchEngine, file: string): Promise<string | null> {
  return (await b.call('dataset.list', {})).find((d) => d.sourcePath === file)?.id ?? null;
}

/** Child side: imports the file into the cached workspace if it is not there yet (and lets compaction finish). */
export async function piiSetup(file: string, workspace: string, importOnce: (b: BenchEngine, file: string) => Promise<ImportRun>): Promise<{ datasetId: string }> {
  const b = await openEngine(workspace);
  try {
    const found = await findDataset(b, file);
    if (found) return { datasetId: found };
    const imported = await importOnce(b, file);
    if (!imported.ok) throw new Error(`import of ${file} failed: ${imported.error}`);
    return { datasetId: imported.datasetId };
  } finally {
    await b.close();
  }
}

/** Child side: one scan of every column of the cached dataset, checked after the clock stopped. */
export async function piiSpeedOnce(file: string, workspace: string): Promise<PiiSpeedRun> {
  const b = await openEngine(workspace);
  try {
    const datasetId = await findDataset(b, file);
    if (!datasetId) throw new Error(`${file} is not in ${workspace}; run pii-setup first`);
    const detail = await b.call('dataset.get', { datasetId });
    const run = await runJob(b, 'pii.start', { datasetId, version: detail.version.version });
    if (run.job.state !== 'succeeded') return { ok: false, error: `${run.job.error?.code ?? run.job.state}: ${run.job.error?.message ?? ''}` };
    const s = run.job.result as PiiScanSummary;
    if (s.rows !== detail.version.rowCount) return { ok: false, error: `scanned ${s.rows} rows of ${detail.version.rowCount}` };
    return {
      ok: true, wall: run.wall, cpu: run.cpu, jobSeconds: s.seconds, rows: s.rows, columns: s.columns.length, findings: s.findings, byEntity: s.byEntity,
      classes: s.columns.map((c) => ({ header: c.header, entity: c.entity, share: c.share, confidence: c.confidence, freeText: c.freeText })),
      stages: run.stages, peakRssMiB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await b.close();
  }
}

export interface PiiSpeedBench {
  file: string;
  rows: number;
  runs: PiiSpeedRun[];
}

export async function benchPiiSpeed(o: { dir: string; rows: number; runs: number; seed: string; log: (s: string) => void }): Promise<PiiSpeedBench> {
  const ds = await ensureDataset(o.dir, 'csv', o.rows, o.seed, o.log);
  // A workspace of its own: opening another suite's cached workspace would migrate it under it.
  const dir = path.join(o.dir, `pii-${path.basename(ds.file)}`);
  const args = ['--file', ds.file, '--workspace', path.join(dir, 'workspace')];
  fs.mkdirSync(dir, { recursive: true });
  try {
    await runChild(['pii-setup', ...args]);
  } catch (err) {
    o.log(`the cached pii workspace did not work (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); rebuilding it`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    await runChild(['pii-setup', ...args]);
  }
  const runs: PiiSpeedRun[] = [];
  for (let n = 1; n <= o.runs; n++) {
    let run = await runChild<PiiSpeedRun>(['pii', ...args]).catch((err: unknown): PiiSpeedRun => ({ ok: false, error: err instanceof Error ? err.message : String(err) }));
    // The scan is deterministic: every run must find what the first found.
    const first = runs[0];
    if (run.ok && first?.ok && run.findings !== first.findings) run = { ok: false, error: `run ${n} found ${run.findings} findings, the first ${first.findings}` };
    runs.push(run);
    o.log(run.ok ? `pii scan ${n}/${o.runs}: ${run.wall.toFixed(2)} s (${run.cpu.toFixed(2)} CPU-s), ${run.findings.toLocaleString('en-US')} findings, peak RSS ${run.peakRssMiB.toFixed(0)} MiB` : `pii scan ${n}/${o.runs}: failed: ${run.error}`);
    if (!run.ok) break;
  }
  return { file: ds.file, rows: ds.rows, runs };
}

const sec = (x: number) => `${x.toFixed(2)} s`;
const n = (x: number) => x.toLocaleString('en-US');

export function piiSpeedSection(b: PiiSpeedBench, m: Machine, date: string, note: string | null): string {
  const ok = b.runs.filter((r): r is Extract<PiiSpeedRun, { ok: true }> => r.ok);
  const failed = b.runs.find((r) => !r.ok);
  const lines = ['## PII scan (speed)', '', ...machineLines(m, date, note), ''];
  lines.push(
    `Data: ${path.basename(b.file)} (${n(b.rows)} rows × 14 columns), imported once into a cached workspace. Each run is a fresh child process: \`pii.start\` on every column (distinct values grouped in DuckDB, scanned on the worker pool, classified from the deterministic sample, findings joined back to every row and stored). *CPU* is the process's CPU time (every DuckDB and worker thread).`,
    '',
  );
  if (failed && !failed.ok) lines.push(`**A run failed:** ${failed.error}`, '');
  if (ok.length === 0) return lines.join('\n');
  const med = (f: (r: (typeof ok)[number]) => number) => median(ok.map(f));
  const first = ok[0] as (typeof ok)[number];
  const peak = Math.max(...ok.map((r) => r.peakRssMiB));
  lines.push(
    '| runs | scan, median | CPU, median | rows/s | findings | peak RSS, median | peak RSS, max |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${ok.length} | ${sec(med((r) => r.wall))} | ${sec(med((r) => r.cpu))} | ${n(Math.round(b.rows / med((r) => r.wall)))} | ${n(first.findings)} | ${med((r) => r.peakRssMiB).toFixed(0)} MiB | ${peak.toFixed(0)} MiB |`,
    '',
    `Targets (issue 4): 1M rows × 14 columns under ${PII_SPEED_TARGET.seconds} s — ${sec(med((r) => r.wall))}, ${med((r) => r.wall) < PII_SPEED_TARGET.seconds ? '✅ met' : '❌ missed'}; peak RSS under 1.5 GiB — ${peak.toFixed(0)} MiB, ${peak < PII_SPEED_TARGET.rssMiB ? '✅ met' : '❌ missed'}.`,
    '',
    `Stages of the first run (seconds after the start): ${Object.entries(first.stages).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' · ')}.`,
    '',
    '| column | class | share of sampled values | confidence | free text |',
    '| --- | --- | ---: | ---: | --- |',
    ...first.classes.map((c) => `| ${c.header} | ${c.entity ?? '—'} | ${Math.round(c.share * 100)} % | ${c.confidence.toFixed(2)} | ${c.freeText ? 'yes' : ''} |`),
    '',
    `Findings by entity: ${first.byEntity.map((e) => `${e.entity} ${n(e.findings)}`).join(' · ')}.`,
  );
  return lines.join('\n');
}
