// profile.* — profile a dataset version as a job, and read the cached profile.
import type { Handlers } from '../../../shared/api/client';
import { versionTable } from '../datasets/catalog';
import type { Engine } from '../engine';
import { readProfile } from '../profile/cache';
import { runProfile } from '../profile/profile';

export function profileHandlers(e: Engine): Pick<Handlers, 'profile.start' | 'profile.get'> {
  return {
    'profile.start': async ({ datasetId, version }) => {
      await versionTable(e.workspace.db, datasetId, version);
      const ws = e.workspace;
      const job = e.jobs.start('profile', `Profile ${datasetId} v${version}`, (ctx) => runProfile(ws, ctx, datasetId, version, e.actor));
      return { jobId: job.id };
    },
    'profile.get': async ({ datasetId, version }) => {
      await versionTable(e.workspace.db, datasetId, version);
      return readProfile(e.workspace.db, datasetId, version);
    },
  };
}
