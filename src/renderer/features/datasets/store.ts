// The workspace's datasets (the sidebar list) and the one that is open (its detail: columns,
// source facts, import warnings). Opening a dataset points the grid at it.
import { useGovernance } from '../governance/store';
import { create } from 'zustand';
import type { DatasetDetail, DatasetSummary } from '../../../shared/api/types';
import { api } from '../../api';
import { useGrid } from '../grid/store';
import { dropView } from '../grid/view';
import { notify, notifyError } from '../notices/store';

interface DatasetsState {
  list: DatasetSummary[];
  loaded: boolean;
  detail: DatasetDetail | null;
  opening: string | null;
  dismissedWarnings: Record<string, true>;
  pendingDelete: DatasetSummary | null;
  refresh(): Promise<void>;
  open(datasetId: string, version?: number): Promise<boolean>;
  close(): void;
  dismissWarnings(key: string): void;
  askDelete(d: DatasetSummary | null): void;
  remove(datasetId: string): Promise<boolean>;
}

export const warningKey = (d: DatasetDetail): string => `${d.dataset.id}:${d.version.version}`;

export const useDatasets = create<DatasetsState>((set, get) => ({
  list: [],
  loaded: false,
  detail: null,
  opening: null,
  dismissedWarnings: {},
  pendingDelete: null,
  async refresh() {
    const r = await api.send('dataset.list', {});
    if (!r.ok) {
      notifyError('The datasets could not be listed', r.error);
      return;
    }
    set({ list: r.value, loaded: true });
    const open = get().detail;
    if (open && !r.value.some((d) => d.id === open.dataset.id)) get().close();
  },
  async open(datasetId, version) {
    // Opening a dataset leaves the governance area for the data.
    useGovernance.getState().setOpen(false);
    set({ opening: datasetId });
    const r = await api.send('dataset.get', { datasetId, ...(version ? { version } : {}) });
    if (get().opening === datasetId) set({ opening: null });
    if (!r.ok) {
      notifyError('The dataset could not be opened', r.error);
      return false;
    }
    const d = r.value;
    dropView();
    set({ detail: d });
    useGrid.getState().open({ datasetId: d.dataset.id, version: d.version.version, columns: d.columns, rowCount: d.version.rowCount });
    return true;
  },
  close() {
    dropView();
    set({ detail: null });
    useGrid.getState().close();
  },
  dismissWarnings(key) {
    set((s) => ({ dismissedWarnings: { ...s.dismissedWarnings, [key]: true } }));
  },
  askDelete(pendingDelete) {
    set({ pendingDelete });
  },
  async remove(datasetId) {
    const r = await api.send('dataset.delete', { datasetId });
    if (!r.ok) {
      notifyError('The dataset could not be deleted', r.error);
      return false;
    }
    const name = get().list.find((d) => d.id === datasetId)?.name ?? datasetId;
    if (get().detail?.dataset.id === datasetId) get().close();
    await get().refresh();
    notify('success', 'Dataset deleted', `${name} was removed from this workspace. The source file was not touched.`);
    return true;
  },
}));
