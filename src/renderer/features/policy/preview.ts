// The live preview: after each valid edit (debounced) the draft runs as clean.preview on the
// open dataset's sample; a newer request cancels the older job, and the result is kept with the
// exact content it was computed for, so the editor can tell a current count from a stale one.
import { create } from 'zustand';
import type { PreviewResult } from '../../../shared/api/clean-types';
import type { ErrorInfo } from '../../../shared/api/result';
import type { Policy } from '../../../shared/policy/policy';
import { api } from '../../api';
import { cancelJob, waitForJob } from '../jobs/wait';
import { contentKey } from './draft';

export const PREVIEW_DEBOUNCE_MS = 400;

interface PreviewState {
  result: PreviewResult | null;
  /** The dataset version and content `result` belongs to. */
  resultKey: string | null;
  error: ErrorInfo | null;
  errorKey: string | null;
  /** The request waiting for its debounce or running, and its job. */
  pendingKey: string | null;
  jobId: string | null;
  /** The running (or shown) preview uses every row, not the sample. */
  full: boolean;
}

export const usePreview = create<PreviewState>(() => ({
  result: null,
  resultKey: null,
  error: null,
  errorKey: null,
  pendingKey: null,
  jobId: null,
  full: false,
}));

export interface PreviewTarget {
  datasetId: string;
  version: number;
}

export function previewKey(t: PreviewTarget, doc: Policy): string {
  return `${t.datasetId}:${t.version}:${contentKey(doc)}`;
}

let timer: ReturnType<typeof setTimeout> | undefined;
let seq = 0;

/** Asks for a preview of `doc` (after the debounce); nothing happens if it is already shown. */
export function requestPreview(t: PreviewTarget, doc: Policy, opts: { full?: boolean; delay?: number } = {}): void {
  const key = previewKey(t, doc);
  const s = usePreview.getState();
  const full = opts.full ?? false;
  if (!full && (s.pendingKey === key || (s.resultKey === key && s.error === null) || s.errorKey === key)) return;
  clearTimeout(timer);
  usePreview.setState({ pendingKey: key });
  timer = setTimeout(() => void start(t, doc, key, full), opts.delay ?? PREVIEW_DEBOUNCE_MS);
}

async function start(t: PreviewTarget, doc: Policy, key: string, full: boolean): Promise<void> {
  const mine = ++seq;
  const previous = usePreview.getState().jobId;
  if (previous) void cancelJob(previous);
  usePreview.setState({ jobId: null, full });
  const r = await api.send('clean.preview', { datasetId: t.datasetId, version: t.version, source: { policy: doc }, full });
  if (!r.ok) {
    if (mine === seq) usePreview.setState({ error: r.error, errorKey: key, pendingKey: null });
    return;
  }
  if (mine !== seq) {
    void cancelJob(r.value.jobId);
    return;
  }
  usePreview.setState({ jobId: r.value.jobId });
  const job = await waitForJob(r.value.jobId);
  if (mine !== seq) return;
  if (job.state === 'succeeded') {
    usePreview.setState({ result: job.result as PreviewResult, resultKey: key, error: null, errorKey: null, pendingKey: null, jobId: null });
  } else if (job.state === 'failed') {
    usePreview.setState({ error: job.error ?? { code: 'INTERNAL', message: 'The preview ended without a result.' }, errorKey: key, pendingKey: null, jobId: null });
  } else {
    usePreview.setState({ pendingKey: null, jobId: null });
  }
}

/** Stops waiting for (and cancels) any preview: the draft went invalid or the editor closed. */
export function stopPreview(): void {
  clearTimeout(timer);
  seq++;
  const { jobId } = usePreview.getState();
  if (jobId) void cancelJob(jobId);
  usePreview.setState({ pendingKey: null, jobId: null });
}

/** Forgets results (another workspace, another dataset's results are meaningless). */
export function clearPreview(): void {
  stopPreview();
  usePreview.setState({ result: null, resultKey: null, error: null, errorKey: null, full: false });
}
