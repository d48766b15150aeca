// Whether the governance area (policies, approvals, identities, audit log, settings) shows instead
// of the datasets, and which of its tabs: kept while the user moves between it and the data.
import { create } from 'zustand';

export type GovernanceTabId = 'policies' | 'approvals' | 'identities' | 'audit' | 'settings';

interface GovernanceState {
  open: boolean;
  tab: GovernanceTabId;
  setOpen(open: boolean): void;
  /** Opens the area on `tab`. */
  show(tab: GovernanceTabId): void;
  setTab(tab: GovernanceTabId): void;
}

export const useGovernance = create<GovernanceState>((set) => ({
  open: false,
  tab: 'policies',
  setOpen(open) {
    set({ open });
  },
  show(tab) {
    set({ open: true, tab });
  },
  setTab(tab) {
    set({ tab });
  },
}));
