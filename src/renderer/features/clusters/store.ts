// Which column's cluster dialog is open (on the open dataset version).
import { create } from 'zustand';
import { useDatasets } from '../datasets/store';

export interface ClusterTarget {
  datasetId: string;
  version: number;
  columnId: string;
}

interface ClusterDialogState {
  target: ClusterTarget | null;
  /** Opens the dialog on a column of the open dataset version. */
  open(columnId: string): void;
  close(): void;
}

export const useClusterDialog = create<ClusterDialogState>((set) => ({
  target: null,
  open(columnId) {
    const d = useDatasets.getState().detail;
    if (d) set({ target: { datasetId: d.dataset.id, version: d.version.version, columnId } });
  },
  close() {
    set({ target: null });
  },
}));
