// The policy editor's window onto governance: the saved policy's lifecycle state and a link to its
// detail (versions, history, diff) in the Governance area.
import { POLICY_STATES } from '../../../shared/api/governance-types';
import { Icon } from '../../ui/Icon';
import { StateBadge } from './StateBadge';
import { openPolicyInGovernance } from './store';
import './policies.css';
import { usePolicyItem } from './use-policy-item';

export function PolicyStateLink({ policyId }: { policyId: string | null }) {
  const item = usePolicyItem(policyId);
  // A workspace from before the lifecycle has no state to show.
  if (!policyId || !item || !POLICY_STATES.includes(item.state)) return null;
  return (
    <span className="pol-editor-state">
      <StateBadge state={item.state} testId="policy-lifecycle-state" />
      <button
        type="button"
        className="btn btn-sm btn-ghost"
        aria-label="Open in Governance"
        title={`Version ${item.latestVersion} is ${item.state}: its versions, history and approvals in Governance`}
        onClick={() => openPolicyInGovernance(policyId)}
      >
        <Icon name="shield" size={13} /> Governance
      </button>
    </span>
  );
}
