// The top bar: app name, the workspace menu, Import (Ctrl/Cmd+O), Open bundle (auditor mode), jobs and activity.
import { MOD_LABEL } from '../../lib/keys';
import { Icon } from '../../ui/Icon';
import { startImport } from '../import/actions';
import { chooseAndOpenBundle } from '../auditor/actions';
import { useAuditor } from '../auditor/store';
import { JobsButton } from '../jobs/JobsTray';
import { useGovernance } from '../governance/store';
import { IdentityChip } from '../identities/IdentityChip';
import { useLog } from '../log/store';
import { WorkspaceMenu } from '../workspace/WorkspaceMenu';
import { useApp } from './store';

export function TopBar() {
  const logOpen = useLog((s) => s.open);
  const govOpen = useGovernance((s) => s.open);
  const setLogOpen = useLog((s) => s.setOpen);
  const auditing = useAuditor((s) => s.bundle !== null);
  const opening = useAuditor((s) => s.opening);
  return (
    <header className="topbar">
      <button type="button" className="brand" aria-label="About Data Sanitizer" title="About Data Sanitizer" onClick={() => useApp.getState().setAboutOpen(true)}>
        <span className="brand-mark">
          <Icon name="logo" size={18} />
        </span>
        <span className="brand-name">Data Sanitizer</span>
      </button>
      <span className="topbar-sep" aria-hidden="true" />
      <WorkspaceMenu />
      <div className="topbar-spacer" />
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => void startImport()}
        disabled={auditing}
        title={auditing ? 'Close the bundle to get back to the workspace' : `Import a file (${MOD_LABEL}+O)`}
        aria-keyshortcuts="Control+O Meta+O"
      >
        <Icon name="upload" size={15} /> Import{' '}
        <kbd className="kbd" aria-hidden="true">
          {MOD_LABEL} O
        </kbd>
      </button>
      <button
        type="button"
        className={`btn btn-ghost topbar-btn ${auditing ? 'is-active' : ''}`}
        title="Open an evidence bundle (.zip or folder) and verify it: auditor mode, outside any workspace"
        aria-keyshortcuts="Control+Shift+O Meta+Shift+O"
        disabled={opening !== null}
        aria-busy={opening !== null}
        onClick={() => void chooseAndOpenBundle()}
      >
        {opening !== null ? <span className="spinner" aria-hidden="true" /> : <Icon name="folderOpen" />} <span>Open bundle</span>
      </button>
      <button
        type="button"
        className={`btn btn-ghost topbar-btn ${govOpen ? 'is-active' : ''}`}
        aria-pressed={govOpen}
        disabled={auditing}
        title={auditing ? 'Close the bundle to get back to the workspace' : 'Policies, approvals, identities and the audit log'}
        onClick={() => useGovernance.getState().setOpen(!govOpen)}
      >
        <Icon name="shield" /> <span>Governance</span>
      </button>
      <IdentityChip />
      <JobsButton />
      <button type="button" className={`btn btn-ghost topbar-btn ${logOpen ? 'is-active' : ''}`} aria-pressed={logOpen} onClick={() => setLogOpen(!logOpen)}>
        <Icon name="activity" /> <span>Activity</span>
      </button>
    </header>
  );
}
