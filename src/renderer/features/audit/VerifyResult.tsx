// "Verify now"'s answer, plainly: green "intact: N entries, checked at …", or red naming the first
// bad entry and why, with every problem found.
import type { AuditVerifyResult } from '../../../shared/api/governance-types';
import { Icon } from '../../ui/Icon';
import { verifySummary } from './audit-logic';

export function VerifyResult({ result, formatAt }: { result: AuditVerifyResult; formatAt: (iso: string) => string }) {
  const s = verifySummary(result, formatAt);
  return (
    <div className={`audit-verify audit-verify-${s.tone}`} role={s.tone === 'bad' ? 'alert' : 'status'} data-testid="audit-verify-result">
      <Icon name={s.tone === 'ok' ? 'check' : 'errorCircle'} size={18} />
      <div className="audit-verify-body">
        <strong className="audit-verify-headline">{s.headline}</strong>
        {s.first ? <p className="audit-verify-first">{s.first}</p> : null}
        <p className="audit-verify-facts">{s.facts.join(' · ')}</p>
        {s.problems.length > 0 ? (
          <details open={s.problems.length <= 5}>
            <summary>
              {s.problems.length} {s.problems.length === 1 ? 'problem' : 'problems'}
            </summary>
            <ul className="audit-verify-problems">
              {s.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </div>
  );
}
