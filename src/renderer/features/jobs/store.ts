// Jobs as the engine reports them (job.updated events, job.list on start): ids → latest info.
import { create } from 'zustand';
import type { JobInfo } from '../../../shared/api/types';

interface JobsState {
  jobs: Record<string, JobInfo>;
  trayOpen: boolean;
  upsert(job: JobInfo): void;
  replaceAll(jobs: JobInfo[]): void;
  setTrayOpen(open: boolean): void;
}

/** Events can arrive out of order with a poll's answer: never let an older state win. */
function newer(prev: JobInfo | undefined, next: JobInfo): boolean {
  if (!prev) return true;
  if (prev.state !== 'running' && next.state === 'running') return false;
  return true;
}

export const useJobs = create<JobsState>((set) => ({
  jobs: {},
  trayOpen: false,
  upsert(job) {
    set((s) => (newer(s.jobs[job.id], job) ? { jobs: { ...s.jobs, [job.id]: job } } : s));
  },
  replaceAll(jobs) {
    set({ jobs: Object.fromEntries(jobs.map((j) => [j.id, j])) });
  },
  setTrayOpen(trayOpen) {
    set({ trayOpen });
  },
}));

/** Jobs newest first (ids are j1, j2, … in start order). */
export function sortedJobs(jobs: Record<string, JobInfo>): JobInfo[] {
  return Object.values(jobs).sort((a, b) => Number(b.id.slice(1)) - Number(a.id.slice(1)));
}
