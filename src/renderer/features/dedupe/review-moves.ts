// Where the review queue goes: after a decision to the next undecided pair (or simply the next),
// keys to their actions. Pure, so the keyboard map is a table of cases.
import type { PairDecision } from '../../../shared/api/dedupe-types';

export type ReviewAction = { kind: 'decide'; decision: PairDecision } | { kind: 'skip' } | { kind: 'move'; by: -1 | 1 } | { kind: 'undo' };

/** The action of a key in the review queue, or null (modifier keys never act). */
export function reviewAction(e: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): ReviewAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  switch (e.key) {
    case 'a':
    case 'A':
      return { kind: 'decide', decision: 'match' };
    case 'r':
    case 'R':
      return { kind: 'decide', decision: 'non_match' };
    case 's':
    case 'S':
      return { kind: 'skip' };
    case 'u':
    case 'U':
      return { kind: 'undo' };
    case 'ArrowLeft':
      return { kind: 'move', by: -1 };
    case 'ArrowRight':
      return { kind: 'move', by: 1 };
    default:
      return null;
  }
}

/**
 * The position after deciding the pair at `index`: the next undecided one known after it, else
 * the next one (the last stays put).
 */
export function afterDecision(index: number, total: number, nextUndecided: number | null): number {
  if (nextUndecided !== null && nextUndecided > index) return nextUndecided;
  return Math.min(Math.max(0, total - 1), index + 1);
}

/** Pairs decided in the review band: all of them less the undecided ones, within 0..total. */
export const decidedOf = (total: number, undecided: number): number => Math.min(total, Math.max(0, total - undecided));
