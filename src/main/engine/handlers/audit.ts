// audit.* (the audit log: list, entry, verify, checkpoint) and dataset.purge (erasure, admin only).
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import { writeCheckpoint, writeCheckpointFile } from '../audit/checkpoint';
import { getAuditEntry, listAudit } from '../audit/entries';
import { purgeVersion } from '../audit/purge';
import { verifyWorkspaceLog } from '../audit/verify-workspace';
import type { Engine } from '../engine';

type Names = 'audit.list' | 'audit.entry' | 'audit.verify' | 'audit.checkpoint' | 'dataset.purge';

export function auditHandlers(e: Engine): Pick<Handlers, Names> {
  return {
    'audit.list': ({ limit, beforeSeq, filter }) => listAudit(e.workspace.db, { limit, beforeSeq, filter }),
    'audit.entry': ({ seq }) => getAuditEntry(e.workspace.db, seq),
    'audit.verify': ({ checkpoint }) => verifyWorkspaceLog(e.workspace.db, { checkpointFile: checkpoint === undefined ? undefined : e.allowPath(checkpoint) }),
    'audit.checkpoint': async ({ path, force }) => {
      if (path !== undefined) e.allowPath(path);
      const cp = await writeCheckpoint(e.workspace, e.identity, e.actor);
      if (!cp) throw new AppError('INTERNAL', 'The audit log is empty; there is no head to checkpoint.');
      if (path !== undefined) writeCheckpointFile(path, cp, force);
      return cp;
    },
    'dataset.purge': async (req) => {
      // A background compaction copies the table it compresses: stop it first (it resumes at the next open).
      const compacting = e.jobs.running().filter((j) => j.kind === 'compact');
      for (const j of compacting) e.jobs.cancel(j.id);
      await Promise.all(compacting.map((j) => e.jobs.wait(j.id).catch(() => undefined)));
      await e.grid.closeDataset(req.datasetId);
      const r = await purgeVersion(e.workspace, e.identity, req);
      e.events.emit('datasets.changed', { datasetId: req.datasetId });
      return r;
    },
  };
}
