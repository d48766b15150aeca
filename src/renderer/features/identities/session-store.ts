// Who acts now (the session), the workspace's identities and settings, and which identity dialog
// is open. Shared by the top-bar chip, the identity and settings panes and the error dialog.
import { create } from 'zustand';
import type { IdentityInfo, SessionInfo, WorkspaceSettings } from '../../../shared/api/governance-types';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';

interface SessionState {
  session: SessionInfo | null;
  identities: IdentityInfo[];
  settings: WorkspaceSettings | null;
  error: ErrorInfo | null;
  settingsError: ErrorInfo | null;
  /** The switch dialog: open, and the identity it proposes first. */
  switching: { name: string | null } | null;
  /** The create dialog: `first` when it makes the workspace's admin. */
  creating: { first: boolean } | null;
  /** Workspaces whose first-run prompt the user dismissed (this run of the app). */
  dismissed: string[];
  load(): Promise<void>;
  loadSettings(): Promise<void>;
  setSession(s: SessionInfo): void;
  openSwitch(name?: string | null): void;
  closeSwitch(): void;
  openCreate(first: boolean): void;
  closeCreate(): void;
  dismissFirstRun(workspace: string): void;
}

export const useSession = create<SessionState>((set, get) => ({
  session: null,
  identities: [],
  settings: null,
  error: null,
  settingsError: null,
  switching: null,
  creating: null,
  dismissed: [],
  async load() {
    const [s, l] = await Promise.all([api.send('identity.session', {}), api.send('identity.list', {})]);
    set({
      ...(s.ok ? { session: s.value } : {}),
      ...(l.ok ? { identities: l.value } : {}),
      error: !s.ok ? s.error : !l.ok ? l.error : null,
    });
  },
  async loadSettings() {
    const r = await api.send('settings.get', {});
    set(r.ok ? { settings: r.value, settingsError: null } : { settingsError: r.error });
  },
  setSession(session) {
    set({ session });
    void get().load();
  },
  openSwitch(name = null) {
    set({ switching: { name } });
  },
  closeSwitch() {
    set({ switching: null });
  },
  openCreate(first) {
    set({ creating: { first } });
  },
  closeCreate() {
    set({ creating: null });
  },
  dismissFirstRun(workspace) {
    set((s) => ({ dismissed: [...s.dismissed, workspace] }));
  },
}));
