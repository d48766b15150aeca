// The version header's part for a version a cleaning run wrote: its stamp (UNAPPROVED or APPROVED), the policy
// (name, version) and run that wrote it, and Export provenance. Keeps the diff summary in step
// with the open version.
import { useEffect } from 'react';
import { formatDateTime, formatRelative } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { useDatasets } from '../datasets/store';
import { ProvenanceDialog } from './ProvenanceDialog';
import { useDiff } from './store';

export function RunStamp() {
  const detail = useDatasets((s) => s.detail);
  const stamp = detail?.version.stamp ?? null;
  useEffect(() => {
    if (detail) void useDiff.getState().load(detail.dataset.id, detail.version.version, detail.version.runId !== null);
  }, [detail]);
  if (!stamp) return null;
  if (stamp === 'APPROVED') {
    return (
      <span className="badge badge-success run-stamp" title="Written by a compliance run of an ACTIVE (approved) policy version; its signed approval is kept with the run.">
        <Icon name="check" size={11} /> {stamp}
      </span>
    );
  }
  return (
    <span className="badge badge-warning run-stamp" title="Written by a run of a policy nobody has approved: everything derived from it says so.">
      <Icon name="alert" size={11} /> {stamp}
    </span>
  );
}

export function RunFacts() {
  const version = useDatasets((s) => s.detail?.version);
  const run = useDiff((s) => s.summary?.run ?? null);
  if (!version) return null;
  return (
    <span className="ds-fact faint" title={formatDateTime(version.createdAt)} data-testid="run-facts">
      Cleaned {formatRelative(version.createdAt)} by {version.createdBy} with
      {run ? (
        <strong className="run-policy">
          {run.policyName} v{run.policyVersion}
        </strong>
      ) : (
        <span>…</span>
      )}
      <span className="mono">(run {version.runId}, from v{version.parentVersion})</span>
    </span>
  );
}

export function ProvenanceAction() {
  const hasRun = useDatasets((s) => s.detail?.version.runId != null);
  const open = useDiff((s) => s.provenanceOpen);
  if (!hasRun) return null;
  const set = useDiff.getState().setProvenanceOpen;
  return (
    <>
      <button type="button" className="btn" title="Every change this version's run made, as CSV or Parquet" onClick={() => set(true)}>
        <Icon name="export" size={14} /> Export provenance…
      </button>
      {open ? <ProvenanceDialog onClose={() => set(false)} /> : null}
    </>
  );
}
