// dedupe.* — duplicate detection as jobs (plan, run), the stored run of a version (summary,
// clusters, review queue, one pair), and review decisions on pairs, kept per dataset.
import { reviewSigner } from '../identity/store';
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import { versionTable } from '../datasets/catalog';
import { decidePair } from '../dedupe/decisions';
import { findDuplicates, planDuplicates } from '../dedupe/find';
import { planDedupe, resolveRequest, runDedupe, type Finder } from '../dedupe/run';
import { clustersPage, pairItem, readSummary, reviewCounts, reviewPage } from '../dedupe/store';
import type { Engine } from '../engine';

type DedupeMethods = 'dedupe.plan' | 'dedupe.start' | 'dedupe.summary' | 'dedupe.clusters' | 'dedupe.review' | 'dedupe.pair' | 'dedupe.decide';

const FINDER: Finder = { plan: planDuplicates, find: findDuplicates };

export function dedupeHandlers(e: Engine): Pick<Handlers, DedupeMethods> {
  return {
    'dedupe.plan': async (req) => {
      const ws = e.workspace;
      // Unknown versions and columns are the caller's error now, not a failed job later.
      await resolveRequest(ws, req);
      const job = e.jobs.start('dedupe', `Plan duplicate search of ${req.datasetId} v${req.version}`, (ctx) => planDedupe(ws, e.workers, ctx, req, FINDER));
      return { jobId: job.id };
    },
    'dedupe.start': async ({ files, ...req }) => {
      const ws = e.workspace;
      await resolveRequest(ws, req);
      if (files) {
        if (!files.clusters && !files.pairs) throw new AppError('INVALID_ARGUMENT', 'files names no file: give clusters, pairs or both.');
        for (const p of [files.clusters, files.pairs]) if (p) e.allowPath(p);
      }
      const job = e.jobs.start('dedupe', `Find duplicates in ${req.datasetId} v${req.version}`, (ctx) => runDedupe(ws, e.workers, ctx, req, e.actor, FINDER, files));
      return { jobId: job.id };
    },
    'dedupe.summary': ({ datasetId, version }) => readSummary(e.workspace.db, datasetId, version),
    'dedupe.clusters': (req) => clustersPage(e.workspace.db, req),
    'dedupe.review': (req) => reviewPage(e.workspace.db, req),
    'dedupe.pair': (req) => pairItem(e.workspace.db, req),
    'dedupe.decide': async (req) => {
      const ws = e.workspace;
      const { table: data } = await versionTable(ws.db, req.datasetId, req.version);
      const signer = await reviewSigner(ws, e.identity, 'Deciding on a duplicate pair');
      await ws.exclusive(() => ws.db.transaction((conn) => decidePair(conn, req, data, e.actor, signer)));
      return reviewCounts(ws.db, req.datasetId, req.version);
    },
  };
}
