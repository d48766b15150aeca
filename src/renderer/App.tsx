// The app frame: top bar, datasets sidebar, the open dataset (header, tabs: grid, profile…) or the
// welcome — or, with an evidence bundle open, auditor mode in their place — and every dialog,
// panel and toast the features own.
import { useEffect } from 'react';
import { AboutDialog } from './features/app/AboutDialog';
import { AuditorView } from './features/auditor/AuditorView';
import { useAuditor } from './features/auditor/store';
import { DropOverlay } from './features/app/DropOverlay';
import { TopBar } from './features/app/TopBar';
import { useAppEvents } from './features/app/use-app-events';
import { useShortcuts } from './features/app/use-shortcuts';
import { Welcome } from './features/app/Welcome';
import { ClusterHost } from './features/clusters/ClusterHost';
import { DatasetHeader } from './features/datasets/DatasetHeader';
import { DatasetSidebar } from './features/datasets/DatasetSidebar';
import { DatasetTabPanel } from './features/datasets/DatasetTabs';
import { DeleteDatasetDialog } from './features/datasets/DeleteDatasetDialog';
import { useDatasets } from './features/datasets/store';
import { ExportDialog } from './features/export/ExportDialog';
import { GovernanceView } from './features/governance/GovernanceView';
import { useGovernance } from './features/governance/store';
import { FileBrowserHost } from './features/files/FileBrowser';
import { FirstRunBanner } from './features/identities/FirstRunBanner';
import { ImportDialogs } from './features/import/ImportDialogs';
import { JobsTray } from './features/jobs/JobsTray';
import { ActivityPanel } from './features/log/ActivityPanel';
import { ErrorDialog } from './features/notices/ErrorDialog';
import { PolicyDialogs } from './features/policy/PolicyDialogs';
import { Toasts } from './features/notices/Toasts';
import { NewWorkspaceDialog } from './features/workspace/NewWorkspaceDialog';

export function App() {
  useAppEvents();
  useShortcuts();
  const open = useDatasets((s) => s.detail !== null);
  const governance = useGovernance((s) => s.open);
  const auditing = useAuditor((s) => s.bundle !== null);
  const title = useDatasets((s) => s.detail?.dataset.name);
  useEffect(() => {
    document.title = auditing ? 'Evidence bundle — Data Sanitizer' : title ? `${title} — Data Sanitizer` : 'Data Sanitizer';
  }, [title, auditing]);
  return (
    <div className="app">
      <TopBar />
      {auditing ? null : <FirstRunBanner />}
      <div className="app-body">
        {auditing ? null : <DatasetSidebar />}
        <main className="main">
          {auditing ? (
            <AuditorView />
          ) : governance ? (
            <GovernanceView />
          ) : open ? (
            <>
              <DatasetHeader />
              <DatasetTabPanel />
            </>
          ) : (
            <Welcome />
          )}
        </main>
      </div>
      <ActivityPanel />
      <JobsTray />
      <ImportDialogs />
      <ExportDialog />
      <PolicyDialogs />
      <ClusterHost />
      <DeleteDatasetDialog />
      <NewWorkspaceDialog />
      <AboutDialog />
      <FileBrowserHost />
      <ErrorDialog />
      <DropOverlay />
      <Toasts />
    </div>
  );
}
