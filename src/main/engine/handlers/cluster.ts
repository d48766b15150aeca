// cluster.* — suggested clusters of values in a text column, computed as a job.
import type { Handlers } from '../../../shared/api/client';
import { clusterColumn, runClusters } from '../clusters/run';
import type { Engine } from '../engine';

export function clusterHandlers(e: Engine): Pick<Handlers, 'cluster.start'> {
  return {
    'cluster.start': async (req) => {
      const ws = e.workspace;
      // A missing dataset, version or column, or a non-text column, is the caller's error now, not a failed job later.
      const { column } = await clusterColumn(ws, req);
      const label = `Cluster ${JSON.stringify(column.header)} in ${req.datasetId} v${req.version}`;
      const job = e.jobs.start('cluster', label, (ctx) => runClusters(ws, e.workers, ctx, req));
      return { jobId: job.id };
    },
  };
}
