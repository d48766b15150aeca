// The inspector's account of a changed cell: before → after, then each step that touched it
// (label, id, confidence, its own before → after when several steps did).
import type { LedgerEntry } from '../../../shared/api/clean-types';
import { formatConfidence, shownValue, summarizeCell } from './cell-changes';

export function CellChangeView({ entries }: { entries: LedgerEntry[] | undefined }) {
  if (entries === undefined) return <p className="help">Loading this cell’s changes…</p>;
  const change = summarizeCell(entries);
  if (!change) return <p className="help cell-unchanged">This run did not change this cell.</p>;
  return (
    <section className="cell-change" aria-label="Change">
      <div className="cell-change-values">
        <div className="cell-change-value is-before">
          <span className="field-label">{change.masked ? 'Before (masked: personal data is not kept)' : 'Before'}</span>
          <code data-testid="change-before">{shownValue(change.before)}</code>
        </div>
        <span className="cell-change-arrow" aria-hidden="true">
          →
        </span>
        <div className="cell-change-value is-after">
          <span className="field-label">After</span>
          <code data-testid="change-after">{shownValue(change.after)}</code>
        </div>
      </div>
      <ol className="cell-change-steps" aria-label="Steps that changed this cell">
        {change.steps.map((s, i) => (
          <li key={`${s.stepId}-${i}`}>
            <span className="cell-change-step">{s.label}</span>
            <span className="mono faint">{s.stepId}</span>
            <span className="badge" title="How sure the rule is: 1.0 for deterministic rules">
              confidence {formatConfidence(s.confidence)}
            </span>
            {change.steps.length > 1 ? (
              <span className="cell-change-sub mono">
                {shownValue(s.before)} → {shownValue(s.after)}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
