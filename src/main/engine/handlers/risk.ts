// risk.* — k-anonymity over chosen quasi-identifiers as a job, and the columns proposed as quasi-identifiers.
import type { Handlers } from '../../../shared/api/client';
import type { Engine } from '../engine';
import { resolveQuasi, suggestQuasi } from '../risk/columns';
import { checkAfterVersion, runRisk } from '../risk/run';

export function riskHandlers(e: Engine): Pick<Handlers, 'risk.start' | 'risk.suggestQuasi'> {
  return {
    'risk.start': async ({ datasetId, version, quasi, k, afterVersion }) => {
      const ws = e.workspace;
      const cols = await resolveQuasi(ws.db, datasetId, version, quasi);
      await checkAfterVersion(ws, datasetId, version, afterVersion);
      const label = `Re-identification risk of ${datasetId} v${version} (k = ${k})`;
      const job = e.jobs.start('risk', label, (ctx) =>
        runRisk(ws, ctx, { datasetId, version, quasi: cols, k, ...(afterVersion === undefined ? {} : { afterVersion }) }, e.actor));
      return { jobId: job.id };
    },
    'risk.suggestQuasi': ({ datasetId, version }) => suggestQuasi(e.workspace.db, datasetId, version),
  };
}
