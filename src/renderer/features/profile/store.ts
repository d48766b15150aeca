// The open dataset version's profile: the cached one (fetched when the Profile tab shows), the
// profile job while it runs, the selected column and the overview's sort. A profile holds
// figures per column, never rows.
import { create } from 'zustand';
import type { DatasetProfile } from '../../../shared/api/profile-types';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { cancelJob, waitForJob } from '../jobs/wait';
import { notifyError } from '../notices/store';
import type { ProfileSort, ProfileSortKey } from './overview';

export interface ProfileTarget {
  datasetId: string;
  version: number;
  /** When the version was created: ids restart in another workspace, this does not. */
  createdAt: string;
}

interface ProfileState {
  target: ProfileTarget | null;
  profile: DatasetProfile | null;
  /** Asking for the cached profile. */
  loading: boolean;
  /** The profile job of this target, while it runs. */
  jobId: string | null;
  error: ErrorInfo | null;
  selected: string | null;
  sort: ProfileSort;
  select(columnId: string): void;
  setSort(key: ProfileSortKey): void;
}

export const useProfile = create<ProfileState>((set, get) => ({
  target: null,
  profile: null,
  loading: false,
  jobId: null,
  error: null,
  selected: null,
  sort: { key: 'position', direction: 'asc' },
  select(selected) {
    set({ selected });
  },
  setSort(key) {
    const s = get().sort;
    set({ sort: s.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: key === 'position' || key === 'name' ? 'asc' : 'desc' } });
  },
}));

const same = (a: ProfileTarget | null, b: ProfileTarget | null) =>
  a !== null && b !== null && a.datasetId === b.datasetId && a.version === b.version && a.createdAt === b.createdAt;

const ref = (t: ProfileTarget) => ({ datasetId: t.datasetId, version: t.version });
const keyOf = (t: ProfileTarget) => `${t.datasetId}:${t.version}:${t.createdAt}`;

/** Profile jobs still running, by target: coming back to a version shows its job again. */
const running = new Map<string, string>();

/** Shows `target`'s cached profile (if any); keeps everything when it is already shown. */
export async function showProfile(target: ProfileTarget): Promise<void> {
  if (same(useProfile.getState().target, target)) return;
  useProfile.setState({ target, profile: null, loading: true, jobId: running.get(keyOf(target)) ?? null, error: null, selected: null });
  const r = await api.send('profile.get', ref(target));
  if (!same(useProfile.getState().target, target)) return;
  if (!r.ok) {
    useProfile.setState({ loading: false, error: r.error });
    return;
  }
  useProfile.setState({ loading: false, profile: r.value, selected: r.value ? firstColumn(r.value) : null });
}

const firstColumn = (p: DatasetProfile): string | null => Object.keys(p.columns)[0] ?? null;

/** Profiles the shown version as a job; its progress and Cancel show while it runs. */
export async function runProfile(): Promise<void> {
  const { target, jobId } = useProfile.getState();
  if (!target || jobId) return;
  const r = await api.send('profile.start', ref(target));
  if (!r.ok) {
    notifyError('The profile could not be started', r.error);
    return;
  }
  if (!same(useProfile.getState().target, target)) {
    void cancelJob(r.value.jobId);
    return;
  }
  useProfile.setState({ jobId: r.value.jobId, error: null });
  running.set(keyOf(target), r.value.jobId);
  const job = await waitForJob(r.value.jobId);
  running.delete(keyOf(target));
  if (!same(useProfile.getState().target, target)) return;
  if (job.state === 'succeeded') {
    const profile = job.result as DatasetProfile;
    const keep = useProfile.getState().selected;
    useProfile.setState({ jobId: null, profile, selected: keep && profile.columns[keep] ? keep : firstColumn(profile) });
    return;
  }
  useProfile.setState({ jobId: null });
  if (job.state === 'failed' && job.error) notifyError('The profile failed', job.error);
}

export function cancelProfile(): void {
  const { jobId } = useProfile.getState();
  if (jobId) void cancelJob(jobId);
}
