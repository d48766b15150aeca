// Runs one long DuckDB statement inside a job: progress from DuckDB's own query progress,
// cancellation by interrupting the connection.
import type { DuckDBConnection, DuckDBMaterializedResult } from '@duckdb/node-api';
import { AppError } from '../../../shared/api/result';
import type { JobContext } from '../jobs/jobs';
import type { Params } from './database';

const POLL_MS = 150;

export async function runTracked(
  conn: DuckDBConnection,
  ctx: JobContext,
  sql: string,
  params?: Params,
  onPercent?: (percent: number) => void,
): Promise<DuckDBMaterializedResult> {
  ctx.throwIfCancelled();
  const off = ctx.onCancel(() => conn.interrupt());
  const timer = onPercent
    ? setInterval(() => {
        const p = conn.progress;
        if (p.percentage >= 0) onPercent(p.percentage);
      }, POLL_MS)
    : undefined;
  try {
    return await conn.run(sql, params);
  } catch (err) {
    if (ctx.signal.aborted || isInterrupt(err)) throw new AppError('CANCELLED', 'cancelled');
    throw err;
  } finally {
    if (timer) clearInterval(timer);
    off();
  }
}

export function isInterrupt(err: unknown): boolean {
  return err instanceof Error && /INTERRUPT Error|Interrupted!/.test(err.message);
}
