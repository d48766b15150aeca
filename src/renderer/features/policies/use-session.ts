// The acting identity as the policy screens need it (who signs a transition), fetched with them.
import type { SessionInfo } from '../../../shared/api/governance-types';
import { useFetch } from './use-fetch';

export function useSession(): SessionInfo | null {
  return useFetch('identity.session', {}).value;
}
