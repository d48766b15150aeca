// Which tab of the open dataset shows (Data, Profile, …): kept while datasets change, so moving
// between datasets stays on the same kind of view.
import { create } from 'zustand';

interface TabState {
  tab: string;
  setTab(tab: string): void;
}

export const useDatasetTab = create<TabState>((set) => ({
  tab: 'data',
  setTab(tab) {
    set({ tab });
  },
}));
