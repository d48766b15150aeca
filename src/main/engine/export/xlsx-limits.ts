// What an XLSX sheet can hold, checked before anything is written: rows (the header included),
// columns, and characters per cell (counted as Excel counts them: UTF-16 code units, so an emoji
// is two). The cell check runs over the exact text the export would write (escape included).
import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../../shared/api/result';
import type { ColumnInfo } from '../../../shared/api/types';
import { num } from '../db/database';
import { ident } from '../db/sql';
import { isTypedValue, outputKind } from './columns';
import { escapeFormula } from './formula';

export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_COLUMNS = 16_384;
export const XLSX_MAX_CELL_CHARS = 32_767;

const fmt = (n: number) => n.toLocaleString('en-US');

/** Excel's length of a string: UTF-16 code units. */
export function cellLength(text: string): number {
  return text.length;
}

/** SQL for the UTF-16 length of a VARCHAR, computed only where the byte length could exceed the limit. */
function utf16LengthSql(expr: string): string {
  // UTF-16 units never exceed UTF-8 bytes, so strlen() (bytes) rules out almost every value cheaply.
  return `CASE WHEN strlen(${expr}) > ${XLSX_MAX_CELL_CHARS} THEN length(${expr}) + length(regexp_replace(${expr}, '[^\\x{10000}-\\x{10FFFF}]', '', 'g')) ELSE 0 END`;
}

/** Refuses a sheet that would not fit: rows and columns from counts, headers and cells by content. */
export function checkXlsxShape(rowCount: number, columns: ColumnInfo[], formulaEscape: boolean): void {
  if (rowCount + 1 > XLSX_MAX_ROWS) {
    throw new AppError(
      'LIMIT_EXCEEDED',
      `Cannot export to XLSX: the dataset has ${fmt(rowCount)} rows, and with the header row that is ${fmt(rowCount + 1)}, more than the ${fmt(XLSX_MAX_ROWS)} rows an XLSX sheet holds. Nothing was written; export to CSV, Parquet or JSONL instead.`,
      { rows: rowCount, limit: XLSX_MAX_ROWS },
    );
  }
  if (columns.length > XLSX_MAX_COLUMNS) {
    throw new AppError(
      'LIMIT_EXCEEDED',
      `Cannot export to XLSX: the dataset has ${fmt(columns.length)} columns, more than the ${fmt(XLSX_MAX_COLUMNS)} an XLSX sheet holds. Nothing was written.`,
      { columns: columns.length, limit: XLSX_MAX_COLUMNS },
    );
  }
  for (const c of columns) {
    const text = formulaEscape ? escapeFormula(c.header) : c.header;
    if (cellLength(text) > XLSX_MAX_CELL_CHARS) {
      throw new AppError(
        'LIMIT_EXCEEDED',
        `Cannot export to XLSX: the header of column ${c.position + 1} has ${fmt(cellLength(text))} characters; an XLSX cell holds at most ${fmt(XLSX_MAX_CELL_CHARS)}. Nothing was written.`,
        { column: c.position + 1, columnId: c.id, length: cellLength(text), limit: XLSX_MAX_CELL_CHARS },
      );
    }
  }
}

/** One pass over the data: the first cell (in row order) longer than an XLSX cell holds. */
export async function checkXlsxCells(conn: DuckDBConnection, table: string, columns: ColumnInfo[], texts: string[]): Promise<void> {
  const candidates = columns.map((c, i) => ({ c, text: texts[i]! })).filter(({ c }) => !isTypedValue(outputKind(c)));
  if (candidates.length === 0) return;
  const parts = candidates.map(({ text }, i) => {
    const len = utf16LengthSql(text);
    return `min(rowid) FILTER (WHERE ${len} > ${XLSX_MAX_CELL_CHARS}) AS ${ident(`p${i}`)}`;
  });
  const r = (await conn.runAndReadAll(`SELECT ${parts.join(', ')} FROM ${ident(table)}`)).getRowObjects()[0] ?? {};
  let worst: { position: number; column: ColumnInfo } | null = null;
  for (const [i, { c }] of candidates.entries()) {
    const p = r[`p${i}`];
    if (p === null || p === undefined) continue;
    const position = num(p);
    if (!worst || position < worst.position) worst = { position, column: c };
  }
  if (!worst) return;
  const w = worst;
  const rec = (
    await conn.runAndReadAll(
      `SELECT row_id, ${utf16LengthSql(texts[columns.indexOf(w.column)]!)} AS len, (SELECT count(*) FROM ${ident(table)} WHERE rowid < $p) AS before
       FROM ${ident(table)} WHERE rowid = $p`,
      { p: w.position },
    )
  ).getRowObjects()[0];
  const length = num(rec?.len);
  // The header is sheet row 1; data rows follow in rowid order.
  const sheetRow = num(rec?.before) + 2;
  throw new AppError(
    'LIMIT_EXCEEDED',
    `Cannot export to XLSX: the cell in column ${w.column.position + 1} ("${w.column.header.slice(0, 60)}") at sheet row ${fmt(sheetRow)} (record ${fmt(num(rec?.row_id))} of the source) has ${fmt(length)} characters; an XLSX cell holds at most ${fmt(XLSX_MAX_CELL_CHARS)}. Nothing was written; export to CSV, Parquet or JSONL instead.`,
    { column: w.column.position + 1, columnId: w.column.id, header: w.column.header, sheetRow, record: num(rec?.row_id), length, limit: XLSX_MAX_CELL_CHARS },
  );
}
