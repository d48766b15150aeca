// pii.* — scan a version for personal data as a job, read its summary and findings, record review
// decisions, export findings.
import { reviewSigner } from '../identity/store';
import path from 'node:path';
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import { versionTable } from '../datasets/catalog';
import type { Engine } from '../engine';
import { resolveFormat } from '../export/format';
import { exportFindings } from '../pii/dataset/export';
import { runPiiScan } from '../pii/dataset/run';
import { decide, findingsPage, readSummary } from '../pii/dataset/store';

type PiiMethods = 'pii.start' | 'pii.summary' | 'pii.findings' | 'pii.decide' | 'pii.exportFindings';

export function piiHandlers(e: Engine): Pick<Handlers, PiiMethods> {
  return {
    'pii.start': async ({ datasetId, version, columnIds }) => {
      await versionTable(e.workspace.db, datasetId, version);
      const ws = e.workspace;
      const job = e.jobs.start('pii', `Scan ${datasetId} v${version} for personal data`, (ctx) => runPiiScan(ws, e.workers, ctx, { datasetId, version, columnIds }, e.actor));
      return { jobId: job.id };
    },
    'pii.summary': async ({ datasetId, version }) => {
      await versionTable(e.workspace.db, datasetId, version);
      return readSummary(e.workspace.db, datasetId, version);
    },
    'pii.findings': ({ datasetId, version, offset, limit, columnId, entity }) => findingsPage(e.workspace.db, datasetId, version, offset, limit, { columnId, entity }),
    'pii.decide': async (req) => {
      const ws = e.workspace;
      await versionTable(ws.db, req.datasetId, req.version);
      if (!(await readSummary(ws.db, req.datasetId, req.version))) {
        throw new AppError('INVALID_ARGUMENT', `Version ${req.version} of ${req.datasetId} has not been scanned for personal data; scan it before deciding on findings.`);
      }
      const signer = await reviewSigner(ws, e.identity, 'Deciding on personal data');
      await ws.exclusive(() => ws.db.transaction((conn) => decide(conn, req, e.actor, signer)));
      const summary = await readSummary(ws.db, req.datasetId, req.version);
      if (!summary) throw new AppError('NOT_FOUND', `The scan of ${req.datasetId} v${req.version} went away.`);
      return summary;
    },
    'pii.exportFindings': async (req) => {
      e.allowPath(req.path);
      const format = resolveFormat(req.path, req.format);
      if (format !== 'csv' && format !== 'parquet') {
        throw new AppError('INVALID_ARGUMENT', `${req.path}: findings are written as CSV or Parquet, not ${format.toUpperCase()}.`, { file: req.path });
      }
      await versionTable(e.workspace.db, req.datasetId, req.version);
      const ws = e.workspace;
      const job = e.jobs.start('export', `Findings of ${req.datasetId} v${req.version} to ${path.basename(req.path)}`, (ctx) =>
        exportFindings(ws, ctx, { ...req, format }, e.actor));
      return { jobId: job.id };
    },
  };
}
