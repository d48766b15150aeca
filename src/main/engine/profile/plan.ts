// What the profile computes per column, as SQL: the column's text (for top values and patterns),
// and — once its type is known — the value it holds as a number or boolean, NULL where it fails.
import type { NumericKind } from '../../../shared/api/profile-types';
import type { ColumnInfo, LogicalType } from '../../../shared/api/types';
import { ident } from '../db/sql';
import { displayExpr } from '../grid/grid';

export interface ColumnPlan {
  /** Index in the plan list: names the column in scratch tables and aliases. */
  index: number;
  info: ColumnInfo;
  /** Stored as VARCHAR (text sources): types come from its values, with TRY_CAST. */
  text: boolean;
  /** The inferred type, once decided. */
  type: LogicalType;
}

export function plansFor(columns: ColumnInfo[]): ColumnPlan[] {
  return columns.map((info, index) => ({ index, info, text: info.storageType === 'VARCHAR', type: info.logicalType }));
}

/** The column as text, over the table or sample the query reads. */
export const textSql = (p: ColumnPlan): string => displayExpr(p.info);

export function numericKind(t: LogicalType): NumericKind | null {
  switch (t) {
    case 'integer':
    case 'decimal':
      return 'number';
    case 'date':
      return 'date';
    case 'timestamp':
      return 'timestamp';
    case 'time':
      return 'time';
    default:
      return null;
  }
}

/**
 * Step one of a column's typed value: the cast (DOUBLE for numbers, Unix seconds for dates and
 * timestamps, seconds of the day for times, BOOLEAN). DuckDB's casts to DOUBLE and DATE ignore
 * surrounding whitespace themselves; the others get trimmed text. Timestamps without an offset are
 * read as UTC (the profile's connection runs in UTC), so the figures do not depend on the machine.
 */
export function castSql(p: ColumnPlan, col: string = ident(p.info.id)): string | null {
  const kind = numericKind(p.type);
  if (!p.text) {
    if (kind === 'number') return `CAST(${col} AS DOUBLE)`;
    if (kind !== null) return `epoch(${col})`;
    return p.type === 'boolean' ? col : null;
  }
  switch (p.type) {
    case 'integer':
    case 'decimal':
      return `TRY_CAST(${col} AS DOUBLE)`;
    case 'date':
      return `epoch(TRY_CAST(${col} AS DATE))`;
    case 'timestamp':
      return `epoch(TRY_CAST(trim(${col}) AS TIMESTAMPTZ))`;
    case 'time':
      return `epoch(TRY_CAST(trim(${col}) AS TIME))`;
    case 'boolean':
      return `TRY_CAST(trim(${col}) AS BOOLEAN)`;
    default:
      return null;
  }
}

/** Step two, over the cast (`cast` names it): NaN and infinities fail; integers in text must be whole. */
export function valueSql(p: ColumnPlan, cast: string): string {
  if (numericKind(p.type) === null) return cast;
  const whole = p.text && p.type === 'integer' ? ` AND ${cast} = trunc(${cast})` : '';
  return `CASE WHEN isfinite(${cast})${whole} THEN ${cast} END`;
}

/**
 * Values of a text column (`col`) that are not blank yet do not hold the type (`value` is step two).
 * A CASE, because it evaluates its THEN only for the rows its WHEN selects: trimming every row
 * (AND evaluates all its terms in an aggregate's FILTER) cost as much as the casts themselves.
 */
export function failingSql(value: string, col: string): string {
  return `CASE WHEN ${value} IS NULL AND ${col} <> '' THEN trim(${col}) <> '' ELSE false END`;
}

/** Whether the profile computes typed figures (numbers, dates, booleans) for the column. */
export const isTyped = (p: ColumnPlan): boolean => castSql(p) !== null;

/** The alias of a typed plan's value in `withValues`. */
export const valueName = (p: ColumnPlan): string => ident(`x${p.index}`);

/**
 * `from` (a table) with each typed plan's value added as `x<index>`: the cast is projected first,
 * then checked, so every aggregate reads it without casting again.
 */
export function withValues(plans: ColumnPlan[], from: string): string {
  const typed = plans.filter(isTyped);
  if (typed.length === 0) return from;
  const casts = typed.map((p) => `${castSql(p)} AS ${ident(`t${p.index}`)}`).join(', ');
  const values = typed.map((p) => `${valueSql(p, ident(`t${p.index}`))} AS ${valueName(p)}`).join(', ');
  return `(SELECT *, ${values} FROM (SELECT *, ${casts} FROM ${from}))`;
}
