// Deciding on the finding at a position of the findings window: recorded by the engine, then shown
// on the cached row. With `toggle` (the buttons), deciding what is already decided clears it; the
// A and R keys always set their decision, so a quick review never undoes one by accident.
import type { PiiDecision } from '../../../shared/api/pii-types';
import type { FindingsWindow } from './findings-window';
import { decideFinding } from './store';

export async function decideAt(win: FindingsWindow, index: number, decision: PiiDecision | 'clear', toggle = false): Promise<boolean> {
  const row = win.row(index);
  if (!row) return false;
  const next = toggle && decision !== 'clear' && row.decision === decision ? 'clear' : decision;
  const ok = await decideFinding(row.findingId, next);
  if (ok) win.patch(row.findingId, next === 'clear' ? null : next);
  return ok;
}
