// Waiting for a job to end: job.updated events drive it, and a slow poll of job.get covers an
// event stream that reconnected (browser mode) and missed the final event.
import type { JobInfo } from '../../../shared/api/types';
import { api } from '../../api';
import { useJobs } from './store';

const POLL_MS = 1000;

export function waitForJob(jobId: string): Promise<JobInfo> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (j: JobInfo) => {
      if (done) return;
      done = true;
      unsubscribe();
      clearInterval(timer);
      resolve(j);
    };
    const check = (j: JobInfo | undefined) => {
      if (j && j.id === jobId && j.state !== 'running') finish(j);
    };
    const unsubscribe = useJobs.subscribe((s) => check(s.jobs[jobId]));
    const timer = setInterval(() => {
      void api.send('job.get', { jobId }).then((r) => {
        if (r.ok) {
          useJobs.getState().upsert(r.value);
          check(r.value);
        } else if (r.error.code === 'NOT_FOUND') {
          finish({ ...placeholder(jobId), state: 'failed', error: r.error });
        }
      });
    }, POLL_MS);
    check(useJobs.getState().jobs[jobId]);
  });
}

function placeholder(id: string): JobInfo {
  return {
    id, kind: 'import', label: id, state: 'running', stage: '', done: 0, total: null, unit: 'steps',
    rowsPerSecond: null, etaSeconds: null, startedAt: new Date().toISOString(), finishedAt: null, error: null, result: null,
  };
}

/** Asks the engine to cancel; the job's final state still arrives through the usual events. */
export async function cancelJob(jobId: string): Promise<void> {
  await api.send('job.cancel', { jobId });
}
