// Choosing paths the platform's way: native dialogs on the desktop, the in-app browser in
// browser mode (the server can only show folders under its roots).
import { api } from '../../api';
import { browseForPath } from './store';

export function chooseImportFile(): Promise<string | null> {
  if (api.shell) return api.shell.pickFile();
  return browseForPath({
    mode: 'file',
    title: 'Import a file',
    subtitle: 'CSV, TSV, JSON, JSONL, Parquet or Excel (.xlsx). The file is only read, never changed.',
    confirmLabel: 'Open',
  });
}

export function chooseFolder(title: string, confirmLabel = 'Choose folder', startPath?: string, subtitle?: string): Promise<string | null> {
  if (api.shell) return api.shell.pickFolder();
  return browseForPath({ mode: 'folder', title, confirmLabel, ...(startPath ? { startPath } : {}), ...(subtitle ? { subtitle } : {}) });
}
