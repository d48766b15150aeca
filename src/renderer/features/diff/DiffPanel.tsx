// The diff view's side panel: the run's steps with the cells each changed and the rows it
// removed, and the columns with their changed cells; clicking one shows only its changes.
import type { StepReport } from '../../../shared/api/clean-types';
import { formatCount, plural } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { headerLabel } from '../grid/columns';
import { useGrid } from '../grid/store';
import { useDiff } from './store';

function stepCounts(s: StepReport): string {
  if (!s.enabled) return 'off';
  const parts = [s.cellsChanged > 0 || s.rowsRemoved === 0 ? plural(s.cellsChanged, 'cell') : '', s.rowsRemoved > 0 ? `${plural(s.rowsRemoved, 'row')} removed` : ''];
  return parts.filter(Boolean).join(' · ');
}

export function DiffPanel() {
  const summary = useDiff((s) => s.summary);
  const stepId = useDiff((s) => s.stepId);
  const columnId = useDiff((s) => s.columnId);
  const columns = useGrid((s) => s.target?.columns ?? []);
  const run = summary?.run;
  if (!summary || !run) return null;
  const d = useDiff.getState();
  return (
    <aside className="diff-panel" aria-label="Changes by step">
      <header className="inspector-head">
        <h2>Run {run.runId}</h2>
        <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Close the steps panel" onClick={() => d.setPanelOpen(false)}>
          <Icon name="x" size={14} />
        </button>
      </header>
      <dl className="facts diff-facts">
        <div className="fact">
          <dt>Policy</dt>
          <dd>
            {run.policyName} <span className="faint">v{run.policyVersion}</span>
          </dd>
        </div>
        <div className="fact">
          <dt>Rows</dt>
          <dd className="num">
            {formatCount(run.rowsIn)} → {formatCount(run.rowsOut)}
          </dd>
        </div>
        <div className="fact">
          <dt>Changed</dt>
          <dd className="num">
            {plural(run.cellsChanged, 'cell')} in {plural(summary.rowsChanged, 'row')}
          </dd>
        </div>
      </dl>
      <h3 className="diff-panel-h">Steps</h3>
      <ul className="diff-list" aria-label="Steps of the run">
        {run.steps.map((s, i) => (
          <li key={s.stepId}>
            <button
              type="button"
              className={`diff-item ${stepId === s.stepId ? 'is-on' : ''} ${s.cellsChanged + s.rowsRemoved === 0 ? 'is-quiet' : ''}`}
              aria-pressed={stepId === s.stepId}
              title={stepId === s.stepId ? 'Show every step’s changes' : `Show only the changes of ${s.label}`}
              onClick={() => d.setStep(stepId === s.stepId ? null : s.stepId)}
            >
              <span className="diff-item-n num">{i + 1}</span>
              <span className="diff-item-text">
                <span className="diff-item-label">{s.label}</span>
                <span className="diff-item-id mono">{s.stepId}</span>
              </span>
              <span className="diff-item-count num">{stepCounts(s)}</span>
            </button>
          </li>
        ))}
      </ul>
      <h3 className="diff-panel-h">Columns</h3>
      {summary.columns.length === 0 ? <p className="help">No cell changed.</p> : null}
      <ul className="diff-list" aria-label="Changed columns">
        {summary.columns.map((c) => {
          const col = columns.find((x) => x.id === c.columnId);
          const name = col ? headerLabel(col) : c.columnId;
          return (
            <li key={c.columnId}>
              <button
                type="button"
                className={`diff-item ${columnId === c.columnId ? 'is-on' : ''}`}
                aria-pressed={columnId === c.columnId}
                onClick={() => d.setColumn(columnId === c.columnId ? null : c.columnId)}
              >
                <span className="diff-item-text">
                  <span className="diff-item-label">{name}</span>
                </span>
                <span className="diff-item-count num">{plural(c.cellsChanged, 'cell')}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="help diff-panel-help">Click a step or a column to highlight (and jump between) only its changes.</p>
    </aside>
  );
}
