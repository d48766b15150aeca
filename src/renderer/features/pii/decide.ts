// Deciding on the finding at a position of the findings window: recorded by the engine, then shown
// on the cached row. Deciding what is already decided clears the decision.
import type { PiiDecision } from '../../../shared/api/pii-types';
import type { FindingsWindow } from './findings-window';
import { decideFinding } from './store';

export async function decideAt(win: FindingsWindow, index: number, decision: PiiDecision | 'clear'): Promise<boolean> {
  const row = win.row(index);
  if (!row) return false;
  const next = decision !== 'clear' && row.decision === decision ? 'clear' : decision;
  const ok = await decideFinding(row.findingId, next);
  if (ok) win.patch(row.findingId, next === 'clear' ? null : next);
  return ok;
}
