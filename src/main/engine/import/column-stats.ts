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

/** Rows sampled (evenly spread) to decide a text column's logical type. */
const SAMPLE_ROWS = 20_000;

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

/**
 * Each sampled value gets one kind, found by a CASE whose cheap tests gate the costly ones: a value
 * not starting with a digit, sign or dot can only be a boolean or text; casts gate the regexes.
 */
export const KIND = { integer: 1, decimal: 2, boolean: 3, date: 4, timestamp: 5, time: 6 } as const;

export function kindSql(v: string): string {
  return `CASE WHEN ${v} IS NULL OR ${v} = '' THEN NULL
    WHEN NOT (left(${v}, 1) BETWEEN '0' AND '9' OR left(${v}, 1) IN ('+', '-', '.')) THEN
      CASE WHEN lower(${v}) IN ('true', 'false', 'yes', 'no') THEN ${KIND.boolean} ELSE 0 END
    WHEN TRY_CAST(${v} AS DOUBLE) IS NOT NULL THEN CASE
      WHEN regexp_full_match(${v}, '[+-]?(0|[1-9][0-9]*)') AND TRY_CAST(${v} AS BIGINT) IS NOT NULL THEN ${KIND.integer}
      WHEN regexp_full_match(${v}, '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?') AND NOT regexp_full_match(${v}, '[+-]?0[0-9]+') THEN ${KIND.decimal}
      ELSE 0 END
    WHEN TRY_CAST(${v} AS DATE) IS NOT NULL AND regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN ${KIND.date}
    WHEN TRY_CAST(${v} AS TIMESTAMPTZ) IS NOT NULL
      AND regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?') THEN ${KIND.timestamp}
    WHEN TRY_CAST(${v} AS TIME) IS NOT NULL AND regexp_full_match(${v}, '[0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?') THEN ${KIND.time}
    ELSE 0 END`;
}

/** The type of a column from the counts of its sampled kinds: every non-empty value must agree. */
export const DECISIONS: { type: LogicalType; kinds: number[] }[] = [
  { type: 'integer', kinds: [KIND.integer] },
  { type: 'decimal', kinds: [KIND.integer, KIND.decimal] },
  { type: 'boolean', kinds: [KIND.boolean] },
  { type: 'date', kinds: [KIND.date] },
  { type: 'timestamp', kinds: [KIND.date, KIND.timestamp] },
  { type: 'time', kinds: [KIND.time] },
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
    // Trimmed once in an inner query: the CASE names its value a dozen times.
    const trimmed = textIds.map((id) => `trim(${ident(id)}) AS ${ident(`t_${id}`)}`).join(', ');
    const kinds = textIds.map((id) => `${kindSql(ident(`t_${id}`))} AS ${ident(`k_${id}`)}`).join(', ');
    const hists = textIds.map((id) => `histogram(${ident(`k_${id}`)})::JSON::VARCHAR AS ${ident(`h_${id}`)}`);
    const sample = `(SELECT ${kinds} FROM (SELECT ${trimmed} FROM ${from} WHERE rowid % ${step} = 0))`;
    const r = (await conn.runAndReadAll(`SELECT ${hists.join(', ')} FROM ${sample}`)).getRowObjects()[0] ?? {};
    for (const id of textIds) {
      const h = r[`h_${id}`];
      const counts = new Map(Object.entries(h === null || h === undefined ? {} : (JSON.parse(String(h)) as Record<string, number>)).map(([k, n]) => [Number(k), n]));
      const seen = [...counts.keys()];
      const hit = seen.length === 0 ? undefined : DECISIONS.find((d) => seen.every((k) => d.kinds.includes(k)));
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
