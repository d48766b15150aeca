// A saved policy's list row (newest version, its state, the ACTIVE version) for the editor.
import type { PolicyListItem } from '../../../shared/api/governance-types';
import { useFetch } from './use-fetch';

export function usePolicyItem(policyId: string | null): PolicyListItem | null {
  const list = useFetch('policy.list', policyId ? {} : null);
  return list.value?.find((p) => p.policyId === policyId) ?? null;
}
