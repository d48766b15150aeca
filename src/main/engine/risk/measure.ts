// k-anonymity in SQL: one GROUP BY of a version over its quasi-identifiers into a small table of
// combinations with their counts (missing values are one value of their own), and the measure
// read from it: classes, the smallest class, records and classes below the target k, the
// records that are unique, and the class-size histogram.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RiskClassSize, RiskMeasure } from '../../../shared/api/pii-types';
import { num, type Params, type Row } from '../db/database';
import { ident } from '../db/sql';
import { runTracked } from '../db/tracked';
import type { JobContext } from '../jobs/jobs';

/** Sizes above this are pooled into one histogram bucket (`size: HISTOGRAM_CAP + 1`). */
export const HISTOGRAM_CAP = 50;

/** A cell as text, blank (empty or only spaces) read as missing, like NULL. */
export function valueSql(columnId: string): string {
  const c = `CAST(${ident(columnId)} AS VARCHAR)`;
  return `CASE WHEN trim(${c}) = '' THEN NULL ELSE ${c} END`;
}

/** The name of the i-th quasi-identifier in a combinations table. */
export const q = (i: number) => `q${i}`;

export async function rowsOf(conn: DuckDBConnection, job: JobContext, sql: string, params?: Params): Promise<Row[]> {
  const r = await runTracked(conn, job, sql, params);
  return (await r.getRowObjects()) as Row[];
}

/**
 * Creates `target(q0, q1, …, n)`: each combination of the columns' values and its row count.
 * With no columns every row is in one class. `onPercent` follows DuckDB's progress.
 */
export async function groupCombos(
  conn: DuckDBConnection,
  job: JobContext,
  data: string,
  columnIds: readonly string[],
  target: string,
  onPercent?: (pct: number) => void,
): Promise<void> {
  const sql =
    columnIds.length === 0
      ? `CREATE TABLE ${target} AS SELECT count(*) AS n FROM ${ident(data)} HAVING count(*) > 0`
      : `CREATE TABLE ${target} AS SELECT ${columnIds.map((id, i) => `${valueSql(id)} AS ${q(i)}`).join(', ')}, count(*) AS n FROM ${ident(data)} GROUP BY ALL`;
  await runTracked(conn, job, sql, undefined, onPercent);
}

/** The measure of a combinations table (its classes are its rows) against the target k. */
export async function measureCombos(conn: DuckDBConnection, job: JobContext, combos: string, version: number, targetK: number): Promise<RiskMeasure> {
  const [m] = await rowsOf(
    conn,
    job,
    `SELECT coalesce(sum(n), 0) AS rows, count(*) AS classes, coalesce(min(n), 0) AS k,
       coalesce(sum(n) FILTER (WHERE n < $k), 0) AS below, count(*) FILTER (WHERE n < $k) AS cbelow,
       coalesce(sum(n) FILTER (WHERE n = 1), 0) AS uniq
     FROM ${combos}`,
    { k: targetK },
  );
  const hist = await rowsOf(
    conn,
    job,
    `SELECT least(n, ${HISTOGRAM_CAP + 1}) AS size, count(*) AS classes, sum(n) AS records FROM ${combos} GROUP BY 1 ORDER BY 1`,
  );
  return {
    version,
    rows: num(m?.rows),
    classes: num(m?.classes),
    k: num(m?.k),
    recordsBelowK: num(m?.below),
    classesBelowK: num(m?.cbelow),
    uniqueRecords: num(m?.uniq),
    histogram: hist.map((h): RiskClassSize => ({ size: num(h.size), classes: num(h.classes), records: num(h.records) })),
  };
}
