// dataset.* and log.* — the catalogue and the event log.
import type { Handlers } from '../../../shared/api/client';
import { deleteDataset, getDataset, listDatasets } from '../datasets/catalog';
import type { Engine } from '../engine';
import { appendEvent, listEvents } from '../workspace/event-log';

export function datasetHandlers(e: Engine): Pick<Handlers, 'dataset.list' | 'dataset.get' | 'dataset.delete' | 'log.list'> {
  return {
    'dataset.list': () => listDatasets(e.workspace.db),
    'dataset.get': ({ datasetId, version }) => getDataset(e.workspace.db, datasetId, version),
    'dataset.delete': async ({ datasetId }) => {
      await e.grid.closeDataset(datasetId);
      await e.workspace.exclusive(() =>
        e.workspace.db.transaction(async (c) => {
          const tables = await deleteDataset(c, datasetId);
          await appendEvent(c, { action: 'dataset.deleted', actor: e.actor, subject: { dataset: datasetId }, details: { tables } });
        }),
      );
      e.events.emit('datasets.changed', { datasetId });
      return { datasetId };
    },
    'log.list': ({ limit, beforeSeq }) => listEvents(e.workspace.db, limit, beforeSeq),
  };
}
