// The cached profile of each dataset version (`_ds_profile`): written when a profile job
// finishes, read by `profile.get`, dropped with its dataset (catalog.ts deleteDataset).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetProfile } from '../../../shared/api/profile-types';
import { AppError } from '../../../shared/api/result';
import { num, type Database } from '../db/database';
import { table } from '../db/sql';

export async function readProfile(db: Database, datasetId: string, version: number): Promise<DatasetProfile | null> {
  const r = await db.one(`SELECT profile::VARCHAR AS p FROM ${table.profile} WHERE dataset_id = $id AND version = $v`, { id: datasetId, v: version });
  return r ? (JSON.parse(String(r.p)) as DatasetProfile) : null;
}

/** Stores a profile in the caller's transaction, refusing one whose version went away meanwhile. */
export async function writeProfile(conn: DuckDBConnection, p: DatasetProfile): Promise<void> {
  const exists = await conn.runAndReadAll(`SELECT count(*) AS n FROM ${table.version} WHERE dataset_id = $id AND version = $v`, { id: p.datasetId, v: p.version });
  if (num(exists.getRowObjects()[0]?.n) === 0) {
    throw new AppError('NOT_FOUND', `Dataset ${p.datasetId} version ${p.version} was deleted while it was being profiled; nothing was saved.`);
  }
  await conn.run(`INSERT OR REPLACE INTO ${table.profile} VALUES ($id, $v, $at::TIMESTAMPTZ, $profile)`, {
    id: p.datasetId,
    v: p.version,
    at: p.computedAt,
    profile: JSON.stringify(p),
  });
}
