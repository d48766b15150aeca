// What every "write a file as a job" dialog shares (export, provenance, findings): the job's
// lifecycle (start → progress → the file, or the error in place, or "nothing was written" on
// cancel), the "Replace X?" question when the file exists (force is sent only after it), the
// dialog frame with its footer and progress, the "Save to" field with Browse, the finished view.
import { useRef, useState, type ReactNode } from 'react';
import type { ErrorInfo, Result } from '../../../shared/api/result';
import type { ExportResult, JobInfo } from '../../../shared/api/types';
import { api } from '../../api';
import { copyText } from '../../lib/clipboard';
import { baseName, formatBytes, formatCount, joinPath, stem } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { existingFile, ReplaceQuestion } from '../../ui/ReplaceQuestion';
import { chooseFolder } from '../files/pick';
import { JobProgress } from '../jobs/JobProgress';
import { useJobs } from '../jobs/store';
import { waitForJob } from '../jobs/wait';
import { notify } from '../notices/store';

export type FileJobPhase =
  | { kind: 'form'; error: ErrorInfo | null }
  | { kind: 'confirm'; path: string }
  | { kind: 'running'; jobId: string }
  | { kind: 'done'; result: ExportResult };

type Send = (force: boolean) => Promise<Result<{ jobId: string }>>;

function isExportResult(v: unknown): v is ExportResult {
  return typeof v === 'object' && v !== null && typeof (v as ExportResult).path === 'string';
}

/**
 * The phase of a file-writing job; `run(send)` starts one without force and, when the file
 * exists, asks "Replace X?" — `replace()` sends it again with force, `keep()` goes back to the form.
 */
export function useFileJob(what: string) {
  const [phase, setPhase] = useState<FileJobPhase>({ kind: 'form', error: null });
  const last = useRef<{ send: Send; path: string } | null>(null);
  const job: JobInfo | undefined = useJobs((s) => (phase.kind === 'running' ? s.jobs[phase.jobId] : undefined));
  const attempt = async (send: Send, path: string, force: boolean) => {
    last.current = { send, path };
    const failed = (e: ErrorInfo) => {
      const file = existingFile(e);
      setPhase(file !== null && !force ? { kind: 'confirm', path: file || path } : { kind: 'form', error: e });
    };
    const r = await send(force);
    if (!r.ok) return failed(r.error);
    setPhase({ kind: 'running', jobId: r.value.jobId });
    const end = await waitForJob(r.value.jobId);
    if (end.state === 'succeeded' && isExportResult(end.result)) setPhase({ kind: 'done', result: end.result });
    else if (end.state === 'cancelled') {
      setPhase({ kind: 'form', error: null });
      notify('info', `${what} cancelled`, 'Nothing was written.');
    } else failed(end.error ?? { code: 'INTERNAL', message: 'The export ended without a result.' });
  };
  const run = (send: Send, path: string) => attempt(send, path, false);
  const replace = () => {
    if (last.current) void attempt(last.current.send, last.current.path, true);
  };
  const keep = () => setPhase({ kind: 'form', error: null });
  return { phase, job, run, replace, keep };
}

interface FrameProps {
  title: string;
  subtitle: string;
  onClose: () => void;
  phase: Exclude<FileJobPhase, { kind: 'done' }>;
  job: JobInfo | undefined;
  path: string;
  progressLabel: string;
  onStart: () => void;
  /** "Replace X?" answered yes / no. */
  onReplace: () => void;
  onKeep: () => void;
  /** Shown under an error. */
  errorHint?: (e: ErrorInfo) => ReactNode;
  /** The form's fields. */
  children: ReactNode;
}

export function FileJobFrame({ title, subtitle, onClose, phase, job, path, progressLabel, onStart, onReplace, onKeep, errorHint, children }: FrameProps) {
  const running = phase.kind === 'running';
  if (phase.kind === 'confirm') return <ReplaceQuestion title={title} subtitle={subtitle} path={phase.path} onReplace={onReplace} onKeep={onKeep} onClose={onClose} />;
  return (
    <Dialog
      title={title}
      subtitle={subtitle}
      size="md"
      onClose={onClose}
      dismissable={!running}
      footer={
        running ? undefined : (
          <>
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" disabled={path.trim() === ''} onClick={onStart}>
              <Icon name="download" size={15} /> Export
            </button>
          </>
        )
      }
    >
      {running ? (
        <div className="export-running">
          <p>
            Writing <span className="mono">{path}</span>
          </p>
          {job ? <JobProgress job={job} label={progressLabel} /> : <span className="spinner" aria-label="Starting" />}
        </div>
      ) : (
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            onStart();
          }}
        >
          {phase.error ? <ErrorBanner error={phase.error}>{errorHint?.(phase.error)}</ErrorBanner> : null}
          {children}
        </form>
      )}
    </Dialog>
  );
}

export type TableFormat = 'csv' | 'parquet';

/** Where a table export of a dataset version goes by default: `<workspace>/exports/<name>-v<N>-<what>.<format>`. */
export function tableExportPath(workspace: string, datasetName: string, version: number, what: string, format: TableFormat): string {
  const base = stem(datasetName).replace(/[\\/:*?"<>|]+/g, '_') || 'dataset';
  return joinPath(joinPath(workspace, 'exports'), `${base}-v${version}-${what}.${format}`);
}

/** CSV or Parquet, for the ledger and findings exports. */
export function TableFormatChoice({ name, format, onPick }: { name: string; format: TableFormat; onPick: (f: TableFormat) => void }) {
  return (
    <fieldset className="field format-choice">
      <legend className="field-label">Format</legend>
      <div className="segmented">
        {(['csv', 'parquet'] as const).map((f) => (
          <label key={f} className={`segment ${format === f ? 'is-on' : ''}`}>
            <input type="radio" name={name} value={f} checked={format === f} onChange={() => onPick(f)} {...(f === 'csv' ? { 'data-autofocus': true } : {})} />
            <span className="segment-name">{f === 'csv' ? 'CSV' : 'Parquet'}</span>
            <span className="segment-hint">{f === 'csv' ? 'Text, opens anywhere' : 'Columnar, typed, compact'}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The destination: a path field and Browse (the native save dialog, or the in-app folder browser). */
export function SavePathField({ id, path, setPath, folderTitle, help }: { id: string; path: string; setPath: (p: string) => void; folderTitle: string; help?: string }) {
  const browse = async () => {
    if (api.shell) {
      const p = await api.shell.pickSavePath(baseName(path));
      if (p) setPath(p);
      return;
    }
    const dir = await chooseFolder(folderTitle, 'Export here', undefined, `The file keeps its name, ${baseName(path)}.`);
    if (dir) setPath(joinPath(dir, baseName(path)));
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Save to
      </label>
      <div className="input-row">
        <input id={id} className="input input-mono" value={path} spellCheck={false} onChange={(e) => setPath(e.target.value)} />
        <button type="button" className="btn" onClick={() => void browse()}>
          Browse…
        </button>
      </div>
      {help ? <span className="help">{help}</span> : null}
    </div>
  );
}

export function ExportDone({ result, onClose }: { result: ExportResult; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <Dialog
      title="Export complete"
      size="md"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={() => void copyText(result.path).then(setCopied)}>
            <Icon name={copied ? 'check' : 'copy'} size={14} /> {copied ? 'Copied' : 'Copy path'}
          </button>
          <div className="spacer" />
          <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
            Done
          </button>
        </>
      }
    >
      <div className="export-done">
        <div className="export-done-icon">
          <Icon name="check" size={22} />
        </div>
        <div>
          <p>
            Wrote {formatCount(result.rows)} rows ({formatBytes(result.bytes)}) as {result.format.toUpperCase()} to
          </p>
          <p className="mono export-done-path" data-testid="export-path">
            {result.path}
          </p>
          <p className="help">
            SHA-256 <span className="mono">{result.sha256}</span>
          </p>
        </div>
      </div>
    </Dialog>
  );
}
