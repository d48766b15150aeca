// Key collision: values whose keys are equal form a cluster. The fingerprint key is computed in
// SQL; the n-gram and phonetic keys in JavaScript, on the distinct values, through the worker pool.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { NgramParams } from '../../../shared/api/cluster-types';
import { runTracked } from '../db/tracked';
import type { JobContext } from '../jobs/jobs';
import { fingerprintSql } from '../text/keys';
import type { WorkerPool } from '../workers/pool';
import { groupByKey, type DistinctValues, type Group } from './build';

/**
 * Fingerprint groups: the keys of the distinct values into `keys`, then one GROUP BY (an empty key
 * groups nothing). Two statements, because DuckDB computes the key's list lambdas several times
 * slower inside the aggregation than into a table (measured: 374k e-mails, 9 s fused, 3.4 s apart).
 */
export async function fingerprintGroups(conn: DuckDBConnection, ctx: JobContext, t: { distinct: string; work: string }): Promise<Group[]> {
  await runTracked(conn, ctx, `CREATE TABLE ${t.work} AS SELECT id, ${fingerprintSql('v')} AS k FROM ${t.distinct}`);
  const r = await runTracked(conn, ctx, `SELECT k, list(id) AS ids FROM ${t.work} GROUP BY k HAVING count(*) > 1 AND k <> ''`);
  const rows = (await r.getRowsJS()) as [string, number[]][];
  return rows.map(([key, ids]) => ({ key, ids }));
}

export type JsKeyMethod = { method: 'ngram'; params: NgramParams } | { method: 'metaphone' };

/** Keys of every distinct value computed by a worker task (in order), then grouped. */
export async function jsKeyGroups(pool: WorkerPool, ctx: JobContext, m: JsKeyMethod, d: DistinctValues): Promise<Group[]> {
  const total = d.values.length;
  ctx.progress({ stage: 'computing keys', done: 0, total, unit: 'steps' });
  const opts = { signal: ctx.signal, onProgress: (done: number) => ctx.progress({ done, total }) };
  const batches =
    m.method === 'ngram'
      ? await pool.map('cluster.ngramKeys', d.values, { ...opts, input: (values) => ({ values, n: m.params.n }) })
      : await pool.map('cluster.metaphoneKeys', d.values, { ...opts, input: (values) => ({ values }) });
  ctx.throwIfCancelled();
  ctx.progress({ stage: 'grouping by key' });
  return groupByKey(batches.flat());
}
