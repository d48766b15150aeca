// "Next change" / "Previous change" (F8 / Shift+F8): first the next changed cell in the selected
// row, then the next changed row the engine finds (diff.next, in the version or the open view),
// landing on its first (or last) changed column, with the inspector showing the change.
import { api } from '../../api';
import { useGrid } from '../grid/store';
import type { WindowCache } from '../grid/window-cache';
import { notify, notifyError } from '../notices/store';
import { changedColumnInRow, entryColumn } from './next-change';
import { useDiff } from './store';

type Direction = 'next' | 'previous';

function filters(): { stepId?: string; columnId?: string } {
  const { stepId, columnId } = useDiff.getState();
  return { ...(stepId ? { stepId } : {}), ...(columnId ? { columnId } : {}) };
}

/** The changed column ids of the row at grid position `row` (from the cache, else the engine). */
async function changedIn(cache: WindowCache, row: number): Promise<Set<string>> {
  const cached = cache.rowChanges(row);
  if (cached) return new Set(cached.map((e) => e.columnId ?? ''));
  const g = useGrid.getState();
  if (!g.target) return new Set();
  const { datasetId, version } = g.target;
  const w = await api.send('grid.window', { datasetId, version, ...(g.view ? { viewId: g.view.viewId } : {}), offset: row, limit: 1, columnIds: [] });
  const rowId = w.ok ? w.value.rowIds[0] : undefined;
  if (rowId === undefined) return new Set();
  const c = await api.send('diff.cells', { datasetId, version, rowIds: [rowId], ...filters() });
  return new Set(c.ok ? c.value.map((e) => e.columnId ?? '') : []);
}

export async function goToChange(cache: WindowCache, direction: Direction): Promise<void> {
  const g = useGrid.getState();
  if (!g.target || !useDiff.getState().summary?.run) return;
  const columns = g.target.columns;
  const { row, col } = g.selection;
  const here = cache.rowChanges(row);
  if (here) {
    const k = changedColumnInRow(new Set(here.map((e) => e.columnId ?? '')), columns, col, direction);
    if (k !== null) return show(row, k);
  }
  const { datasetId, version } = g.target;
  const r = await api.send('diff.next', { datasetId, version, ...(g.view ? { viewId: g.view.viewId } : {}), from: row, direction, ...filters() });
  if (!r.ok) return notifyError('The next change could not be found', r.error);
  if (r.value.offset === null) {
    notify('info', direction === 'next' ? 'No more changes below' : 'No more changes above', direction === 'next' ? 'This is the last changed row.' : 'This is the first changed row.');
    return;
  }
  const offset = r.value.offset;
  show(offset, entryColumn(await changedIn(cache, offset), columns, direction));
}

function show(row: number, col: number): void {
  const g = useGrid.getState();
  g.goTo({ row, col });
  if (!g.inspectorOpen) g.setInspectorOpen(true);
}
