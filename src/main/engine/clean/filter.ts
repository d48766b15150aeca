// A step's row filter as SQL over the frame's columns (headers resolved to column ids).
import { AppError } from '../../../shared/api/result';
import type { Condition, RowFilter } from '../../../shared/policy/steps';
import { ident } from '../db/sql';
import type { FrameColumn } from './frame';
import type { Binds } from './params';

export function findColumn(columns: FrameColumn[], ref: { column?: string | undefined; columnId?: string | undefined }, where: string): FrameColumn {
  if (ref.columnId !== undefined) {
    const c = columns.find((x) => x.id === ref.columnId);
    if (!c) throw new AppError('POLICY_COLUMN_MISSING', `${where}: the data has no column ${ref.columnId}.`, { columnId: ref.columnId });
    return c;
  }
  const matches = columns.filter((x) => x.header === ref.column);
  if (matches.length === 0) throw new AppError('POLICY_COLUMN_MISSING', `${where}: the data has no column "${ref.column}".`, { header: ref.column });
  if (matches.length > 1) {
    throw new AppError('POLICY_INVALID', `${where}: ${matches.length} columns are headed "${ref.column}" (${matches.map((m) => m.id).join(', ')}); name one by columnId.`, { header: ref.column });
  }
  return matches[0] as FrameColumn;
}

const NUMERIC_STORAGE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/;

function condition(c: Condition, columns: FrameColumn[], b: Binds, where: string): string {
  const col = findColumn(columns, c, where);
  const raw = ident(col.id);
  const text = col.storageType === 'VARCHAR' ? raw : `CAST(${raw} AS VARCHAR)`;
  const cased = (e: string) => (c.caseSensitive ? e : `lower(${e})`);
  const value = (v: string | number | undefined) => b.bind(c.caseSensitive || typeof v !== 'string' ? String(v) : v.toLowerCase());
  switch (c.op) {
    case 'is_missing':
      return `(${raw} IS NULL OR trim(${text}) = '')`;
    case 'is_not_missing':
      return `(${raw} IS NOT NULL AND trim(${text}) <> '')`;
    case 'equals':
      return `(${cased(text)} = ${value(c.value)})`;
    case 'not_equals':
      return `(${cased(text)} IS DISTINCT FROM ${value(c.value)})`;
    case 'contains':
      return `contains(${cased(text)}, ${value(c.value)})`;
    case 'matches':
      return `regexp_matches(${text}, ${b.bind(String(c.value))}${c.caseSensitive ? '' : ", 'i'"})`;
    default: {
      const op = { lt: '<', le: '<=', gt: '>', ge: '>=' }[c.op];
      const numeric = typeof c.value === 'number';
      const left = numeric ? (NUMERIC_STORAGE.test(col.storageType) ? `CAST(${raw} AS DOUBLE)` : `TRY_CAST(trim(${text}) AS DOUBLE)`) : text;
      return `(${left} ${op} ${numeric ? `CAST(${b.bind(c.value as number)} AS DOUBLE)` : b.bind(String(c.value))})`;
    }
  }
}

/** SQL that is true for the rows the filter selects (NULL counts as not selected). */
export function filterSql(f: RowFilter, columns: FrameColumn[], b: Binds, where: string): string {
  if ('all' in f) return `(${f.all.map((x) => filterSql(x, columns, b, where)).join(' AND ')})`;
  if ('any' in f) return `(${f.any.map((x) => filterSql(x, columns, b, where)).join(' OR ')})`;
  if ('not' in f) return `(NOT coalesce(${filterSql(f.not, columns, b, where)}, false))`;
  return `coalesce(${condition(f, columns, b, where)}, false)`;
}
