// The refusal to read a purged dataset version: when, by whom and why (the reason is the signed
// tombstone's). Kept apart from purge.ts so the catalogue can use it without importing the purge.
import { AppError } from '../../../shared/api/result';
import { num, type Database } from '../db/database';
import { table } from '../db/sql';

export const PURGED_ACTION = 'dataset.purged';

export async function purgedError(db: Database, datasetId: string, version: number, purgedAtMs: unknown, purgedBy: unknown): Promise<AppError> {
  const r = await db.one(
    `SELECT d.name, (SELECT json_extract_string(l.details, '$.reason') FROM ${table.eventLog} l
        WHERE l.action = $a AND json_extract_string(l.subject, '$.dataset') = $ds AND json_extract_string(l.subject, '$.version') = $v
        ORDER BY l.seq DESC LIMIT 1) AS reason
     FROM ${table.dataset} d WHERE d.dataset_id = $ds`,
    { a: PURGED_ACTION, ds: datasetId, v: String(version) },
  );
  const name = r ? String(r.name) : datasetId;
  const on = new Date(num(purgedAtMs)).toISOString().slice(0, 10);
  const reason = r?.reason === null || r?.reason === undefined ? 'no reason recorded' : String(r.reason);
  return new AppError('NOT_FOUND', `v${version} of ${name} was purged on ${on} by ${String(purgedBy)}: ${reason}`, { datasetId, version, purged: true });
}
