// Per-column facts computed right after a load: storage type, null count, and — for columns
// stored as text — the logical type their values hold, from a deterministic sample.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LogicalType } from '../../../shared/api/types';
import { num } from '../db/database';
import { ident, literal, qualified } from '../db/sql';

export interface ColumnFacts {
  storageType: string;
  nullCount: number;
  logicalType: LogicalType;
}

const SAMPLE_ROWS = 50_000;

/** Logical type from a DuckDB storage type; VARCHAR is decided by its values. */
export function logicalFromStorage(t: string): LogicalType | null {
  const u = t.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/.test(u)) return 'integer';
  if (/^(FLOAT|DOUBLE|REAL)$/.test(u) || u.startsWith('DECIMAL')) return 'decimal';
  if (u === 'BOOLEAN') return 'boolean';
  if (u === 'DATE') return 'date';
  if (u.startsWith('TIMESTAMP')) return 'timestamp';
  if (u.startsWith('TIME')) return 'time';
  if (u === 'BLOB' || u === 'BIT') return 'binary';
  if (u === 'JSON' || u.endsWith('[]') || u.startsWith('STRUCT') || u.startsWith('MAP') || u.startsWith('UNION') || /\[\d+\]$/.test(u)) return 'json';
  if (u === 'VARCHAR') return null;
  return 'text';
}

const TESTS: { type: LogicalType; sql: (v: string) => string }[] = [
  { type: 'integer', sql: (v) => `regexp_full_match(${v}, '[+-]?(0|[1-9][0-9]*)') AND TRY_CAST(${v} AS BIGINT) IS NOT NULL` },
  { type: 'decimal', sql: (v) => `regexp_full_match(${v}, '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?') AND NOT regexp_full_match(${v}, '[+-]?0[0-9]+')` },
  { type: 'boolean', sql: (v) => `regexp_full_match(lower(${v}), 'true|false|yes|no')` },
  { type: 'date', sql: (v) => `regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND TRY_CAST(${v} AS DATE) IS NOT NULL` },
  {
    type: 'timestamp',
    sql: (v) =>
      `regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?') AND TRY_CAST(${v} AS TIMESTAMPTZ) IS NOT NULL`,
  },
  { type: 'time', sql: (v) => `regexp_full_match(${v}, '[0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?') AND TRY_CAST(${v} AS TIME) IS NOT NULL` },
];

/** A table in the workspace (catalog omitted) or in another attached catalog (the scratch one). */
export interface TableRef {
  catalog?: string;
  name: string;
}

export async function analyseColumns(conn: DuckDBConnection, ref: TableRef, ids: string[]): Promise<Map<string, ColumnFacts>> {
  const catalog = ref.catalog ? literal(ref.catalog) : 'current_database()';
  const from = ref.catalog ? qualified(ref.catalog, 'main', ref.name) : ident(ref.name);
  const describe = await conn.runAndReadAll(
    `SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = ${catalog} AND schema_name = 'main' AND table_name = ${literal(ref.name)}`,
  );
  const storage = new Map(describe.getRowObjects().map((r) => [String(r.column_name), String(r.data_type)]));
  const facts = new Map<string, ColumnFacts>();
  if (ids.length === 0) return facts;

  const nullSql = ids.map((id) => `count(*) - count(${ident(id)}) AS ${ident(`n_${id}`)}`).join(', ');
  const nulls = (await conn.runAndReadAll(`SELECT count(*) AS total, ${nullSql} FROM ${from}`)).getRowObjects()[0] ?? {};
  const total = num(nulls.total);

  const textIds = ids.filter((id) => logicalFromStorage(storage.get(id) ?? 'VARCHAR') === null);
  const inferred = new Map<string, LogicalType>();
  if (textIds.length > 0) {
    const step = Math.max(1, Math.ceil(total / SAMPLE_ROWS));
    const parts: string[] = [];
    for (const id of textIds) {
      const v = `trim(${ident(id)})`;
      parts.push(`count(*) FILTER (WHERE ${v} <> '') AS ${ident(`all_${id}`)}`);
      for (const t of TESTS) parts.push(`count(*) FILTER (WHERE ${v} <> '' AND ${t.sql(v)}) AS ${ident(`${t.type}_${id}`)}`);
    }
    const sample = `(SELECT ${textIds.map(ident).join(', ')} FROM ${from} WHERE rowid % ${step} = 0)`;
    const r = (await conn.runAndReadAll(`SELECT ${parts.join(', ')} FROM ${sample}`)).getRowObjects()[0] ?? {};
    for (const id of textIds) {
      const all = num(r[`all_${id}`]);
      const hit = all === 0 ? undefined : TESTS.find((t) => num(r[`${t.type}_${id}`]) === all);
      inferred.set(id, hit?.type ?? 'text');
    }
  }
  for (const id of ids) {
    const st = storage.get(id) ?? 'VARCHAR';
    facts.set(id, {
      storageType: st,
      nullCount: num(nulls[`n_${id}`]),
      logicalType: logicalFromStorage(st) ?? inferred.get(id) ?? 'text',
    });
  }
  return facts;
}
