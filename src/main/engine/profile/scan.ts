// The pass over every row: one aggregate per column, all in one statement as a UNION ALL (one
// SELECT of every column's aggregates cost 1.6× as much: DuckDB's DISTINCT aggregates and many
// bitmaps in one ungrouped aggregate scale worse than the same work column by column). A column
// with few distinct values (distinct.ts) is grouped by value first (grouped.ts); the others are
// aggregated row by row: nulls, empty strings, lengths, distinct values by linear counting, values
// failing the type, min/max/mean/stddev, rows outside the IQR fences and true/false counts. Each
// column is read once.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { BooleanProfile, LengthStats } from '../../../shared/api/profile-types';
import type { Row } from '../db/database';
import { num } from '../db/database';
import { ident } from '../db/sql';
import { runTracked } from '../db/tracked';
import type { JobContext } from '../jobs/jobs';
import { bitmapBits, linearCount, setBitsSql } from './distinct';
import { groupedSql } from './grouped';
import type { SampleDistribution } from './numeric';
import { failingSql, isTyped, numericKind, textSql, valueName, withValues, type ColumnPlan } from './plan';
import { rows } from './sample';

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

/** The row-by-row statement for one column of `data`; its distinct values set bits of a `bits`-bit map. */
function rowScanSql(p: ColumnPlan, data: string, bits: number, fence: SampleDistribution | undefined, params: Record<string, number>): string {
  const col = ident(p.info.id);
  // Nested values (JSON) are counted by their text; the rest by their own value (cheaper to hash).
  const distinctOf = p.info.logicalType === 'json' || p.info.logicalType === 'binary' ? textSql(p) : col;
  const out = ['count(*) AS "rows"', `count(${col}) AS nn`, `${setBitsSql(distinctOf, bits)} AS d`];
  if (p.text) out.push(`count(*) FILTER (${col} = '') AS e`);
  // Lengths describe text; a date's or a number's length says little.
  if (p.text && p.type === 'text') out.push(`min(length(${col})) AS l0`, `max(length(${col})) AS l1`, `avg(length(${col})) AS la`);
  if (isTyped(p)) out.push(...typedAggregates(p, col, fence, params));
  return `SELECT ${out.join(', ')} FROM ${withValues(isTyped(p) ? [p] : [], data)}`;
}

function typedAggregates(p: ColumnPlan, col: string, fence: SampleDistribution | undefined, params: Record<string, number>): string[] {
  const x = valueName(p);
  const out = [`count(${x}) AS ok`];
  if (p.text) out.push(`count(*) FILTER (${failingSql(x, col)}) AS f`);
  if (p.type === 'boolean') return [...out, `count(*) FILTER (${x}) AS bt`, `count(*) FILTER (NOT ${x}) AS bf`];
  out.push(`min(${x}) AS mn`, `max(${x}) AS mx`, `avg(${x}) AS av`, `stddev_samp(${x}) AS sd`);
  if (fence?.lowFence !== null && fence?.lowFence !== undefined && fence.highFence !== null) {
    params[`lf${p.index}`] = fence.lowFence;
    params[`hf${p.index}`] = fence.highFence;
    out.push(`count(*) FILTER (${x} < $lf${p.index}) AS ol`, `count(*) FILTER (${x} > $hf${p.index}) AS oh`);
  }
  return out;
}

function figures(p: ColumnPlan, r: Row, rowCount: number, bits: number | null): ScanFigures {
  const g = (name: string) => r[name];
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
  /** Columns whose distinct values are counted exactly, grouped by value; the rest by linear counting (distinct.ts). */
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
  if (plans.length === 0) return { rowCount: num((await rows(conn, job, `SELECT count(*) AS n FROM ${ident(data)}`))[0]?.n), columns: new Map() };
  const params: Record<string, number> = {};
  const bitsOf = (p: ColumnPlan) => (o.exactDistinct(p) ? null : bitmapBits(o.rowCountHint));
  const parts = plans.map((p) => {
    const fence = numericKind(p.type) === null ? undefined : distributions.get(p.index);
    const bits = bitsOf(p);
    const sql = bits === null ? groupedSql(p, ident(data), fence, params) : rowScanSql(p, ident(data), bits, fence, params);
    return `SELECT ${p.index} AS col, * FROM (${sql})`;
  });
  // One statement (a statement costs a few milliseconds of its own, which adds up over wide
  // tables); each part keeps to its column. BY NAME: parts have the aliases their column needs.
  const sql = parts.join(' UNION ALL BY NAME ');
  const result = await runTracked(conn, job, sql, Object.keys(params).length > 0 ? params : undefined, o.onPercent);
  const byCol = new Map(((await result.getRowObjects()) as Row[]).map((r) => [num(r.col), r]));
  const rowCount = num(byCol.get(plans[0]!.index)?.rows);
  return { rowCount, columns: new Map(plans.map((p) => [p.index, figures(p, byCol.get(p.index) ?? {}, rowCount, bitsOf(p))])) };
}
