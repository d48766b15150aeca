// Import commands: choose a file (native dialog or in-app browser), upload a dropped one
// (browser mode), preview with the user's overrides, run the job, retry with a ragged policy.
import type { ImportOptions, ImportResult, RaggedPolicy } from '../../../shared/api/types';
import { api } from '../../api';
import { baseName } from '../../lib/format';
import { useDatasets } from '../datasets/store';
import { chooseImportFile } from '../files/pick';
import { waitForJob } from '../jobs/wait';
import { notify, notifyError } from '../notices/store';
import { useImport, type Overrides } from './store';

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
export async function previewFile(path: string): Promise<void> {
  await preview(path, {}, baseName(path), true);
}

/** Re-previews with changed settings (the dialog stays; errors show in place). */
export async function changeSettings(overrides: Overrides): Promise<void> {
  const s = useImport.getState().stage;
  if (s.kind !== 'preview' && s.kind !== 'failed') return;
  await preview(s.path, overrides, s.name, false);
}

export function rename(name: string): void {
  const s = useImport.getState().stage;
  if (s.kind === 'preview') useImport.getState().set({ ...s, name });
}

async function preview(path: string, overrides: Overrides, name: string, first: boolean): Promise<void> {
  const mine = ++previewSeq;
  const { set, stage } = useImport.getState();
  set({ kind: 'preview', path, overrides, name, preview: stage.kind === 'preview' ? stage.preview : null, error: null, loading: true });
  const r = await api.send('import.preview', { path, options: overrides });
  if (mine !== previewSeq) return;
  const now = useImport.getState().stage;
  if (now.kind !== 'preview' || now.path !== path) return;
  if (r.ok) set({ ...now, preview: r.value, error: null, loading: false });
  else if (first) set({ kind: 'failed', path, overrides, name, error: r.error, canEdit: false });
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

/** Runs the import as a job; on success opens the new dataset. */
export async function runImport(extra: Partial<ImportOptions> = {}): Promise<void> {
  const s = useImport.getState().stage;
  if (s.kind !== 'preview' && s.kind !== 'failed') return;
  const overrides: Overrides = { ...s.overrides, ...extra };
  const name = s.name.trim() || baseName(s.path);
  const r = await api.send('import.start', { path: s.path, options: { ...overrides, name } });
  const { set } = useImport.getState();
  if (!r.ok) {
    set({ kind: 'failed', path: s.path, overrides, name, error: r.error, canEdit: true });
    return;
  }
  const jobId = r.value.jobId;
  set({ kind: 'running', path: s.path, overrides, name, jobId });
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
    if (watching) set({ kind: 'failed', path: s.path, overrides, name, error, canEdit: true });
    else notifyError(`The import of ${name} failed`, error);
  }
}

/** RAGGED_ROWS: run again, padding or skipping the ragged rows. */
export function retryRagged(policy: Exclude<RaggedPolicy, 'abort'>): Promise<void> {
  return runImport({ ragged: policy });
}

/** Back from an error to the preview, keeping the settings. */
export function editSettings(): void {
  const s = useImport.getState().stage;
  if (s.kind === 'failed') void preview(s.path, s.overrides, s.name, false);
}

/** Lets the import go on in the jobs tray. */
export function hideImport(): void {
  useImport.getState().set({ kind: 'idle' });
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
  if (!api.upload) return;
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
  if (useImport.getState().stage.kind !== 'uploading') return;
  if (!r.ok) {
    set({ kind: 'idle' });
    if (!controller.signal.aborted) notifyError(`${file.name} could not be uploaded`, r.error);
    return;
  }
  await preview(r.value.path, {}, file.name, true);
}
