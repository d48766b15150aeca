// How each stored column becomes output: the text a CSV or XLSX cell holds, and the JSON value a
// JSONL line holds. Every format writes the same text for the same value, independent of the
// machine's time zone (TIMESTAMPTZ is written in UTC) so that the same data gives the same bytes.
import type { ColumnInfo } from '../../../shared/api/types';
import { ident } from '../db/sql';
import { escapeFormulaSql } from './formula';

/** What a column's storage type means for output. */
export type OutputKind = 'text' | 'json-text' | 'json' | 'nested' | 'integer' | 'float' | 'decimal' | 'boolean' | 'timestamptz' | 'blob' | 'other';

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const NESTED = /(\[\d*\]$)|^(STRUCT|MAP|UNION)\b/;

export function outputKind(c: ColumnInfo): OutputKind {
  const t = c.storageType.toUpperCase();
  if (t === 'VARCHAR') return c.logicalType === 'json' ? 'json-text' : 'text';
  if (t === 'JSON') return 'json';
  if (NESTED.test(t)) return 'nested';
  if (INTEGER.test(t)) return 'integer';
  if (t === 'FLOAT' || t === 'DOUBLE' || t === 'REAL') return 'float';
  if (t.startsWith('DECIMAL')) return 'decimal';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'TIMESTAMP WITH TIME ZONE' || t === 'TIMESTAMPTZ') return 'timestamptz';
  if (t === 'BLOB') return 'blob';
  return 'other';
}

/** Numbers and booleans are values a spreadsheet never runs; everything else is text. */
export function isTypedValue(kind: OutputKind): boolean {
  return kind === 'integer' || kind === 'float' || kind === 'decimal' || kind === 'boolean';
}

/** A column as text (VARCHAR SQL), the way CSV and XLSX write it; NULL stays NULL. */
export function textExpr(c: ColumnInfo, formulaEscape: boolean): string {
  const col = ident(c.id);
  const kind = outputKind(c);
  let expr: string;
  switch (kind) {
    case 'text':
    case 'json-text':
      expr = col;
      break;
    case 'nested':
      expr = `CAST(to_json(${col}) AS VARCHAR)`;
      break;
    case 'timestamptz':
      expr = utcText(col);
      break;
    case 'blob':
      // Base64: the one binary-as-text form every consumer can decode.
      expr = `to_base64(${col})`;
      break;
    default:
      expr = `CAST(${col} AS VARCHAR)`;
  }
  return formulaEscape && !isTypedValue(kind) ? escapeFormulaSql(expr) : expr;
}

/** A column as a JSON value for JSONL (an SQL expression json_object accepts). */
export function jsonValueExpr(c: ColumnInfo): string {
  const col = ident(c.id);
  switch (outputKind(c)) {
    case 'text':
    case 'json':
    case 'nested':
    case 'integer':
    case 'decimal':
    case 'boolean':
      return col;
    case 'json-text':
      // Text that holds JSON is embedded as JSON; a value that does not parse stays a string.
      return `CASE WHEN json_valid(${col}) THEN json(${col}) ELSE to_json(${col}) END`;
    case 'float':
      // JSON has no NaN or Infinity: those are written as the strings "nan", "inf", "-inf".
      return `CASE WHEN isfinite(${col}) THEN to_json(${col}) ELSE to_json(CAST(${col} AS VARCHAR)) END`;
    case 'timestamptz':
      return utcText(col);
    case 'blob':
      return `to_base64(${col})`;
    default:
      return `CAST(${col} AS VARCHAR)`;
  }
}

/** `2024-05-01 10:00:00+00`: DuckDB's own TIMESTAMPTZ text, always in UTC. */
function utcText(col: string): string {
  return `CAST(timezone('UTC', ${col}) AS VARCHAR) || '+00'`;
}
