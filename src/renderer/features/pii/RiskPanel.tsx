// The risk panel: choose quasi-identifiers (suggested ones ticked), a target k and optionally a
// later version to compare with; measure k-anonymity as a job; then the k reached, the records in
// classes below k, the class-size chart before/after and the generalisations that reach k (each
// addable to the policy as steps, where the policy has steps for them).
import { useEffect, useMemo } from 'react';
import type { RiskColumnRole, RiskMeasure, RiskResult, RiskSuggestion } from '../../../shared/api/pii-types';
import { formatCount, plural } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { useDatasets } from '../datasets/store';
import { PaneProgress } from '../jobs/PaneProgress';
import { notify } from '../notices/store';
import { usePolicyDraft } from '../policy/store';
import { useChartColors } from '../profile/chart-theme';
import { EChart } from '../profile/EChart';
import { ENTITY_LABEL } from './labels';
import { riskHistogramOption } from './risk-chart';
import { suggestionSteps } from './risk-steps';
import { cancelRisk, runRisk, showRisk, useRisk } from './risk-store';
import { usePii } from './store';
import './risk.css';

const ROLE_LABEL: Record<RiskColumnRole, string> = {
  birth_date: 'birth date',
  date: 'date',
  birth_year: 'birth year',
  age: 'age',
  zip: 'ZIP code',
  uk_postcode: 'UK postcode',
  postcode: 'postcode',
  sex: 'sex',
  categorical: 'category',
};

const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(n === of || n === 0 ? 0 : 1)} %` : '—');

function Measure({ m, targetK, title }: { m: RiskMeasure; targetK: number; title: string }) {
  const ok = m.k >= targetK;
  return (
    <section className="pane-card rk-measure" aria-label={title}>
      <h4 className="section-title rk-measure-title">{title}</h4>
      <dl className="rk-figures">
        <div className={`rk-big ${ok ? 'is-ok' : 'is-bad'}`}>
          <dt>k reached</dt>
          <dd className="num">{formatCount(m.k)}</dd>
        </div>
        <div>
          <dt>Records below k = {targetK}</dt>
          <dd className="num">
            {formatCount(m.recordsBelowK)} <span className="faint">{pct(m.recordsBelowK, m.rows)}</span>
          </dd>
        </div>
        <div>
          <dt>Classes below k</dt>
          <dd className="num">
            {formatCount(m.classesBelowK)} <span className="faint">of {formatCount(m.classes)}</span>
          </dd>
        </div>
        <div>
          <dt>Unique records</dt>
          <dd className="num">
            {formatCount(m.uniqueRecords)} <span className="faint">{pct(m.uniqueRecords, m.rows)}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Suggestion({ s }: { s: RiskSuggestion }) {
  const { steps, unsupported } = suggestionSteps(s);
  const add = () => {
    const draft = usePolicyDraft.getState();
    for (const step of steps) draft.addStep(step);
    draft.open();
    notify('success', `${plural(steps.length, 'step')} added to the policy`, `${s.generalisations.map((g) => g.label).join(', ')}: the preview shows the changed cells.`);
  };
  return (
    <li>
      <span className="rk-gens">
        {s.generalisations.map((g) => (
          <span key={`${g.columnId}${g.kind}`} className="pii-chip">{g.label}</span>
        ))}
      </span>
      <span className="num faint">
        k = {formatCount(s.k)}, {plural(s.recordsBelowK, 'record')} below, {Math.round(s.loss * 100)} % information lost
      </span>
      <button
        type="button"
        className="btn btn-sm rk-add"
        disabled={unsupported.length > 0}
        title={unsupported.length > 0 ? `No policy step can do this yet: ${unsupported.join(', ')}` : 'Add these generalisations to the policy as steps'}
        onClick={add}
      >
        <Icon name="plus" size={13} /> Add to policy
      </button>
    </li>
  );
}

function Result({ r }: { r: RiskResult }) {
  const colors = useChartColors();
  const option = useMemo(() => riskHistogramOption({ before: r.before, after: r.after, targetK: r.targetK }, colors), [r, colors]);
  const label = `Records per equivalence-class size${r.after ? ', before and after' : ''}: ${r.before.histogram.map((h) => `size ${h.size > 50 ? '51+' : h.size} ${formatCount(h.records)} records`).join(', ')}`;
  return (
    <div className="rk-result">
      <p className="rk-over faint">
        Over {r.quasi.map((q) => `“${q.header}”`).join(', ')} · target k = {r.targetK}
      </p>
      <div className="rk-measures">
        <Measure m={r.before} targetK={r.targetK} title={`Version ${r.before.version}${r.after ? ' (before)' : ''}`} />
        {r.after ? <Measure m={r.after} targetK={r.targetK} title={`Version ${r.after.version} (after)`} /> : null}
      </div>
      <section className="pane-card" aria-label="Class sizes">
        <h4 className="section-title rk-measure-title">Records by equivalence-class size</h4>
        <EChart option={option} height={220} label={label} />
      </section>
      <section className="pane-card rk-suggestions" aria-label="Suggestions">
        <h4 className="section-title rk-measure-title">Generalisations that reach k = {r.targetK}, least loss first</h4>
        {r.before.k >= r.targetK ? (
          <p className="faint">Version {r.before.version} already reaches k = {r.targetK}: no generalisation needed.</p>
        ) : r.suggestions.length === 0 ? (
          <p className="faint">No combination of the generalisations tried reaches k = {r.targetK}; consider fewer quasi-identifiers or suppressing rare records.</p>
        ) : (
          <ol className="rk-list">
            {r.suggestions.map((s, i) => (
              <Suggestion key={i} s={s} />
            ))}
          </ol>
        )}
      </section>
      {r.notes.length > 0 ? (
        <ul className="rk-notes" aria-label="Notes">
          {r.notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      ) : null}
      <p className="rk-caveat faint" role="note">
        <Icon name="info" size={13} /> {r.caveat}
      </p>
    </div>
  );
}

export function RiskPanel() {
  const detail = useDatasets((s) => s.detail);
  const summary = usePii((s) => s.summary);
  const { quasi, suggested, roles, k, afterVersion, jobId, result, toggle, setK, setAfter } = useRisk();
  const key = detail ? `${detail.dataset.id}:${detail.version.version}:${detail.version.createdAt}` : null;
  useEffect(() => {
    if (key && detail) void showRisk(key, detail.dataset.id, detail.version.version, detail.columns, usePii.getState().summary);
  }, [key, detail]);
  if (!detail) return null;
  const classOf = new Map(summary?.columns.map((c) => [c.columnId, c.entity]) ?? []);
  const later = detail.dataset.versions.filter((v) => v.version > detail.version.version);
  const order = detail.columns.map((c) => c.id);
  return (
    <div className="pane-body">
      <form
        className="rk-form"
        aria-label="Risk settings"
        onSubmit={(e) => {
          e.preventDefault();
          void runRisk(detail.dataset.id, detail.version.version, order);
        }}
      >
        <fieldset className="rk-quasi">
          <legend className="section-title">Quasi-identifiers</legend>
          <p className="faint rk-help">Columns that, combined, could single a person out. Suggested ones are ticked.</p>
          <ul className="rk-cols">
            {detail.columns.map((c) => {
              const entity = classOf.get(c.id);
              return (
                <li key={c.id}>
                  <label className="check">
                    <input type="checkbox" checked={quasi.includes(c.id)} onChange={() => toggle(c.id)} />
                    <span className={c.header === '' ? 'is-blank' : ''}>{c.header === '' ? '(blank)' : c.header}</span>
                    {suggested.includes(c.id) ? <span className="badge badge-accent" title={roles[c.id] ? `Read as ${ROLE_LABEL[roles[c.id]!]}` : 'Named by its header'}>suggested</span> : null}
                    {roles[c.id] ? <span className="faint rk-class">{ROLE_LABEL[roles[c.id]!]}</span> : entity ? <span className="faint rk-class">{ENTITY_LABEL[entity]}</span> : null}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className="rk-actions">
          <label className="field rk-compare">
            <span className="field-label">Compare with</span>
            <select className="select" value={afterVersion ?? ''} onChange={(e) => setAfter(e.target.value ? Number(e.target.value) : null)} disabled={later.length === 0}>
              <option value="">{later.length === 0 ? 'No later version' : 'Nothing'}</option>
              {later.map((v) => (
                <option key={v.version} value={v.version}>
                  Version {v.version}
                  {v.note ? ` — ${v.note}` : ''}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Target k</span>
            <input className="input rk-k" type="number" min={2} max={1000} value={k} onChange={(e) => setK(Math.max(2, Math.min(1000, Math.round(Number(e.target.value) || 2))))} />
          </label>
          <button type="submit" className="btn btn-primary" disabled={quasi.length === 0 || jobId !== null}>
            <Icon name="play" size={15} /> Measure risk
          </button>
          {quasi.length === 0 ? <p className="faint rk-help">Tick at least one column.</p> : null}
        </div>
      </form>
      <div className="rk-main">
        {jobId ? <PaneProgress jobId={jobId} name="Measuring risk" label="Risk progress" onCancel={cancelRisk} /> : null}
        {result ? (
          <Result r={result} />
        ) : !jobId ? (
          <EmptyState icon="alert" title="No risk measured yet" className="pane-empty">
            <p>
              k-anonymity groups the {formatCount(detail.version.rowCount)} rows by the quasi-identifiers: a record in a group of fewer than k records is
              easier to re-identify. Choose the columns and the k you need, then measure.
            </p>
          </EmptyState>
        ) : null}
      </div>
    </div>
  );
}
