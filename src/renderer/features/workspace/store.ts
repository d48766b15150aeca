// The open workspace and the recent list; switching workspaces through the engine.
import { create } from 'zustand';
import type { ErrorInfo } from '../../../shared/api/result';
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
  /** Opens (or creates) a workspace; resolves to the error, or null. `quiet` leaves showing it to the caller. */
  open(path: string, create: boolean, quiet?: boolean): Promise<ErrorInfo | null>;
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
  async open(path, create, quiet = false) {
    const r = await api.send('workspace.open', { path, create });
    if (!r.ok) {
      if (!quiet) notifyError(create ? 'The workspace could not be created' : 'The workspace could not be opened', r.error);
      return r.error;
    }
    set({ info: r.value });
    void get().loadRecent();
    notify('success', create ? 'Workspace created' : 'Workspace opened', r.value.path);
    return null;
  },
  setNewDialogOpen(newDialogOpen) {
    set({ newDialogOpen });
  },
}));
