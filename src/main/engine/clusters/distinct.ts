// The distinct values of a column with their row counts: one GROUP BY over the version's table
// into a scratch table (id = position), which the SQL methods join and JavaScript reads once.
import type { DuckDBConnection } from '@duckdb/node-api';
import { num } from '../db/database';
import { ident } from '../db/sql';
import { runTracked } from '../db/tracked';
import type { JobContext } from '../jobs/jobs';
import type { DistinctValues } from './build';

/**
 * Creates `scratch` (id INTEGER, v VARCHAR, n BIGINT) from `column` of `data`. NULLs and values
 * without a visible character (empty, spaces, tabs) are left out: they are missing values, not
 * variants of anything, and the missing-values step handles them.
 */
export async function createDistinct(conn: DuckDBConnection, ctx: JobContext, data: string, column: string, scratch: string, rows: number): Promise<void> {
  const col = ident(column);
  await runTracked(
    conn,
    ctx,
    `CREATE TABLE ${scratch} AS
     SELECT CAST(row_number() OVER () - 1 AS INTEGER) AS id, v, n FROM (
       SELECT ${col} AS v, count(*) AS n FROM ${ident(data)}
       WHERE ${col} IS NOT NULL GROUP BY ${col} HAVING regexp_matches(${col}, '[^\\s]')
     )`,
    undefined,
    (pct) => ctx.progress({ done: Math.round((pct / 100) * rows), rows: Math.round((pct / 100) * rows) }),
  );
}

/** Reads the scratch table: value i is the value with id i. */
export async function readDistinct(conn: DuckDBConnection, ctx: JobContext, scratch: string): Promise<DistinctValues> {
  const r = await runTracked(conn, ctx, `SELECT v, n FROM ${scratch} ORDER BY id`);
  // An empty result (a column of blanks) has no columns at all.
  const [values = [], counts = []] = (await r.getColumnsJS()) as [string[]?, unknown[]?];
  return { values, counts: counts.map(num) };
}
