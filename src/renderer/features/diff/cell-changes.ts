// One cell's history in a run, from its ledger entries: the value before the first step that
// touched it, after the last, and each step (label, id, confidence) in between.
import type { LedgerEntry } from '../../../shared/api/clean-types';
import { STEP_INFO } from '../../../shared/policy/catalog';

export interface CellStep {
  stepId: string;
  label: string;
  confidence: number;
  before: string | null;
  after: string | null;
}

export interface CellChange {
  /** The value before the first step, or its masked preview where a de-identification step touched the cell (the ledger keeps no personal data). */
  before: string | null;
  masked: boolean;
  after: string | null;
  steps: CellStep[];
}

/** The entries (already in step order, as the engine returns them) of one cell, or null. */
export function summarizeCell(entries: LedgerEntry[] | undefined): CellChange | null {
  const first = entries?.[0];
  const last = entries?.at(-1);
  if (!entries || !first || !last) return null;
  return {
    before: first.beforePreview ?? first.before,
    masked: entries.some((e) => (e.beforePreview ?? null) !== null),
    after: last.after,
    steps: entries.map((e) => ({ stepId: e.stepId, label: STEP_INFO[e.stepType]?.label ?? e.stepType, confidence: e.confidence, before: e.beforePreview ?? e.before, after: e.after })),
  };
}

/** A value as shown in a diff: quoted so whitespace shows, null spelled out. */
export function shownValue(v: string | null): string {
  return v === null ? 'null' : `“${v}”`;
}

export function formatConfidence(c: number): string {
  return c === 1 ? '1.0' : c.toFixed(2);
}

/** The hover text of a changed cell. */
export function changeTooltip(c: CellChange): string {
  const steps = c.steps.map((s) => `${s.label} (${s.stepId}), confidence ${formatConfidence(s.confidence)}`);
  return [`${shownValue(c.before)} → ${shownValue(c.after)}`, ...steps].join('\n');
}

/** Entries grouped by column id (cell entries only). */
export function byColumn(entries: LedgerEntry[]): Map<string, LedgerEntry[]> {
  const out = new Map<string, LedgerEntry[]>();
  for (const e of entries) {
    if (e.kind !== 'cell' || e.columnId === null) continue;
    out.set(e.columnId, [...(out.get(e.columnId) ?? []), e]);
  }
  return out;
}
