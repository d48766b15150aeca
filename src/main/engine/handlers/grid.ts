// grid.* — windows of rows, and sorted/filtered views built as jobs.
import type { Handlers } from '../../../shared/api/client';
import type { Engine } from '../engine';

export function gridHandlers(e: Engine): Pick<Handlers, 'grid.window' | 'grid.openView' | 'grid.closeView'> {
  return {
    'grid.window': (a) => e.grid.window(a),
    'grid.openView': async ({ datasetId, version, spec }) => {
      const grid = e.grid;
      const label = spec.sort?.length ? 'Sort' : 'Filter';
      const job = e.jobs.start('view', `${label} ${datasetId} v${version}`, (ctx) => grid.openView(ctx, datasetId, version, spec));
      return { jobId: job.id };
    },
    'grid.closeView': async ({ viewId }) => ({ closed: await e.grid.closeView(viewId) }),
  };
}
