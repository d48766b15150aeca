// "Cluster values": pick a text column and a method, run it as a job (progress, Cancel), then
// review the suggested clusters — tick the ones to merge, pick or type each new value — and
// accept them as an alias map (`onAccept`), which the host turns into a category-aliases step.
import { useEffect, useRef, useState } from 'react';
import type { AliasEntry, ClusterResult } from '../../../shared/api/cluster-types';
import type { ErrorInfo } from '../../../shared/api/result';
import type { ColumnInfo, JobInfo } from '../../../shared/api/types';
import { api } from '../../api';
import { plural } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { headerLabel } from '../grid/columns';
import { JobProgress } from '../jobs/JobProgress';
import { useJobs } from '../jobs/store';
import { cancelJob, waitForJob } from '../jobs/wait';
import { EmptyHint, Results, summaryText, type Shown } from './ClusterResults';
import { aliasMap, editOne, initialEdits, mergeAll, summarize, type ClusterEdit } from './edits';
import { DEFAULT_FORM, METHOD_HELP, describeRun, toRequest, type MethodForm } from './method-form';
import { MethodFields } from './MethodFields';
import './clusters.css';

export interface ClusterDialogProps {
  datasetId: string;
  version: number;
  datasetName: string;
  columns: ColumnInfo[];
  initialColumnId: string;
  /** The accepted clusters as alias map entries, and the column they belong to. */
  onAccept(map: AliasEntry[], column: ColumnInfo): void;
  onClose(): void;
}

function isClusterResult(v: unknown): v is ClusterResult {
  return typeof v === 'object' && v !== null && Array.isArray((v as ClusterResult).clusters);
}

/** Columns offered: text ones (and the one the dialog was opened on); duplicate headers get their position. */
function columnChoices(columns: ColumnInfo[], initial: string): { column: ColumnInfo; label: string }[] {
  const offered = columns.filter((c) => c.storageType === 'VARCHAR' && (c.logicalType === 'text' || c.id === initial));
  return offered.map((c) => {
    const twins = columns.filter((x) => x.header === c.header).length > 1;
    return { column: c, label: twins ? `${headerLabel(c)} (column ${c.position + 1})` : headerLabel(c) };
  });
}

export function ClusterDialog({ datasetId, version, datasetName, columns, initialColumnId, onAccept, onClose }: ClusterDialogProps) {
  const [columnId, setColumnId] = useState(initialColumnId);
  const [form, setForm] = useState<MethodForm>(DEFAULT_FORM);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const job: JobInfo | undefined = useJobs((s) => (jobId ? s.jobs[jobId] : undefined));
  const running = jobId !== null;
  const live = useRef(true);
  const runningJob = useRef<string | null>(null);
  useEffect(
    () => () => {
      live.current = false;
      // Closing the dialog mid-run stops the job: nobody will look at its result.
      if (runningJob.current) void cancelJob(runningJob.current);
    },
    [],
  );

  const choices = columnChoices(columns, initialColumnId);
  const column = columns.find((c) => c.id === columnId);

  const run = async () => {
    setError(null);
    setNote(null);
    const label = describeRun(form);
    const r = await api.send('cluster.start', { datasetId, version, columnId, ...toRequest(form) });
    if (!r.ok) return setError(r.error);
    runningJob.current = r.value.jobId;
    setJobId(r.value.jobId);
    const end = await waitForJob(r.value.jobId);
    runningJob.current = null;
    if (!live.current) return;
    setJobId(null);
    if (end.state === 'succeeded' && isClusterResult(end.result)) {
      setShown({ result: end.result, run: label, edits: initialEdits(end.result.clusters) });
    } else if (end.state === 'cancelled') {
      setNote('Cancelled. The clusters shown (if any) are from the run before.');
    } else {
      setError(end.error ?? { code: 'INTERNAL', message: 'The clustering ended without a result.' });
    }
  };

  const setEdits = (fn: (e: ClusterEdit[]) => ClusterEdit[]) => setShown((s) => (s ? { ...s, edits: fn(s.edits) } : s));
  const shownColumn = shown ? columns.find((c) => c.id === shown.result.columnId) : undefined;
  const sum = shown ? summarize(shown.result.clusters, shown.edits) : null;
  const accept = () => {
    if (!shown || !shownColumn) return;
    onAccept(aliasMap(shown.result.clusters, shown.edits), shownColumn);
  };

  return (
    <Dialog
      title="Cluster values"
      subtitle={`${datasetName} · version ${version}`}
      size="xl"
      className="cl-dialog"
      onClose={onClose}
      footer={
        <>
          <span className="cl-summary" data-testid="cluster-summary" aria-live="polite">
            {shown && sum ? summaryText(shown.result.clusters.length, sum) : ''}
          </span>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
          <button type="button" className="btn btn-primary" disabled={!sum || sum.merging === 0 || sum.missingValue > 0 || running} onClick={accept}>
            <Icon name="check" size={15} /> {sum && sum.merging > 0 ? `Accept ${plural(sum.merging, 'cluster')}` : 'Accept'}
          </button>
        </>
      }
    >
      <form
        className="cl-controls"
        onSubmit={(e) => {
          e.preventDefault();
          if (!running) void run();
        }}
      >
        <label className="field cl-column">
          <span className="field-label">Column</span>
          <select className="select" value={columnId} disabled={running} onChange={(e) => setColumnId(e.target.value)} data-autofocus>
            {choices.map(({ column: c, label }) => (
              <option key={c.id} value={c.id}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <MethodFields form={form} disabled={running} onChange={setForm} />
        <button type="submit" className={`btn ${shown ? '' : 'btn-primary'} cl-run`} disabled={running || !column}>
          <Icon name="layers" size={15} /> {shown ? 'Run again' : 'Run'}
        </button>
      </form>
      <p className="help cl-help">{METHOD_HELP[form.method]}</p>
      {error ? (
        <div className="banner banner-error" role="alert">
          <Icon name="errorCircle" />
          <div className="banner-body">
            <ErrorDetails error={error} />
          </div>
        </div>
      ) : null}
      {note ? (
        <p className="help cl-note" role="status">
          {note}
        </p>
      ) : null}
      {running ? (
        <div className="cl-running">{job ? <JobProgress job={job} label="Clustering progress" /> : <span className="spinner" aria-label="Starting" />}</div>
      ) : null}
      {shown && !running ? (
        <Results
          shown={shown}
          columnLabel={shownColumn ? headerLabel(shownColumn) : shown.result.columnId}
          onAll={(merge) => setEdits((e) => mergeAll(e, merge))}
          onEdit={(i, change) => setEdits((e) => editOne(e, i, change))}
        />
      ) : null}
      {!shown && !running && !error ? <EmptyHint /> : null}
    </Dialog>
  );
}
