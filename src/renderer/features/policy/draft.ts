// The draft being edited: a policy document and the saved policy it continues (if any), with the
// edits the steps list makes (insert, move, duplicate, remove, replace) as pure functions.
import type { StoredPolicy } from '../../../shared/api/clean-types';
import type { Policy } from '../../../shared/policy/policy';
import type { Step } from '../../../shared/policy/steps';

export interface Draft {
  /** The saved policy this draft is a new version of; null until it is first saved. */
  policyId: string | null;
  policy: Policy;
  /** Where the draft came from, in words ("the standard preset", "recipe.json"). */
  origin?: string;
}

/** `base`, or `base-2`, `base-3`… — the first not taken (step ids are unique in a policy). */
export function uniqueStepId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const clean = base.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 56) || 'step';
  if (!used.has(clean)) return clean;
  for (let n = 2; ; n++) if (!used.has(`${clean}-${n}`)) return `${clean}-${n}`;
}

const withSteps = (d: Draft, steps: Step[]): Draft => ({ ...d, policy: { ...d.policy, steps } });

/** Inserts a step (at the end, or at `at`). */
export function insertStep(d: Draft, step: Step, at = d.policy.steps.length): Draft {
  const steps = [...d.policy.steps];
  steps.splice(Math.max(0, Math.min(at, steps.length)), 0, step);
  return withSteps(d, steps);
}

/** Moves a step by `delta` places; unchanged at either end. */
export function moveStep(d: Draft, id: string, delta: number): Draft {
  const steps = [...d.policy.steps];
  const i = steps.findIndex((s) => s.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= steps.length) return d;
  const [s] = steps.splice(i, 1);
  steps.splice(j, 0, s as Step);
  return withSteps(d, steps);
}

/** Moves a step to position `to` (drag and drop). */
export function moveStepTo(d: Draft, id: string, to: number): Draft {
  const i = d.policy.steps.findIndex((s) => s.id === id);
  return i < 0 ? d : moveStep(d, id, Math.max(0, Math.min(to, d.policy.steps.length - 1)) - i);
}

export function removeStep(d: Draft, id: string): Draft {
  return withSteps(d, d.policy.steps.filter((s) => s.id !== id));
}

/** A copy right after the original, with a fresh id; returns the copy's id too. */
export function duplicateStep(d: Draft, id: string): { draft: Draft; id: string | null } {
  const i = d.policy.steps.findIndex((s) => s.id === id);
  const s = d.policy.steps[i];
  if (!s) return { draft: d, id: null };
  const copyId = uniqueStepId(`${s.id}-copy`, d.policy.steps.map((x) => x.id));
  return { draft: insertStep(d, { ...structuredClone(s), id: copyId }, i + 1), id: copyId };
}

export function replaceStep(d: Draft, id: string, next: Step): Draft {
  return withSteps(d, d.policy.steps.map((s) => (s.id === id ? next : s)));
}

/** JSON with object keys sorted, so equal content gives equal text whatever the key order. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stable(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** What a save keeps: the content the user edits (not the version bookkeeping). */
export function contentKey(p: Policy): string {
  return stable({ name: p.name, description: p.description, steps: p.steps });
}

/**
 * After a save: every snapshot of this draft's lineage (the same policyId, or none before its
 * first save) now continues the stored policy, with its version, author and edit list — so an
 * undo after saving does not fork a new policy or lose the edit record.
 */
export function attachSaved(d: Draft, lineage: string | null, stored: StoredPolicy): Draft {
  if (d.policyId !== lineage) return d;
  const { version, author, createdAt, edits } = stored.policy;
  return { ...d, policyId: stored.policyId, policy: { ...d.policy, version, author, createdAt, edits } };
}
