// The policy being edited (`usePolicyDraft`): a draft kept as undoable snapshots, the selected
// step, and which saved version it matches. Other features add steps through `addStep` (e.g.
// the cluster dialog's category aliases) and show the editor through `open()`.
import { create } from 'zustand';
import type { StoredPolicy } from '../../../shared/api/clean-types';
import { newPolicy, type Policy } from '../../../shared/policy/policy';
import type { Step } from '../../../shared/policy/steps';
import { useDatasets } from '../datasets/store';
import { useDatasetTab } from '../datasets/tab-store';
import { notify } from '../notices/store';
import { attachSaved, contentKey, duplicateStep, insertStep, moveStep, moveStepTo, removeStep, replaceStep, type Draft } from './draft';
import { canRedo, canUndo, mapHistory, record, redo, startHistory, undo, type History } from './history';
import { completeStep, type StepToAdd } from './templates';

export const UNTITLED = 'Untitled policy';

interface PolicyDraftState {
  history: History<Draft>;
  selectedId: string | null;
  /** Who is editing (app.info), filled into new policies. */
  actor: string;
  /** `policyId@version` → that saved version's content (for "saved" or "unsaved changes"). */
  saved: Record<string, string>;
  /** Shows the Policy tab of the open dataset. */
  open(): void;
  /** Adds a step at the end (completing its id and defaults), selects it and returns its id. */
  addStep(step: StepToAdd): string;
  /** Any edit of the draft; edits with the same key close together are one undo step. */
  edit(fn: (d: Draft) => Draft, key?: string): void;
  updateStep(id: string, fn: (s: Step) => Step, key?: string): void;
  removeStep(id: string): void;
  moveStep(id: string, delta: number): void;
  moveStepTo(id: string, to: number): void;
  duplicateStep(id: string): void;
  select(id: string | null): void;
  /** Replaces the draft (undoable): a preset, a saved policy, a recipe, or empty. */
  load(policy: Policy, policyId: string | null, origin: string): void;
  markSaved(stored: StoredPolicy): void;
  /** Another workspace opened: the draft stays, but no longer continues a policy saved there. */
  forgetWorkspace(): void;
  setActor(actor: string): void;
  undo(): void;
  redo(): void;
}

const present = (s: { history: History<Draft> }): Draft => s.history.present;

/** After undo/redo: the same step stays selected, or (its id undone) the step in its place. */
function keepSelection(s: { history: History<Draft>; selectedId: string | null }, history: History<Draft>): { history: History<Draft>; selectedId: string | null } {
  const steps = history.present.policy.steps;
  if (s.selectedId === null || steps.some((x) => x.id === s.selectedId)) return { history, selectedId: s.selectedId };
  const at = present(s).policy.steps.findIndex((x) => x.id === s.selectedId);
  return { history, selectedId: steps[Math.min(Math.max(at, 0), steps.length - 1)]?.id ?? null };
}

export const usePolicyDraft = create<PolicyDraftState>((set, get) => ({
  history: startHistory<Draft>({ policyId: null, policy: newPolicy(UNTITLED, '') }),
  selectedId: null,
  actor: '',
  saved: {},
  open() {
    if (!useDatasets.getState().detail) {
      notify('info', 'Open a dataset first', 'A policy is built and previewed on a dataset: choose one in the sidebar.');
      return;
    }
    useDatasetTab.getState().setTab('policy');
  },
  addStep(input) {
    const d = present(get());
    const step = completeStep(input, d.policy.steps.map((s) => s.id));
    set((s) => ({ history: record(s.history, insertStep(d, step)), selectedId: step.id }));
    return step.id;
  },
  edit(fn, key) {
    set((s) => ({ history: record(s.history, fn(present(s)), key === undefined ? {} : { key }) }));
  },
  updateStep(id, fn, key) {
    const steps = present(get()).policy.steps;
    const index = steps.findIndex((s) => s.id === id);
    const step = steps[index];
    if (!step) return;
    const next = fn(step);
    // Keyed by position, not id: typing a new id is one undo step too.
    get().edit((d) => replaceStep(d, id, next), key === undefined ? undefined : `step${index}:${key}`);
    // A renamed id keeps its selection.
    if (next.id !== id && get().selectedId === id) set({ selectedId: next.id });
  },
  removeStep(id) {
    const steps = present(get()).policy.steps;
    const i = steps.findIndex((s) => s.id === id);
    get().edit((d) => removeStep(d, id));
    if (get().selectedId === id) set({ selectedId: (steps[i + 1] ?? steps[i - 1])?.id ?? null });
  },
  moveStep(id, delta) {
    get().edit((d) => moveStep(d, id, delta));
  },
  moveStepTo(id, to) {
    get().edit((d) => moveStepTo(d, id, to));
  },
  duplicateStep(id) {
    const r = duplicateStep(present(get()), id);
    set((s) => ({ history: record(s.history, r.draft), selectedId: r.id ?? s.selectedId }));
  },
  select(selectedId) {
    set({ selectedId });
  },
  load(policy, policyId, origin) {
    set((s) => ({
      history: record(s.history, { policyId, policy, origin }),
      selectedId: policy.steps[0]?.id ?? null,
      saved: policyId ? { ...s.saved, [`${policyId}@${policy.version}`]: contentKey(policy) } : s.saved,
    }));
  },
  markSaved(stored) {
    set((s) => {
      const lineage = s.history.present.policyId;
      return {
        history: mapHistory(s.history, (d) => attachSaved(d, lineage, stored)),
        saved: { ...s.saved, [`${stored.policyId}@${stored.policy.version}`]: contentKey(stored.policy) },
      };
    });
  },
  forgetWorkspace() {
    set((s) => ({ history: mapHistory(s.history, (d) => (d.policyId === null ? d : { ...d, policyId: null })), saved: {} }));
  },
  setActor(actor) {
    set({ actor });
  },
  undo() {
    set((s) => keepSelection(s, undo(s.history)));
  },
  redo() {
    set((s) => keepSelection(s, redo(s.history)));
  },
}));

/** The draft as a policy document (the author filled in for a draft nobody has saved yet). */
export function draftDocument(s: { history: History<Draft>; actor: string }): Policy {
  const p = s.history.present.policy;
  return p.author ? p : { ...p, author: s.actor || 'unknown' };
}

/** The saved version this draft matches exactly, or null (never saved, or edited since). */
export function savedVersion(s: Pick<PolicyDraftState, 'history' | 'saved'>): number | null {
  const d = s.history.present;
  if (!d.policyId) return null;
  return s.saved[`${d.policyId}@${d.policy.version}`] === contentKey(d.policy) ? d.policy.version : null;
}

export const selectCanUndo = (s: PolicyDraftState): boolean => canUndo(s.history);
export const selectCanRedo = (s: PolicyDraftState): boolean => canRedo(s.history);
