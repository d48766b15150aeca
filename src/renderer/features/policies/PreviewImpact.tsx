// What approving would do to the current data: the version previewed (clean.preview, a job) on the
// open or newest dataset, with counts per step.
import { useEffect, useState } from 'react';
import type { PreviewResult } from '../../../shared/api/clean-types';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { formatCount, plural } from '../../lib/format';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { useDatasets } from '../datasets/store';
import { cancelJob, waitForJob } from '../jobs/wait';
import { previewTarget } from './preview-target';

type Outcome = { key: string; result: PreviewResult; error: null } | { key: string; result: null; error: ErrorInfo };

export function PreviewImpact({ policyId, version }: { policyId: string; version: number }) {
  const open = useDatasets((s) => s.detail);
  const list = useDatasets((s) => s.list);
  const target = previewTarget(open, list);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const key = target ? `${policyId}:${version}@${target.datasetId}:${target.version}` : null;
  useEffect(() => {
    if (!key || !target) return;
    let live = true;
    let jobId: string | null = null;
    const fail = (error: ErrorInfo) => live && setOutcome({ key, result: null, error });
    void (async () => {
      const r = await api.send('clean.preview', { datasetId: target.datasetId, version: target.version, source: { policyId, version }, full: false });
      if (!r.ok) return fail(r.error);
      jobId = r.value.jobId;
      const job = await waitForJob(jobId);
      jobId = null;
      if (!live) return;
      if (job.state === 'succeeded') setOutcome({ key, result: job.result as PreviewResult, error: null });
      else fail(job.error ?? { code: 'INTERNAL', message: `The preview ended ${job.state}.` });
    })();
    return () => {
      live = false;
      if (jobId) void cancelJob(jobId);
    };
    // `key` names the policy version and the dataset version the target stands for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const shown = outcome && outcome.key === key ? outcome : null;
  const running = key !== null && shown === null;
  return (
    <section className="pol-impact" aria-label="Preview impact">
      <h3 className="section-title">Impact on the current data</h3>
      {!target ? <p className="faint">No dataset in this workspace to preview on: import one to see what this version would change.</p> : null}
      {target ? (
        <p className="faint">
          Previewed on <strong>{target.name}</strong> version {target.version}
          {shown?.result ? ` (${shown.result.sampled ? 'a sample of ' : 'all '}${plural(shown.result.rowsIn, 'row')})` : ''}.
        </p>
      ) : null}
      {running ? (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Previewing…
        </p>
      ) : null}
      {shown?.error ? <ErrorDetails error={shown.error} /> : null}
      {shown?.result ? <ImpactTable result={shown.result} /> : null}
    </section>
  );
}

function ImpactTable({ result }: { result: PreviewResult }) {
  return (
    <table className="pol-impact-table" aria-label="Preview counts per step">
      <thead>
        <tr>
          <th className="col-head">Step</th>
          <th className="col-head num">Cells changed</th>
          <th className="col-head num">Rows removed</th>
          <th className="col-head num">Failures</th>
        </tr>
      </thead>
      <tbody>
        {result.steps.map((s, i) => (
          <tr key={s.stepId} className={s.enabled ? '' : 'is-off'}>
            <td>
              <span className="faint">{i + 1}.</span> {s.label}
              {s.enabled ? null : <span className="faint"> (off)</span>}
            </td>
            <td className="num">{formatCount(s.cellsChanged)}</td>
            <td className="num">{formatCount(s.rowsRemoved)}</td>
            <td className={`num ${s.failures > 0 ? 'pol-warn' : ''}`}>{formatCount(s.failures)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="num">{formatCount(result.cellsChanged)}</td>
          <td className="num">{formatCount(result.rowsRemoved)}</td>
          <td className="num">{formatCount(result.steps.reduce((n, s) => n + s.failures, 0))}</td>
        </tr>
      </tfoot>
    </table>
  );
}
