// Accept / Reject for a finding or a column classification: two toggle buttons (pressing the
// pressed one clears the decision), with their keyboard hints.
import type { PiiDecision } from '../../../shared/api/pii-types';
import { Icon } from '../../ui/Icon';

export function DecisionButtons({ decision, onDecide, what, keys = false }: { decision: PiiDecision | null; onDecide(d: PiiDecision | 'clear'): void; what: string; keys?: boolean }) {
  return (
    <span className="pii-decide" role="group" aria-label={`Decision on ${what}`}>
      <button
        type="button"
        className={`btn btn-sm ${decision === 'accepted' ? 'is-accepted' : ''}`}
        aria-pressed={decision === 'accepted'}
        title={`Accept: ${what} is personal data${keys ? ' (A)' : ''}`}
        onClick={(e) => {
          e.stopPropagation();
          onDecide(decision === 'accepted' ? 'clear' : 'accepted');
        }}
      >
        <Icon name="check" size={13} /> Accept{keys ? <span className="kbd">A</span> : null}
      </button>
      <button
        type="button"
        className={`btn btn-sm ${decision === 'rejected' ? 'is-rejected' : ''}`}
        aria-pressed={decision === 'rejected'}
        title={`Reject: ${what} is not personal data${keys ? ' (R)' : ''}`}
        onClick={(e) => {
          e.stopPropagation();
          onDecide(decision === 'rejected' ? 'clear' : 'rejected');
        }}
      >
        <Icon name="x" size={13} /> Reject{keys ? <span className="kbd">R</span> : null}
      </button>
    </span>
  );
}

export function DecisionBadge({ decision }: { decision: PiiDecision | null }) {
  if (decision === 'accepted') return <span className="badge badge-success">accepted</span>;
  if (decision === 'rejected') return <span className="badge badge-danger">rejected</span>;
  return <span className="faint pii-undecided">—</span>;
}
