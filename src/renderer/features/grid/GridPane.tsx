// The open dataset's grid area: builds the window cache for the current dataset version and
// view (with the run's changes in the diff view), and lays out the grid, the cell inspector, the
// diff bar and panel, and the status bar around it.
import { useEffect, useMemo } from 'react';
import type { GridWindow } from '../../../shared/api/types';
import { api } from '../../api';
import { DiffBar } from '../diff/DiffBar';
import { DiffPanel } from '../diff/DiffPanel';
import { diffActive, useDiff } from '../diff/store';
import { CellInspector } from './CellInspector';
import { DataGrid } from './DataGrid';
import { StatusBar } from './StatusBar';
import { shownTotal, useGrid } from './store';
import { WindowCache, type ChangesFetcher, type WindowFetcher } from './window-cache';
import './grid.css';
import './grid-chrome.css';

function fetcher(datasetId: string, version: number, viewId: string | undefined): WindowFetcher {
  return async (offset, limit, columnIds): Promise<GridWindow> => {
    const r = await api.send('grid.window', { datasetId, version, ...(viewId ? { viewId } : {}), offset, limit, columnIds });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
}

function changesFetcher(datasetId: string, version: number, stepId: string | null, columnId: string | null): ChangesFetcher {
  return async (rowIds) => {
    const r = await api.send('diff.cells', { datasetId, version, rowIds, ...(stepId ? { stepId } : {}), ...(columnId ? { columnId } : {}) });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
}

export function GridPane() {
  const target = useGrid((s) => s.target);
  const view = useGrid((s) => s.view);
  const inspectorOpen = useGrid((s) => s.inspectorOpen);
  const viewJobId = useGrid((s) => s.viewJobId);
  const total = shownTotal({ target, view });
  const datasetId = target?.datasetId;
  const version = target?.version;
  const viewId = view?.viewId;
  const diffOn = useDiff((s) => diffActive(s) && s.key === `${datasetId}:${version}`);
  const stepId = useDiff((s) => s.stepId);
  const columnId = useDiff((s) => s.columnId);
  const panelOpen = useDiff((s) => s.panelOpen);
  const cache = useMemo(
    () => (datasetId && version ? new WindowCache(fetcher(datasetId, version, viewId), total) : null),
    [datasetId, version, viewId, total],
  );
  useEffect(() => () => cache?.dispose(), [cache]);
  // The diff view's highlights follow the step and column filters without reloading the rows.
  useEffect(() => {
    if (cache && datasetId && version) cache.setChanges(diffOn ? changesFetcher(datasetId, version, stepId, columnId) : null);
  }, [cache, datasetId, version, diffOn, stepId, columnId]);
  if (!cache) return null;
  return (
    <div className="grid-pane">
      {diffOn ? <DiffBar cache={cache} /> : null}
      <div className="grid-area">
        {viewJobId ? <div className="grid-busy-bar" aria-hidden="true" /> : null}
        <DataGrid cache={cache} />
        {inspectorOpen ? <CellInspector cache={cache} /> : null}
        {diffOn && panelOpen ? <DiffPanel /> : null}
      </div>
      <StatusBar cache={cache} />
    </div>
  );
}
