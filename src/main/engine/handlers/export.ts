// export.* — write a dataset version to a file as a job.
import path from 'node:path';
import type { Handlers } from '../../../shared/api/client';
import type { Engine } from '../engine';
import { runExport } from '../export/exporter';

export function exportHandlers(e: Engine): Pick<Handlers, 'export.start'> {
  return {
    'export.start': async (req) => {
      e.allowPath(req.path);
      const ws = e.workspace;
      const job = e.jobs.start('export', `Export ${req.datasetId} to ${path.basename(req.path)}`, (ctx) => runExport(ws, ctx, req, e.actor));
      return { jobId: job.id };
    },
  };
}
