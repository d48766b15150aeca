// The column-mapping request: a policy names columns the open dataset lacks; the dialog asks for
// a column for each before the preview or run goes ahead.
import { create } from 'zustand';
import type { Policy } from '../../../shared/policy/policy';
import { request } from '../notices/request';
import type { MissingColumn } from './mapping';
import type { PreviewTarget } from './preview';

interface MappingState {
  missing: MissingColumn[] | null;
  /** What to do once mapped (e.g. start the run that asked). */
  then: (() => void) | null;
  ask(missing: MissingColumn[], then?: () => void): void;
  close(): void;
}

export const useMapping = create<MappingState>((set) => ({
  missing: null,
  then: null,
  ask(missing, then) {
    set({ missing, then: then ?? null });
  },
  close() {
    set({ missing: null, then: null });
  },
}));

/** True when the dataset has every column the policy names; otherwise asks for a mapping. */
export async function checkColumns(t: PreviewTarget, doc: Policy, then?: () => void): Promise<boolean> {
  const r = await request('policy.checkColumns', { datasetId: t.datasetId, version: t.version, policy: doc }, 'The policy’s columns could not be checked');
  if (!r) return false;
  if (r.missing.length === 0) return true;
  useMapping.getState().ask(r.missing, then);
  return false;
}
