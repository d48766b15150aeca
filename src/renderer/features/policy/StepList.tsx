// The policy's steps in order: select one to edit it; switch it on or off; move it (buttons,
// Alt+↑/↓, or drag), duplicate or remove it; its preview counts and problems at a glance.
import { useState } from 'react';
import type { StepReport } from '../../../shared/api/clean-types';
import { STEP_INFO } from '../../../shared/policy/catalog';
import type { Step } from '../../../shared/policy/steps';
import { formatCount, plural } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { AddStepMenu } from './AddStepMenu';
import { usePolicyDraft } from './store';

interface Props {
  steps: Step[];
  selectedId: string | undefined;
  issueCounts: Map<number, number>;
  reports: Map<string, StepReport>;
  stale: boolean;
}

function focusStep(id: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-step-id="${CSS.escape(id)}"] .step-main`)?.focus());
}

export function StepList({ steps, selectedId, issueCounts, reports, stale }: Props) {
  const [dragging, setDragging] = useState<string | null>(null);
  const d = usePolicyDraft.getState();
  const move = (id: string, delta: number) => {
    d.moveStep(id, delta);
    focusStep(id);
  };
  return (
    <section className="pe-steps" aria-label="Steps">
      <header className="pe-steps-head">
        <h2>
          Steps <span className="sidebar-count num">{steps.length}</span>
        </h2>
        <AddStepMenu />
      </header>
      <ol className="step-list">
        {steps.map((s, i) => {
          const info = STEP_INFO[s.type];
          const report = reports.get(s.id);
          const problems = issueCounts.get(i) ?? 0;
          return (
            <li
              key={`${i}-${s.id}`}
              data-step-id={s.id}
              className={`step-item ${selectedId === s.id ? 'is-selected' : ''} ${s.enabled ? '' : 'is-off'} ${dragging === s.id ? 'is-dragging' : ''}`}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData('text/x-step-id', s.id);
                e.dataTransfer.effectAllowed = 'move';
                setDragging(s.id);
              }}
              onDragEnd={() => setDragging(null)}
              onDragOver={(e) => {
                if (e.dataTransfer.types.includes('text/x-step-id')) e.preventDefault();
              }}
              onDrop={(e) => {
                const id = e.dataTransfer.getData('text/x-step-id');
                if (!id) return;
                e.preventDefault();
                setDragging(null);
                d.moveStepTo(id, i);
              }}
              onKeyDown={(e) => {
                if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                e.preventDefault();
                move(s.id, e.key === 'ArrowUp' ? -1 : 1);
              }}
            >
              <span className="step-grip" aria-hidden="true">
                <Icon name="grip" size={14} />
              </span>
              <input type="checkbox" className="step-toggle" checked={s.enabled} aria-label={`Step ${s.id} on`} onChange={(e) => d.updateStep(s.id, (x) => ({ ...x, enabled: e.target.checked }))} />
              <button
                type="button"
                className="step-main"
                aria-current={selectedId === s.id ? 'true' : undefined}
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                title="Alt+↑ / Alt+↓ moves the step"
                onClick={() => d.select(s.id)}
              >
                <span className="step-n num">{i + 1}</span>
                <span className="step-text">
                  <span className="step-label">{info.label}</span>
                  <span className="step-id mono">{s.id}</span>
                </span>
                <StepBadges report={report} stale={stale} problems={problems} />
              </button>
              <span className="step-actions">
                <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Move ${s.id} up`} disabled={i === 0} onClick={() => move(s.id, -1)}>
                  <Icon name="arrowUp" size={13} />
                </button>
                <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Move ${s.id} down`} disabled={i === steps.length - 1} onClick={() => move(s.id, 1)}>
                  <Icon name="arrowDown" size={13} />
                </button>
                <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Duplicate ${s.id}`} onClick={() => d.duplicateStep(s.id)}>
                  <Icon name="copy" size={13} />
                </button>
                <button type="button" className="btn btn-ghost btn-icon btn-sm step-remove" aria-label={`Remove ${s.id}`} onClick={() => d.removeStep(s.id)}>
                  <Icon name="trash" size={13} />
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function StepBadges({ report, stale, problems }: { report: StepReport | undefined; stale: boolean; problems: number }) {
  if (problems > 0) return <span className="badge badge-danger">{plural(problems, 'problem')}</span>;
  if (!report) return null;
  return (
    <span className={`step-counts ${stale ? 'is-stale' : ''}`} data-testid="step-counts">
      {report.rowsRemoved > 0 ? <span className="count count-rows">−{plural(report.rowsRemoved, 'row')}</span> : null}
      {report.rowsRemoved === 0 || report.cellsChanged > 0 ? <span className={`count ${report.cellsChanged > 0 ? 'count-cells' : ''}`}>{plural(report.cellsChanged, 'cell')}</span> : null}
      {report.failures > 0 ? <span className="count count-fail">{formatCount(report.failures)} failed</span> : null}
    </span>
  );
}
