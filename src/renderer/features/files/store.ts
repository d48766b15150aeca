// The in-app file browser as a promise: a feature asks for a path, the dialog answers it.
// Remembers the last folder per mode for the session.
import { create } from 'zustand';

/** 'bundle': a .zip, or a folder (the one shown when it holds manifest.json, else the selected one). */
export type PickMode = 'file' | 'folder' | 'bundle';

export interface PickRequest {
  mode: PickMode;
  title: string;
  subtitle?: string;
  confirmLabel: string;
  startPath?: string;
}

interface FilesState {
  request: (PickRequest & { resolve: (path: string | null) => void }) | null;
  lastDir: Partial<Record<PickMode, string>>;
  open(req: PickRequest): Promise<string | null>;
  answer(path: string | null, dir?: string): void;
}

export const useFiles = create<FilesState>((set, get) => ({
  request: null,
  lastDir: {},
  open(req) {
    get().request?.resolve(null);
    return new Promise((resolve) => set({ request: { ...req, resolve } }));
  },
  answer(path, dir) {
    const r = get().request;
    if (!r) return;
    set((s) => ({ request: null, lastDir: dir ? { ...s.lastDir, [r.mode]: dir } : s.lastDir }));
    r.resolve(path);
  },
}));

export const browseForPath = (req: PickRequest): Promise<string | null> => useFiles.getState().open(req);
