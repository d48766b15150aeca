// The selected step's editor: what it is, its id and switch, the columns it applies to, its row
// filter, its settings and what the preview says about it. Every change is one undoable edit.
import { useMemo, type ReactNode } from 'react';
import type { LedgerEntry, StepReport } from '../../../shared/api/clean-types';
import type { ColumnInfo } from '../../../shared/api/types';
import { STEP_INFO } from '../../../shared/policy/catalog';
import type { PolicyIssue } from '../../../shared/policy/policy';
import type { Step } from '../../../shared/policy/steps';
import { Icon } from '../../ui/Icon';
import { ColumnsField } from './ColumnsField';
import { Field } from './fields';
import { placeStepIssues } from './issues';
import { GROUP_LABEL } from './AddStepMenu';
import { hasParams, PARAM_FIELDS, StepParams } from './StepParams';
import { StepPreview } from './StepPreview';
import { usePolicyDraft } from './store';
import { WhereField } from './WhereField';

interface Props {
  step: Step;
  index: number;
  issues: PolicyIssue[];
  columns: ColumnInfo[];
  report: StepReport | undefined;
  stale: boolean;
  changes: LedgerEntry[];
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="step-section">
      <h3 className="step-section-title">{title}</h3>
      {children}
    </section>
  );
}

export function StepEditor({ step, index, issues, columns, report, stale, changes }: Props) {
  const info = STEP_INFO[step.type];
  const fields = useMemo(() => ['id', 'columns', 'where', 'enabled', 'params', ...PARAM_FIELDS[step.type].map((f) => `params.${f}`)], [step.type]);
  const placed = useMemo(() => placeStepIssues(issues, index, fields), [issues, index, fields]);
  const update = (fn: (s: Step) => Step, key: string) => usePolicyDraft.getState().updateStep(step.id, fn, key);
  const applied = report ? report.columnIds.map((id) => columns.find((c) => c.id === id)?.header ?? id) : null;
  const paramsIssues = placed.fields.params;
  return (
    <section className="pe-detail" aria-label={`Step ${index + 1}: ${info.label}`}>
      <header className="step-head">
        <div className="step-head-title">
          <h2>{info.label}</h2>
          <span className="badge">{GROUP_LABEL[info.group]}</span>
          {step.enabled ? null : <span className="badge badge-warning">off</span>}
          <span className="pe-spacer" />
          <label className="check step-enabled">
            <input type="checkbox" checked={step.enabled} onChange={(e) => update((s) => ({ ...s, enabled: e.target.checked }), 'enabled')} />
            Step is on
          </label>
        </div>
        <p className="muted step-desc">{info.description}</p>
        <Field label="Step id" issues={placed.fields.id} className="field-inline">
          {(a) => (
            <input
              {...a}
              className="input input-mono step-id-input"
              value={step.id}
              spellCheck={false}
              title="Recorded with every change the step makes (the provenance’s step_id)"
              onChange={(e) => update((s) => ({ ...s, id: e.target.value }), 'id')}
            />
          )}
        </Field>
      </header>
      {placed.other.length > 0 || (paramsIssues?.length ?? 0) > 0 ? (
        <div className="banner banner-error" role="alert">
          <Icon name="errorCircle" />
          <div className="banner-body">
            <ul>
              {[...placed.other, ...(paramsIssues ?? []).map((i) => i.message)].map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <Section title="Columns">
        <ColumnsField
          step={step}
          columns={columns}
          issues={placed.fields.columns}
          applied={stale ? null : applied}
          onChange={(columns, key) =>
            update((s) => {
              const { columns: _old, ...rest } = s;
              return (columns === undefined ? rest : { ...rest, columns }) as Step;
            }, key)
          }
        />
      </Section>
      <Section title="Rows">
        <WhereField
          where={step.where}
          columns={columns}
          issues={placed.fields.where}
          required={info.needsWhere === true}
          onChange={(where, key) =>
            update((s) => {
              const { where: _old, ...rest } = s;
              return (where === undefined ? rest : { ...rest, where }) as Step;
            }, key)
          }
        />
      </Section>
      {hasParams(step.type) ? (
        <Section title="Settings">
          <StepParams step={step} issues={placed} onParams={(params, key) => update((s) => ({ ...s, params }) as Step, `params.${key}`)} />
        </Section>
      ) : null}
      <Section title="Preview">
        <StepPreview report={report} stale={stale} changes={changes} columns={columns} />
      </Section>
    </section>
  );
}
