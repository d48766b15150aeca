// The risk panel's state: the chosen quasi-identifiers (the suggested ones — risk.suggestQuasi —
// ticked when a version first shows), the target k, the version to compare with, the risk job while it runs and its
// result. One target at a time, like the scan.
import { create } from 'zustand';
import type { PiiScanSummary, RiskColumnRole, RiskResult } from '../../../shared/api/pii-types';
import type { ColumnInfo } from '../../../shared/api/types';
import { api } from '../../api';
import { cancelJob, waitForJob } from '../jobs/wait';
import { notifyError } from '../notices/store';
import { suggestQuasi } from './risk-quasi';

interface RiskState {
  /** `datasetId:version:createdAt` the choices belong to. */
  key: string | null;
  quasi: string[];
  /** The columns suggested (ticked at first) and what the engine took them for. */
  suggested: string[];
  roles: Record<string, RiskColumnRole>;
  k: number;
  afterVersion: number | null;
  jobId: string | null;
  result: RiskResult | null;
  toggle(columnId: string): void;
  setK(k: number): void;
  setAfter(v: number | null): void;
}

export const useRisk = create<RiskState>((set) => ({
  key: null,
  quasi: [],
  suggested: [],
  roles: {},
  k: 5,
  afterVersion: null,
  jobId: null,
  result: null,
  toggle(columnId) {
    set((s) => ({ quasi: s.quasi.includes(columnId) ? s.quasi.filter((c) => c !== columnId) : [...s.quasi, columnId] }));
  },
  setK(k) {
    set({ k });
  },
  setAfter(afterVersion) {
    set({ afterVersion });
  },
}));

/**
 * Starts over for another version with the engine's suggested quasi-identifiers ticked (or, if it
 * cannot suggest, those the headers and the scan point at); keeps everything for the same one.
 */
export async function showRisk(key: string, datasetId: string, version: number, columns: readonly ColumnInfo[], summary: PiiScanSummary | null): Promise<void> {
  if (useRisk.getState().key === key) return;
  useRisk.setState({ key, quasi: [], suggested: [], roles: {}, afterVersion: null, jobId: null, result: null });
  const r = await api.send('risk.suggestQuasi', { datasetId, version });
  if (useRisk.getState().key !== key) return;
  if (!r.ok) {
    notifyError('The quasi-identifiers could not be suggested; those named by their headers are ticked instead', r.error);
    const ids = suggestQuasi(columns, summary);
    useRisk.setState({ quasi: ids, suggested: ids });
    return;
  }
  const ids = r.value.map((q) => q.columnId);
  useRisk.setState({ quasi: ids, suggested: ids, roles: Object.fromEntries(r.value.map((q) => [q.columnId, q.role])) });
}

/** Measures k-anonymity as a job; its progress and Cancel show while it runs. */
export async function runRisk(datasetId: string, version: number, order: readonly string[]): Promise<void> {
  const { key, quasi, k, afterVersion, jobId } = useRisk.getState();
  if (jobId || quasi.length === 0) return;
  // In dataset order, so the result reads the way the table does.
  const ids = order.filter((c) => quasi.includes(c));
  const r = await api.send('risk.start', { datasetId, version, quasi: ids, k, ...(afterVersion ? { afterVersion } : {}) });
  if (!r.ok) {
    notifyError('The re-identification risk could not be measured', r.error);
    return;
  }
  useRisk.setState({ jobId: r.value.jobId });
  const job = await waitForJob(r.value.jobId);
  if (useRisk.getState().key !== key) return;
  useRisk.setState({ jobId: null });
  if (job.state === 'succeeded') useRisk.setState({ result: job.result as RiskResult });
  else if (job.state === 'failed' && job.error) notifyError('The re-identification risk measure failed', job.error);
}

export function cancelRisk(): void {
  const { jobId } = useRisk.getState();
  if (jobId) void cancelJob(jobId);
}
