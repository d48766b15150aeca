// The open workspace and the recent list; switching workspaces through the engine.
import { create } from 'zustand';
import type { RecentWorkspace, WorkspaceInfo } from '../../../shared/api/types';
import { api } from '../../api';
import { notify, notifyError } from '../notices/store';

interface WorkspaceState {
  info: WorkspaceInfo | null;
  recent: RecentWorkspace[];
  newDialogOpen: boolean;
  set(info: WorkspaceInfo): void;
  load(): Promise<void>;
  loadRecent(): Promise<void>;
  open(path: string, create: boolean): Promise<boolean>;
  setNewDialogOpen(open: boolean): void;
}

export const useWorkspace = create<WorkspaceState>((set, get) => ({
  info: null,
  recent: [],
  newDialogOpen: false,
  set(info) {
    set({ info });
  },
  async load() {
    const r = await api.send('workspace.current', {});
    if (r.ok) set({ info: r.value });
    else notifyError('The workspace could not be read', r.error);
  },
  async loadRecent() {
    const r = await api.send('workspace.recent', {});
    if (r.ok) set({ recent: r.value });
  },
  async open(path, create) {
    const r = await api.send('workspace.open', { path, create });
    if (!r.ok) {
      notifyError(create ? 'The workspace could not be created' : 'The workspace could not be opened', r.error);
      return false;
    }
    set({ info: r.value });
    void get().loadRecent();
    notify('success', create ? 'Workspace created' : 'Workspace opened', r.value.path);
    return true;
  },
  setNewDialogOpen(newDialogOpen) {
    set({ newDialogOpen });
  },
}));
