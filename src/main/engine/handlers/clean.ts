// clean.*, run.*, diff.* and provenance.* — previews and runs as jobs (a saved policy's ACTIVE
// version makes a compliance run; a governed workspace refuses any other), and the ledger queries
// behind the diff view.
import path from 'node:path';
import type { Handlers } from '../../../shared/api/client';
import type { PolicySource } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/result';
import { diffCells, diffSummary, exportProvenance, listRuns, nextChange } from '../clean/ledger';
import { runClean, type RunRequest } from '../clean/run';
import { deriveTrust } from '../identity/trust';
import { verifiedApproval } from '../policy/compliance';
import { activeVersion, getPolicy } from '../policy/store';
import type { Engine } from '../engine';
import { resolveFormat } from '../export/format';

export const GOVERNED_REFUSAL = 'this workspace is governed: only previews and compliance runs of an ACTIVE policy are allowed';

/**
 * What a run of `source` is: a saved policy without a version, or with its ACTIVE version's number,
 * runs that version as a compliance run; anything else is an unapproved run (refused when governed).
 */
export async function planRun(e: Engine, source: PolicySource): Promise<Pick<RunRequest, 'source' | 'kind' | 'approvals'>> {
  const db = e.workspace.db;
  if ('policyId' in source) {
    const active = await activeVersion(db, source.policyId);
    if (active !== null && (source.version === undefined || source.version === active)) {
      // ACTIVE is read from an editable table: the approval must stand up against the signed log.
      const v = await verifiedApproval(db, source.policyId, active);
      if ('problem' in v) {
        const p = await getPolicy(db, source.policyId, active);
        throw new AppError('VERIFICATION_FAILED', `Running ${p.policy.name} v${active} as a compliance run refused: its approval does not hold: ${v.problem}. Nothing was written; run \`sanitizer audit verify\`.`, { guard: 'approval', policyId: source.policyId, version: active });
      }
      return { source: { policyId: source.policyId, version: active }, kind: 'compliance', approvals: [v.approval] };
    }
  }
  if ((await deriveTrust(db)).governed) {
    let what = 'an unsaved policy';
    if ('presets' in source) what = `preset ${source.presets.join(',')}`;
    else if ('policyId' in source) {
      const p = await getPolicy(db, source.policyId, source.version);
      what = `${p.policy.name} v${p.policy.version}, which is not ACTIVE`;
    }
    throw new AppError('FORBIDDEN', `Running ${what} refused: ${GOVERNED_REFUSAL}.`, { guard: 'governed' });
  }
  return { source, kind: 'unapproved' };
}

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
      const plan = await planRun(e, source);
      const signer = e.identity?.signer;
      const job = e.jobs.start('clean', `${plan.kind === 'compliance' ? 'Compliance run on' : 'Clean'} ${datasetId} v${version}`, async (ctx) => {
        const result = await runClean(ws, e.workers, ctx, { datasetId, version, ...plan, signer }, e.actor);
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
