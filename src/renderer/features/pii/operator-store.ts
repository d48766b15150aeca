// The operator panel's choices (per entity type, and the scope), kept while the user moves
// between the PII views and datasets: they describe a policy being built, not one dataset.
import { create } from 'zustand';
import type { OperatorKey } from '../../../shared/policy/steps';
import { defaultOperator, type EntityOperator } from './deid-step';

interface OperatorState {
  choices: Partial<Record<OperatorKey, EntityOperator>>;
  scope: 'cell' | 'spans';
  /** The entity's choice (its starting one until changed). */
  get(key: OperatorKey): EntityOperator;
  set(key: OperatorKey, o: Partial<EntityOperator>): void;
  setScope(scope: 'cell' | 'spans'): void;
}

export const useOperators = create<OperatorState>((set, get) => ({
  choices: {},
  scope: 'cell',
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
