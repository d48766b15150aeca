// Compaction: a CSV import writes its text columns uncompressed (≈2× faster to load, 3× larger);
// this background job rewrites the version compressed and swaps it in, rows in the same order.
import { AppError } from '../../../shared/api/result';
import { num } from '../db/database';
import { ident, table } from '../db/sql';
import { runTracked } from '../db/tracked';
import type { JobContext } from '../jobs/jobs';
import type { Workspace } from '../workspace/workspace';
import { versionTable } from './catalog';

export interface CompactResult {
  datasetId: string;
  version: number;
  /** False when the dataset went away meanwhile (deleted): nothing to do. */
  compacted: boolean;
}

export async function compactVersion(ws: Workspace, job: JobContext, datasetId: string, version: number): Promise<CompactResult> {
  const found = await versionTable(ws.db, datasetId, version).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  });
  if (!found) return { datasetId, version, compacted: false };
  const { table: data, rowCount } = found;
  const copy = table.stage(job.id);
  job.progress({ stage: 'compressing', done: 0, total: rowCount, unit: 'rows' });
  return ws.db.with(async (conn) => {
    try {
      await runTracked(conn, job, `CREATE TABLE ${ident(copy)} AS SELECT * FROM ${ident(data)}`, undefined, (pct) =>
        job.progress({ done: Math.round((pct / 100) * rowCount) }),
      );
      job.progress({ stage: 'checking row order' });
      // Positions are the grid's keys: the copy must hold every row at the same rowid.
      const check = await conn.runAndReadAll(
        `SELECT (SELECT count(*) FROM ${ident(copy)}) AS n,
                (SELECT count(*) FROM (SELECT rowid AS p, row_id FROM ${ident(data)}) a
                   JOIN (SELECT rowid AS p, row_id FROM ${ident(copy)}) b USING (p) WHERE a.row_id = b.row_id) AS same`,
      );
      const r = check.getRowObjects()[0];
      if (num(r?.n) !== rowCount || num(r?.same) !== rowCount) {
        throw new AppError('INTERNAL', `Compacting ${datasetId} v${version}: the copy's row order differs; the original is kept.`);
      }
      job.throwIfCancelled();
      job.progress({ stage: 'swapping' });
      return await ws.exclusive(async () => {
        if (!(await stillThere(ws, data))) {
          await conn.run(`DROP TABLE ${ident(copy)}`);
          return { datasetId, version, compacted: false };
        }
        await conn.run('BEGIN TRANSACTION');
        try {
          await conn.run(`DROP TABLE ${ident(data)}`);
          await conn.run(`ALTER TABLE ${ident(copy)} RENAME TO ${ident(data)}`);
          await conn.run(`UPDATE ${table.version} SET compacted = true WHERE table_name = $t`, { t: data });
          await conn.run('COMMIT');
        } catch (err) {
          await conn.run('ROLLBACK').catch(() => undefined);
          throw err;
        }
        return { datasetId, version, compacted: true };
      });
    } catch (err) {
      await conn.run(`DROP TABLE IF EXISTS ${ident(copy)}`).catch(() => undefined);
      if (!job.signal.aborted && !(await stillThere(ws, data))) return { datasetId, version, compacted: false };
      throw err;
    }
  });
}

async function stillThere(ws: Workspace, data: string): Promise<boolean> {
  const r = await ws.db.one(`SELECT count(*) AS n FROM ${table.version} WHERE table_name = $t`, { t: data });
  return num(r?.n) > 0;
}
