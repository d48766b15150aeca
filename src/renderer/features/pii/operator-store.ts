// The operator panel's choices (per entity type, and the scope), kept while the user moves
// between the PII views and datasets: they describe a policy being built, not one dataset.
import { create } from 'zustand';
import type { OperatorKey } from '../../../shared/policy/steps';
import { defaultOperator, type EntityOperator, type OperatorScope } from './deid-step';

interface OperatorState {
  choices: Partial<Record<OperatorKey, EntityOperator>>;
  scope: OperatorScope;
  /** The entity's choice (its starting one until changed). */
  get(key: OperatorKey): EntityOperator;
  set(key: OperatorKey, o: Partial<EntityOperator>): void;
  setScope(scope: OperatorScope): void;
}

export const useOperators = create<OperatorState>((set, get) => ({
  choices: {},
  // Both by default: a scan that found entities in free text is not half acted on.
  scope: 'both',
  get(key) {
    return get().choices[key] ?? defaultOperator(key);
  },
  set(key, o) {
    set((s) => ({ choices: { ...s.choices, [key]: { ...(s.choices[key] ?? defaultOperator(key)), ...o } } }));
  },
  setScope(scope) {
    set({ scope });
  },
}));
