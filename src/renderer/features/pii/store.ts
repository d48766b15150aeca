// The open dataset version's PII scan: the latest summary (fetched when the tab shows), the scan
// job while it runs, which sub-view shows, the findings filter and selection, and whether values
// show unmasked. Findings themselves are fetched in windows by the grid, never kept here.
import { create } from 'zustand';
import type { EntityType, PiiDecision, PiiScanSummary } from '../../../shared/api/pii-types';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { cancelJob, waitForJob } from '../jobs/wait';
import { notifyError } from '../notices/store';

export interface PiiTarget {
  datasetId: string;
  version: number;
  /** When the version was created: ids restart in another workspace, this does not. */
  createdAt: string;
}

export type PiiView = 'columns' | 'findings' | 'operators' | 'risk';

export interface FindingsFilter {
  columnId: string | null;
  entity: EntityType | null;
}

interface PiiState {
  target: PiiTarget | null;
  summary: PiiScanSummary | null;
  loading: boolean;
  jobId: string | null;
  error: ErrorInfo | null;
  view: PiiView;
  selectedColumn: string | null;
  filter: FindingsFilter;
  /** Position of the selected finding in the filtered list. */
  selected: number;
  /** Values unmasked in the findings grid (off by default: reviewers see masked previews). */
  showValues: boolean;
  /** Bumped when the findings must be fetched afresh (a new scan, a column decision). */
  findingsKey: number;
  setView(view: PiiView): void;
  selectColumn(columnId: string | null): void;
  setFilter(filter: Partial<FindingsFilter>): void;
  select(index: number): void;
  setShowValues(show: boolean): void;
}

export const usePii = create<PiiState>((set) => ({
  target: null,
  summary: null,
  loading: false,
  jobId: null,
  error: null,
  view: 'columns',
  selectedColumn: null,
  filter: { columnId: null, entity: null },
  selected: 0,
  showValues: false,
  findingsKey: 0,
  setView(view) {
    set({ view });
  },
  selectColumn(selectedColumn) {
    set({ selectedColumn });
  },
  setFilter(filter) {
    set((s) => ({ filter: { ...s.filter, ...filter }, selected: 0, findingsKey: s.findingsKey + 1 }));
  },
  select(selected) {
    set({ selected: Math.max(0, selected) });
  },
  setShowValues(showValues) {
    set({ showValues });
  },
}));

const same = (a: PiiTarget | null, b: PiiTarget | null) =>
  a !== null && b !== null && a.datasetId === b.datasetId && a.version === b.version && a.createdAt === b.createdAt;
const ref = (t: PiiTarget) => ({ datasetId: t.datasetId, version: t.version });
const keyOf = (t: PiiTarget) => `${t.datasetId}:${t.version}:${t.createdAt}`;

/** Scan jobs still running, by target: coming back to a version shows its job again. */
const running = new Map<string, string>();

const firstWithFindings = (s: PiiScanSummary): string | null => (s.columns.find((c) => c.entity !== null || c.entities.length > 0) ?? s.columns[0])?.columnId ?? null;

function showSummary(summary: PiiScanSummary): void {
  const keep = usePii.getState().selectedColumn;
  usePii.setState((s) => ({
    summary,
    selectedColumn: keep && summary.columns.some((c) => c.columnId === keep) ? keep : firstWithFindings(summary),
    findingsKey: s.findingsKey + 1,
  }));
}

/** Shows `target`'s latest scan (if any); keeps everything when it is already shown. */
export async function showPii(target: PiiTarget): Promise<void> {
  if (same(usePii.getState().target, target)) return;
  usePii.setState({
    target, summary: null, loading: true, jobId: running.get(keyOf(target)) ?? null, error: null,
    selectedColumn: null, filter: { columnId: null, entity: null }, selected: 0,
  });
  const r = await api.send('pii.summary', ref(target));
  if (!same(usePii.getState().target, target)) return;
  if (!r.ok) {
    usePii.setState({ loading: false, error: r.error });
    return;
  }
  usePii.setState({ loading: false });
  if (r.value) showSummary(r.value);
}

/** Scans the shown version as a job; its progress and Cancel show while it runs. */
export async function runScan(): Promise<void> {
  const { target, jobId } = usePii.getState();
  if (!target || jobId) return;
  const r = await api.send('pii.start', ref(target));
  if (!r.ok) {
    notifyError('The scan for personal data could not be started', r.error);
    return;
  }
  if (!same(usePii.getState().target, target)) {
    void cancelJob(r.value.jobId);
    return;
  }
  usePii.setState({ jobId: r.value.jobId, error: null });
  running.set(keyOf(target), r.value.jobId);
  const job = await waitForJob(r.value.jobId);
  running.delete(keyOf(target));
  if (!same(usePii.getState().target, target)) return;
  usePii.setState({ jobId: null });
  if (job.state === 'succeeded') showSummary(job.result as PiiScanSummary);
  else if (job.state === 'failed' && job.error) notifyError('The scan for personal data failed', job.error);
}

export function cancelScan(): void {
  const { jobId } = usePii.getState();
  if (jobId) void cancelJob(jobId);
}

/** Accepts or rejects (or clears) a whole column's classification as `entity`. */
export async function decideColumn(columnId: string, entity: EntityType, decision: PiiDecision | 'clear'): Promise<void> {
  const { target } = usePii.getState();
  if (!target) return;
  const r = await api.send('pii.decide', { ...ref(target), target: { columnId, entity }, decision });
  if (!same(usePii.getState().target, target)) return;
  if (!r.ok) {
    notifyError(`The decision on column ${columnId} (${entity}) was not recorded`, r.error);
    return;
  }
  showSummary(r.value);
}

/** Accepts or rejects (or clears) one finding; true when the engine recorded it. */
export async function decideFinding(findingId: number, decision: PiiDecision | 'clear'): Promise<boolean> {
  const { target } = usePii.getState();
  if (!target) return false;
  const r = await api.send('pii.decide', { ...ref(target), target: { findingId }, decision });
  if (!same(usePii.getState().target, target)) return false;
  if (!r.ok) {
    notifyError(`The decision on finding ${findingId} was not recorded`, r.error);
    return false;
  }
  usePii.setState({ summary: r.value });
  return true;
}
