// Parquet: DuckDB's reader, with row_id from file_row_number. Headers come from the file's own
// schema (parquet_schema), not from DuckDB's column names, which are made unique ignoring case
// ("a" next to "A" becomes "a_1"). Structs are flattened like nested JSON (fields taken by
// position, so their names need not be unique either); lists and maps become JSON text.
import fs from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../../shared/api/result';
import type { ImportOptions, ImportPreview, LogicalType, ResolvedImportOptions } from '../../../shared/api/types';
import { ident } from '../db/sql';
import { isInterrupt, runTracked } from '../db/tracked';
import type { Workspace } from '../workspace/workspace';
import { headerWarnings } from './csv';
import { logicalFromStorage } from './column-stats';
import { columnId, type LoadContext, type LoadOutput, type Loader, type StageColumn } from './loader';
import { previewTypes } from './preview-types';
import type { Probe } from './probe';

const PREVIEW_ROWS = 50;
/**
 * Types with no faithful text, JSON or spreadsheet form for the exports that follow: an
 * INTERVAL mixes months, days and microseconds (to_json writes "1 day", losing the parts); a
 * UNION or VARIANT changes type per row; BIT strings have no counterpart elsewhere.
 */
const UNSUPPORTED = /\b(INTERVAL|UNION|BIT|VARIANT)\b/;

interface SchemaNode {
  name: string;
  children: SchemaNode[];
}

interface Planned extends StageColumn {
  expr: string;
}

/** The file's schema tree, from parquet_schema's depth-first rows. */
async function fileSchema(conn: DuckDBConnection, file: string): Promise<SchemaNode> {
  const rows = (await (await conn.run(`SELECT name, num_children FROM parquet_schema($path)`, { path: file })).getRowObjects()).map((r) => ({
    name: String(r.name ?? ''),
    n: r.num_children === null ? 0 : Number(r.num_children),
  }));
  let i = 0;
  const build = (): SchemaNode => {
    const r = rows[i++];
    if (!r) throw new AppError('BAD_FILE', `${file}: the Parquet schema is incomplete.`, { file });
    const children: SchemaNode[] = [];
    for (let k = 0; k < r.n; k++) children.push(build());
    return { name: r.name, children };
  };
  return build();
}

/** Splits DuckDB's STRUCT(a T, "b c" U, …) field list at top-level commas. */
function structFields(type: string): string[] {
  const inner = type.slice(type.indexOf('(') + 1, type.lastIndexOf(')'));
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (const ch of inner) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '(' || ch === '[')) depth++;
    if (!quoted && (ch === ')' || ch === ']')) depth--;
    if (!quoted && depth === 0 && ch === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** The type part of a struct field ("name" TYPE). */
function fieldType(field: string): string {
  if (field.startsWith('"')) {
    let i = 1;
    while (i < field.length && !(field[i] === '"' && field[i + 1] !== '"')) i += field[i] === '"' ? 2 : 1;
    return field.slice(i + 1).trim();
  }
  return field.slice(field.indexOf(' ') + 1).trim();
}

const isStruct = (t: string): boolean => t.startsWith('STRUCT(') && t.endsWith(')');
const isNestedJson = (t: string): boolean => t.endsWith(']') || t.startsWith('MAP(') || t.startsWith('STRUCT(');

function plan(file: string, schema: SchemaNode, duck: { name: string; type: string }[]): Planned[] {
  if (schema.children.length !== duck.length) {
    throw new AppError('BAD_FILE', `${file}: the Parquet schema has ${schema.children.length} columns but DuckDB reads ${duck.length}.`, { file });
  }
  const out: Planned[] = [];
  const walk = (node: SchemaNode, type: string, expr: string, path: string[]) => {
    if (isStruct(type) && node.children.length > 0) {
      const fields = structFields(type);
      node.children.forEach((child, k) => walk(child, fieldType(fields[k] ?? ''), `struct_extract_at(${expr}, ${k + 1})`, [...path, child.name]));
      return;
    }
    const bad = UNSUPPORTED.exec(type);
    if (bad) {
      throw new AppError(
        'UNSUPPORTED',
        `${file}: column "${path.join('.')}" has the Parquet type ${type}, which cannot be imported faithfully (${bad[1]} values have no lossless text, JSON or spreadsheet form). Convert or drop that column first.`,
        { file, columnName: path.join('.'), type },
      );
    }
    const value = isNestedJson(type) ? `to_json(${expr})` : expr;
    out.push({ id: columnId(out.length), header: path.join('.'), ...(path.length > 1 ? { path } : {}), expr: value });
  };
  schema.children.forEach((node, i) => walk(node, duck[i]!.type, ident(duck[i]!.name), [node.name]));
  return out;
}

/** A truncated file has no footer: say so with the offset, rather than DuckDB's wording. */
function checkFooter(probe: Probe): void {
  const fd = fs.openSync(probe.path, 'r');
  try {
    const tail = Buffer.alloc(4);
    fs.readSync(fd, tail, 0, 4, Math.max(0, probe.size - 4));
    if (probe.size < 12 || tail.toString('latin1') !== 'PAR1') {
      throw new AppError(
        'BAD_FILE',
        `${probe.path}: no Parquet footer at the end of the file (byte offset ${Math.max(0, probe.size - 4)} of ${probe.size}); the file is truncated or not Parquet.`,
        { file: probe.path, byteOffset: Math.max(0, probe.size - 4) },
      );
    }
  } finally {
    fs.closeSync(fd);
  }
}

async function planFile(conn: DuckDBConnection, probe: Probe): Promise<{ columns: Planned[]; hasRowNumberColumn: boolean }> {
  checkFooter(probe);
  try {
    const schema = await fileSchema(conn, probe.path);
    const duck = (await (await conn.run(`DESCRIBE SELECT * FROM read_parquet($path)`, { path: probe.path })).getRowObjects()).map((r) => ({
      name: String(r.column_name),
      type: String(r.column_type),
    }));
    return { columns: plan(probe.path, schema, duck), hasRowNumberColumn: duck.some((d) => d.name.toLowerCase() === 'file_row_number') };
  } catch (err) {
    throw readError(probe.path, err);
  }
}

function readError(file: string, err: unknown): unknown {
  if (err instanceof AppError || isInterrupt(err)) return err;
  const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
  if (/not implemented|unsupported|not supported/i.test(msg)) return new AppError('UNSUPPORTED', `${file}: ${msg}`, { file });
  return new AppError('BAD_FILE', `${file}: the Parquet file cannot be read: ${msg}`, { file });
}

const resolved = (): ResolvedImportOptions => ({ format: 'parquet', ragged: 'abort', origin: {} });

export const parquetLoader: Loader = {
  async preview(ws: Workspace, probe: Probe, _options: ImportOptions): Promise<ImportPreview> {
    const { columns, rows, storage } = await ws.db.with(async (conn) => {
      const cols = (await planFile(conn, probe)).columns;
      const select = cols.map((c) => `CAST(${c.expr} AS VARCHAR) AS ${ident(c.id)}`).join(', ');
      const typed = cols.map((c) => `${c.expr} AS ${ident(c.id)}`).join(', ');
      try {
        const r = await conn.runAndReadAll(`SELECT ${select} FROM read_parquet($path) LIMIT ${PREVIEW_ROWS}`, { path: probe.path });
        const d = await conn.runAndReadAll(`DESCRIBE SELECT ${typed} FROM read_parquet($path)`, { path: probe.path });
        return {
          columns: cols,
          rows: r.getRows().map((row) => row.map((v) => (v === null ? null : String(v)))),
          storage: d.getRowObjects().map((x) => String(x.column_type)),
        };
      } catch (err) {
        throw readError(probe.path, err);
      }
    });
    const inferred = await previewTypes(ws, columns.length, rows);
    const logicalTypes: LogicalType[] = storage.map((t, i) => logicalFromStorage(t) ?? inferred[i] ?? 'text');
    const headers = columns.map((c) => c.header);
    return { path: probe.path, fileName: probe.fileName, size: probe.size, options: resolved(), headers, logicalTypes, rows, warnings: headerWarnings(headers) };
  },

  async load(ctx: LoadContext): Promise<LoadOutput> {
    const { conn, job, probe, stage } = ctx;
    const { columns: cols, hasRowNumberColumn } = await planFile(conn, probe);
    const select = cols.map((c) => `${c.expr} AS ${ident(c.id)}`).join(', ');
    ctx.progress(0, 'loading');
    try {
      // DuckDB refuses file_row_number on a file with a column of that name; then the row
      // number is the position, assigned after the load commits (as for CSV).
      await runTracked(
        conn,
        job,
        hasRowNumberColumn
          ? `CREATE TABLE ${ident(stage)} AS SELECT ${select} FROM read_parquet($path)`
          : `CREATE TABLE ${ident(stage)} AS SELECT file_row_number + 1 AS row_id, ${select} FROM read_parquet($path, file_row_number = true)`,
        { path: probe.path },
        (pct) => ctx.progress((pct / 100) * 0.95),
      );
      if (hasRowNumberColumn) {
        await conn.run(`ALTER TABLE ${ident(stage)} ADD COLUMN row_id BIGINT`);
        await conn.run(`UPDATE ${ident(stage)} SET row_id = rowid + 1`);
      }
    } catch (err) {
      throw readError(probe.path, err);
    }
    const columns = cols.map(({ id, header, path }) => ({ id, header, ...(path ? { path } : {}) }));
    return { columns, warnings: headerWarnings(columns.map((c) => c.header)), options: resolved() };
  },
};
