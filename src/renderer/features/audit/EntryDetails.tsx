// One audit entry, every field: seq, time, actor, action, subjects, details JSON, payload digest,
// previous hash, hash, signer fingerprint and whether it is signed.
import type { ReactNode } from 'react';
import type { AuditEntry } from '../../../shared/api/governance-types';
import { formatDateTime } from '../../lib/format';
import { groupFingerprint } from '../identities/identity-logic';

function Row({ label, children, mono = false }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="audit-field">
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{children}</dd>
    </div>
  );
}

export function EntryDetails({ entry }: { entry: AuditEntry }) {
  const subjects = Object.entries(entry.subject);
  return (
    <section className="audit-detail" aria-label={`Entry ${entry.seq}`}>
      <h2 className="audit-detail-title">
        #{entry.seq} <span className="mono">{entry.action}</span>
      </h2>
      <dl className="audit-fields">
        <Row label="Sequence">{entry.seq}</Row>
        <Row label="Time">
          {formatDateTime(entry.at)}
          <div className="faint mono">{entry.at}</div>
        </Row>
        <Row label="Actor">{entry.actor}</Row>
        <Row label="Action" mono>
          {entry.action}
        </Row>
        <Row label="Subjects">
          {subjects.length === 0 ? (
            <span className="faint">none</span>
          ) : (
            subjects.map(([k, v]) => (
              <span key={k} className="audit-subject">
                {k} <span className="mono">{v}</span>
              </span>
            ))
          )}
        </Row>
        <Row label="Signed">
          {entry.signer ? <span className="badge badge-success">signed</span> : <span className="badge badge-warning">unsigned</span>}
        </Row>
        <Row label="Signer fingerprint" mono>
          {entry.signer ? groupFingerprint(entry.signer) : <span className="faint">— no identity was unlocked</span>}
        </Row>
        <Row label="Payload digest" mono>
          {entry.payloadDigest}
        </Row>
        <Row label="Previous hash" mono>
          {entry.prevHash}
        </Row>
        <Row label="Hash" mono>
          {entry.hash}
        </Row>
      </dl>
      <h3 className="section-title">Details</h3>
      <pre className="audit-json mono" tabIndex={0} aria-label="Details JSON">
        {JSON.stringify(entry.details, null, 2)}
      </pre>
    </section>
  );
}
