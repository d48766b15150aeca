// The governance area: one tab per job — policies and their lifecycle, the approval queue,
// identities and roles, the audit log, workspace settings. Adding a tab is one GOVERNANCE_TABS entry.
import type { ComponentType } from 'react';
import { Icon, type IconName } from '../../ui/Icon';
import { useTabList } from '../../ui/useTabList';
import { AuditPane } from '../audit/AuditPane';
import { IdentitiesPane } from '../identities/IdentitiesPane';
import { SettingsPane } from '../identities/SettingsPane';
import { ApprovalsPane } from '../policies/ApprovalsPane';
import { PoliciesPane } from '../policies/PoliciesPane';
import { useGovernance, type GovernanceTabId } from './store';
import './governance.css';

interface GovernanceTab {
  id: GovernanceTabId;
  label: string;
  icon: IconName;
  Panel: ComponentType;
}

export const GOVERNANCE_TABS: readonly GovernanceTab[] = [
  { id: 'policies', label: 'Policies', icon: 'policy', Panel: PoliciesPane },
  { id: 'approvals', label: 'Approvals', icon: 'check', Panel: ApprovalsPane },
  { id: 'identities', label: 'Identities', icon: 'shield', Panel: IdentitiesPane },
  { id: 'audit', label: 'Audit log', icon: 'activity', Panel: AuditPane },
  { id: 'settings', label: 'Settings', icon: 'inspect', Panel: SettingsPane },
];
const IDS = GOVERNANCE_TABS.map((t) => t.id);

export function GovernanceView() {
  const tab = useGovernance((s) => s.tab);
  const setTab = useGovernance((s) => s.setTab);
  const active = GOVERNANCE_TABS.find((t) => t.id === tab) ?? (GOVERNANCE_TABS[0] as GovernanceTab);
  const { onKeyDown, tabProps } = useTabList(IDS, active.id, setTab);
  const Panel = active.Panel;
  return (
    <section className="gov" aria-label="Governance">
      <header className="gov-header">
        <h1 className="gov-title">Governance</h1>
        <div className="ds-tabs" role="tablist" aria-label="Governance views" onKeyDown={onKeyDown}>
          {GOVERNANCE_TABS.map((t) => (
            <button key={t.id} type="button" {...tabProps(t.id)} id={`gov-tab-${t.id}`} aria-controls={`gov-panel-${t.id}`} className={`ds-tab ${t === active ? 'is-active' : ''}`}>
              <Icon name={t.icon} size={15} /> {t.label}
            </button>
          ))}
        </div>
      </header>
      <div className="gov-panel" role="tabpanel" id={`gov-panel-${active.id}`} aria-labelledby={`gov-tab-${active.id}`}>
        <Panel />
      </div>
    </section>
  );
}
