// Column presentation: default widths from type and header, type badge labels, null counts.
import type { ColumnInfo, LogicalType } from '../../../shared/api/types';
import { formatCount } from '../../lib/format';

const TYPE_WIDTH: Record<LogicalType, number> = {
  text: 160,
  integer: 100,
  decimal: 112,
  boolean: 88,
  date: 112,
  timestamp: 180,
  time: 100,
  json: 200,
  binary: 140,
};

export const TYPE_LABEL: Record<LogicalType, string> = {
  text: 'text',
  integer: 'int',
  decimal: 'dec',
  boolean: 'bool',
  date: 'date',
  timestamp: 'datetime',
  time: 'time',
  json: 'json',
  binary: 'bytes',
};

export const MIN_COL_WIDTH = 56;
export const MAX_COL_WIDTH = 1200;

export function defaultWidth(c: ColumnInfo): number {
  const fromHeader = Math.min(300, [...c.header].length * 7.4 + 52);
  return Math.round(Math.max(TYPE_WIDTH[c.logicalType], fromHeader, 88));
}

export function isNumeric(t: LogicalType): boolean {
  return t === 'integer' || t === 'decimal';
}

/** The header as shown: blank headers get a visible stand-in. */
export function headerLabel(c: ColumnInfo): string {
  return c.header === '' ? '(blank)' : c.header;
}

export function nullText(n: number): string {
  return n === 0 ? 'no nulls' : `${formatCount(n)} ${n === 1 ? 'null' : 'nulls'}`;
}

/** The row-number column fits the largest row id. */
export function rowNumberWidth(maxRowId: number): number {
  return Math.max(56, String(Math.max(1, maxRowId)).length * 8 + 28);
}
