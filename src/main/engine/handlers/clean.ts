// clean.*, run.*, diff.* and provenance.* — previews and runs as jobs, and the ledger queries
// behind the diff view.
import path from 'node:path';
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import { diffCells, diffSummary, exportProvenance, listRuns, nextChange } from '../clean/ledger';
import { runClean } from '../clean/run';
import type { Engine } from '../engine';
import { resolveFormat } from '../export/format';

type CleanMethods = 'clean.preview' | 'clean.run' | 'run.list' | 'diff.summary' | 'diff.cells' | 'diff.next' | 'provenance.export';

export function cleanHandlers(e: Engine): Pick<Handlers, CleanMethods> {
  return {
    'clean.preview': async ({ datasetId, version, source, full }) => {
      const ws = e.workspace;
      const job = e.jobs.start('preview', `Preview on ${datasetId} v${version}`, (ctx) => runClean(ws, e.workers, ctx, { datasetId, version, source, kind: 'preview', full }, e.actor));
      return { jobId: job.id };
    },
    'clean.run': async ({ datasetId, version, source }) => {
      const ws = e.workspace;
      const job = e.jobs.start('clean', `Clean ${datasetId} v${version}`, async (ctx) => {
        const result = await runClean(ws, e.workers, ctx, { datasetId, version, source, kind: 'unapproved' }, e.actor);
        if (result.outputVersion !== null) e.compactLater(datasetId, result.outputVersion);
        e.events.emit('datasets.changed', { datasetId });
        return result;
      });
      return { jobId: job.id };
    },
    'run.list': ({ datasetId }) => listRuns(e.workspace.db, datasetId),
    'diff.summary': ({ datasetId, version }) => diffSummary(e.workspace.db, datasetId, version),
    'diff.cells': ({ datasetId, version, rowIds, stepId, columnId }) => diffCells(e.workspace.db, datasetId, version, rowIds, { stepId, columnId }),
    'diff.next': async ({ datasetId, version, viewId, from, direction, stepId, columnId }) => {
      const relation = await e.grid.relation(datasetId, version, viewId);
      return { offset: await nextChange(e.workspace.db, relation, datasetId, version, from, direction, { stepId, columnId }) };
    },
    'provenance.export': async (req) => {
      e.allowPath(req.path);
      const format = resolveFormat(req.path, req.format);
      if (format !== 'csv' && format !== 'parquet') {
        throw new AppError('INVALID_ARGUMENT', `${req.path}: provenance is written as CSV or Parquet, not ${format.toUpperCase()}.`, { file: req.path });
      }
      const ws = e.workspace;
      const job = e.jobs.start('provenance', `Provenance of ${req.datasetId} v${req.version} to ${path.basename(req.path)}`, (ctx) =>
        exportProvenance(ws, ctx, { ...req, format }, e.actor));
      return { jobId: job.id };
    },
  };
}
