// A readable policy diff: the summary, changes to the policy itself, then one card per step that
// differs with its changed parameters as before → after.
import type { PolicyDiff } from '../../../shared/api/governance-types';
import { plural } from '../../lib/format';
import { changeLine, KIND_LABEL, stepLines, unchangedCount } from './diff-lines';

export function DiffView({ diff, label }: { diff: PolicyDiff; label: string }) {
  const lines = stepLines(diff);
  const same = unchangedCount(diff);
  const policy = diff.policy.map(changeLine);
  return (
    <section className="pol-diff" aria-label={label}>
      <p className="pol-diff-summary">
        <strong>{diff.summary}</strong>
        {same > 0 ? <span className="faint"> · {plural(same, 'step')} unchanged</span> : null}
      </p>
      {policy.length > 0 ? (
        <div className="pol-diff-step is-changed">
          <div className="pol-diff-head">
            <span className="pol-diff-kind">Policy</span>
            <strong>Name, description and settings</strong>
          </div>
          <ChangeList changes={policy} />
        </div>
      ) : null}
      {lines.length > 0 ? (
        <ul className="pol-diff-steps" aria-label="Steps that differ">
          {lines.map((l) => (
            <li key={l.key} className={`pol-diff-step is-${l.kind}`}>
              <div className="pol-diff-head">
                <span className="pol-diff-kind">{KIND_LABEL[l.kind]}</span>
                <strong>{l.title}</strong>
                <span className="faint">{l.where}</span>
              </div>
              {l.changes.length > 0 && l.kind === 'changed' ? <ChangeList changes={l.changes} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ChangeList({ changes }: { changes: ReturnType<typeof changeLine>[] }) {
  return (
    <dl className="pol-diff-changes">
      {changes.map((c) => (
        <div key={c.path} className="pol-diff-change">
          <dt className="mono">{c.path}</dt>
          <dd>
            {c.kind !== 'added' ? <del className="pol-before">{c.before}</del> : null}
            {c.kind === 'changed' ? <span aria-hidden="true"> → </span> : null}
            {c.kind !== 'removed' ? <ins className="pol-after">{c.after}</ins> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
