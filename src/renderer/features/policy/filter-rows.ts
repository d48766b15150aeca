// A step's row filter as the editor shows it: condition rows joined by all/any. Filters the form
// cannot show (nested groups, "not", columns by id) stay as they are, marked complex.
import type { Condition, FilterOp, RowFilter } from '../../../shared/policy/steps';

export interface ConditionRow {
  column: string;
  op: FilterOp;
  value: string;
  caseSensitive: boolean;
}

export interface FilterRows {
  join: 'all' | 'any';
  rows: ConditionRow[];
}

export const VALUELESS_OPS: ReadonlySet<FilterOp> = new Set(['is_missing', 'is_not_missing']);
const COMPARISONS: ReadonlySet<FilterOp> = new Set(['lt', 'le', 'gt', 'ge']);

export const OP_LABEL: Record<FilterOp, string> = {
  equals: 'is',
  not_equals: 'is not',
  contains: 'contains',
  matches: 'matches pattern',
  is_missing: 'is missing',
  is_not_missing: 'is not missing',
  lt: '<',
  le: '≤',
  gt: '>',
  ge: '≥',
};

function isCondition(f: RowFilter): f is Condition {
  return !('all' in f) && !('any' in f) && !('not' in f);
}

function toRow(f: RowFilter): ConditionRow | null {
  if (!isCondition(f) || f.column === undefined) return null;
  return { column: f.column, op: f.op, value: f.value === undefined ? '' : String(f.value), caseSensitive: f.caseSensitive };
}

/** The filter as rows; null when there is none; 'complex' when the form cannot show it. */
export function toRows(f: RowFilter | undefined): FilterRows | null | 'complex' {
  if (!f) return null;
  const list = 'all' in f ? f.all : 'any' in f ? f.any : [f];
  const rows = list.map(toRow);
  if (rows.some((r) => r === null)) return 'complex';
  return { join: 'any' in f ? 'any' : 'all', rows: rows as ConditionRow[] };
}

/** Comparisons with a number-looking value compare as numbers; everything else as text. */
function conditionOf(r: ConditionRow): Condition {
  const base = { column: r.column, op: r.op, caseSensitive: r.caseSensitive };
  if (VALUELESS_OPS.has(r.op)) return base;
  const n = Number(r.value);
  const numeric = COMPARISONS.has(r.op) && r.value.trim() !== '' && Number.isFinite(n);
  return { ...base, value: numeric ? n : r.value };
}

/** Rows back to a filter: none → undefined, one → the condition, several → all/any. */
export function fromRows(r: FilterRows): RowFilter | undefined {
  if (r.rows.length === 0) return undefined;
  const conds = r.rows.map(conditionOf);
  if (conds.length === 1) return conds[0];
  return r.join === 'any' ? { any: conds } : { all: conds };
}
