// The open version's duplicate detection: the latest stored run (fetched when the tab shows), the
// Setup draft and the plan counted for it, the plan and run jobs while they run, the last error,
// which view shows, and the review session (its position and what U undoes). Clusters and pairs
// are fetched in windows by their views, never kept here.
import { create } from 'zustand';
import type { DedupePlan, DedupeSummary, PairDecision } from '../../../shared/api/dedupe-types';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { cancelJob, waitForJob } from '../jobs/wait';
import { draftFromSettings, draftKey, emptyDraft, validateDraft, type DedupeDraft, type DraftErrors } from './settings';

export interface DedupeTarget {
  datasetId: string;
  version: number;
  /** When the version was created: ids restart in another workspace, this does not. */
  createdAt: string;
}

export type DedupeView = 'setup' | 'overview' | 'clusters' | 'review';

/** A decision taken in this session, so U can put back what was there before. */
export interface UndoEntry {
  index: number;
  rowIdL: number;
  rowIdR: number;
  previous: PairDecision | null;
}

interface DedupeState {
  target: DedupeTarget | null;
  summary: DedupeSummary | null;
  plan: DedupePlan | null;
  /** The draft key the roles and rules on screen were counted for (plan or run). */
  countedFor: string | null;
  draft: DedupeDraft;
  /** Shown once the user tried to count or run with a bad draft. */
  draftErrors: DraftErrors;
  loading: boolean;
  planJobId: string | null;
  runJobId: string | null;
  error: { title: string; error: ErrorInfo } | null;
  view: DedupeView;
  chainedOnly: boolean;
  selectedCluster: number;
  reviewIndex: number;
  undo: UndoEntry[];
  /** Bumped when clusters and pairs must be fetched afresh (a new run). */
  runKey: number;
  setView(view: DedupeView): void;
  setDraft(draft: DedupeDraft): void;
  setChainedOnly(on: boolean): void;
  selectCluster(index: number): void;
  setReviewIndex(index: number): void;
}

export const useDedupe = create<DedupeState>((set) => ({
  target: null,
  summary: null,
  plan: null,
  countedFor: null,
  draft: emptyDraft(),
  draftErrors: {},
  loading: false,
  planJobId: null,
  runJobId: null,
  error: null,
  view: 'setup',
  chainedOnly: false,
  selectedCluster: 0,
  reviewIndex: 0,
  undo: [],
  runKey: 0,
  setView(view) {
    set({ view });
  },
  setDraft(draft) {
    set((s) => ({ draft, draftErrors: Object.keys(s.draftErrors).length > 0 ? errorsOf(draft) : {} }));
  },
  setChainedOnly(chainedOnly) {
    set({ chainedOnly, selectedCluster: 0 });
  },
  selectCluster(index) {
    set({ selectedCluster: Math.max(0, index) });
  },
  setReviewIndex(index) {
    set({ reviewIndex: Math.max(0, index) });
  },
}));

const errorsOf = (d: DedupeDraft): DraftErrors => {
  const v = validateDraft(d);
  return v.ok ? {} : v.errors;
};

const same = (a: DedupeTarget | null, b: DedupeTarget | null) =>
  a !== null && b !== null && a.datasetId === b.datasetId && a.version === b.version && a.createdAt === b.createdAt;
const ref = (t: DedupeTarget) => ({ datasetId: t.datasetId, version: t.version });
const keyOf = (t: DedupeTarget) => `${t.datasetId}:${t.version}:${t.createdAt}`;

/** Jobs still running, by target and kind: coming back to a version shows its job again. */
const running = new Map<string, string>();

function showSummary(summary: DedupeSummary, view?: DedupeView): void {
  const draft = draftFromSettings(summary.settings);
  useDedupe.setState((s) => ({
    summary,
    draft,
    draftErrors: {},
    countedFor: draftKey(draft),
    selectedCluster: 0,
    reviewIndex: 0,
    undo: [],
    runKey: s.runKey + 1,
    ...(view ? { view } : {}),
  }));
}

/** Shows `target`'s latest run (if any); keeps everything when it is already shown. */
export async function showDedupe(target: DedupeTarget): Promise<void> {
  if (same(useDedupe.getState().target, target)) return;
  const key = keyOf(target);
  useDedupe.setState({
    target, summary: null, plan: null, countedFor: null, draft: emptyDraft(), draftErrors: {}, loading: true, error: null,
    planJobId: running.get(`plan:${key}`) ?? null, runJobId: running.get(`run:${key}`) ?? null,
    view: 'setup', chainedOnly: false, selectedCluster: 0, reviewIndex: 0, undo: [],
  });
  const r = await api.send('dedupe.summary', ref(target));
  if (!same(useDedupe.getState().target, target)) return;
  if (!r.ok) {
    useDedupe.setState({ loading: false, error: { title: 'The last duplicate run could not be read', error: r.error } });
    return;
  }
  useDedupe.setState({ loading: false });
  if (r.value) showSummary(r.value, 'overview');
}

/** The draft's settings, or null after showing what is wrong with it. */
function settingsOrErrors() {
  const { draft } = useDedupe.getState();
  const v = validateDraft(draft);
  useDedupe.setState({ draftErrors: v.ok ? {} : v.errors });
  return v.ok ? v.settings : null;
}

async function runJob(kind: 'plan' | 'run', what: string): Promise<unknown> {
  const { target, planJobId, runJobId } = useDedupe.getState();
  if (!target || planJobId || runJobId) return null;
  const settings = settingsOrErrors();
  if (!settings) {
    // The problems show beside their fields.
    useDedupe.setState({ view: 'setup' });
    return null;
  }
  const counted = draftKey(useDedupe.getState().draft);
  const r = await api.send(kind === 'plan' ? 'dedupe.plan' : 'dedupe.start', { ...ref(target), settings });
  if (!r.ok) {
    if (same(useDedupe.getState().target, target)) useDedupe.setState({ error: { title: `${what} could not be started`, error: r.error } });
    return null;
  }
  if (!same(useDedupe.getState().target, target)) {
    void cancelJob(r.value.jobId);
    return null;
  }
  const jobKey = `${kind}:${keyOf(target)}`;
  useDedupe.setState(kind === 'plan' ? { planJobId: r.value.jobId, error: null } : { runJobId: r.value.jobId, error: null });
  running.set(jobKey, r.value.jobId);
  const job = await waitForJob(r.value.jobId);
  running.delete(jobKey);
  if (!same(useDedupe.getState().target, target)) return null;
  useDedupe.setState(kind === 'plan' ? { planJobId: null } : { runJobId: null });
  if (job.state === 'failed' && job.error) useDedupe.setState({ error: { title: `${what} failed`, error: job.error } });
  if (job.state !== 'succeeded') return null;
  if (kind === 'plan') useDedupe.setState({ plan: job.result as DedupePlan, countedFor: counted });
  return job.result;
}

/** Counts each blocking rule's candidate pairs for the draft's roles and rules (a job). */
export async function countPairs(): Promise<void> {
  await runJob('plan', 'Counting candidate pairs');
}

/** Finds duplicates with the draft's settings (a job); the overview shows when it is done. */
export async function findDuplicates(): Promise<void> {
  const result = await runJob('run', 'Finding duplicates');
  if (result) {
    useDedupe.setState({ plan: null });
    showSummary(result as DedupeSummary, 'overview');
  }
}

export function cancelDedupe(): void {
  const { planJobId, runJobId } = useDedupe.getState();
  const id = runJobId ?? planJobId;
  if (id) void cancelJob(id);
}

export function dismissError(): void {
  useDedupe.setState({ error: null });
}

export interface ReviewCounts {
  decidedPairs: number;
  reviewPairs: number;
}

/**
 * Records (or with 'clear', removes) a decision on a pair; the counts it returns are for
 * `showCounts`, so that the caller can show them with the decision in one render. Null when the
 * engine did not record it (the error shows).
 */
export async function decidePair(rowIdL: number, rowIdR: number, decision: PairDecision | 'clear'): Promise<ReviewCounts | null> {
  const { target } = useDedupe.getState();
  if (!target) return null;
  const r = await api.send('dedupe.decide', { ...ref(target), rowIdL, rowIdR, decision });
  if (!same(useDedupe.getState().target, target)) return null;
  if (!r.ok) {
    useDedupe.setState({ error: { title: `The decision on rows ${rowIdL} and ${rowIdR} was not recorded`, error: r.error } });
    return null;
  }
  return r.value;
}

/** Shows review counts the engine returned (decisions taken since the run change them). */
export function showCounts(c: ReviewCounts): void {
  useDedupe.setState((s) => (s.summary ? { summary: { ...s.summary, counts: { ...s.summary.counts, decidedPairs: c.decidedPairs, reviewPairs: c.reviewPairs } } } : {}));
}

export function pushUndo(entry: UndoEntry): void {
  useDedupe.setState((s) => ({ undo: [...s.undo.slice(-199), entry] }));
}

export function popUndo(): UndoEntry | null {
  const { undo } = useDedupe.getState();
  const last = undo.at(-1) ?? null;
  if (last) useDedupe.setState({ undo: undo.slice(0, -1) });
  return last;
}
