// Auditor mode's state: the open bundle (its verification and file list — never its rows), the
// auditor's trusted signers, and which tab shows. Rows of the ledger and findings are fetched on demand.
import { create } from 'zustand';
import type { BundleFileInfo, BundleProblem, BundleSignerStatus, OpenedBundle, TrustedSigner } from '../../../shared/api/bundle-types';

export type AuditorTabId = 'report' | 'policy' | 'ledger' | 'findings' | 'files';

interface AuditorState {
  bundle: OpenedBundle | null;
  /** A path being opened (verification runs first), for the busy state. */
  opening: string | null;
  trusted: TrustedSigner[];
  tab: AuditorTabId;
  set(patch: Partial<Pick<AuditorState, 'bundle' | 'opening' | 'trusted'>>): void;
  setTab(tab: AuditorTabId): void;
}

export const useAuditor = create<AuditorState>((set) => ({
  bundle: null,
  opening: null,
  trusted: [],
  tab: 'report',
  set(patch) {
    set(patch);
  },
  setTab(tab) {
    set({ tab });
  },
}));

// Selectors return these (never a fresh []) while no bundle is open, so a store read stays stable.
const NO_FILES: BundleFileInfo[] = [];
const NO_PROBLEMS: BundleProblem[] = [];
const NO_SIGNERS: BundleSignerStatus[] = [];
export const useBundleFiles = (): BundleFileInfo[] => useAuditor((s) => s.bundle?.files ?? NO_FILES);
export const useBundleProblems = (): BundleProblem[] => useAuditor((s) => s.bundle?.verification.problems ?? NO_PROBLEMS);
export const useBundleSigners = (): BundleSignerStatus[] => useAuditor((s) => s.bundle?.verification.signers ?? NO_SIGNERS);
