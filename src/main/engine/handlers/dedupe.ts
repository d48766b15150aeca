// dedupe.* — duplicate detection as jobs, its stored runs, clusters, review queue and decisions.
// PLACEHOLDER until the d-run branch lands: every method reports that it is not built yet.
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import type { Engine } from '../engine';

type DedupeMethods = 'dedupe.plan' | 'dedupe.start' | 'dedupe.summary' | 'dedupe.clusters' | 'dedupe.review' | 'dedupe.pair' | 'dedupe.decide';

export function dedupeHandlers(_e: Engine): Pick<Handlers, DedupeMethods> {
  const notYet = (): never => {
    throw new AppError('INTERNAL', 'Duplicate detection is not built yet.');
  };
  return {
    'dedupe.plan': async () => notYet(),
    'dedupe.start': async () => notYet(),
    'dedupe.summary': async () => notYet(),
    'dedupe.clusters': async () => notYet(),
    'dedupe.review': async () => notYet(),
    'dedupe.pair': async () => notYet(),
    'dedupe.decide': async () => notYet(),
  };
}
