// JSON (array of objects) and JSON lines. DuckDB's read_json loads every record as one raw JSON
// value (records=false: its own column naming folds case and renames blank keys, and its type
// detection turns date-like strings into DATEs); the union schema is then found in SQL
// (json-discover.ts) and each column extracted by JSON pointer, so any key survives as a header.
import path from 'node:path';
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../../shared/api/result';
import type { Encoding, ImportOptions, ImportPreview, ImportWarning, ResolvedImportOptions } from '../../../shared/api/types';
import { ident, literal } from '../db/sql';
import { isInterrupt, runTracked } from '../db/tracked';
import type { JobContext } from '../jobs/jobs';
import type { Workspace } from '../workspace/workspace';
import { discoverSchema, rowsWithRepeatedKeys } from './json-discover';
import { bomLength, jsonShape, sampleRecords, viewSample, type JsonShape } from './json-sample';
import { planColumns, pointer, type ColumnKind, type PlannedColumn } from './json-schema';
import { locateRecord, scanJsonFile, type RecordStart } from './json-syntax';
import { jsonText, parseJsonValue, renameDuplicateKeys } from './json-value';
import { columnId, origins, type LoadContext, type LoadOutput, type Loader } from './loader';
import { previewTypes } from './preview-types';
import { decodeSample, type Probe } from './probe';
import { needsTranscoding, transcodeToUtf8 } from './transcode';

const PREVIEW_ROWS = 50;
/** The largest single record DuckDB is asked to hold. */
export const MAX_JSON_RECORD_BYTES = 64 * 1024 * 1024;

interface Settings {
  encoding: Encoding;
  shape: JsonShape;
  options: ResolvedImportOptions;
  warnings: ImportWarning[];
}

function settings(probe: Probe, options: ImportOptions): Settings {
  const format = probe.format === 'jsonl' ? 'jsonl' : 'json';
  const encoding = options.encoding ?? probe.encoding ?? 'utf-8';
  const shape = jsonShape(probe.path, format, decodeSample(probe.sample, encoding));
  const warnings: ImportWarning[] = needsTranscoding(encoding)
    ? [{ code: 'TRANSCODED', message: `The file is ${encoding}; it is converted to UTF-8 while importing (the source is not changed).` }]
    : [];
  return { encoding, shape, warnings, options: { format, encoding, ragged: 'abort', origin: origins(options, ['encoding']) } };
}

const recordName = (shape: JsonShape, i: number): string =>
  shape.layout === 'lines' ? `record ${i + 1}` : shape.duckFormat === 'array' ? `element ${i + 1} of the top-level array` : `top-level value ${i + 1}`;

export const jsonLoader: Loader = {
  async preview(ws: Workspace, probe: Probe, options: ImportOptions): Promise<ImportPreview> {
    const s = settings(probe, options);
    const text = decodeSample(probe.sample, s.encoding);
    const complete = probe.size <= probe.sample.length;
    const records = sampleRecords(probe.path, text, s.shape, complete, PREVIEW_ROWS, bomLength(s.encoding));
    const view = viewSample(probe.path, records, (i) => recordName(s.shape, i));
    const types = await previewTypes(ws, view.kinds.length, view.rows);
    const fixed: Record<ColumnKind, ImportPreview['logicalTypes'][number] | null> = { bigint: 'integer', double: 'decimal', boolean: 'boolean', json: 'json', text: null };
    return {
      path: probe.path,
      fileName: probe.fileName,
      size: probe.size,
      options: s.options,
      headers: view.plan.columns.map((c) => c.header),
      logicalTypes: view.kinds.map((k, i) => fixed[k] ?? types[i] ?? 'text'),
      rows: view.rows,
      warnings: [...s.warnings, ...view.plan.warnings],
    };
  },

  async load(ctx: LoadContext): Promise<LoadOutput> {
    const { probe, conn, job, stage, ws } = ctx;
    const s = settings(probe, ctx.options);
    let readPath = probe.path;
    let sha256: string | undefined;
    const share = needsTranscoding(s.encoding) ? 0.25 : 0;
    if (needsTranscoding(s.encoding)) {
      readPath = path.join(ws.tmpDir, `${job.id}-utf8.json`);
      ctx.progress(0, 'converting to UTF-8');
      ({ sha256 } = await transcodeToUtf8(probe.path, readPath, s.encoding, (b) => ctx.progress((b / probe.size) * share), job.signal));
    }
    const raw = `${stage}_raw`;
    try {
      ctx.progress(share, 'reading records');
      await loadRaw(ctx, s, readPath, raw, (f) => ctx.progress(share + f * (0.5 - share)));
      ctx.progress(0.5, 'finding the fields');
      let found = await discoverSchema(conn, job, raw, probe.path);
      if (found.notObject) throw await notObjectError(probe.path, readPath, s.shape, found.notObject);
      if (found.records === 0) throw new AppError('BAD_FILE', `${probe.path} holds no records (an empty array or only blank lines).`, { file: probe.path });
      const renames = new Map<string, string>();
      if (found.repeatedKeyPaths.length > 0) {
        await rewriteRepeatedKeys(conn, job, raw, found.repeatedKeyPaths, renames);
        found = await discoverSchema(conn, job, raw, probe.path);
      }
      const plan = planColumns(found.root, renames);
      if (plan.columns.length === 0) throw new AppError('BAD_FILE', `${probe.path}: the records have no fields (every object is empty).`, { file: probe.path });
      ctx.progress(0.6, 'extracting fields');
      await extract(ctx, raw, plan.columns, (f) => ctx.progress(0.6 + f * 0.35));
      return {
        columns: plan.columns.map((c, i) => ({ id: columnId(i), header: c.header, path: c.path })),
        warnings: [...s.warnings, ...plan.warnings],
        options: s.options,
        ...(sha256 ? { sha256 } : {}),
      };
    } finally {
      await conn.run(`DROP TABLE IF EXISTS ${ident(raw)}`).catch(() => undefined);
    }
  },
};

export const jsonlLoader: Loader = jsonLoader;

const TYPE_NAMES: Record<string, string> = { ARRAY: 'an array', NULL: 'null', VARCHAR: 'a string', BOOLEAN: 'a boolean' };

async function notObjectError(file: string, readPath: string, shape: JsonShape, bad: { index: number; type: string }): Promise<AppError> {
  const at = await locateRecord(readPath, shape.layout, bad.index);
  const what = TYPE_NAMES[bad.type] ?? 'a number';
  return new AppError('BAD_FILE', `${file}: ${recordName(shape, bad.index)}${at ? ` (line ${at.line})` : ''} is ${what}, not an object; every record must be an object.`, {
    file,
    record: bad.index + 1,
    ...(at ? { line: at.line, byteOffset: at.byteOffset } : {}),
  });
}

/** One row per record, rowid = record index (created outside a transaction, so rowids are dense). */
async function loadRaw(ctx: LoadContext, s: Settings, readPath: string, raw: string, progress: (f: number) => void): Promise<void> {
  try {
    await runTracked(
      ctx.conn,
      ctx.job,
      `CREATE TABLE ${ident(raw)} AS SELECT json FROM read_json($path, format = $format, records = false, columns = {json: 'JSON'}, maximum_object_size = ${MAX_JSON_RECORD_BYTES})`,
      { path: readPath, format: s.shape.duckFormat },
      (pct) => progress(pct / 100),
    );
  } catch (err) {
    if (err instanceof AppError || isInterrupt(err)) throw err;
    throw await explainReadError(ctx.probe.path, readPath, s, err);
  }
}

/** DuckDB refused the file: find where, with our own streaming syntax check. */
async function explainReadError(file: string, readPath: string, s: Settings, err: unknown): Promise<AppError> {
  const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
  const transcoded = readPath !== file;
  if (/maximum_object_size|maximum object size/i.test(msg)) {
    const seen: { big?: RecordStart; prev?: RecordStart } = {};
    await scanJsonFile(readPath, s.shape.layout, (r) => {
      if (seen.prev && r.byteOffset - seen.prev.byteOffset > MAX_JSON_RECORD_BYTES) seen.big = seen.prev;
      seen.prev = r;
      return seen.big !== undefined;
    });
    const at = seen.big ?? seen.prev;
    return new AppError(
      'LIMIT_EXCEEDED',
      `${file}: ${at ? `line ${at.line}: ` : ''}a record is larger than ${MAX_JSON_RECORD_BYTES / 1024 / 1024} MB, the largest a JSON import accepts.`,
      { file, ...(at ? { line: at.line, ...(transcoded ? {} : { byteOffset: at.byteOffset }) } : {}) },
    );
  }
  const problem = await scanJsonFile(readPath, s.shape.layout);
  if (problem) {
    const where = transcoded ? `line ${problem.line}, column ${problem.column}` : `line ${problem.line}, column ${problem.column} (byte offset ${problem.byteOffset})`;
    return new AppError('BAD_FILE', `${file}: ${where}: invalid JSON: ${problem.reason}.`, {
      file,
      line: problem.line,
      column: problem.column,
      ...(transcoded ? {} : { byteOffset: problem.byteOffset }),
    });
  }
  return new AppError('BAD_FILE', `${file}: ${msg}`, { file });
}

/** Records rewritten per batch: JS holds at most this many at a time, whatever the file. */
const REWRITE_BATCH = 10_000;

/** Gives every repeated key a unique stored name (see json-value.ts) so each can be extracted. */
async function rewriteRepeatedKeys(conn: DuckDBConnection, job: JobContext, raw: string, paths: string[], renames: Map<string, string>): Promise<void> {
  const fix = `${raw}_fix`;
  await conn.run(`CREATE TABLE ${ident(fix)} (rid BIGINT, json VARCHAR)`);
  try {
    for (let after = -1; ; ) {
      const rows = await rowsWithRepeatedKeys(conn, job, raw, paths, after, REWRITE_BATCH);
      if (rows.length === 0) break;
      const appender = await conn.createAppender(fix);
      for (const r of rows) {
        appender.appendBigInt(BigInt(r.rid));
        appender.appendVarchar(jsonText(renameDuplicateKeys(parseJsonValue(r.json), renames)));
        appender.endRow();
      }
      appender.closeSync();
      job.throwIfCancelled();
      after = rows.at(-1)!.rid;
    }
    await conn.run(`UPDATE ${ident(raw)} SET json = f.json FROM ${ident(fix)} AS f WHERE ${ident(raw)}.rowid = f.rid`);
  } finally {
    await conn.run(`DROP TABLE IF EXISTS ${ident(fix)}`);
  }
}

const OVERFLOW = 'ds-json-overflow:';

/** A column's value from the extracted lists; numbers that do not fit raise a marked error. */
function columnExpr(kind: ColumnKind, i: number, v: string): string {
  const mark = literal(`${OVERFLOW}${i}`);
  switch (kind) {
    case 'bigint':
      return `CASE WHEN ${v} IS NULL THEN NULL ELSE coalesce(TRY_CAST(${v} AS BIGINT), error(${mark})) END`;
    case 'double':
      return `CASE WHEN isinf(TRY_CAST(${v} AS DOUBLE)) THEN error(${mark}) ELSE TRY_CAST(${v} AS DOUBLE) END`;
    case 'boolean':
      return `CAST(${v} AS BOOLEAN)`;
    case 'json':
      return `CAST(CASE WHEN CAST(${v} AS VARCHAR) = 'null' THEN NULL ELSE ${v} END AS JSON)`;
    case 'text':
      return v;
  }
}

/**
 * The staging table: row_id = record index + 1, one column per planned column. A number too
 * large for BIGINT/DOUBLE (which DuckDB would make NULL or infinite) makes its column text, so
 * the digits survive; that costs one more pass, only for such files.
 */
async function extract(ctx: LoadContext, raw: string, columns: PlannedColumn[], progress: (f: number) => void): Promise<void> {
  const kinds = columns.map((c) => c.kind);
  for (let attempt = 0; ; attempt++) {
    const scalar = kinds.flatMap((k, i) => (k === 'json' ? [] : [i]));
    const nested = kinds.flatMap((k, i) => (k === 'json' ? [i] : []));
    const exprs = kinds.map((k, i) => {
      const v = k === 'json' ? `j[${nested.indexOf(i) + 1}]` : `s[${scalar.indexOf(i) + 1}]`;
      return `${columnExpr(k, i, v)} AS ${ident(columnId(i))}`;
    });
    const lists = [
      scalar.length > 0 ? ', json_extract_string(json, $sp) AS s' : '',
      nested.length > 0 ? ', json_extract(json, $jp) AS j' : '',
    ].join('');
    const params = {
      ...(scalar.length > 0 ? { sp: listValue(scalar.map((i) => pointer(columns[i]!.storagePath))) } : {}),
      ...(nested.length > 0 ? { jp: listValue(nested.map((i) => pointer(columns[i]!.storagePath))) } : {}),
    };
    try {
      await runTracked(
        ctx.conn,
        ctx.job,
        `CREATE TABLE ${ident(ctx.stage)} AS SELECT rid + 1 AS row_id, ${exprs.join(', ')} FROM (SELECT rowid AS rid${lists} FROM ${ident(raw)})`,
        params,
        (pct) => progress(pct / 100),
      );
      return;
    } catch (err) {
      const m = new RegExp(`${OVERFLOW}(\\d+)`).exec(err instanceof Error ? err.message : '');
      if (!m || attempt >= columns.length) throw err;
      kinds[Number(m[1])] = 'text';
      await ctx.conn.run(`DROP TABLE IF EXISTS ${ident(ctx.stage)}`);
    }
  }
}
