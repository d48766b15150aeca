// A readable diff between two policy versions: steps matched by id (added, removed, moved,
// changed with the parameter paths and their before/after values), policy-level fields, and a
// one-line summary. Bookkeeping (version, edits, createdAt, author) is not a difference.
import type { PolicyChange, PolicyDiff, PolicyStepDiff } from '../../../shared/api/governance-types';
import { STEP_INFO } from '../../../shared/policy/catalog';
import type { Policy } from '../../../shared/policy/policy';
import type { Step } from '../../../shared/policy/steps';

const BOOKKEEPING = new Set(['version', 'edits', 'createdAt', 'author', 'steps']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The paths where `a` and `b` differ; objects are walked, arrays and scalars compared whole. */
export function changesBetween(a: unknown, b: unknown, prefix = '', skip: ReadonlySet<string> = new Set()): PolicyChange[] {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !(prefix === '' && skip.has(k))).sort();
    return keys.flatMap((k) => changesBetween(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  return [{ path: prefix || '(value)', before: a ?? null, after: b ?? null }];
}

/** Ids of the longest common subsequence of two id lists: the steps that kept their relative order. */
function stayedInOrder(a: string[], b: string[]): Set<string> {
  const m = a.length;
  const n = b.length;
  const len: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) len[i]![j] = a[i] === b[j] ? len[i + 1]![j + 1]! + 1 : Math.max(len[i + 1]![j]!, len[i]![j + 1]!);
  }
  const out = new Set<string>();
  for (let i = 0, j = 0; i < m && j < n; ) {
    if (a[i] === b[j]) {
      out.add(a[i]!);
      i++;
      j++;
    } else if (len[i + 1]![j]! >= len[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

const label = (s: Step) => STEP_INFO[s.type].label;

export function diffSteps(from: readonly Step[], to: readonly Step[]): PolicyStepDiff[] {
  const before = new Map(from.map((s, i) => [s.id, { s, i }]));
  const after = new Map(to.map((s, i) => [s.id, { s, i }]));
  const common = (xs: readonly Step[], other: Map<string, unknown>) => xs.map((s) => s.id).filter((id) => other.has(id));
  const kept = stayedInOrder(common(from, after), common(to, before));
  const out: PolicyStepDiff[] = [];
  for (const [i, s] of to.entries()) {
    const old = before.get(s.id);
    if (!old) {
      out.push({ kind: 'added', stepId: s.id, type: s.type, label: label(s), fromIndex: null, toIndex: i, changes: [] });
      continue;
    }
    const changes = changesBetween(old.s, s);
    const kind = changes.length > 0 ? 'changed' : kept.has(s.id) ? 'same' : 'moved';
    out.push({ kind, stepId: s.id, type: s.type, label: label(s), fromIndex: old.i, toIndex: i, changes });
  }
  for (const [i, s] of from.entries()) {
    if (!after.has(s.id)) out.push({ kind: 'removed', stepId: s.id, type: s.type, label: label(s), fromIndex: i, toIndex: null, changes: [] });
  }
  return out;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function diffSummary(policy: PolicyChange[], steps: PolicyStepDiff[]): string {
  const count = (k: PolicyStepDiff['kind']) => steps.filter((s) => s.kind === k).length;
  const parts: string[] = [];
  const added = count('added');
  const rest: [PolicyStepDiff['kind'], string][] = [['removed', 'removed'], ['changed', 'changed'], ['moved', 'moved']];
  if (added) parts.push(`${plural(added, 'step', 'steps')} added`);
  for (const [k, word] of rest) {
    const n = count(k);
    if (n) parts.push(parts.length ? `${n} ${word}` : `${plural(n, 'step', 'steps')} ${word}`);
  }
  if (policy.length) parts.push(`${policy.map((c) => c.path).join(', ')} changed`);
  return parts.length ? parts.join(', ') : 'no differences';
}

export interface DiffSide {
  version: number;
  sha256: string;
  policy: Policy;
}

/** The diff from `from` (null: nothing, so every step is added) to `to`. */
export function diffPolicies(policyId: string, from: DiffSide | null, to: DiffSide): PolicyDiff {
  const policy = from ? changesBetween(from.policy, to.policy, '', BOOKKEEPING) : [];
  const steps = diffSteps(from?.policy.steps ?? [], to.policy.steps);
  return {
    policyId,
    from: { version: from?.version ?? 0, sha256: from?.sha256 ?? '' },
    to: { version: to.version, sha256: to.sha256 },
    policy,
    steps,
    summary: diffSummary(policy, steps),
  };
}
