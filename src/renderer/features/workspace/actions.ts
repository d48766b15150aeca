// Workspace commands shared by the menu, the keyboard and the desktop shell's menus.
import { chooseFolder } from '../files/pick';
import { useWorkspace } from './store';

export async function openWorkspaceFolder(): Promise<void> {
  const dir = await chooseFolder('Open a workspace folder', 'Open workspace', undefined, 'Go into the folder that holds workspace.duckdb, then open it.');
  if (dir) await useWorkspace.getState().open(dir, false);
}

export function newWorkspace(): void {
  useWorkspace.getState().setNewDialogOpen(true);
}
