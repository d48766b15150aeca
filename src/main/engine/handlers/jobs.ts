// job.* — inspect and cancel long work.
import type { Handlers } from '../../../shared/api/client';
import type { Engine } from '../engine';

export function jobHandlers(e: Engine): Pick<Handlers, 'job.get' | 'job.list' | 'job.cancel'> {
  return {
    'job.get': async ({ jobId }) => e.jobs.get(jobId),
    'job.list': async () => e.jobs.list(),
    'job.cancel': async ({ jobId }) => ({ cancelled: e.jobs.cancel(jobId) }),
  };
}
