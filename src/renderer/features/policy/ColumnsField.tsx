// Which columns a step applies to: the type's default, or chosen by header name, by type, by
// detected kind (e-mail, number, date, phone), by the personal-data entity it holds or by a
// header pattern — any mix, as a union.
import { STEP_INFO } from '../../../shared/policy/catalog';
import { DETECTED_KINDS, type ColumnSelector, type Step } from '../../../shared/policy/steps';
import { ENTITY_TYPES } from '../../../shared/api/pii-types';
import type { ColumnInfo } from '../../../shared/api/types';
import { Chip, Field, FieldErrors } from './fields';
import { fieldMessages, type FieldIssue } from './issues';
import { describeSelector, KIND_LABEL, LOGICAL_TYPES, toggled, withPart } from './selector';

interface Props {
  step: Step;
  columns: ColumnInfo[];
  issues: FieldIssue[] | undefined;
  /** Headers the last preview applied the step to (null: no preview yet). */
  applied: string[] | null;
  onChange: (sel: ColumnSelector | undefined, key: string) => void;
}

export function ColumnsField({ step, columns, issues, applied, onChange }: Props) {
  const info = STEP_INFO[step.type];
  const sel = step.columns;
  const headers = [...new Set(columns.map((c) => c.header))];
  if (info.singleColumn) {
    return (
      <Field label="Column" issues={issues}>
        {(a) => (
          <select {...a} className="select" value={sel?.names?.[0] ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : { names: [e.target.value] }, 'columns')}>
            <option value="">Choose a column…</option>
            {headers.map((h) => (
              <option key={h} value={h}>
                {h === '' ? '(blank)' : h}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  const choosing = sel !== undefined || info.defaultColumns === null;
  const cur = sel ?? {};
  return (
    <div className="columns-field">
      {info.defaultColumns ? (
        <div className="segmented-inline" role="radiogroup" aria-label="Columns">
          <label className={`seg ${choosing ? '' : 'is-on'}`}>
            <input type="radio" name={`cols-${step.id}`} checked={!choosing} onChange={() => onChange(undefined, 'columns')} />
            Default: {describeSelector(info.defaultColumns)}
          </label>
          <label className={`seg ${choosing ? 'is-on' : ''}`}>
            <input type="radio" name={`cols-${step.id}`} checked={choosing} onChange={() => onChange(structuredClone(info.defaultColumns ?? {}), 'columns')} />
            Choose
          </label>
        </div>
      ) : null}
      {choosing ? <SelectorEditor stepId={step.id} sel={cur} headers={headers} onChange={onChange} /> : null}
      <FieldErrors messages={fieldMessages(issues)} />
      {applied ? (
        <p className="help selector-applied" data-testid="applies-to">
          {applied.length === 0 ? 'In the preview this step applied to no column.' : `In the preview: ${applied.map((h) => (h === '' ? '(blank)' : h)).join(', ')}.`}
        </p>
      ) : null}
    </div>
  );
}

/** Columns by name (the dataset's headers, and names it lacks), by type, by kind, by pattern. */
function SelectorEditor({ stepId, sel: cur, headers, onChange }: { stepId: string; sel: ColumnSelector; headers: string[]; onChange: Props['onChange'] }) {
  const missing = (cur.names ?? []).filter((n) => !headers.includes(n));
  return (
    <div className="selector">
      <div className="selector-row">
        <span className="selector-label">By name</span>
        <div className="chips" role="group" aria-label="Columns by name">
          {headers.map((h) => (
            <Chip key={h} on={cur.names?.includes(h) ?? false} onToggle={() => onChange(withPart(cur, 'names', toggled(cur.names, h)), 'columns.names')}>
              {h === '' ? <span className="is-blank">(blank)</span> : h}
            </Chip>
          ))}
          {missing.map((n) => (
            <Chip key={`missing-${n}`} on tone="warning" title="This dataset has no column with this header" onToggle={() => onChange(withPart(cur, 'names', toggled(cur.names, n)), 'columns.names')}>
              {n} (not in this data)
            </Chip>
          ))}
        </div>
      </div>
      <div className="selector-row">
        <span className="selector-label">By type</span>
        <div className="chips" role="group" aria-label="Columns by type">
          {LOGICAL_TYPES.map((t) => (
            <Chip key={t} on={cur.types?.includes(t) ?? false} onToggle={() => onChange(withPart(cur, 'types', toggled(cur.types, t)), 'columns.types')}>
              {t}
            </Chip>
          ))}
        </div>
      </div>
      <div className="selector-row">
        <span className="selector-label">Looks like</span>
        <div className="chips" role="group" aria-label="Columns by detected kind">
          {DETECTED_KINDS.map((k) => (
            <Chip key={k} on={cur.detected?.includes(k) ?? false} onToggle={() => onChange(withPart(cur, 'detected', toggled(cur.detected, k)), 'columns.detected')}>
              {KIND_LABEL[k]}
            </Chip>
          ))}
        </div>
      </div>
      <div className="selector-row">
        <span className="selector-label">Holds personal data</span>
        <div className="chips" role="group" aria-label="Columns by personal-data entity">
          {ENTITY_TYPES.map((e) => (
            <Chip key={e} on={cur.pii?.includes(e) ?? false} onToggle={() => onChange(withPart(cur, 'pii', toggled(cur.pii, e)), 'columns.pii')}>
              {e}
            </Chip>
          ))}
        </div>
      </div>
      <div className="selector-row">
        <label className="selector-label" htmlFor={`pattern-${stepId}`}>
          Header pattern
        </label>
        <input
          id={`pattern-${stepId}`}
          className="input input-mono selector-pattern"
          placeholder="e.g. ^addr|_city$"
          spellCheck={false}
          value={cur.pattern ?? ''}
          onChange={(e) => onChange(withPart(cur, 'pattern', e.target.value), 'columns.pattern')}
        />
      </div>
    </div>
  );
}
