// The export dialog: format, destination, overwrite and formula escaping → a job with
// progress → the written file's path (or the error, in place).
import { useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../shared/api/result';
import { EXPORT_FORMATS, type ExportFormat, type ExportResult, type JobInfo } from '../../../shared/api/types';
import { api } from '../../api';
import { copyText } from '../../lib/clipboard';
import { baseName, formatBytes, formatCount, joinPath } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { useDatasets } from '../datasets/store';
import { chooseFolder } from '../files/pick';
import { JobProgress } from '../jobs/JobProgress';
import { useJobs } from '../jobs/store';
import { waitForJob } from '../jobs/wait';
import { notify } from '../notices/store';
import { useWorkspace } from '../workspace/store';
import { defaultExportPath, withExtension } from './destination';
import { useExport } from './store';
import './export.css';

const FORMAT_LABEL: Record<ExportFormat, { name: string; hint: string }> = {
  csv: { name: 'CSV', hint: 'Comma-separated text, UTF-8' },
  parquet: { name: 'Parquet', hint: 'Columnar, typed, compact' },
  jsonl: { name: 'JSONL', hint: 'One JSON object per line' },
  xlsx: { name: 'Excel', hint: '.xlsx, up to 1,048,576 rows' },
};

type Phase = { kind: 'form'; error: ErrorInfo | null } | { kind: 'running'; jobId: string } | { kind: 'done'; result: ExportResult };

export function ExportDialog() {
  const open = useExport((s) => s.open);
  const detail = useDatasets((s) => s.detail);
  // The dataset went away (deleted, workspace switched): the request to export it goes too.
  useEffect(() => {
    if (open && !detail) useExport.getState().setOpen(false);
  }, [open, detail]);
  if (!open || !detail) return null;
  return <ExportForm key={`${detail.dataset.id}:${detail.version.version}`} />;
}

function isExportResult(v: unknown): v is ExportResult {
  return typeof v === 'object' && v !== null && typeof (v as ExportResult).path === 'string';
}

function ExportForm() {
  const detail = useDatasets((s) => s.detail)!;
  const workspace = useWorkspace((s) => s.info?.path ?? '');
  const setOpen = useExport((s) => s.setOpen);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [path, setPath] = useState(() => defaultExportPath(workspace, detail.dataset.name, 'csv'));
  const [force, setForce] = useState(false);
  const [escape, setEscape] = useState(true);
  const [phase, setPhase] = useState<Phase>({ kind: 'form', error: null });
  const job: JobInfo | undefined = useJobs((s) => (phase.kind === 'running' ? s.jobs[phase.jobId] : undefined));
  const escapable = format === 'csv' || format === 'xlsx';
  const close = () => setOpen(false);

  const pickFormat = (f: ExportFormat) => {
    setFormat(f);
    setPath((p) => withExtension(p, f));
  };
  const browse = async () => {
    if (api.shell) {
      const p = await api.shell.pickSavePath(baseName(path));
      if (p) setPath(p);
      return;
    }
    const dir = await chooseFolder('Choose the export folder', 'Export here', undefined, `The file keeps its name, ${baseName(path)}.`);
    if (dir) setPath(joinPath(dir, baseName(path)));
  };
  const start = async () => {
    const r = await api.send('export.start', {
      datasetId: detail.dataset.id,
      version: detail.version.version,
      path: path.trim(),
      format,
      force,
      formulaEscape: escapable ? escape : false,
    });
    if (!r.ok) return setPhase({ kind: 'form', error: r.error });
    setPhase({ kind: 'running', jobId: r.value.jobId });
    const end = await waitForJob(r.value.jobId);
    if (end.state === 'succeeded' && isExportResult(end.result)) {
      setPhase({ kind: 'done', result: end.result });
    } else if (end.state === 'cancelled') {
      setPhase({ kind: 'form', error: null });
      notify('info', 'Export cancelled', 'Nothing was written.');
    } else {
      setPhase({ kind: 'form', error: end.error ?? { code: 'INTERNAL', message: 'The export ended without a result.' } });
    }
  };

  if (phase.kind === 'done') return <ExportDone result={phase.result} onClose={close} />;
  const running = phase.kind === 'running';
  return (
    <Dialog
      title={`Export “${detail.dataset.name}”`}
      subtitle={`Version ${detail.version.version} · ${formatCount(detail.version.rowCount)} rows × ${formatCount(detail.version.columnCount)} columns`}
      size="md"
      onClose={close}
      dismissable={!running}
      footer={
        running ? undefined : (
          <>
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" disabled={path.trim() === ''} onClick={() => void start()}>
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
          {job ? <JobProgress job={job} label="Export progress" /> : <span className="spinner" aria-label="Starting" />}
        </div>
      ) : (
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          {phase.error ? (
            <div className="banner banner-error" role="alert">
              <Icon name="errorCircle" />
              <div className="banner-body">
                <ErrorDetails error={phase.error} />
                {phase.error.code === 'ALREADY_EXISTS' ? <p className="help">Tick “Overwrite” to replace it, or choose another name.</p> : null}
              </div>
            </div>
          ) : null}
          <fieldset className="field format-choice">
            <legend className="field-label">Format</legend>
            <div className="segmented">
              {EXPORT_FORMATS.map((f) => (
                <label key={f} className={`segment ${format === f ? 'is-on' : ''}`}>
                  <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => pickFormat(f)} {...(f === 'csv' ? { 'data-autofocus': true } : {})} />
                  <span className="segment-name">{FORMAT_LABEL[f].name}</span>
                  <span className="segment-hint">{FORMAT_LABEL[f].hint}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label className="field-label" htmlFor="export-path">
              Save to
            </label>
            <div className="input-row">
              <input id="export-path" className="input input-mono" value={path} spellCheck={false} onChange={(e) => setPath(e.target.value)} />
              <button type="button" className="btn" onClick={() => void browse()}>
                Browse…
              </button>
            </div>
            <span className="help">The file is written to a temporary name first and renamed when complete.</span>
          </div>
          <label className="check">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
            Overwrite the file if it exists
          </label>
          <div className="field">
            <label className={`check ${escapable ? '' : 'is-disabled'}`}>
              <input type="checkbox" checked={escapable && escape} disabled={!escapable} onChange={(e) => setEscape(e.target.checked)} />
              Escape spreadsheet formulas
            </label>
            <span className="help check-help">
              {escapable
                ? 'Cells starting with =, +, - or @ get a leading apostrophe, so Excel shows them as text instead of running them.'
                : 'Only CSV and Excel files are opened by spreadsheets; this format keeps values as they are.'}
            </span>
          </div>
        </form>
      )}
    </Dialog>
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
