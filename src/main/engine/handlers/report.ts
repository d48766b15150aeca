// report.* — a run's compliance report: its model, and the HTML, PDF or JSON file as a job (issue 7).
import path from 'node:path';
import type { Handlers } from '../../../shared/api/client';
import type { Engine } from '../engine';
import { buildReportModel } from '../report/model';
import { checkReportRequest, quietJob, writeReport } from '../report/write';

export function reportHandlers(e: Engine): Pick<Handlers, 'report.model' | 'report.write'> {
  return {
    'report.model': ({ runId }) => buildReportModel({ ws: e.workspace, job: quietJob(), actor: e.actor }, runId),
    'report.write': async (req) => {
      e.allowPath(req.path);
      const ws = e.workspace;
      const format = await checkReportRequest(ws, req);
      const job = e.jobs.start('report', `Report of ${req.runId} to ${path.basename(req.path)}`, (ctx) => writeReport(ws, ctx, { ...req, format }, e.actor));
      return { jobId: job.id };
    },
  };
}
