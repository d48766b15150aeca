// Key collision: values whose keys are equal form a cluster. The fingerprint key is computed in
// SQL; the n-gram and phonetic keys in JavaScript, on the distinct values, through the worker pool.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { NgramParams } from '../../../shared/api/cluster-types';
import { runTracked } from '../db/tracked';
import type { JobContext } from '../jobs/jobs';
import { fingerprintSql } from '../text/keys';
import type { WorkerPool } from '../workers/pool';
import { groupByKey, type DistinctValues, type Group } from './build';

/** Fingerprint groups, in one GROUP BY over the distinct values (an empty key groups nothing). */
export async function fingerprintGroups(conn: DuckDBConnection, ctx: JobContext, scratch: string): Promise<Group[]> {
  const r = await runTracked(
    conn,
    ctx,
    `SELECT k, list(id) AS ids FROM (SELECT id, ${fingerprintSql('v')} AS k FROM ${scratch})
     GROUP BY k HAVING count(*) > 1 AND k <> ''`,
  );
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
