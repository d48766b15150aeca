// A lifecycle state as a coloured badge with its meaning as the tooltip.
import type { PolicyState } from '../../../shared/api/governance-types';
import { stateBadge } from './lifecycle';

export function StateBadge({ state, testId }: { state: PolicyState; testId?: string }) {
  const b = stateBadge(state);
  return (
    <span className={`badge pol-state pol-state-${state.toLowerCase()} ${b.tone}`} title={b.meaning} data-testid={testId}>
      {b.label}
    </span>
  );
}
