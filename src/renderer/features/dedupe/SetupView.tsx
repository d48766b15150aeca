// The Setup view: the inferred column roles with a select each to correct them (or leave a column
// out), the record-id column, the blocking rules with their candidate-pair counts (ticked = used),
// the threshold and review band, and the two jobs: count candidate pairs, find duplicates.
import { DEDUPE_ROLES, DEDUPE_ROLE_LABEL, type BlockingRule, type ColumnRole, type DedupeRole } from '../../../shared/api/dedupe-types';
import type { ColumnInfo } from '../../../shared/api/types';
import { formatCount, plural } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { useDatasets } from '../datasets/store';
import { chosenRules, planStale, roleOf, withRole, withRule, type DraftField } from './settings';
import { countPairs, findDuplicates, useDedupe } from './store';

const blank = (h: string) => (h === '' ? '(blank)' : h);

function RolesTable({ roles }: { roles: ColumnRole[] }) {
  const draft = useDedupe((s) => s.draft);
  const setDraft = useDedupe((s) => s.setDraft);
  return (
    <table className="dd-table dd-roles" aria-label="Column roles">
      <thead>
        <tr>
          <th scope="col" className="col-head">Column</th>
          <th scope="col" className="col-head">Compared as</th>
          <th scope="col" className="col-head">Why</th>
        </tr>
      </thead>
      <tbody>
        {roles.map((r) => {
          const role = roleOf(r, draft);
          const isId = draft.idColumn === r.columnId;
          const changed = role !== r.inferred;
          return (
            <tr key={r.columnId} className={role === 'ignore' ? 'is-quiet' : ''}>
              <th scope="row" className={`dd-colname ${r.header === '' ? 'is-blank' : ''}`} title={blank(r.header)}>
                {blank(r.header)}
              </th>
              <td>
                <select
                  className="select dd-role"
                  aria-label={`Role of ${blank(r.header)}`}
                  value={role}
                  disabled={isId}
                  onChange={(e) => setDraft(withRole(draft, r, e.target.value as DedupeRole))}
                >
                  {DEDUPE_ROLES.map((x) => (
                    <option key={x} value={x}>
                      {DEDUPE_ROLE_LABEL[x]}
                      {x === r.inferred ? ' (inferred)' : ''}
                    </option>
                  ))}
                </select>
                {changed && !isId ? <span className="badge badge-accent dd-changed">changed</span> : null}
              </td>
              <td className="dd-reason">
                {isId ? 'The record id column: reported, never compared.' : r.reason}
                {changed && !isId ? <span className="faint"> Inferred: {DEDUPE_ROLE_LABEL[r.inferred]}.</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function IdColumn({ columns }: { columns: ColumnInfo[] }) {
  const draft = useDedupe((s) => s.draft);
  const setDraft = useDedupe((s) => s.setDraft);
  return (
    <label className="field dd-idcol">
      <span className="field-label">Record id column</span>
      <select className="select" value={draft.idColumn ?? ''} onChange={(e) => setDraft({ ...draft, idColumn: e.target.value || null })}>
        <option value="">None: records are named by row number</option>
        {columns.map((c) => (
          <option key={c.id} value={c.id}>
            {blank(c.header)}
          </option>
        ))}
      </select>
      <span className="help">Names each record in the results; never compared.</span>
    </label>
  );
}

function RulesTable({ rules, headers }: { rules: BlockingRule[]; headers: Map<string, string> }) {
  const draft = useDedupe((s) => s.draft);
  const setDraft = useDedupe((s) => s.setDraft);
  const chosen = new Set(chosenRules(draft, rules));
  return (
    <table className="dd-table dd-rules" aria-label="Blocking rules">
      <thead>
        <tr>
          <th scope="col" className="col-head">Use</th>
          <th scope="col" className="col-head">Rule</th>
          <th scope="col" className="col-head">Columns</th>
          <th scope="col" className="col-head num">Candidate pairs</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr key={r.id} className={chosen.has(r.id) ? '' : 'is-quiet'}>
            <td>
              <input type="checkbox" aria-label={`Use ${r.label}`} checked={chosen.has(r.id)} onChange={(e) => setDraft(withRule(draft, rules, r.id, e.target.checked))} />
            </td>
            <th scope="row" className="dd-rule">
              {r.label}
              {r.kind === 'neighbourhood' ? <span className="badge dd-kind" title="Records within a window after sorting by the key">window</span> : null}
              {r.reason ? <div className="faint dd-rule-reason">{r.reason}</div> : null}
            </th>
            <td className="faint">{r.columnIds.map((id) => blank(headers.get(id) ?? id)).join(', ')}</td>
            <td className="num">{formatCount(r.pairs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProbabilityInput({ field, label, help }: { field: DraftField; label: string; help: string }) {
  const draft = useDedupe((s) => s.draft);
  const setDraft = useDedupe((s) => s.setDraft);
  const error = useDedupe((s) => s.draftErrors[field]);
  const id = `dd-${field}`;
  return (
    <label className="field dd-prob">
      <span className="field-label">{label}</span>
      <input
        id={id}
        className="input num"
        inputMode="decimal"
        value={draft[field]}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
      />
      <span id={`${id}-help`} className={error ? 'dd-field-error' : 'help'}>
        {error ?? help}
      </span>
    </label>
  );
}

/** A table of none or one row: counting or finding could only fail (or find nothing), so say so up front. */
function NothingToCompare({ rows }: { rows: number }) {
  return (
    <EmptyState icon="layers" title="Nothing to compare" className="pane-empty">
      <p>
        This version has {rows === 0 ? 'no rows, only a header' : 'a single row'}: duplicates need at least two records. Import or choose a version with more rows.
      </p>
    </EmptyState>
  );
}

function Intro({ rows }: { rows: number }) {
  return (
    <p className="dd-intro">
      Duplicate detection compares the {plural(rows, 'row')} without any configuration: it infers what each column holds, picks blocking
      rules so that only likely pairs are compared, learns the match weights from the data and groups matching records into clusters. Count
      the candidate pairs first to see the roles and rules it chose and correct them, or find duplicates straight away. Nothing leaves this
      machine and nothing is removed here.
    </p>
  );
}

export function SetupView() {
  const detail = useDatasets((s) => s.detail);
  const plan = useDedupe((s) => s.plan);
  const summary = useDedupe((s) => s.summary);
  const draft = useDedupe((s) => s.draft);
  const countedFor = useDedupe((s) => s.countedFor);
  const busy = useDedupe((s) => s.planJobId !== null || s.runJobId !== null);
  const formError = useDedupe((s) => s.draftErrors.form);
  const loading = useDedupe((s) => s.loading);
  if (!detail || loading) return null;
  if (detail.version.rowCount < 2) return <NothingToCompare rows={detail.version.rowCount} />;
  const roles = plan?.roles ?? summary?.roles ?? null;
  const rules = plan?.rules ?? summary?.rules ?? null;
  const total = plan?.candidatePairs ?? summary?.counts.candidatePairs ?? null;
  const warnings = plan?.warnings ?? [];
  const stale = planStale(countedFor, draft);
  const headers = new Map(detail.columns.map((c) => [c.id, c.header]));
  const chosen = rules ? chosenRules(draft, rules) : [];
  const chosenSum = rules ? rules.filter((r) => chosen.includes(r.id)).reduce((n, r) => n + r.pairs, 0) : 0;
  return (
    <div className="dd-scroll">
      <form
        className="dd-setup"
        aria-label="Duplicate settings"
        onSubmit={(e) => {
          e.preventDefault();
          void findDuplicates();
        }}
      >
        {!roles ? <Intro rows={detail.version.rowCount} /> : null}
        <section className="pane-card dd-card" aria-label="Roles">
          <h3 className="section-title">Column roles</h3>
          {roles ? (
            <RolesTable roles={roles} />
          ) : (
            <p className="faint dd-note">The inferred role of each column (given name, e-mail, date, postcode…) and why shows here once the pairs are counted.</p>
          )}
          <IdColumn columns={detail.columns} />
        </section>
        <section className="pane-card dd-card" aria-label="Candidate pairs">
          <h3 className="section-title">Blocking rules</h3>
          {rules ? (
            <>
              <RulesTable rules={rules} headers={headers} />
              <p className="dd-total" data-testid="dd-candidate-total">
                {stale ? (
                  <>
                    <Icon name="alert" size={13} /> Roles or rules changed since the count: the chosen rules make at most {formatCount(chosenSum)} pairs; count again for the exact number.
                  </>
                ) : (
                  <>
                    <strong className="num">{formatCount(total ?? 0)}</strong> distinct candidate pairs from {plural(chosen.length, 'rule')}{' '}
                    <span className="faint">(a pair several rules make counts once)</span>
                  </>
                )}
              </p>
              {draft.rules !== null ? (
                <button type="button" className="btn btn-sm btn-ghost" onClick={() => useDedupe.getState().setDraft({ ...draft, rules: null })}>
                  Back to the automatic choice
                </button>
              ) : null}
            </>
          ) : (
            <p className="faint dd-note">Records are compared only when a blocking rule pairs them, so that nothing explodes quadratically. Count the pairs to see each rule’s count before running.</p>
          )}
          {warnings.length > 0 ? (
            <ul className="dd-warnings" aria-label="Warnings">
              {warnings.map((w) => (
                <li key={w}>
                  <Icon name="alert" size={13} /> {w}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <section className="pane-card dd-card" aria-label="Scoring">
          <h3 className="section-title">Threshold and review band</h3>
          <div className="dd-probs">
            <ProbabilityInput field="threshold" label="Match threshold" help="Pairs at or above this match probability are duplicates (between 0 and 1)." />
            <ProbabilityInput field="lower" label="Review from" help="Pairs from this probability…" />
            <ProbabilityInput field="upper" label="Review below" help="…up to this one go to the review queue." />
          </div>
          <label className="check dd-use-decisions">
            <input type="checkbox" checked={draft.useDecisions} onChange={(e) => useDedupe.getState().setDraft({ ...draft, useDecisions: e.target.checked })} />
            Use the review decisions (accepted pairs match, rejected ones do not, and both refine the weights)
          </label>
        </section>
        {formError ? (
          <p className="dd-field-error dd-form-error" role="alert">
            {formError}
          </p>
        ) : null}
        <div className="dd-actions">
          <button type="button" className="btn" disabled={busy} onClick={() => void countPairs()}>
            <Icon name="search" size={15} /> {roles && !stale ? 'Count again' : 'Count candidate pairs'}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            <Icon name="play" size={15} /> Find duplicates
          </button>
        </div>
      </form>
    </div>
  );
}
