// The audit screen: "Verify now" and its answer, "Save checkpoint", the filters, the timeline
// (newest first) and the selected entry's every field.
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { formatDateTime } from '../../lib/format';
import { ErrorBanner } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { useSession } from '../identities/session-store';
import { AuditFilters } from './AuditFilters';
import { AuditTimeline } from './AuditTimeline';
import { useAudit } from './audit-store';
import { CheckpointDialog } from './CheckpointDialog';
import { EntryDetails } from './EntryDetails';
import { VerifyResult } from './VerifyResult';
import './audit.css';

export function AuditPane() {
  const entries = useAudit((s) => s.entries);
  const selected = useAudit((s) => s.selected);
  const error = useAudit((s) => s.error);
  const verifying = useAudit((s) => s.verifying);
  const verified = useAudit((s) => s.verified);
  const verifyError = useAudit((s) => s.verifyError);
  const [checkpoint, setCheckpoint] = useState(false);
  useEffect(() => {
    void useAudit.getState().reload();
    void useSession.getState().load();
    // New entries while the log is on screen: anything that changes data or policies appends one.
    const reload = () => void useAudit.getState().reload();
    const offs = [
      api.on('datasets.changed', reload),
      api.on('policies.changed', reload),
      api.on('workspace.changed', reload),
      api.on('job.updated', (job) => job.state !== 'running' && reload()),
    ];
    return () => offs.forEach((off) => off());
  }, []);
  const entry = entries.find((e) => e.seq === selected) ?? null;
  const filtered = useAudit((s) => Object.keys(s.filter).length > 0);
  // The newest entry shown is the head only when nothing is filtered out.
  const head = filtered ? null : (entries[0]?.seq ?? null);

  return (
    <div className="gpane audit-pane">
      <div className="gpane-head">
        <p className="muted gpane-intro">Every action, hash-chained and signed. Verification recomputes every hash, link and signature and checks the stored checkpoints.</p>
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Refresh the audit log" title="Refresh" onClick={() => void useAudit.getState().reload()}>
          <Icon name="refresh" size={15} />
        </button>
        <button type="button" className="btn" onClick={() => setCheckpoint(true)}>
          <Icon name="save" size={14} /> Save checkpoint…
        </button>
        <button type="button" className="btn btn-primary" disabled={verifying} onClick={() => void useAudit.getState().verify()}>
          {verifying ? <span className="spinner" aria-hidden="true" /> : <Icon name="check" size={14} />} {verifying ? 'Verifying…' : 'Verify now'}
        </button>
      </div>
      {verified ? <VerifyResult result={verified} formatAt={formatDateTime} /> : null}
      {verifyError ? <ErrorBanner error={verifyError} title="Verification could not run" /> : null}
      <AuditFilters />
      {error ? <ErrorBanner error={error} title="The audit log could not be read" /> : null}
      <div className="audit-body">
        <AuditTimeline />
        <aside className="audit-side" aria-label="Entry details">
          {entry ? <EntryDetails entry={entry} /> : <p className="muted">Select an entry to see its fields.</p>}
        </aside>
      </div>
      {checkpoint ? <CheckpointDialog headSeq={head} onClose={() => setCheckpoint(false)} /> : null}
    </div>
  );
}
