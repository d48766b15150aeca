// The diff view of a version a cleaning run wrote: its summary (run, steps, per-column counts),
// the step and column filters, "changed rows only" (a grid view over the ledger) and the panel.
import { create } from 'zustand';
import type { DiffSummary } from '../../../shared/api/clean-types';
import { api } from '../../api';
import { useGrid } from '../grid/store';
import { applyView } from '../grid/view';
import { notifyError } from '../notices/store';

interface DiffState {
  /** `datasetId:version` the summary is for; null when the open version has no run. */
  key: string | null;
  summary: DiffSummary | null;
  stepId: string | null;
  columnId: string | null;
  changedOnly: boolean;
  panelOpen: boolean;
  provenanceOpen: boolean;
  /** Loads the summary of a run's version (or clears it for an imported one); resets the filters. */
  load(datasetId: string, version: number, hasRun: boolean): Promise<void>;
  setStep(stepId: string | null): void;
  setColumn(columnId: string | null): void;
  setChangedOnly(on: boolean): void;
  setPanelOpen(open: boolean): void;
  setProvenanceOpen(open: boolean): void;
}

/** Pushes the filters into the grid's view when "changed rows only" is on. */
function syncView(s: Pick<DiffState, 'changedOnly' | 'stepId' | 'columnId'>): void {
  const changes = s.changedOnly ? { ...(s.stepId ? { stepId: s.stepId } : {}), ...(s.columnId ? { columnId: s.columnId } : {}) } : null;
  useGrid.getState().setChanges(changes);
  void applyView();
}

export const useDiff = create<DiffState>((set, get) => ({
  key: null,
  summary: null,
  stepId: null,
  columnId: null,
  changedOnly: false,
  panelOpen: true,
  provenanceOpen: false,
  async load(datasetId, version, hasRun) {
    const key = `${datasetId}:${version}`;
    // Opening a version starts its grid afresh (no view), so the filters start afresh too; the
    // summary is read again (the same ids may name another workspace's dataset by now).
    set({ key: hasRun ? key : null, summary: null, stepId: null, columnId: null, changedOnly: false, provenanceOpen: false });
    if (!hasRun) return;
    const r = await api.send('diff.summary', { datasetId, version });
    if (get().key !== key) return;
    if (r.ok) set({ summary: r.value });
    else notifyError('The changes of this version could not be read', r.error);
  },
  setStep(stepId) {
    set({ stepId });
    if (get().changedOnly) syncView(get());
  },
  setColumn(columnId) {
    set({ columnId });
    if (get().changedOnly) syncView(get());
  },
  setChangedOnly(changedOnly) {
    set({ changedOnly });
    syncView(get());
  },
  setPanelOpen(panelOpen) {
    set({ panelOpen });
  },
  setProvenanceOpen(provenanceOpen) {
    set({ provenanceOpen });
  },
}));

/** The diff view is on: the open version was written by a run and its summary is loaded. */
export function diffActive(s: Pick<DiffState, 'summary'>): boolean {
  return s.summary?.run != null;
}
