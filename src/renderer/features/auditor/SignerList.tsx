// Who signed the manifest: name, role, the full fingerprint (copyable, to compare out of band),
// whether the signature checks out, and trusted or unknown against the auditor's own list.
import { Fingerprint } from '../identities/Fingerprint';
import { Icon } from '../../ui/Icon';
import { trustSigner, untrustSigner } from './actions';
import { useAuditor, useBundleSigners } from './store';

const ROLE: Record<'runner' | 'approver', string> = { runner: 'ran the job', approver: 'countersigned (approver)' };

export function SignerList() {
  const signers = useBundleSigners();
  const trusted = useAuditor((s) => s.trusted);
  if (signers.length === 0) return null;
  return (
    <ul className="aud-signers" aria-label="Signers">
      {signers.map((s) => {
        const isTrusted = trusted.some((t) => t.fingerprint === s.fingerprint);
        return (
          <li key={`${s.role}:${s.fingerprint}`} className="aud-signer" aria-label={`${s.name}, ${ROLE[s.role]}`}>
            <div className="aud-signer-who">
              <strong>{s.name}</strong> <span className="faint">{ROLE[s.role]}</span>
              <span className={`badge ${s.valid ? 'badge-success' : 'badge-danger'}`}>{s.valid ? 'signature valid' : 'signature INVALID'}</span>
              <span className={`badge ${isTrusted ? 'badge-success' : 'badge-warning'}`} data-testid="signer-trust">{isTrusted ? 'trusted' : 'unknown'}</span>
            </div>
            <Fingerprint value={s.fingerprint} label={s.name} />
            {isTrusted ? (
              <button type="button" className="btn btn-sm btn-ghost" onClick={() => void untrustSigner(s.fingerprint)}>
                Stop trusting
              </button>
            ) : (
              <button type="button" className="btn btn-sm" onClick={() => void trustSigner(s.fingerprint, s.name)} title="Only after comparing the fingerprint with the signer out of band">
                <Icon name="shield" size={13} /> Trust this signer
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
