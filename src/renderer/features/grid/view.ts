// Sorting, filtering and "changed rows only": each change builds a view as a job (grid.openView);
// the newest request wins (older jobs are cancelled), and the grid switches to the view once it
// is built.
import type { ViewInfo } from '../../../shared/api/types';
import { api } from '../../api';
import { cancelJob, waitForJob } from '../jobs/wait';
import { notifyError } from '../notices/store';
import { useGrid, type AppliedView, type ChangesFilter } from './store';

let latest = 0;

function isViewInfo(v: unknown): v is ViewInfo {
  return typeof v === 'object' && v !== null && typeof (v as ViewInfo).viewId === 'string' && typeof (v as ViewInfo).total === 'number';
}

function sameChanges(a: ChangesFilter | null, b: ChangesFilter | null): boolean {
  if (a === null || b === null) return a === b;
  return a.stepId === b.stepId && a.columnId === b.columnId;
}

function closeView(view: AppliedView | null): void {
  if (view) void api.send('grid.closeView', { viewId: view.viewId });
}

/** Builds the view the user asked for (or returns to the plain table when nothing is asked). */
export async function applyView(): Promise<void> {
  const mine = ++latest;
  const s = useGrid.getState();
  const target = s.target;
  if (!target) return;
  if (s.viewJobId) void cancelJob(s.viewJobId);
  const filter = s.filter.trim();
  const sort = s.sort;
  const changes = s.changes;
  const before = s.view;
  if (before && before.filter === filter && before.sort?.columnId === sort?.columnId && before.sort?.direction === sort?.direction && sameChanges(before.changes, changes)) {
    useGrid.setState({ viewJobId: null });
    return;
  }
  if (!filter && !sort && !changes) {
    useGrid.setState({ view: null, viewJobId: null, selection: { ...s.selection, row: 0 } });
    closeView(before);
    return;
  }
  const r = await api.send('grid.openView', {
    datasetId: target.datasetId,
    version: target.version,
    spec: { ...(filter ? { filter: { text: filter } } : {}), ...(sort ? { sort: [sort] } : {}), ...(changes ? { changes } : {}) },
  });
  if (!r.ok) {
    if (mine === latest) useGrid.setState({ viewJobId: null, sort: before?.sort ?? null, changes: before?.changes ?? null });
    notifyError(sort ? 'The rows could not be sorted' : 'The rows could not be filtered', r.error);
    return;
  }
  if (mine !== latest || useGrid.getState().target !== target) {
    void cancelJob(r.value.jobId);
    return;
  }
  useGrid.setState({ viewJobId: r.value.jobId });
  const job = await waitForJob(r.value.jobId);
  const stale = mine !== latest || useGrid.getState().target !== target;
  if (stale) {
    if (job.state === 'succeeded' && isViewInfo(job.result)) void api.send('grid.closeView', { viewId: job.result.viewId });
    return;
  }
  if (job.state === 'succeeded' && isViewInfo(job.result)) {
    const current = useGrid.getState().view;
    useGrid.setState({
      view: { viewId: job.result.viewId, total: job.result.total, sort, filter, changes },
      viewJobId: null,
      selection: { ...useGrid.getState().selection, row: 0 },
    });
    closeView(current);
    return;
  }
  // Cancelled or failed: go back to what is shown, so the header and box match the grid.
  useGrid.setState({
    viewJobId: null,
    sort: before?.sort ?? null,
    changes: before?.changes ?? null,
    filter: job.state === 'cancelled' ? (before?.filter ?? '') : useGrid.getState().filter,
  });
  if (job.state === 'failed' && job.error) notifyError(sort ? 'The rows could not be sorted' : 'The rows could not be filtered', job.error);
}

/** Forgets the open view when the dataset closes (the engine drops its scratch table). */
export function dropView(): void {
  latest++;
  const s = useGrid.getState();
  if (s.viewJobId) void cancelJob(s.viewJobId);
  closeView(s.view);
}
