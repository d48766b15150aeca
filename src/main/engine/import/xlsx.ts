// XLSX: the sheet list from the package itself (xlsx-zip.ts), then the chosen sheet streamed
// with exceljs's WorkbookReader (never the whole workbook in memory) and appended to DuckDB in
// batches as text, like CSV. The header is the first row with any value; a data row's row_id is
// its sheet row number minus the header's row number, so empty rows leave gaps, not renumbering.
import type { Readable } from 'node:stream';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../../shared/api/result';
import type { ImportOptions, ImportPreview, ImportWarning, ResolvedImportOptions } from '../../../shared/api/types';
import { ident } from '../db/sql';
import type { Workspace } from '../workspace/workspace';
import { headerWarnings } from './csv';
import { columnId, origins, type LoadContext, type LoadOutput, type Loader } from './loader';
import { previewTypes } from './preview-types';
import type { Probe } from './probe';
import { cellText } from './xlsx-cells';
import { listSheets, sheetStream, type SheetInfo } from './xlsx-zip';

const PREVIEW_ROWS = 50;
const BATCH_ROWS = 5_000;

interface SheetRow {
  number: number;
  cells: (string | null)[];
}

/** The parts of exceljs's streaming reader we use (its typings describe the non-streaming API). */
interface StreamCell {
  value: unknown;
  numFmt?: string;
}
interface StreamRow {
  number: number;
  eachCell(opts: { includeEmpty: boolean }, fn: (cell: StreamCell, col: number) => void): void;
}
interface StreamSheet {
  name: string;
  [Symbol.asyncIterator](): AsyncIterator<StreamRow>;
}
interface StreamBook {
  properties?: { model?: { date1904?: boolean } };
  [Symbol.asyncIterator](): AsyncIterator<StreamSheet>;
}

function chooseSheet(file: string, sheets: SheetInfo[], wanted: string | undefined): SheetInfo {
  if (sheets.length === 0) throw new AppError('BAD_FILE', `${file}: the workbook has no worksheets.`, { file });
  if (wanted === undefined) return sheets[0]!;
  const s = sheets.find((x) => x.name === wanted);
  if (!s) {
    throw new AppError('INVALID_ARGUMENT', `${file} has no sheet "${wanted}"; its sheets are ${sheets.map((x) => `"${x.name}"`).join(', ')}.`, {
      file,
      sheets: sheets.map((x) => x.name),
    });
  }
  return s;
}

function unreadable(file: string, sheet: SheetInfo, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
  return new AppError('BAD_FILE', `${file}: sheet "${sheet.name}" (part ${sheet.part} at byte offset ${sheet.byteOffset}) cannot be read: ${msg.replace(/\.$/, '')}.`, {
    file,
    sheet: sheet.name,
    byteOffset: sheet.byteOffset,
  });
}

/**
 * Errors of the ZIP reader exceljs pipes our stream into (a damaged deflate stream, a bad entry
 * header) are emitted on that reader and never reach exceljs's iterators, which then wait
 * forever: catch them where the stream is piped, and fail the step in progress. (Not with
 * Promise.race against one long-lived promise: every race leaves a reaction on it, and each
 * holds its row until the import ends — 200k rows cost 900 MB.)
 */
function watchFailures(input: Readable): { step: <T>(it: AsyncIterator<T>) => Promise<IteratorResult<T>> } {
  let failed: { err: unknown } | null = null;
  let rejectStep: ((err: unknown) => void) | null = null;
  const fail = (err: unknown) => {
    failed ??= { err };
    rejectStep?.(err);
  };
  input.on('error', fail);
  const pipe = input.pipe.bind(input);
  input.pipe = <T extends NodeJS.WritableStream>(dest: T, opts?: { end?: boolean }): T => {
    dest.on('error', fail);
    return pipe(dest, opts);
  };
  const step = <T>(it: AsyncIterator<T>): Promise<IteratorResult<T>> => {
    if (failed) return Promise.reject(failed.err);
    return new Promise<IteratorResult<T>>((resolve, reject) => {
      rejectStep = reject;
      it.next().then(resolve, reject);
    });
  };
  return { step };
}

/** The chosen sheet's non-empty rows, streamed; breaking out of the loop closes the file. */
async function* sheetRows(file: string, sheet: SheetInfo, onFraction?: (f: number) => void): AsyncGenerator<SheetRow> {
  if (sheet.readerName === null) {
    throw new AppError('UNSUPPORTED', `${file}: sheet "${sheet.name}" is stored as ${sheet.part}, a part name the streaming reader cannot follow.`, { file });
  }
  const ExcelJS = (await import('exceljs')).default;
  const input = sheetStream(file, sheet, (done, total) => onFraction?.(total > 0 ? done / total : 0));
  const { step } = watchFailures(input);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as StreamBook;
  let found = false;
  try {
    const sheets = reader[Symbol.asyncIterator]();
    for (let s = await step(sheets); !s.done; s = await step(sheets)) {
      const ws = s.value;
      if (ws.name !== sheet.readerName) continue;
      found = true;
      const date1904 = reader.properties?.model?.date1904 === true;
      const rows = ws[Symbol.asyncIterator]();
      for (let r = await step(rows); !r.done; r = await step(rows)) {
        const cells: (string | null)[] = [];
        r.value.eachCell({ includeEmpty: false }, (cell, col) => {
          cells[col - 1] = cellText(cell.value, cell.numFmt, date1904);
        });
        for (let i = 0; i < cells.length; i++) cells[i] ??= null;
        if (cells.some((c) => c !== null)) yield { number: r.value.number, cells };
      }
      break;
    }
  } catch (err) {
    throw unreadable(file, sheet, err);
  } finally {
    input.destroy();
  }
  if (!found) throw new AppError('BAD_FILE', `${file}: sheet "${sheet.name}" (part ${sheet.part}) is missing from the package.`, { file, sheet: sheet.name });
}

function resolved(options: ImportOptions, sheet: string): ResolvedImportOptions {
  return { format: 'xlsx', sheet, ragged: 'abort', origin: origins(options, ['sheet']) };
}

const emptySheet = (file: string, sheet: string): AppError =>
  new AppError('BAD_FILE', `${file}: sheet "${sheet}" is empty: it has no cells with values.`, { file, sheet });

export const xlsxLoader: Loader = {
  async preview(ws: Workspace, probe: Probe, options: ImportOptions): Promise<ImportPreview> {
    const sheets = listSheets(probe.path, probe.size);
    const sheet = chooseSheet(probe.path, sheets, options.sheet);
    let header: SheetRow | null = null;
    const body: SheetRow[] = [];
    for await (const row of sheetRows(probe.path, sheet)) {
      if (!header) header = row;
      else body.push(row);
      if (body.length >= PREVIEW_ROWS) break;
    }
    if (!header) throw emptySheet(probe.path, sheet.name);
    const width = Math.max(header.cells.length, ...body.map((r) => r.cells.length));
    const headers = Array.from({ length: width }, (_, i) => header.cells[i] ?? '');
    const rows = body.map((r) => Array.from({ length: width }, (_, i) => r.cells[i] ?? null));
    return {
      path: probe.path,
      fileName: probe.fileName,
      size: probe.size,
      options: resolved(options, sheet.name),
      sheets: sheets.map((s) => s.name),
      headers,
      logicalTypes: await previewTypes(ws, width, rows),
      rows,
      warnings: headerWarnings(headers),
    };
  },

  async load(ctx: LoadContext): Promise<LoadOutput> {
    const { conn, job, probe, stage } = ctx;
    const sheet = chooseSheet(probe.path, listSheets(probe.path, probe.size), ctx.options.sheet);
    const stager = new Stager(conn, stage);
    let headerRow = 0;
    let headers: string[] = [];
    let rows = 0;
    let lastId = 0;
    ctx.progress(0, `reading sheet "${sheet.name}"`);
    try {
      for await (const row of sheetRows(probe.path, sheet, (f) => ctx.progress(f * 0.95))) {
        if (headerRow === 0) {
          headerRow = row.number;
          headers = row.cells.map((c) => c ?? '');
          await stager.create(headers.length);
          continue;
        }
        lastId = row.number - headerRow;
        await stager.append(lastId, row.cells);
        if (++rows % BATCH_ROWS === 0) {
          stager.flush();
          job.progress({ rows });
          job.throwIfCancelled();
        }
      }
      if (headerRow === 0) throw emptySheet(probe.path, sheet.name);
      stager.flush();
    } catch (err) {
      stager.close(true);
      throw err;
    }
    stager.close();
    const warnings: ImportWarning[] = headerWarnings(headers);
    const extra = stager.width - headers.length;
    if (extra > 0) {
      warnings.push({
        code: 'EXTRA_FIELDS',
        message: `Some rows have values beyond the header's ${headers.length} columns; the ${extra} extra column${extra === 1 ? ' has' : 's have'} a blank header.`,
        details: { columns: extra },
      });
    }
    if (lastId > rows) {
      warnings.push({
        code: 'EMPTY_ROWS_SKIPPED',
        message: `${lastId - rows} empty row${lastId - rows === 1 ? ' was' : 's were'} skipped; row ids keep the sheet's numbering, so they have gaps.`,
        details: { count: lastId - rows },
      });
    }
    const all = [...headers, ...Array.from({ length: extra }, () => '')];
    return { columns: all.map((h, i) => ({ id: columnId(i), header: h })), warnings, options: resolved(ctx.options, sheet.name) };
  },
};

/** The staging table and its appender; a row wider than any before adds columns. */
class Stager {
  private appender: DuckDBAppender | null = null;
  width = 0;

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly stage: string,
  ) {}

  async create(width: number): Promise<void> {
    this.width = width;
    const cols = Array.from({ length: width }, (_, i) => `${ident(columnId(i))} VARCHAR`);
    await this.conn.run(`CREATE TABLE ${ident(this.stage)} (row_id BIGINT${cols.map((c) => `, ${c}`).join('')})`);
    this.appender = await this.conn.createAppender(this.stage);
  }

  async append(rowId: number, cells: (string | null)[]): Promise<void> {
    if (cells.length > this.width) await this.widen(cells.length);
    const a = this.appender!;
    a.appendBigInt(BigInt(rowId));
    for (let i = 0; i < this.width; i++) {
      const v = cells[i];
      if (v === undefined || v === null) a.appendNull();
      else a.appendVarchar(v);
    }
    a.endRow();
  }

  private async widen(width: number): Promise<void> {
    this.close();
    for (let i = this.width; i < width; i++) await this.conn.run(`ALTER TABLE ${ident(this.stage)} ADD COLUMN ${ident(columnId(i))} VARCHAR`);
    this.width = width;
    this.appender = await this.conn.createAppender(this.stage);
  }

  flush(): void {
    this.appender?.flushSync();
  }

  /** Quietly after a failure: the stage is dropped anyway, and the first error is the one to report. */
  close(quiet = false): void {
    const a = this.appender;
    this.appender = null;
    try {
      a?.closeSync();
    } catch (err) {
      if (!quiet) throw err;
    }
  }
}
