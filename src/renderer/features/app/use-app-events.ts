// Wires the engine's push events and the desktop shell's menu commands into the stores, and
// loads the first state (workspace, datasets, jobs).
import { useEffect } from 'react';
import type { AppCommand } from '../../../shared/api/contract';
import { api } from '../../api';
import { chooseAndOpenBundle, openBundleAt } from '../auditor/actions';
import { useAuditor } from '../auditor/store';
import { notify } from '../notices/store';
import { useDatasets } from '../datasets/store';
import { useDatasetTab } from '../datasets/tab-store';
import { openExport } from '../export/store';
import { useGrid } from '../grid/store';
import { previewFile, startImport } from '../import/actions';
import { useJobs } from '../jobs/store';
import { useLog } from '../log/store';
import { useSession } from '../identities/session-store';
import { usePolicies } from '../policies/store';
import { usePolicyDraft } from '../policy/store';
import { newWorkspace, openWorkspaceFolder } from '../workspace/actions';
import { useWorkspace } from '../workspace/store';
import { useApp } from './store';

/** What auditor mode stands in front of: these wait until the bundle is closed. */
const WORKSPACE_COMMANDS: readonly AppCommand[] = ['import', 'export', 'find', 'open-workspace', 'new-workspace'];

export function runCommand(command: AppCommand, path?: string): void {
  if (useAuditor.getState().bundle && WORKSPACE_COMMANDS.includes(command)) {
    notify('info', 'An evidence bundle is open', 'Close the bundle (Close bundle, top right) to get back to the workspace.');
    return;
  }
  switch (command) {
    case 'import':
      void (path ? previewFile(path) : startImport());
      return;
    case 'export':
      openExport();
      return;
    case 'open-workspace':
      void (path ? useWorkspace.getState().open(path, false) : openWorkspaceFolder());
      return;
    case 'new-workspace':
      newWorkspace();
      return;
    case 'open-bundle':
      void (path ? openBundleAt(path) : chooseAndOpenBundle());
      return;
    case 'find':
      if (!useDatasets.getState().detail) return;
      useDatasetTab.getState().setTab('data');
      useGrid.getState().focusFilter();
      return;
    case 'show-log':
      useLog.getState().setOpen(true);
      return;
    case 'about':
      useApp.getState().setAboutOpen(true);
      return;
  }
}

export function useAppEvents(): void {
  useEffect(() => {
    const offs = [
      api.on('job.updated', (job) => {
        useJobs.getState().upsert(job);
        if (job.state !== 'running' && useLog.getState().open) void useLog.getState().reload();
      }),
      api.on('datasets.changed', () => {
        void useDatasets.getState().refresh();
        void useWorkspace.getState().load();
        if (useLog.getState().open) void useLog.getState().reload();
      }),
      api.on('workspace.changed', (info) => {
        useWorkspace.getState().set(info);
        useDatasets.getState().close();
        useDatasets.getState().askDelete(null);
        usePolicyDraft.getState().forgetWorkspace();
        void useDatasets.getState().refresh();
        if (useLog.getState().open) void useLog.getState().reload();
      }),
      api.on('identity.changed', () => {
        // Who acts decides what the governance screens offer (approve, grant, settings).
        void useSession.getState().load();
        void useSession.getState().loadSettings();
        usePolicies.getState().refresh();
        if (useLog.getState().open) void useLog.getState().reload();
      }),
      api.on('app.command', ({ command, path }) => runCommand(command, path)),
    ];
    void useWorkspace.getState().load();
    void useDatasets.getState().refresh();
    void api.send('job.list', {}).then((r) => r.ok && useJobs.getState().replaceAll(r.value));
    return () => offs.forEach((off) => off());
  }, []);
}
