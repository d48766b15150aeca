// Test support for the duplicate finder: an in-memory DuckDB with the scratch catalog the engine
// uses, a Query over it, and tables of records made from plain arrays.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { dedupeSettingsSchema, type DedupeRole, type DedupeSettingsInput } from '../../src/shared/api/dedupe-types';
import type { FrameColumn } from '../../src/main/engine/clean/frame';
import { Query } from '../../src/main/engine/clean/query';
import { SCRATCH, ident } from '../../src/main/engine/db/sql';
import type { JobContext } from '../../src/main/engine/jobs/jobs';
import type { DecidedPair, DedupeInput } from '../../src/main/engine/dedupe/types';
import { WorkerPool } from '../../src/main/engine/workers/pool';

export const testJob: JobContext = {
  id: 'test',
  signal: new AbortController().signal,
  progress: () => undefined,
  throwIfCancelled: () => undefined,
  onCancel: () => () => undefined,
};

export interface DedupeDb {
  conn: DuckDBConnection;
  q: Query;
  pool: WorkerPool;
  close(): Promise<void>;
}

export async function dedupeDb(): Promise<DedupeDb> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(`ATTACH ':memory:' AS ${ident(SCRATCH)}`);
  const pool = new WorkerPool({ maxThreads: 1 });
  const q = new Query(conn, testJob, 'test', pool);
  return {
    conn,
    q,
    pool,
    async close() {
      await q.cleanup();
      await pool.close();
      conn.closeSync();
      db.closeSync();
    },
  };
}

let tables = 0;

/** A table of records: row_id 1..n, one VARCHAR column per header (ids c1, c2, …). */
export async function records(conn: DuckDBConnection, headers: string[], rows: (string | null)[][]): Promise<{ relation: string; columns: FrameColumn[] }> {
  const name = `records_${++tables}`;
  const columns: FrameColumn[] = headers.map((header, i) => ({ id: `c${i + 1}`, header, logicalType: 'text', storageType: 'VARCHAR' }));
  await conn.run(`CREATE TABLE ${ident(name)} (row_id BIGINT, ${columns.map((c) => `${ident(c.id)} VARCHAR`).join(', ')})`);
  const app = await conn.createAppender(name);
  for (const [i, row] of rows.entries()) {
    app.appendBigInt(BigInt(i + 1));
    for (const v of row) {
      if (v === null) app.appendNull();
      else app.appendVarchar(v);
    }
    app.endRow();
  }
  app.closeSync();
  return { relation: ident(name), columns };
}

/** A DedupeInput over a records table, with roles given by header (the rest inferred). */
export function input(t: { relation: string; columns: FrameColumn[] }, rowCount: number, settings: DedupeSettingsInput & { rolesByHeader?: Record<string, DedupeRole> } = {}, decisions: DecidedPair[] = []): DedupeInput {
  const { rolesByHeader, ...rest } = settings;
  const roles = { ...(rest.roles ?? {}) };
  for (const [header, role] of Object.entries(rolesByHeader ?? {})) roles[t.columns.find((c) => c.header === header)!.id] = role;
  return { relation: t.relation, columns: t.columns, rowCount, settings: dedupeSettingsSchema.parse({ ...rest, roles }), decisions };
}
