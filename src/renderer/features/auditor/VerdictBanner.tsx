// The verdict, first and plainly: green "Verified: N files, M audit entries, signatures valid",
// amber when intact but signed by a key the auditor has not trusted, red with every problem.
import { useMemo } from 'react';
import { formatDateTime } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { useAuditor } from './store';
import { verdictOf } from './verdict';

export function VerdictBanner() {
  const bundle = useAuditor((s) => s.bundle);
  const trusted = useAuditor((s) => s.trusted);
  const set = useMemo(() => new Set(trusted.map((t) => t.fingerprint)), [trusted]);
  if (!bundle) return null;
  const v = verdictOf(bundle.verification, set);
  return (
    <div className={`aud-verdict aud-verdict-${v.tone}`} role={v.tone === 'bad' ? 'alert' : 'status'} data-testid="bundle-verdict">
      <Icon name={v.tone === 'ok' ? 'check' : v.tone === 'untrusted' ? 'alert' : 'errorCircle'} size={20} />
      <div className="aud-verdict-body">
        <strong className="aud-verdict-headline">{v.headline}</strong>
        <p className="aud-verdict-detail">{v.detail}</p>
        {v.problems.length > 0 ? (
          <ul className="aud-verdict-problems" aria-label="Problems found">
            {v.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        ) : null}
        <p className="aud-verdict-when faint">Checked {formatDateTime(bundle.verification.verifiedAt)} on this computer, with no network.</p>
      </div>
    </div>
  );
}
