// Where each validation message goes in the editor: issues from validatePolicy, placed on the
// field they name (the longest field path the form shows that prefixes the issue's path), or on
// the step (or the policy) when no shown field matches.
import { STEP_INFO } from '../../../shared/policy/catalog';
import type { PolicyIssue } from '../../../shared/policy/policy';
import type { StepType } from '../../../shared/policy/steps';

export interface FieldIssue {
  /** The rest of the issue's path below the field (e.g. [0, 'from', 1] under params.map). */
  sub: (string | number)[];
  message: string;
}

export interface StepIssues {
  /** Field path (`params.find`) → its issues. */
  fields: Record<string, FieldIssue[]>;
  /** Issues on no shown field, as "where: message". */
  other: string[];
}

const split = (field: string) => field.split('.');

function startsWith(path: (string | number)[], prefix: string[]): boolean {
  return prefix.every((p, i) => String(path[i]) === p);
}

/** The issues of step `index`, placed on the given fields. */
export function placeStepIssues(issues: PolicyIssue[], index: number, fields: string[]): StepIssues {
  const out: StepIssues = { fields: {}, other: [] };
  const byLength = [...fields].sort((a, b) => split(b).length - split(a).length);
  for (const issue of issues) {
    if (issue.path[0] !== 'steps' || issue.path[1] !== index) continue;
    const rel = issue.path.slice(2);
    const field = byLength.find((f) => startsWith(rel, split(f)));
    if (field === undefined) {
      out.other.push(rel.length > 0 ? `${describeSub(rel)}: ${issue.message}` : issue.message);
      continue;
    }
    (out.fields[field] ??= []).push({ sub: rel.slice(split(field).length), message: issue.message });
  }
  return out;
}

/** Issues that are not about a step (the policy's name, the step list itself). */
export function policyIssues(issues: PolicyIssue[]): PolicyIssue[] {
  return issues.filter((i) => i.path[0] !== 'steps' || typeof i.path[1] !== 'number');
}

/** How many issues each step has, by step index. */
export function issueCounts(issues: PolicyIssue[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const i of issues) {
    if (i.path[0] === 'steps' && typeof i.path[1] === 'number') out.set(i.path[1], (out.get(i.path[1]) ?? 0) + 1);
  }
  return out;
}

/** A path below a field, for people: numbers 1-based (`entry 1 › from › 2`). */
export function describeSub(sub: (string | number)[]): string {
  return sub.map((p, i) => (typeof p === 'number' ? (i === 0 ? `entry ${p + 1}` : String(p + 1)) : p)).join(' › ');
}

/** One field's issues as lines: the sub-path first when there is one. */
export function fieldMessages(list: FieldIssue[] | undefined): string[] {
  return (list ?? []).map((i) => (i.sub.length > 0 ? `${describeSub(i.sub)}: ${i.message}` : i.message));
}

/** Where an issue is, for people: `step 9 (Category aliases) › map`, or the policy's field. */
export function describeWhere(issue: PolicyIssue, steps: readonly { type: StepType }[]): string {
  const [head, index, ...rest] = issue.path;
  if (head !== 'steps' || typeof index !== 'number') return issue.path.join(' › ') || 'the policy';
  const type = steps[index]?.type;
  const label = type ? ` (${STEP_INFO[type].label})` : '';
  const field = rest.filter((p) => p !== 'params');
  return [`step ${index + 1}${label}`, ...(field.length > 0 ? [describeSub(field)] : [])].join(' › ');
}

/** Why Run and Save are unavailable, in one line (the first issue and how many more). */
export function blockedReason(issues: PolicyIssue[], steps: readonly { type: StepType }[]): string | null {
  if (steps.length === 0) return 'Add at least one step first.';
  const first = issues[0];
  if (!first) return null;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `Fix ${describeWhere(first, steps)}: ${first.message}${more}.`;
}
