// dataset.* and log.* — the catalogue and the event log.
import type { Handlers } from '../../../shared/api/client';
import { deleteDataset, getDataset, listDatasets } from '../datasets/catalog';
import type { Engine } from '../engine';
import { requireRole } from '../identity/store';
import { deriveTrust } from '../identity/trust';
import { appendEvent, listEvents } from '../workspace/event-log';

export function datasetHandlers(e: Engine): Pick<Handlers, 'dataset.list' | 'dataset.get' | 'dataset.delete' | 'log.list'> {
  return {
    'dataset.list': () => listDatasets(e.workspace.db),
    'dataset.get': ({ datasetId, version }) => getDataset(e.workspace.db, datasetId, version),
    'dataset.delete': async ({ datasetId }) => {
      const ws = e.workspace;
      // In a governed workspace deleting a dataset (its runs and ledgers with it) is an admin's signed act, as purging one version is.
      const trust = await deriveTrust(ws.db);
      if (trust.governed) requireRole(trust, e.identity, ['admin'], `Deleting dataset ${datasetId} in a governed workspace`);
      await e.grid.closeDataset(datasetId);
      await ws.exclusive(() =>
        ws.db.transaction(async (c) => {
          const tables = await deleteDataset(c, datasetId);
          await appendEvent(c, { action: 'dataset.deleted', actor: e.actor, subject: { dataset: datasetId }, details: { tables }, ...(e.identity ? { signer: e.identity.signer } : {}) });
        }),
      );
      e.events.emit('datasets.changed', { datasetId });
      return { datasetId };
    },
    'log.list': ({ limit, beforeSeq }) => listEvents(e.workspace.db, limit, beforeSeq),
  };
}
