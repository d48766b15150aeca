// The one scan over every row: a single SELECT of many aggregates for all columns at once — nulls,
// empty strings, lengths, distinct values, values failing the type, min/max/mean/stddev, rows
// outside the IQR fences and true/false counts. DuckDB reads each column once for all of them.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { BooleanProfile, LengthStats } from '../../../shared/api/profile-types';
import type { Row } from '../db/database';
import { num } from '../db/database';
import { ident } from '../db/sql';
import { runTracked } from '../db/tracked';
import type { JobContext } from '../jobs/jobs';
import { bitmapBits, linearCount, setBitsSql } from './distinct';
import type { SampleDistribution } from './numeric';
import { failingSql, isTyped, numericKind, textSql, valueName, withValues, type ColumnPlan } from './plan';

export interface ScanFigures {
  nulls: number;
  empty: number;
  distinct: number;
  distinctExact: boolean;
  failing: number;
  length: LengthStats | null;
  /** Values holding the type; null for untyped columns. */
  count: number | null;
  min: number | null;
  max: number | null;
  mean: number | null;
  stddev: number | null;
  outliersLow: number;
  outliersHigh: number;
  boolean: BooleanProfile | null;
}

const orNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));

/** The aggregates of one column; `a(name)` makes its aliases. */
function aggregates(p: ColumnPlan, bits: number | null, fence: SampleDistribution | undefined, params: Record<string, number>): string[] {
  const col = ident(p.info.id);
  const a = (name: string) => ident(`${name}_${p.index}`);
  // Nested values (JSON) are counted by their text; the rest by their own value (cheaper to hash).
  const distinctOf = p.info.logicalType === 'json' || p.info.logicalType === 'binary' ? textSql(p) : col;
  const out = [`count(${col}) AS ${a('nn')}`, `${bits === null ? `count(DISTINCT ${distinctOf})` : setBitsSql(distinctOf, bits)} AS ${a('d')}`];
  if (p.text) out.push(`count(*) FILTER (${col} = '') AS ${a('e')}`);
  // Lengths describe text; a date's or a number's length says little.
  if (p.text && p.type === 'text') out.push(`min(length(${col})) AS ${a('l0')}`, `max(length(${col})) AS ${a('l1')}`, `avg(length(${col})) AS ${a('la')}`);
  if (!isTyped(p)) return out;
  const x = valueName(p);
  out.push(`count(${x}) AS ${a('ok')}`);
  if (p.text) out.push(`count(*) FILTER (${failingSql(x, col)}) AS ${a('f')}`);
  if (p.type === 'boolean') {
    out.push(`count(*) FILTER (${x}) AS ${a('bt')}`, `count(*) FILTER (NOT ${x}) AS ${a('bf')}`);
    return out;
  }
  out.push(`min(${x}) AS ${a('mn')}`, `max(${x}) AS ${a('mx')}`, `avg(${x}) AS ${a('av')}`, `stddev_samp(${x}) AS ${a('sd')}`);
  if (fence?.lowFence !== null && fence?.lowFence !== undefined && fence.highFence !== null) {
    params[`lf${p.index}`] = fence.lowFence;
    params[`hf${p.index}`] = fence.highFence;
    out.push(`count(*) FILTER (${x} < $lf${p.index}) AS ${a('ol')}`, `count(*) FILTER (${x} > $hf${p.index}) AS ${a('oh')}`);
  }
  return out;
}

function figures(p: ColumnPlan, r: Row, rowCount: number, bits: number | null): ScanFigures {
  const g = (name: string) => r[`${name}_${p.index}`];
  const typed = isTyped(p);
  const values = num(g('nn'));
  return {
    nulls: rowCount - values,
    empty: p.text ? num(g('e')) : 0,
    distinct: bits === null ? num(g('d')) : linearCount(num(g('d')), bits, values),
    distinctExact: bits === null,
    failing: p.text && typed ? num(g('f')) : 0,
    length: g('l0') !== null && g('l0') !== undefined ? { min: num(g('l0')), max: num(g('l1')), mean: num(g('la')) } : null,
    count: typed ? num(g('ok')) : null,
    min: orNull(g('mn')),
    max: orNull(g('mx')),
    mean: orNull(g('av')),
    stddev: orNull(g('sd')),
    outliersLow: num(g('ol')),
    outliersHigh: num(g('oh')),
    boolean: p.type === 'boolean' ? { trueCount: num(g('bt')), falseCount: num(g('bf')) } : null,
  };
}

export interface ScanOptions {
  /** Columns (plan indexes) whose distinct values are counted exactly; the rest by linear counting (distinct.ts). */
  exactDistinct: (p: ColumnPlan) => boolean;
  rowCountHint: number;
  onPercent: (pct: number) => void;
}

export async function scanAll(
  conn: DuckDBConnection,
  job: JobContext,
  data: string,
  plans: ColumnPlan[],
  distributions: Map<number, SampleDistribution>,
  o: ScanOptions,
): Promise<{ rowCount: number; columns: Map<number, ScanFigures> }> {
  const params: Record<string, number> = {};
  const bitsOf = (p: ColumnPlan) => (o.exactDistinct(p) ? null : bitmapBits(o.rowCountHint));
  const aggs = plans.flatMap((p) => aggregates(p, bitsOf(p), numericKind(p.type) === null ? undefined : distributions.get(p.index), params));
  const sql = `SELECT ${['count(*) AS "rows"', ...aggs].join(', ')} FROM ${withValues(plans, ident(data))}`;
  const result = await runTracked(conn, job, sql, params, o.onPercent);
  const r = ((await result.getRowObjects()) as Row[])[0] ?? {};
  const rowCount = num(r.rows);
  return { rowCount, columns: new Map(plans.map((p) => [p.index, figures(p, r, rowCount, bitsOf(p))])) };
}
