// `bench dedupe`: generated person records (the standard profile and the hard one) at several
// sizes, each run a fresh child process running the real CLI in-process — `sanitizer dedupe FILE
// --clusters OUT.csv --json`, zero-config: import into a temporary workspace, exact and near
// duplicates, every row's cluster written — timed, its peak RSS taken, and the clusters scored
// against the generator's truth (pairwise precision, recall, F1) with a breakdown of the errors.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/main';
import { Interrupts, type CliIO } from '../../src/cli/io';
import type { BlockingRule, DedupeCounts } from '../../src/shared/api/dedupe-types';
import type { NoiseProfile } from '../gen/hard';
import { rows } from '../gen/plan';
import { ensureDataset, type Dataset } from './datasets';
import { errorBreakdown, type ErrorBreakdown } from './dedupe-errors';
import { alignToTruth, pairwiseScore, type PairScore } from './dedupe-score';
import { runChild } from './spawn';

export type DedupeRun =
  | {
      ok: true;
      /** Seconds for the whole command: import, dedupe, writing the clusters. */
      wall: number;
      /** The dedupe job's own seconds (from the summary), null when the CLI does not say. */
      jobSeconds: number | null;
      cpu: number;
      peakRssMiB: number;
      counts: Partial<DedupeCounts>;
      rules: Pick<BlockingRule, 'id' | 'pairs' | 'used'>[];
      warnings: string[];
      /** SHA-256 of the clusters file: every run must write the same one. */
      sha256: string;
    }
  | { ok: false; error: string };

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Child side: the CLI in this process, so that its peak RSS is this process's. */
export async function dedupeOnce(file: string, clusters: string, home: string): Promise<DedupeRun> {
  const out: string[] = [];
  const err: string[] = [];
  fs.mkdirSync(home, { recursive: true });
  const io: CliIO = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    errIsTTY: false,
    env: { ...process.env, DATA_SANITIZER_HOME: home },
    cwd: process.cwd(),
    interrupts: new Interrupts(),
  };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const code = await runCli(['dedupe', file, '--clusters', clusters, '--json'], io);
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  if (code !== 0) return { ok: false, error: `sanitizer dedupe exited with ${code}: ${(err.join('') || out.join('')).trim().split('\n').slice(-4).join(' ')}` };
  let summary: Record<string, unknown>;
  try {
    summary = JSON.parse(out.join('')) as Record<string, unknown>;
  } catch {
    return { ok: false, error: `sanitizer dedupe --json printed no JSON: ${out.join('').slice(0, 200)}` };
  }
  if (!fs.existsSync(clusters)) return { ok: false, error: `sanitizer dedupe succeeded but wrote no ${clusters}` };
  const rules = Array.isArray(summary.rules) ? (summary.rules as BlockingRule[]).map((r) => ({ id: r.id, pairs: r.pairs, used: r.used })) : [];
  return {
    ok: true, wall, jobSeconds: num(summary.seconds), cpu: (c.user + c.system) / 1e6, peakRssMiB: process.resourceUsage().maxRSS / 1024,
    counts: (summary.counts ?? {}) as Partial<DedupeCounts>, rules, warnings: Array.isArray(summary.warnings) ? (summary.warnings as string[]) : [],
    sha256: crypto.createHash('sha256').update(fs.readFileSync(clusters)).digest('hex'),
  };
}

export interface DedupeCase {
  noise: NoiseProfile;
  rows: number;
  dataset: Pick<Dataset, 'file' | 'bytes' | 'counts' | 'seed'>;
  runs: DedupeRun[];
  score: PairScore | null;
  errors: ErrorBreakdown | null;
  /** Why there is no score (every run failed, or the clusters file did not fit the truth). */
  problem: string | null;
}

export interface DedupeBenchOptions {
  dir: string;
  sizes: number[];
  runs: number;
  seed: string;
  noises: NoiseProfile[];
  log: (s: string) => void;
}

async function measure(ds: Dataset, o: DedupeBenchOptions): Promise<DedupeCase> {
  const work = path.join(o.dir, 'tmp', `dedupe-${process.pid}-${ds.noise}-${ds.rows}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const c: DedupeCase = { noise: ds.noise, rows: ds.rows, dataset: ds, runs: [], score: null, errors: null, problem: null };
  const kept = path.join(work, 'clusters-1.csv');
  try {
    for (let n = 1; n <= o.runs; n++) {
      const out = path.join(work, `clusters-${n}.csv`);
      let run = await runChild<DedupeRun>(['dedupe', '--file', ds.file, '--clusters', out, '--home', path.join(work, 'home')]).catch(
        (err: unknown): DedupeRun => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
      const first = c.runs[0];
      if (run.ok && first?.ok && run.sha256 !== first.sha256) run = { ok: false, error: `run ${n} wrote other clusters than run 1 (the finder should be deterministic)` };
      c.runs.push(run);
      if (n > 1) fs.rmSync(out, { force: true });
      const m = run.ok ? `${run.wall.toFixed(2)} s (dedupe job ${run.jobSeconds?.toFixed(2) ?? '?'} s, ${run.cpu.toFixed(1)} CPU-s), peak RSS ${run.peakRssMiB.toFixed(0)} MiB` : `failed: ${run.error}`;
      o.log(`dedupe ${ds.noise} ${ds.rows.toLocaleString('en-US')} rows, run ${n}/${o.runs}: ${m}`);
      if (!run.ok) break;
    }
    const failed = c.runs.find((r) => !r.ok);
    if (failed && !failed.ok) c.problem = failed.error;
    if (!c.runs.some((r) => r.ok)) return c;
    const a = alignToTruth(kept, ds.truth);
    c.score = pairwiseScore(a.predicted, a.truth);
    c.errors = errorBreakdown(a.predicted, rows(ds.seed, ds.rows, 4096, ds.noise));
  } catch (err) {
    c.problem = err instanceof Error ? err.message : String(err);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return c;
}

export async function benchDedupe(o: DedupeBenchOptions): Promise<DedupeCase[]> {
  const cases: DedupeCase[] = [];
  for (const noise of o.noises) {
    for (const size of o.sizes) {
      const ds = await ensureDataset(o.dir, 'csv', size, o.seed, o.log, noise);
      const c = await measure(ds, o);
      if (c.score) o.log(`  ${noise} ${size.toLocaleString('en-US')}: precision ${c.score.precision.toFixed(4)}, recall ${c.score.recall.toFixed(4)}, F1 ${c.score.f1.toFixed(4)}`);
      else o.log(`  ${noise} ${size.toLocaleString('en-US')}: not scored: ${c.problem}`);
      cases.push(c);
    }
  }
  return cases;
}
