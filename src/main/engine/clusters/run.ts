// A cluster job: checks the column, groups its distinct values once, runs the chosen method on
// them, and returns the clusters. The scratch table of distinct values never outlives the job.
import type { ClusterRequest, ClusterResult } from '../../../shared/api/cluster-types';
import { AppError } from '../../../shared/api/result';
import type { ColumnInfo } from '../../../shared/api/types';
import { SCRATCH, qualified } from '../db/sql';
import { getColumns, versionTable } from '../datasets/catalog';
import type { JobContext } from '../jobs/jobs';
import type { WorkerPool } from '../workers/pool';
import type { Workspace } from '../workspace/workspace';
import { buildClusters, type DistinctValues, type Group } from './build';
import { createDistinct, readDistinct } from './distinct';
import { fingerprintGroups, jsKeyGroups } from './key-collision';
import { levenshteinGroups } from './nearest';

/** The column a request names, if it exists and holds text; otherwise a clear error. */
export async function clusterColumn(ws: Workspace, req: Pick<ClusterRequest, 'datasetId' | 'version' | 'columnId'>): Promise<{ column: ColumnInfo; table: string; rowCount: number }> {
  const { table, rowCount } = await versionTable(ws.db, req.datasetId, req.version);
  const column = (await getColumns(ws.db, req.datasetId, req.version)).find((c) => c.id === req.columnId);
  if (!column) throw new AppError('NOT_FOUND', `Dataset ${req.datasetId} version ${req.version} has no column ${req.columnId}.`);
  if (column.storageType !== 'VARCHAR') {
    throw new AppError(
      'INVALID_ARGUMENT',
      `Column ${JSON.stringify(column.header)} (${column.id}) of dataset ${req.datasetId} version ${req.version} holds ${column.logicalType} values (${column.storageType}); clustering works on text columns.`,
      { columnId: column.id },
    );
  }
  return { column, table, rowCount };
}

export async function runClusters(ws: Workspace, pool: WorkerPool, ctx: JobContext, req: ClusterRequest): Promise<ClusterResult> {
  const started = performance.now();
  const { column, table, rowCount } = await clusterColumn(ws, req);
  const base = `cluster_${ctx.id}_${Date.now()}`;
  const scratch = { distinct: qualified(SCRATCH, 'main', base), work: qualified(SCRATCH, 'main', `${base}_work`) };
  try {
    const { d, groups, warnings } = await ws.db.with(async (conn) => {
      ctx.progress({ stage: 'counting distinct values', done: 0, total: rowCount, unit: 'rows' });
      await createDistinct(conn, ctx, table, column.id, scratch.distinct, rowCount);
      ctx.progress({ stage: 'reading distinct values' });
      const d = await readDistinct(conn, ctx, scratch.distinct);
      return { d, ...(await methodGroups(conn, pool, ctx, req, scratch, d)) };
    });
    ctx.progress({ stage: 'building clusters' });
    const { clusters, truncated } = buildClusters(groups, d);
    return {
      datasetId: req.datasetId,
      version: req.version,
      columnId: req.columnId,
      method: req.method,
      params: req.params,
      distinctValues: d.values.length,
      clusters,
      truncated,
      warnings,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const t of Object.values(scratch)) await ws.db.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
  }
}

type Conn = Parameters<Parameters<Workspace['db']['with']>[0]>[0];

interface MethodOutcome {
  groups: Group[];
  warnings: string[];
}

async function methodGroups(
  conn: Conn,
  pool: WorkerPool,
  ctx: JobContext,
  req: ClusterRequest,
  scratch: { distinct: string; work: string },
  d: DistinctValues,
): Promise<MethodOutcome> {
  switch (req.method) {
    case 'fingerprint':
      ctx.progress({ stage: 'grouping by fingerprint' });
      return { groups: await fingerprintGroups(conn, ctx, scratch), warnings: [] };
    case 'ngram':
      return { groups: await jsKeyGroups(pool, ctx, { method: 'ngram', params: req.params }, d), warnings: [] };
    case 'metaphone':
      return { groups: await jsKeyGroups(pool, ctx, { method: 'metaphone' }, d), warnings: [] };
    case 'levenshtein':
      return levenshteinGroups(conn, pool, ctx, scratch, req.params, d.values.length);
  }
}
