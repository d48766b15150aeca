// A column's figures from its distinct values: one GROUP BY (value, rows) over every row, then the
// figures over that small table, each distinct value weighted by its rows. Casts, lengths and
// failing checks then run once per distinct value instead of once per row, and the distinct count
// is exact. Used for columns the sample shows to hold few distinct values (distinct.ts).
import { ident } from '../db/sql';
import type { SampleDistribution } from './numeric';
import { castSql, failingSql, isTyped, numericKind, textSql, valueSql, type ColumnPlan } from './plan';

const V = ident('v');
const N = ident('n');
const X = ident('x');
const T = ident('t');

/** Rows (weights) of the distinct values where `cond` holds; 0 rather than NULL when none. */
const rowsWhere = (cond: string): string => `coalesce(sum(${N}) FILTER (${cond}), 0)`;

/** What every column gets: rows, values, distinct values, empty strings and text lengths. */
function common(p: ColumnPlan): string[] {
  const out = [`coalesce(sum(${N}), 0) AS "rows"`, `${rowsWhere(`${V} IS NOT NULL`)} AS nn`, `count(${V}) AS d`];
  if (p.text) out.push(`${rowsWhere(`${V} = ''`)} AS e`);
  if (p.text && p.type === 'text') {
    out.push(`min(length(${V})) AS l0`, `max(length(${V})) AS l1`, `sum(length(${V}) * ${N}) / sum(${N}) FILTER (${V} IS NOT NULL) AS la`);
  }
  return out;
}

/** Typed figures over the distinct values' typed value `x`; mean and spread in two passes (`m` holds the mean). */
function typedFigures(p: ColumnPlan, fence: SampleDistribution | undefined, params: Record<string, number>): string[] {
  const out = [`${rowsWhere(`${X} IS NOT NULL`)} AS ok`];
  if (p.text) out.push(`${rowsWhere(failingSql(X, V))} AS f`);
  if (p.type === 'boolean') return [...out, `${rowsWhere(X)} AS bt`, `${rowsWhere(`NOT ${X}`)} AS bf`];
  const values = `sum(${N}) FILTER (${X} IS NOT NULL)`;
  out.push(
    `min(${X}) AS mn`,
    `max(${X}) AS mx`,
    `any_value(m.mean) AS av`,
    `CASE WHEN ${values} > 1 THEN sqrt(sum(${N} * (${X} - m.mean) * (${X} - m.mean)) / (${values} - 1)) END AS sd`,
  );
  if (fence?.lowFence !== null && fence?.lowFence !== undefined && fence.highFence !== null) {
    params[`lf${p.index}`] = fence.lowFence;
    params[`hf${p.index}`] = fence.highFence;
    out.push(`${rowsWhere(`${X} < $lf${p.index}`)} AS ol`, `${rowsWhere(`${X} > $hf${p.index}`)} AS oh`);
  }
  return out;
}

/**
 * The statement for one column of `data`, with the aliases scan.ts reads. Nested values (JSON) are
 * grouped by their text; the rest by their own value.
 */
export function groupedSql(p: ColumnPlan, data: string, fence: SampleDistribution | undefined, params: Record<string, number>): string {
  const key = p.info.logicalType === 'json' || p.info.logicalType === 'binary' ? textSql(p) : ident(p.info.id);
  const distinct = `SELECT ${key} AS ${V}, count(*) AS ${N} FROM ${data} GROUP BY ALL`;
  const cast = castSql(p, V);
  if (!isTyped(p) || cast === null) return `SELECT ${common(p).join(', ')} FROM (${distinct})`;
  const g = `SELECT ${V}, ${N}, ${valueSql(p, T)} AS ${X} FROM (SELECT ${V}, ${N}, ${cast} AS ${T} FROM (${distinct}))`;
  const figures = [...common(p), ...typedFigures(p, fence, params)];
  if (numericKind(p.type) === null) return `SELECT ${figures.join(', ')} FROM (${g})`;
  // The table of distinct values is read twice (mean, then spread around it): materialised once.
  return `WITH g AS MATERIALIZED (${g}), m AS (SELECT sum(${X} * ${N}) / sum(${N}) FILTER (${X} IS NOT NULL) AS mean FROM g)
    SELECT ${figures.join(', ')} FROM g, m`;
}
