// The open dataset's grid area: builds the window cache for the current dataset version and
// view, and lays out the grid, the cell inspector and the status bar around it.
import { useEffect, useMemo } from 'react';
import type { GridWindow } from '../../../shared/api/types';
import { api } from '../../api';
import { CellInspector } from './CellInspector';
import { DataGrid } from './DataGrid';
import { StatusBar } from './StatusBar';
import { shownTotal, useGrid } from './store';
import { WindowCache, type WindowFetcher } from './window-cache';
import './grid.css';
import './grid-chrome.css';

function fetcher(datasetId: string, version: number, viewId: string | undefined): WindowFetcher {
  return async (offset, limit, columnIds): Promise<GridWindow> => {
    const r = await api.send('grid.window', { datasetId, version, ...(viewId ? { viewId } : {}), offset, limit, columnIds });
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
  const cache = useMemo(
    () => (datasetId && version ? new WindowCache(fetcher(datasetId, version, viewId), total) : null),
    [datasetId, version, viewId, total],
  );
  useEffect(() => () => cache?.dispose(), [cache]);
  if (!cache) return null;
  return (
    <div className="grid-pane">
      <div className="grid-area">
        {viewJobId ? <div className="grid-busy-bar" aria-hidden="true" /> : null}
        <DataGrid cache={cache} />
        {inspectorOpen ? <CellInspector cache={cache} /> : null}
      </div>
      <StatusBar cache={cache} />
    </div>
  );
}
