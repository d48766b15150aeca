// The distribution of numbers, dates and times from the sample: quantiles (exact over the sample;
// over every row when the sample is every row), Tukey's IQR fences, and a histogram of the values
// between the fences (over the smallest to largest value inside them). The full scan then counts
// every row outside those fences.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { HistogramBin } from '../../../shared/api/profile-types';
import { valueUnit } from '../../../shared/profile/format';
import { num } from '../db/database';
import { ident } from '../db/sql';
import type { JobContext } from '../jobs/jobs';
import { numericKind, valueName, withValues, type ColumnPlan } from './plan';
import { rows, type Scratch } from './sample';

export const HISTOGRAM_BINS = 20;
const QUANTILES = { p5: 0.05, q1: 0.25, median: 0.5, q3: 0.75, p95: 0.95 } as const;
type QuantileName = keyof typeof QUANTILES;

export interface SampleDistribution {
  p5: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  p95: number | null;
  lowFence: number | null;
  highFence: number | null;
  histogram: HistogramBin[];
}

export interface Bins {
  lo: number;
  width: number;
  count: number;
}

/** The round step (1, 2 or 5 × a power of ten) at or above `raw`. */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return Number(((f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power).toPrecision(12));
}

/**
 * Equal-width bins covering [lo, hi], about `max` of them: whole units each when `unit` is set
 * (integers, days), otherwise a round width (0.5, 20, 1000 …) from a round edge, so labels read well.
 */
export function binsFor(lo: number, hi: number, unit: number | null, max = HISTOGRAM_BINS): Bins {
  if (unit === null) {
    if (!(hi > lo)) return { lo, width: 1, count: 1 };
    const width = niceStep((hi - lo) / max);
    // The nudge keeps 0.0012 / 0.0002 (5.9999…) from flooring to 5.
    const first = Number((Math.floor(lo / width + 1e-9) * width).toPrecision(12));
    return { lo: first, width, count: Math.max(1, Math.ceil((hi - first) / width - 1e-9)) };
  }
  const first = Math.ceil(lo / unit) * unit;
  const units = Math.floor(hi / unit) - first / unit + 1;
  if (units <= 1) return { lo: first, width: unit, count: 1 };
  const width = Math.ceil(units / max) * unit;
  return { lo: first, width, count: Math.ceil((units * unit) / width) };
}

/** Tukey's fences around the quartiles. */
export function fences(q1: number | null, q3: number | null): { lowFence: number | null; highFence: number | null } {
  if (q1 === null || q3 === null) return { lowFence: null, highFence: null };
  const iqr = q3 - q1;
  return { lowFence: q1 - 1.5 * iqr, highFence: q3 + 1.5 * iqr };
}

const orNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));

/** Quantiles, fences and histogram of each numeric plan, over the sample. */
export async function sampleDistributions(conn: DuckDBConnection, job: JobContext, plans: ColumnPlan[], s: Scratch): Promise<Map<number, SampleDistribution>> {
  const numeric = plans.filter((p) => numericKind(p.type) !== null);
  const out = new Map<number, SampleDistribution>();
  if (numeric.length === 0) return out;
  const alias = (p: ColumnPlan, what: string) => ident(`${what}_${p.index}`);
  const aggs = numeric.flatMap((p) => {
    // Dates and times take a value that occurs (no interpolated instants); numbers interpolate.
    const fn = numericKind(p.type) === 'number' ? 'quantile_cont' : 'quantile_disc';
    return Object.entries(QUANTILES).map(([name, q]) => `${fn}(${valueName(p)}, ${q}) AS ${alias(p, name)}`);
  });
  const r = (await rows(conn, job, `SELECT ${aggs.join(', ')} FROM ${withValues(numeric, s.sample)}`))[0] ?? {};
  const fenced: { p: ColumnPlan; lo: number; hi: number }[] = [];
  for (const p of numeric) {
    const q = Object.fromEntries(Object.keys(QUANTILES).map((name) => [name, orNull(r[`${name}_${p.index}`])])) as Record<QuantileName, number | null>;
    const f = fences(q.q1, q.q3);
    out.set(p.index, { ...q, ...f, histogram: [] });
    if (f.lowFence !== null && f.highFence !== null) fenced.push({ p, lo: f.lowFence, hi: f.highFence });
  }
  const ranges = await innerRanges(conn, job, s, fenced);
  await histograms(conn, job, s, ranges, out);
  return out;
}

/** The smallest and largest values between each column's fences: the histogram's range. */
async function innerRanges(conn: DuckDBConnection, job: JobContext, s: Scratch, fenced: { p: ColumnPlan; lo: number; hi: number }[]): Promise<Range[]> {
  if (fenced.length === 0) return [];
  const params: Record<string, number> = {};
  const aggs = fenced.flatMap(({ p, lo, hi }) => {
    Object.assign(params, { [`lo${p.index}`]: lo, [`hi${p.index}`]: hi });
    const inside = `FILTER (${valueName(p)} BETWEEN $lo${p.index} AND $hi${p.index})`;
    return [`min(${valueName(p)}) ${inside} AS ${ident(`a_${p.index}`)}`, `max(${valueName(p)}) ${inside} AS ${ident(`b_${p.index}`)}`];
  });
  const r = (await rows(conn, job, `SELECT ${aggs.join(', ')} FROM ${withValues(fenced.map((f) => f.p), s.sample)}`, params))[0] ?? {};
  return fenced.flatMap(({ p }) => {
    const lo = orNull(r[`a_${p.index}`]);
    const hi = orNull(r[`b_${p.index}`]);
    return lo === null || hi === null ? [] : [{ p, lo, hi, bins: binsFor(lo, hi, valueUnit(p.type)) }];
  });
}

interface Range {
  p: ColumnPlan;
  lo: number;
  hi: number;
  bins: Bins;
}

async function histograms(conn: DuckDBConnection, job: JobContext, s: Scratch, ranges: Range[], out: Map<number, SampleDistribution>): Promise<void> {
  if (ranges.length === 0) return;
  const params: Record<string, number> = {};
  const parts = ranges.map(({ p, lo, hi, bins }) => {
    const i = p.index;
    Object.assign(params, { [`lo${i}`]: lo, [`hi${i}`]: hi, [`b${i}`]: bins.lo, [`w${i}`]: bins.width, [`n${i}`]: bins.count });
    const x = valueName(p);
    return `SELECT ${i} AS col, least(floor((${x} - $b${i}) / $w${i}), $n${i} - 1)::INTEGER AS bin FROM v WHERE ${x} BETWEEN $lo${i} AND $hi${i}`;
  });
  const counts = await rows(
    conn,
    job,
    `WITH v AS MATERIALIZED (SELECT * FROM ${withValues(ranges.map((r) => r.p), s.sample)}) SELECT col, bin, count(*) AS n FROM (${parts.join(' UNION ALL ')}) GROUP BY ALL`,
    params,
  );
  for (const { p, bins } of ranges) {
    const d = out.get(p.index);
    if (!d) continue;
    const byBin = new Map(counts.filter((c) => num(c.col) === p.index).map((c) => [num(c.bin), num(c.n)]));
    d.histogram = Array.from({ length: bins.count }, (_, b) => ({ lo: bins.lo + b * bins.width, hi: bins.lo + (b + 1) * bins.width, count: byBin.get(b) ?? 0 }));
  }
}
