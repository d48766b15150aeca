// Delimited text: settings sniffed (or given), non-UTF-8 transcoded, then DuckDB's parallel
// reader loads every field as text. Rejected rows are examined: ragged rows follow the chosen
// policy (abort / pad / skip); anything else is a clear error naming the line.
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../../shared/api/result';
import type { Encoding, ImportOptions, ImportPreview, ImportWarning, ResolvedImportOptions } from '../../../shared/api/types';
import { num } from '../db/database';
import { ident, literal } from '../db/sql';
import { runTracked } from '../db/tracked';
import type { Workspace } from '../workspace/workspace';
import { headerIssues, parseRecords, sniffDialect, sniffHeader, type Dialect } from './csv-dialect';
import { columnId, origins, type LoadContext, type LoadOutput, type Loader } from './loader';
import { previewTypes } from './preview-types';
import { decodeSample, type Probe } from './probe';
import { needsTranscoding, transcodeToUtf8 } from './transcode';

/** The longest record DuckDB will accept; longer ones are a clear error, not a crash. */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;
const PREVIEW_ROWS = 50;
/** Read as NULL only a value that cannot occur, so padded (missing) fields stay NULL and empty ones ''. */
const NO_NULL = '\u0001ds-no-null\u0001';

interface CsvSettings {
  dialect: Dialect;
  header: boolean;
  encoding: Encoding;
  headers: string[];
  sample: string[][];
  options: ResolvedImportOptions;
  warnings: ImportWarning[];
}

function resolveSettings(probe: Probe, options: ImportOptions): CsvSettings {
  const encoding = options.encoding ?? probe.encoding ?? 'utf-8';
  const whole = probe.size <= probe.sample.length;
  const text = decodeSample(probe.sample, encoding);
  const sniffed = sniffDialect(text, probe.fileName, whole);
  const dialect: Dialect = {
    delimiter: options.delimiter ?? sniffed.delimiter,
    quote: options.quote ?? sniffed.quote,
  };
  const { records } = parseRecords(text, dialect, PREVIEW_ROWS + 200, whole);
  if (records.length === 0) {
    throw new AppError('BAD_FILE', `${probe.path} has no records: it holds only blank lines.`, { file: probe.path });
  }
  const header = options.header ?? sniffHeader(records);
  const first = records[0]!;
  const headers = header ? first : first.map((_, i) => `column${i + 1}`);
  const warnings: ImportWarning[] = [];
  if (header) warnings.push(...headerWarnings(headers));
  const body = header ? records.slice(1) : records;
  const ragged = body.filter((r) => r.length !== headers.length).length;
  if (ragged > 0) {
    warnings.push({
      code: 'ROWS_PADDED',
      message: `${ragged} of the first ${body.length} rows have a different number of fields than the header (${headers.length}).`,
      details: { count: ragged, sampled: body.length },
    });
  }
  if (needsTranscoding(encoding)) {
    warnings.push({ code: 'TRANSCODED', message: `The file is ${encoding}; it is converted to UTF-8 while importing (the source is not changed).` });
  }
  const options_: ResolvedImportOptions = {
    format: 'csv',
    delimiter: dialect.delimiter,
    quote: dialect.quote,
    header,
    encoding,
    ragged: options.ragged ?? 'abort',
    origin: origins(options, ['delimiter', 'quote', 'header', 'encoding', 'ragged']),
  };
  return { dialect, header, encoding, headers, sample: body, options: options_, warnings };
}

export function headerWarnings(headers: string[]): ImportWarning[] {
  const out: ImportWarning[] = [];
  const { blank, duplicate } = headerIssues(headers);
  if (blank.length > 0) {
    out.push({ code: 'BLANK_HEADER', message: `Blank header at column ${blank.join(', ')}; kept as blank.`, details: { columns: blank } });
  }
  for (const d of duplicate) {
    out.push({
      code: 'DUPLICATE_HEADER',
      message: `Header "${d.header}" appears at columns ${d.positions.join(', ')} (same text or differing only by case); all are kept.`,
      details: { header: d.header, columns: d.positions },
    });
  }
  return out;
}

function readCsvSql(n: number, s: CsvSettings, extra: string): string {
  const columns = Array.from({ length: n }, (_, i) => `${literal(columnId(i))}: 'VARCHAR'`).join(', ');
  return `read_csv($path, header = $header, delim = $delim, quote = $quote, escape = $quote,
    columns = {${columns}}, auto_detect = false, max_line_size = ${MAX_RECORD_BYTES}, ${extra})`;
}

interface Reject {
  line: number;
  byte: number;
  type: string;
  text: string;
  message: string;
}

async function readRejects(conn: DuckDBConnection, name: string): Promise<{ total: number; first: Reject[]; types: Set<string> }> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT line, byte_position, error_type, left(csv_line, 300) AS text, error_message, count(*) OVER () AS total
       FROM ${ident(name)} ORDER BY line LIMIT 20`,
    )
  ).getRowObjects();
  const types = (await conn.runAndReadAll(`SELECT DISTINCT error_type FROM ${ident(name)}`)).getRowObjects();
  return {
    total: num(rows[0]?.total),
    first: rows.map((r) => ({
      line: num(r.line),
      byte: num(r.byte_position),
      type: String(r.error_type),
      text: String(r.text ?? ''),
      message: String(r.error_message ?? ''),
    })),
    types: new Set(types.map((t) => String(t.error_type))),
  };
}

const RAGGED = new Set(['MISSING COLUMNS', 'TOO MANY COLUMNS']);

function fatalReject(file: string, r: Reject, encoding: Encoding): AppError {
  const where = { file, line: r.line, byteOffset: r.byte };
  switch (r.type) {
    case 'LINE SIZE OVER MAXIMUM':
      return new AppError(
        'LIMIT_EXCEEDED',
        `${file}: line ${r.line}: a record is larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB (${r.message.replace(/^.*Actual Size:\s*/, '')}), the largest a CSV import accepts. Split or shorten that field.`,
        where,
      );
    case 'INVALID ENCODING':
      return new AppError(
        'BAD_FILE',
        `${file}: line ${r.line}: invalid bytes for the ${encoding} encoding (byte offset ${r.byte}). Choose another encoding, e.g. windows-1252.`,
        where,
      );
    case 'UNQUOTED VALUE':
      return new AppError('BAD_FILE', `${file}: line ${r.line}: a quoted field is never closed (from byte offset ${r.byte}). Check the quote character.`, where);
    default:
      return new AppError('BAD_FILE', `${file}: line ${r.line}: ${r.message}`, where);
  }
}

export const csvLoader: Loader = {
  async preview(ws: Workspace, probe: Probe, options: ImportOptions): Promise<ImportPreview> {
    const s = resolveSettings(probe, options);
    const rows = s.sample.slice(0, PREVIEW_ROWS);
    return {
      path: probe.path,
      fileName: probe.fileName,
      size: probe.size,
      options: s.options,
      headers: s.headers,
      logicalTypes: await previewTypes(ws, s.headers.length, rows),
      rows,
      warnings: s.warnings,
    };
  },

  async load(ctx: LoadContext): Promise<LoadOutput> {
    const { probe, conn, job, stage, ws } = ctx;
    const s = resolveSettings(probe, ctx.options);
    let readPath = probe.path;
    let sha256: string | undefined;
    const share = needsTranscoding(s.encoding) ? 0.4 : 0;
    if (needsTranscoding(s.encoding)) {
      readPath = path.join(ws.tmpDir, `${job.id}-utf8.csv`);
      ctx.progress(0, 'converting to UTF-8');
      ({ sha256 } = await transcodeToUtf8(probe.path, readPath, s.encoding, (b) => ctx.progress((b / probe.size) * share), job.signal));
    }
    const n = s.headers.length;
    const params = { path: readPath, header: s.header, delim: s.dialect.delimiter, quote: s.dialect.quote };
    const rejects = `${stage}_rejects`;
    ctx.progress(share, 'loading');
    // A big source is declared uncompressed: DuckDB's compression analysis would double the load
    // time; the background compaction job compresses the table once the dataset is usable.
    const compression = ctx.loadUncompressed ? ' USING COMPRESSION uncompressed' : '';
    await conn.run(`CREATE TABLE ${ident(stage)} (${Array.from({ length: n }, (_, i) => `${ident(columnId(i))} VARCHAR${compression}`).join(', ')})`);
    await runTracked(
      conn,
      job,
      `INSERT INTO ${ident(stage)} SELECT * FROM ${readCsvSql(n, s, `store_rejects = true, rejects_table = ${literal(rejects)}, rejects_scan = ${literal(`${rejects}_scan`)}`)}`,
      params,
      (pct) => ctx.progress(share + (pct / 100) * (1 - share) * 0.95),
    );
    const rej = await readRejects(conn, rejects);
    const warnings = [...s.warnings.filter((w) => w.code !== 'ROWS_PADDED')];
    const fatal = rej.first.find((r) => !RAGGED.has(r.type));
    if (fatal) throw fatalReject(probe.path, fatal, s.encoding);

    if (rej.total === 0) {
      await conn.run(`ALTER TABLE ${ident(stage)} ADD COLUMN row_id BIGINT`);
      await conn.run(`UPDATE ${ident(stage)} SET row_id = rowid + 1`);
      return {
        columns: s.headers.map((h, i) => ({ id: columnId(i), header: h })), warnings, options: s.options, uncompressed: ctx.loadUncompressed,
        ...(sha256 ? { sha256 } : {}),
      };
    }

    const policy = s.options.ragged;
    if (policy === 'abort') {
      throw new AppError(
        'RAGGED_ROWS',
        `${probe.path}: ${rej.total} row${rej.total === 1 ? ' has' : 's have'} a different number of fields than the header (${n}); the first is line ${rej.first[0]!.line}. Choose to pad them with empty values, skip them, or fix the file.`,
        {
          file: probe.path,
          line: rej.first[0]!.line,
          count: rej.total,
          expectedFields: n,
          firstLines: rej.first.slice(0, 5).map((r) => ({ line: r.line, text: r.text })),
        },
      );
    }
    return loadRagged(ctx, s, readPath, rej, sha256, warnings);
  },
};

/**
 * The ragged path: read again with null padding and room for the widest row, so that no row is
 * rejected and row_id stays the record number; then pad or skip the ragged rows.
 */
async function loadRagged(
  ctx: LoadContext,
  s: CsvSettings,
  readPath: string,
  rej: { total: number; first: Reject[] },
  sha256: string | undefined,
  warnings: ImportWarning[],
): Promise<LoadOutput> {
  const { conn, job, stage } = ctx;
  const n = s.headers.length;
  const widest = Math.max(
    n,
    ...(
      await conn.runAndReadAll(`SELECT csv_line FROM ${ident(`${stage}_rejects`)} WHERE error_type = 'TOO MANY COLUMNS'`)
    )
      .getRowObjects()
      .map((r) => parseRecords(String(r.csv_line), s.dialect, 1, true).records[0]?.length ?? 0),
  );
  await conn.run(`DROP TABLE ${ident(stage)}`);
  ctx.progress(0.5, 'loading ragged rows');
  await runTracked(
    conn,
    job,
    `CREATE TABLE ${ident(stage)} AS SELECT * FROM ${readCsvSql(widest, s, `null_padding = true, nullstr = ${literal(NO_NULL)}`)}`,
    { path: readPath, header: s.header, delim: s.dialect.delimiter, quote: s.dialect.quote },
    (pct) => ctx.progress(0.5 + (pct / 100) * 0.45),
  );
  const ids = Array.from({ length: widest }, (_, i) => columnId(i));
  const extra = ids.slice(n);
  const raggedWhere = [`${ident(ids[n - 1]!)} IS NULL`, ...extra.map((id) => `${ident(id)} IS NOT NULL`)].join(' OR ');
  await conn.run(`ALTER TABLE ${ident(stage)} ADD COLUMN row_id BIGINT`);
  await conn.run(`UPDATE ${ident(stage)} SET row_id = rowid + 1`);
  const count = num((await conn.runAndReadAll(`SELECT count(*) AS n FROM ${ident(stage)} WHERE ${raggedWhere}`)).getRowObjects()[0]?.n);
  const firstLines = rej.first.slice(0, 5).map((r) => r.line);
  let keep = ids;
  if (s.options.ragged === 'skip') {
    keep = ids.slice(0, n);
    const kept = `${stage}_kept`;
    await conn.run(
      `CREATE TABLE ${ident(kept)} AS SELECT row_id, ${keep.map(ident).join(', ')} FROM ${ident(stage)} WHERE NOT (${raggedWhere}) ORDER BY row_id`,
    );
    await conn.run(`DROP TABLE ${ident(stage)}`);
    await conn.run(`ALTER TABLE ${ident(kept)} RENAME TO ${ident(stage)}`);
    warnings.push({
      code: 'ROWS_SKIPPED',
      message: `${count} ragged row${count === 1 ? ' was' : 's were'} skipped (first at line ${firstLines.join(', ')}); they have no row id.`,
      details: { count, firstLines },
    });
  } else {
    warnings.push({
      code: 'ROWS_PADDED',
      message: `${count} ragged row${count === 1 ? ' was' : 's were'} padded with empty values (first at line ${firstLines.join(', ')}).`,
      details: { count, firstLines },
    });
    if (extra.length > 0) {
      warnings.push({
        code: 'EXTRA_FIELDS',
        message: `Some rows have up to ${widest} fields; the ${extra.length} extra column${extra.length === 1 ? ' has' : 's have'} a blank header.`,
        details: { columns: extra.length },
      });
    }
  }
  // Empty fields read as '' in this path; make them missing, as in a normal import.
  await conn.run(`UPDATE ${ident(stage)} SET ${keep.map((id) => `${ident(id)} = nullif(${ident(id)}, '')`).join(', ')}`);
  const headers = [...s.headers, ...extra.map(() => '')].slice(0, keep.length);
  return { columns: headers.map((h, i) => ({ id: columnId(i), header: h })), warnings, options: s.options, ...(sha256 ? { sha256 } : {}) };
}
