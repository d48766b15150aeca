// Helpers for the export tests: datasets with typed storage registered through the real catalogue
// (the typed import loaders arrive separately), and an export that returns its result or error.
import type { MethodInput } from '../../src/shared/api/contract';
import type { ErrorInfo } from '../../src/shared/api/result';
import type { ExportResult, LogicalType } from '../../src/shared/api/types';
import { nextDatasetId, registerDataset } from '../../src/main/engine/datasets/catalog';
import { ident, table } from '../../src/main/engine/db/sql';
import type { TestEngine } from '../support/engine';

export interface TypedColumn {
  header: string;
  /** DuckDB storage type. */
  type: string;
  logical?: LogicalType;
  path?: string[];
}

/** A dataset version 1 whose table is filled from SQL row tuples (row_id is added, 1-based). */
export async function typedDataset(t: TestEngine, name: string, columns: TypedColumn[], rowsSql: string): Promise<string> {
  const ws = t.engine.workspace;
  return ws.exclusive(() =>
    ws.db.transaction(async (conn) => {
      const id = await nextDatasetId(conn);
      const dataTable = table.data(id, 1);
      const defs = columns.map((c, i) => `${ident(`c${i + 1}`)} ${c.type}`).join(', ');
      await conn.run(`CREATE TABLE ${ident(dataTable)} (row_id BIGINT, ${defs})`);
      await conn.run(`INSERT INTO ${ident(dataTable)} SELECT row_number() OVER () AS row_id, * FROM (${rowsSql})`);
      const n = Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM ${ident(dataTable)}`)).getRowObjects()[0]?.n);
      await registerDataset(conn, {
        datasetId: id, name, format: 'parquet', sourcePath: `/nonexistent/${name}`, sourceSize: 0, sourceSha256: '0'.repeat(64),
        sourceModifiedAt: new Date(0), importOptions: { format: 'parquet', ragged: 'abort', origin: {} }, warnings: [], actor: 'test',
        dataTable, rowCount: n, compacted: true,
        columns: columns.map((c, i) => ({
          id: `c${i + 1}`, header: c.header, position: i, logicalType: c.logical ?? 'text', storageType: c.type, nullCount: 0,
          ...(c.path ? { path: c.path } : {}),
        })),
      });
      return id;
    }),
  );
}

export async function exportOk(t: TestEngine, args: MethodInput<'export.start'>): Promise<ExportResult> {
  const job = await t.runJob('export.start', args);
  if (job.state !== 'succeeded') throw new Error(`export ${job.state}: ${job.error?.code}: ${job.error?.message}`);
  return job.result as ExportResult;
}

export async function exportFails(t: TestEngine, args: MethodInput<'export.start'>): Promise<ErrorInfo> {
  const job = await t.runJob('export.start', args);
  if (job.state === 'succeeded' || !job.error) throw new Error(`export was expected to fail but ${job.state}`);
  return job.error;
}
