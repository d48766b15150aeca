// The diff view's toolbar above the grid: what the run changed, "Changed rows only", the active
// step/column filters, Previous/Next change (Shift+F8 / F8) and the steps panel.
import { useEffect } from 'react';
import { STEP_INFO } from '../../../shared/policy/catalog';
import { plural } from '../../lib/format';
import { modalOpen } from '../../lib/keys';
import { Icon } from '../../ui/Icon';
import { headerLabel } from '../grid/columns';
import { useGrid } from '../grid/store';
import type { WindowCache } from '../grid/window-cache';
import { goToChange } from './navigate';
import { useDiff } from './store';
import './diff.css';

export function DiffBar({ cache }: { cache: WindowCache }) {
  const summary = useDiff((s) => s.summary);
  const stepId = useDiff((s) => s.stepId);
  const columnId = useDiff((s) => s.columnId);
  const changedOnly = useDiff((s) => s.changedOnly);
  const panelOpen = useDiff((s) => s.panelOpen);
  const columns = useGrid((s) => s.target?.columns);
  const building = useGrid((s) => s.viewJobId !== null && s.changes !== null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F8' || e.ctrlKey || e.metaKey || e.altKey || modalOpen()) return;
      e.preventDefault();
      void goToChange(cache, e.shiftKey ? 'previous' : 'next');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [cache]);

  const run = summary?.run;
  if (!summary || !run) return null;
  const d = useDiff.getState();
  const step = run.steps.find((s) => s.stepId === stepId);
  const column = columns?.find((c) => c.id === columnId);
  return (
    <div className="diff-bar" role="toolbar" aria-label="Changes">
      <span className="diff-bar-title">
        <Icon name="diff" size={15} /> Changes
      </span>
      <span className="diff-bar-summary num" data-testid="diff-summary">
        {plural(run.cellsChanged, 'cell')} in {plural(summary.rowsChanged, 'row')}
        {run.rowsRemoved > 0 ? ` · ${plural(run.rowsRemoved, 'row')} removed` : ''}
      </span>
      <label className={`switch ${building ? 'is-busy' : ''}`}>
        <input type="checkbox" role="switch" checked={changedOnly} onChange={(e) => d.setChangedOnly(e.target.checked)} />
        <span className="switch-track" aria-hidden="true" />
        Changed rows only
      </label>
      {step ? (
        <span className="filter-chip">
          Step: {STEP_INFO[step.stepType].label} <span className="mono">{step.stepId}</span>
          <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Show every step’s changes" onClick={() => d.setStep(null)}>
            <Icon name="x" size={12} />
          </button>
        </span>
      ) : null}
      {column ? (
        <span className="filter-chip">
          Column: {headerLabel(column)}
          <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Show every column’s changes" onClick={() => d.setColumn(null)}>
            <Icon name="x" size={12} />
          </button>
        </span>
      ) : null}
      <span className="diff-bar-spacer" />
      <button type="button" className="btn btn-sm" title="Previous change (Shift+F8)" aria-keyshortcuts="Shift+F8" aria-label="Previous change" onClick={() => void goToChange(cache, 'previous')}>
        <Icon name="chevronUp" size={14} /> Previous
      </button>
      <button type="button" className="btn btn-sm" title="Next change (F8)" aria-keyshortcuts="F8" aria-label="Next change" onClick={() => void goToChange(cache, 'next')}>
        <Icon name="chevronDown" size={14} /> Next change <kbd className="kbd">F8</kbd>
      </button>
      <button
        type="button"
        className={`btn btn-sm btn-ghost btn-icon ${panelOpen ? 'is-active' : ''}`}
        aria-pressed={panelOpen}
        aria-label="Steps panel"
        title="Steps panel: the run’s steps and columns with their counts"
        onClick={() => d.setPanelOpen(!panelOpen)}
      >
        <Icon name="panelRight" size={14} />
      </button>
    </div>
  );
}
