// A policy diff in words: one line per step that differs (added, removed, moved, changed), each
// changed parameter as "path: before → after", values shortened so a long list stays readable.
import type { PolicyChange, PolicyDiff, PolicyStepDiff } from '../../../shared/api/governance-types';

export const VALUE_MAX = 80;

/** A value as one line of text: strings quoted, lists and objects as compact JSON, cut at `max`. */
export function formatValue(v: unknown, max = VALUE_MAX): string {
  if (v === undefined) return '(none)';
  if (v === null) return 'null';
  let text: string;
  if (typeof v === 'string') text = `“${v}”`;
  else if (typeof v === 'number' || typeof v === 'boolean') text = String(v);
  else {
    try {
      text = JSON.stringify(v) ?? String(v);
    } catch {
      text = String(v);
    }
  }
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

export interface ChangeLine {
  path: string;
  before: string;
  after: string;
  /** Only a before (removed) or only an after (added). */
  kind: 'changed' | 'added' | 'removed';
}

export function changeLine(c: PolicyChange): ChangeLine {
  const kind = c.before === undefined ? 'added' : c.after === undefined ? 'removed' : 'changed';
  return { path: c.path || '(the whole step)', before: formatValue(c.before), after: formatValue(c.after), kind };
}

export interface StepLine {
  key: string;
  kind: Exclude<PolicyStepDiff['kind'], 'same'>;
  /** "Step 3 · Trim whitespace". */
  title: string;
  /** "added at 3", "removed (was 2)", "moved 2 → 4". */
  where: string;
  type: string;
  changes: ChangeLine[];
}

const pos = (i: number | null) => (i === null ? '?' : String(i + 1));

function where(s: PolicyStepDiff): string {
  switch (s.kind) {
    case 'added':
      return `added at step ${pos(s.toIndex)}`;
    case 'removed':
      return `removed (was step ${pos(s.fromIndex)})`;
    case 'moved':
      return `moved from step ${pos(s.fromIndex)} to ${pos(s.toIndex)}`;
    default:
      return s.fromIndex === s.toIndex ? `step ${pos(s.toIndex)}` : `step ${pos(s.fromIndex)} → ${pos(s.toIndex)}`;
  }
}

/** The steps that differ, in the newer version's order (removed ones where they were). */
export function stepLines(diff: PolicyDiff): StepLine[] {
  const order = (s: PolicyStepDiff) => s.toIndex ?? (s.fromIndex ?? 0) - 0.5;
  return diff.steps
    .filter((s): s is PolicyStepDiff & { kind: StepLine['kind'] } => s.kind !== 'same')
    .slice()
    .sort((a, b) => order(a) - order(b))
    .map((s) => ({
      key: `${s.kind}:${s.stepId}`,
      kind: s.kind,
      title: s.label || s.type,
      where: where(s),
      type: s.type,
      changes: s.changes.map(changeLine),
    }));
}

/** How many steps are the same: "4 steps unchanged". */
export function unchangedCount(diff: PolicyDiff): number {
  return diff.steps.filter((s) => s.kind === 'same').length;
}

export const KIND_LABEL: Record<StepLine['kind'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed', moved: 'Moved' };
