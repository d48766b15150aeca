// The status bar under the grid: row count, visible range, sort, filter and changed-rows state,
// a running view job with Cancel, the selected cell, and the inspector toggle.
import { useSyncExternalStore } from 'react';
import { formatCount, plural } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { percentOf } from '../jobs/JobProgress';
import { useJobs } from '../jobs/store';
import { cancelJob } from '../jobs/wait';
import { headerLabel } from './columns';
import { shownTotal, useGrid } from './store';
import type { WindowCache } from './window-cache';

export function StatusBar({ cache }: { cache: WindowCache }) {
  const target = useGrid((s) => s.target);
  const view = useGrid((s) => s.view);
  const range = useGrid((s) => s.range);
  const selection = useGrid((s) => s.selection);
  const sortRequested = useGrid((s) => s.sort);
  const changesRequested = useGrid((s) => s.changes);
  const viewJobId = useGrid((s) => s.viewJobId);
  const inspectorOpen = useGrid((s) => s.inspectorOpen);
  const setInspectorOpen = useGrid((s) => s.setInspectorOpen);
  const job = useJobs((s) => (viewJobId ? s.jobs[viewJobId] : undefined));
  useSyncExternalStore(cache.subscribe, cache.getVersion);
  if (!target) return null;

  const total = shownTotal({ target, view });
  const byId = (id: string | undefined) => target.columns.find((c) => c.id === id);
  const sortCol = byId(view?.sort?.columnId);
  const selCol = target.columns[selection.col];
  const selRowId = total > 0 ? cache.rowId(selection.row) : undefined;
  const pct = job ? percentOf(job) : null;
  const sortChanging = sortRequested?.columnId !== view?.sort?.columnId || sortRequested?.direction !== view?.sort?.direction;
  const building = sortChanging ? 'Sorting' : changesRequested !== null && !view?.changes ? 'Finding changed rows' : 'Filtering';

  return (
    <footer className="statusbar" role="group" aria-label="Grid status">
      <span className="sb-item" data-testid="row-count">
        {view?.filter || view?.changes ? (
          <>
            <strong className="num">{formatCount(total)}</strong>&nbsp;of {plural(target.rowCount, 'row')}
          </>
        ) : (
          <strong className="num">{plural(total, 'row')}</strong>
        )}
      </span>
      {total > 0 && range.last >= range.first ? (
        <span className="sb-item num" data-testid="visible-range">
          Showing {formatCount(range.first + 1)}–{formatCount(range.last + 1)}
        </span>
      ) : null}
      {sortCol && view?.sort ? (
        <span className="sb-item sb-state">
          <Icon name={view.sort.direction === 'asc' ? 'arrowUp' : 'arrowDown'} size={12} />
          Sorted by {headerLabel(sortCol)} ({view.sort.direction === 'asc' ? 'ascending' : 'descending'})
        </span>
      ) : null}
      {view?.filter ? (
        <span className="sb-item sb-state">
          <Icon name="search" size={12} /> Filtered: “{view.filter}”
        </span>
      ) : null}
      {view?.changes ? (
        <span className="sb-item sb-state">
          <Icon name="diff" size={12} /> Changed rows only
        </span>
      ) : null}
      {viewJobId ? (
        <span className="sb-item sb-job" role="status">
          <span className="spinner" aria-hidden="true" />
          {building}… {pct === null ? '' : `${pct}%`}
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => void cancelJob(viewJobId)}>
            Cancel
          </button>
        </span>
      ) : null}
      {cache.error ? (
        <span className="sb-item sb-error" role="alert" title={cache.error}>
          <Icon name="errorCircle" size={12} /> Rows could not be loaded: {cache.error}
        </span>
      ) : null}
      <span className="sb-spacer" />
      {selCol && total > 0 ? (
        <span className="sb-item sb-cell" title={headerLabel(selCol)}>
          Row {formatCount(selection.row + 1)}
          {selRowId !== undefined ? ` · id ${formatCount(selRowId)}` : ''} · {headerLabel(selCol)}
        </span>
      ) : null}
      <button
        type="button"
        className={`btn btn-sm btn-ghost ${inspectorOpen ? 'is-active' : ''}`}
        aria-pressed={inspectorOpen}
        onClick={() => setInspectorOpen(!inspectorOpen)}
      >
        <Icon name="inspect" size={13} /> Inspector
      </button>
    </footer>
  );
}
