// import.* — preview a file with detected settings, and import it as a job.
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../../shared/api/client';
import type { Engine } from '../engine';
import { previewImport, runImport } from '../import/importer';

export function importHandlers(e: Engine): Pick<Handlers, 'import.preview' | 'import.start'> {
  return {
    'import.preview': ({ path: p, options }) => previewImport(e.workspace, e.allowPath(p), options),
    'import.start': async ({ path: p, options }) => {
      e.allowPath(p);
      const ws = e.workspace;
      const job = e.jobs.start('import', `Import ${path.basename(p)}`, async (ctx) => {
        try {
          const result = await runImport(ws, ctx, p, options, e.actor, (datasetId, version) => e.compactLater(datasetId, version), e.options.loadUncompressedFromBytes);
          e.events.emit('datasets.changed', { datasetId: result.datasetId });
          return result;
        } finally {
          // A file streamed in by browser-mode drag-and-drop is a temporary copy: remove it.
          if (path.dirname(path.dirname(p)) === path.join(ws.tmpDir, 'uploads')) fs.rmSync(path.dirname(p), { recursive: true, force: true });
        }
      });
      return { jobId: job.id };
    },
  };
}
