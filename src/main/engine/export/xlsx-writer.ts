// XLSX through exceljs's streaming WorkbookWriter: limits refused before anything is written,
// rows streamed from DuckDB chunk by chunk (never the whole sheet in memory), and the bytes made
// deterministic (fixed creator and dates in the workbook, fixed entry times in the ZIP).
import { once } from 'node:events';
import fs from 'node:fs';
import { AppError } from '../../../shared/api/result';
import { ident } from '../db/sql';
import { outputKind, textExpr } from './columns';
import { escapeFormula } from './formula';
import type { WriteContext, Writer } from './writer';
import { cellValue, ooxmlEscape } from './xlsx-cells';
import { checkXlsxCells, checkXlsxShape } from './xlsx-limits';
import { pinZipTimes } from './zip-times';

/** Every XLSX we write says it was made by us at this fixed moment, so the same data gives the same bytes. */
export const XLSX_CREATOR = 'Data Sanitizer';
export const XLSX_FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

/** Rows read per query: each window is ordered by rowid, so memory stays bounded (a streamed
 *  SELECT does not keep table order on its own, and ORDER BY over the whole table sorts it all). */
export const XLSX_WINDOW_ROWS = 20_000;

/** Uncompressed sheet bytes allowed to wait for the compressor before we stop feeding rows. */
const MAX_BACKLOG = 4 * 1024 * 1024;

interface PipeInternals {
  _writableState?: { length?: number };
  _readableState?: { length?: number };
}

/**
 * Bytes of sheet XML waiting in front of the compressor. exceljs's streaming writer has no
 * backpressure: its sheet stream writes into the ZIP without waiting, so a fast producer fills
 * memory with the whole sheet (measured: ~0.75 GB per million 14-column rows). This reads the
 * buffered length of the stream it writes into (exceljs 4.4's internals; a test pins them).
 * Null when that stream is not there.
 */
export function sheetBacklog(sheet: object): number | null {
  const pipes = (sheet as { stream?: { pipes?: unknown } }).stream?.pipes;
  if (!Array.isArray(pipes)) return null;
  return (pipes as PipeInternals[]).reduce((n, p) => n + (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0), 0);
}

async function waitForCompressor(sheet: object, signal: AbortSignal): Promise<void> {
  while (!signal.aborted && (sheetBacklog(sheet) ?? 0) > MAX_BACKLOG) {
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** A sheet name Excel accepts: at most 31 characters, none of \ / ? * [ ] :, not quoted. */
export function sheetName(datasetName: string): string {
  const base = datasetName.replace(/\.[A-Za-z0-9]{1,8}$/, '').replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '');
  const cut = [...base].reduce((s, ch) => (s.length + ch.length <= 31 ? s + ch : s), '').trim();
  return cut === '' || cut.toLowerCase() === 'history' ? 'Sheet1' : cut;
}

function cellTexts(ctx: WriteContext): string[] {
  return ctx.columns.map((c) => textExpr(c, ctx.formulaEscape));
}

export const xlsxWriter: Writer = {
  async check(ctx) {
    checkXlsxShape(ctx.rowCount, ctx.columns, ctx.formulaEscape);
    ctx.progress(0, 'checking cell lengths');
    const off = ctx.job.onCancel(() => ctx.conn.interrupt());
    try {
      await checkXlsxCells(ctx.conn, ctx.table, ctx.columns, cellTexts(ctx));
    } catch (err) {
      ctx.job.throwIfCancelled();
      throw err;
    } finally {
      off();
    }
  },

  async write(ctx) {
    const ExcelJS = (await import('exceljs')).default;
    const out = fs.createWriteStream(ctx.temp);
    out.on('error', () => undefined); // reported by commit(); after a cancel, ignored
    const closed = once(out, 'close');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    book.creator = XLSX_CREATOR;
    book.lastModifiedBy = XLSX_CREATOR;
    book.created = XLSX_FIXED_DATE;
    book.modified = XLSX_FIXED_DATE;
    const sheet = book.addWorksheet(sheetName(ctx.datasetName));
    const kinds = ctx.columns.map(outputKind);
    try {
      sheet.addRow(ctx.columns.map((c) => ooxmlEscape(ctx.formulaEscape ? escapeFormula(c.header) : c.header))).commit();
      const select = cellTexts(ctx).map((t, i) => `${t} AS ${ident(`v${i}`)}`).join(', ');
      const off = ctx.job.onCancel(() => ctx.conn.interrupt());
      let rows = 0;
      try {
        // Bounded by the largest rowid, not the row count, in case a version's rowids have gaps.
        const last = Number((await ctx.conn.runAndReadAll(`SELECT coalesce(max(rowid), -1) AS m FROM ${ident(ctx.table)}`)).getRowObjects()[0]?.m ?? -1);
        for (let lo = 0; lo <= last; lo += XLSX_WINDOW_ROWS) {
          ctx.job.throwIfCancelled();
          const window = await ctx.conn.runAndReadAll(
            `SELECT ${select || 'NULL'} FROM ${ident(ctx.table)} WHERE rowid >= $lo AND rowid < $hi ORDER BY rowid`,
            { lo, hi: lo + XLSX_WINDOW_ROWS },
          );
          for (const r of window.getRows()) {
            sheet.addRow(kinds.map((k, i) => cellValue((r[i] ?? null) as string | null, k))).commit();
            if (++rows % 2048 === 0) {
              ctx.progress(rows);
              await waitForCompressor(sheet, ctx.job.signal);
              ctx.job.throwIfCancelled();
            }
          }
        }
      } finally {
        off();
      }
      ctx.progress(rows, 'finishing the workbook');
      sheet.commit();
      await book.commit();
      await closed;
    } catch (err) {
      out.destroy();
      await closed.catch(() => undefined);
      ctx.job.throwIfCancelled();
      throw err instanceof AppError ? err : new AppError('INTERNAL', `Writing the XLSX file failed: ${(err as Error).message}`);
    }
    pinZipTimes(ctx.temp);
    return {};
  },
};
