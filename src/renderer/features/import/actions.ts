// Import commands: choose a file (native dialog or in-app browser), upload a dropped one
// (browser mode), preview with the user's overrides, run the job, retry with a ragged policy.
import type { ImportOptions, ImportResult, RaggedPolicy } from '../../../shared/api/types';
import { api } from '../../api';
import { baseName } from '../../lib/format';
import { useDatasets } from '../datasets/store';
import { chooseImportFile } from '../files/pick';
import { waitForJob } from '../jobs/wait';
import { notify, notifyError } from '../notices/store';
import { useImport, type ImportStage, type Overrides } from './store';

type Retryable = Extract<ImportStage, { kind: 'preview' | 'failed' }>;

let previewSeq = 0;

export async function startImport(): Promise<void> {
  if (useImport.getState().stage.kind === 'running') {
    notify('info', 'An import is already running', 'Wait for it to finish or cancel it first.');
    return;
  }
  const path = await chooseImportFile();
  if (path) await previewFile(path);
}

/** Opens the preview for a file with everything detected. */
export async function previewFile(path: string, dropped?: File): Promise<void> {
  await preview({ path, overrides: {}, name: dropped?.name ?? baseName(path), ...(dropped ? { dropped } : {}) }, true);
}

/** Re-previews with changed settings (the dialog stays; errors show in place). */
export async function changeSettings(overrides: Overrides): Promise<void> {
  const s = useImport.getState().stage;
  if (s.kind !== 'preview' && s.kind !== 'failed') return;
  await preview({ ...source(s), overrides }, false);
}

export function rename(name: string): void {
  const s = useImport.getState().stage;
  if (s.kind === 'preview') useImport.getState().set({ ...s, name });
}

function source(s: Retryable): { path: string; overrides: Overrides; name: string; dropped?: File } {
  return { path: s.path, overrides: s.overrides, name: s.name, ...(s.dropped ? { dropped: s.dropped } : {}) };
}

async function preview(src: ReturnType<typeof source>, first: boolean): Promise<void> {
  const mine = ++previewSeq;
  const { set, stage } = useImport.getState();
  set({ kind: 'preview', ...src, preview: stage.kind === 'preview' ? stage.preview : null, error: null, loading: true });
  const r = await api.send('import.preview', { path: src.path, options: src.overrides });
  if (mine !== previewSeq) return;
  const now = useImport.getState().stage;
  if (now.kind !== 'preview' || now.path !== src.path) return;
  if (r.ok) set({ ...now, preview: r.value, error: null, loading: false });
  else if (first) set({ kind: 'failed', ...src, error: r.error, canEdit: false });
  else set({ ...now, error: r.error, loading: false });
}

export function closeImport(): void {
  previewSeq++;
  const s = useImport.getState().stage;
  if (s.kind === 'uploading') s.abort();
  useImport.getState().set({ kind: 'idle' });
}

function isImportResult(v: unknown): v is ImportResult {
  return typeof v === 'object' && v !== null && typeof (v as ImportResult).datasetId === 'string';
}

/**
 * The path to import from: after a failed import of a dropped file, its uploaded copy is gone,
 * so it goes up again. Null when the upload failed or was cancelled (already reported).
 */
async function currentPath(s: Retryable): Promise<string | null> {
  if (s.kind !== 'failed' || !s.dropped) return s.path;
  return upload(s.dropped);
}

/** Runs the import as a job; on success opens the new dataset. */
export async function runImport(extra: Partial<ImportOptions> = {}): Promise<void> {
  const s = useImport.getState().stage;
  if (s.kind !== 'preview' && s.kind !== 'failed') return;
  const path = await currentPath(s);
  if (!path) return;
  const src = { ...source(s), path, overrides: { ...s.overrides, ...extra }, name: s.name.trim() || baseName(s.path) };
  const { name } = src;
  const r = await api.send('import.start', { path, options: { ...src.overrides, name } });
  const { set } = useImport.getState();
  if (!r.ok) {
    set({ kind: 'failed', ...src, error: r.error, canEdit: true });
    return;
  }
  const jobId = r.value.jobId;
  set({ kind: 'running', ...src, jobId });
  const job = await waitForJob(jobId);
  const now = useImport.getState().stage;
  const watching = now.kind === 'running' && now.jobId === jobId;
  if (job.state === 'succeeded' && isImportResult(job.result)) {
    await useDatasets.getState().refresh();
    if (watching) {
      set({ kind: 'idle' });
      await useDatasets.getState().open(job.result.datasetId, job.result.version);
    }
    notify('success', `Imported ${name}`, `${job.result.rowCount.toLocaleString('en-US')} rows × ${job.result.columns.length} columns in ${job.result.seconds} s`);
  } else if (job.state === 'cancelled') {
    if (watching) set({ kind: 'idle' });
    notify('info', 'Import cancelled', `Nothing from ${name} was added to the workspace.`);
  } else {
    const error = job.error ?? { code: 'INTERNAL' as const, message: 'The import ended without a result.' };
    if (watching) set({ kind: 'failed', ...src, error, canEdit: true });
    else notifyError(`The import of ${name} failed`, error);
  }
}

/** RAGGED_ROWS: run again, padding or skipping the ragged rows. */
export function retryRagged(policy: Exclude<RaggedPolicy, 'abort'>): Promise<void> {
  return runImport({ ragged: policy });
}

/** Back from an error to the preview, keeping the settings. */
export async function editSettings(): Promise<void> {
  const s = useImport.getState().stage;
  if (s.kind !== 'failed') return;
  const path = await currentPath(s);
  if (path) await preview({ ...source(s), path }, false);
}

/** Lets the import go on in the jobs tray. */
export function hideImport(): void {
  useImport.getState().set({ kind: 'idle' });
}

/** Streams a file into the workspace (browser mode) with progress; its path there, or null. */
async function upload(file: File): Promise<string | null> {
  if (!api.upload) return null;
  const controller = new AbortController();
  const { set } = useImport.getState();
  set({ kind: 'uploading', name: file.name, sent: 0, total: file.size, abort: () => controller.abort() });
  const r = await api.upload(
    file,
    (sent, total) => {
      const now = useImport.getState().stage;
      if (now.kind === 'uploading') set({ ...now, sent, total });
    },
    controller.signal,
  );
  if (useImport.getState().stage.kind !== 'uploading') return null;
  if (!r.ok) {
    set({ kind: 'idle' });
    if (!controller.signal.aborted) notifyError(`${file.name} could not be uploaded`, r.error);
    return null;
  }
  return r.value.path;
}

/** A file dropped on the window: its path on the desktop, streamed to the workspace in browser mode. */
export async function importDropped(file: File): Promise<void> {
  if (useImport.getState().stage.kind === 'running') {
    notify('info', 'An import is already running', 'Wait for it to finish or cancel it first.');
    return;
  }
  if (api.shell) {
    const path = api.shell.pathForFile(file);
    if (path) await previewFile(path);
    else notify('info', 'That item cannot be imported', 'Drop a file from your computer.');
    return;
  }
  const path = await upload(file);
  if (path) await previewFile(path, file);
}
