// The policy screens' selection (which policy's detail shows; which queue item) and a refresh
// counter bumped after a transition, a save ('policies.changed') or a switch of identity.
import { create } from 'zustand';
import { useGovernance } from '../governance/store';

interface PoliciesState {
  selected: string | null;
  queueSelected: string | null;
  /** Bumped to make every policy screen fetch again. */
  nonce: number;
  select(policyId: string | null): void;
  selectQueue(key: string | null): void;
  refresh(): void;
}

export const usePolicies = create<PoliciesState>((set) => ({
  selected: null,
  queueSelected: null,
  nonce: 0,
  select(selected) {
    set({ selected });
  },
  selectQueue(queueSelected) {
    set({ queueSelected });
  },
  refresh() {
    set((s) => ({ nonce: s.nonce + 1 }));
  },
}));

/** "Open in Governance": the policy's detail in the Policies tab. */
export function openPolicyInGovernance(policyId: string): void {
  usePolicies.getState().select(policyId);
  useGovernance.getState().show('policies');
}
