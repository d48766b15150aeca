// Exporting a version's provenance ledger (row_id, kind, column, before, after, step_id, step,
// confidence) as CSV or Parquet: destination, overwrite, a job with progress, then the file.
import { useState } from 'react';
import type { ErrorInfo } from '../../../shared/api/result';
import type { ExportResult, JobInfo } from '../../../shared/api/types';
import { api } from '../../api';
import { baseName, formatCount, joinPath, stem } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { useDatasets } from '../datasets/store';
import { ExportDone } from '../export/ExportDialog';
import { chooseFolder } from '../files/pick';
import { JobProgress } from '../jobs/JobProgress';
import { useJobs } from '../jobs/store';
import { waitForJob } from '../jobs/wait';
import { notify } from '../notices/store';
import { useWorkspace } from '../workspace/store';

type Format = 'csv' | 'parquet';
type Phase = { kind: 'form'; error: ErrorInfo | null } | { kind: 'running'; jobId: string } | { kind: 'done'; result: ExportResult };

export function provenancePath(workspace: string, datasetName: string, version: number, format: Format): string {
  const base = stem(datasetName).replace(/[\\/:*?"<>|]+/g, '_') || 'dataset';
  return joinPath(joinPath(workspace, 'exports'), `${base}-v${version}-provenance.${format}`);
}

function isExportResult(v: unknown): v is ExportResult {
  return typeof v === 'object' && v !== null && typeof (v as ExportResult).path === 'string';
}

export function ProvenanceDialog({ onClose }: { onClose: () => void }) {
  const detail = useDatasets((s) => s.detail);
  const workspace = useWorkspace((s) => s.info?.path ?? '');
  const name = detail?.dataset.name ?? '';
  const version = detail?.version.version ?? 1;
  const [format, setFormat] = useState<Format>('csv');
  const [path, setPath] = useState(() => provenancePath(workspace, name, version, 'csv'));
  const [force, setForce] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'form', error: null });
  const job: JobInfo | undefined = useJobs((s) => (phase.kind === 'running' ? s.jobs[phase.jobId] : undefined));
  if (!detail) return null;

  const pick = (f: Format) => {
    setFormat(f);
    setPath((p) => p.replace(/\.(csv|parquet)$/i, '') + `.${f}`);
  };
  const browse = async () => {
    if (api.shell) {
      const p = await api.shell.pickSavePath(baseName(path));
      if (p) setPath(p);
      return;
    }
    const dir = await chooseFolder('Choose the provenance folder', 'Export here', undefined, `The file keeps its name, ${baseName(path)}.`);
    if (dir) setPath(joinPath(dir, baseName(path)));
  };
  const start = async () => {
    const r = await api.send('provenance.export', { datasetId: detail.dataset.id, version, path: path.trim(), format, force });
    if (!r.ok) return setPhase({ kind: 'form', error: r.error });
    setPhase({ kind: 'running', jobId: r.value.jobId });
    const end = await waitForJob(r.value.jobId);
    if (end.state === 'succeeded' && isExportResult(end.result)) setPhase({ kind: 'done', result: end.result });
    else if (end.state === 'cancelled') {
      setPhase({ kind: 'form', error: null });
      notify('info', 'Provenance export cancelled', 'Nothing was written.');
    } else setPhase({ kind: 'form', error: end.error ?? { code: 'INTERNAL', message: 'The export ended without a result.' } });
  };

  if (phase.kind === 'done') return <ExportDone result={phase.result} onClose={onClose} />;
  const running = phase.kind === 'running';
  return (
    <Dialog
      title="Export provenance"
      subtitle={`Every change the run made to version ${version} of ${name}: ${formatCount(detail.version.rowCount)} rows remain`}
      size="md"
      onClose={onClose}
      dismissable={!running}
      footer={
        running ? undefined : (
          <>
            <button type="button" className="btn" onClick={onClose}>
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
          {job ? <JobProgress job={job} label="Provenance export progress" /> : <span className="spinner" aria-label="Starting" />}
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
              </div>
            </div>
          ) : null}
          <fieldset className="field format-choice">
            <legend className="field-label">Format</legend>
            <div className="segmented">
              {(['csv', 'parquet'] as const).map((f) => (
                <label key={f} className={`segment ${format === f ? 'is-on' : ''}`}>
                  <input type="radio" name="provenance-format" value={f} checked={format === f} onChange={() => pick(f)} {...(f === 'csv' ? { 'data-autofocus': true } : {})} />
                  <span className="segment-name">{f === 'csv' ? 'CSV' : 'Parquet'}</span>
                  <span className="segment-hint">{f === 'csv' ? 'Text, opens anywhere' : 'Columnar, typed, compact'}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <p className="help">
            Columns <span className="mono">row_id, kind, column, before, after, step_id, step, confidence</span>: one row per changed cell, one per removed row.
          </p>
          <div className="field">
            <label className="field-label" htmlFor="provenance-path">
              Save to
            </label>
            <div className="input-row">
              <input id="provenance-path" className="input input-mono" value={path} spellCheck={false} onChange={(e) => setPath(e.target.value)} />
              <button type="button" className="btn" onClick={() => void browse()}>
                Browse…
              </button>
            </div>
          </div>
          <label className="check">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
            Overwrite the file if it exists
          </label>
        </form>
      )}
    </Dialog>
  );
}
