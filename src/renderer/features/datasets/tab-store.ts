// Which view of the open dataset shows (Data, Profile, Personal data, Duplicates, Policy): kept while datasets change, so
// moving between datasets stays on the same kind of view.
import { create } from 'zustand';

export type DatasetTabId = 'data' | 'profile' | 'pii' | 'dedupe' | 'policy';

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
