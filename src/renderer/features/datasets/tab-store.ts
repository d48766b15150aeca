// Which view of the open dataset is showing: its rows (Data) or the cleaning policy (Policy).
import { create } from 'zustand';

export type DatasetTabId = 'data' | 'policy';

interface TabState {
  tab: DatasetTabId;
  setTab(tab: DatasetTabId): void;
}

export const useDatasetTab = create<TabState>((set) => ({
  tab: 'data',
  setTab(tab) {
    set({ tab });
  },
}));
