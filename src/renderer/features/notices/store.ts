// Notices: short-lived toasts (success, info) and errors that stay until dismissed, plus the
// one error whose full details are open in a dialog.
import { create } from 'zustand';
import type { ErrorInfo } from '../../../shared/api/result';

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  title: string;
  message?: string;
  error?: ErrorInfo;
  /** A path to offer a copy button for (e.g. an export's destination). */
  path?: string;
}

interface NoticesState {
  notices: Notice[];
  detail: ErrorInfo | null;
  push(n: Omit<Notice, 'id'>): number;
  dismiss(id: number): void;
  showDetail(e: ErrorInfo | null): void;
}

let seq = 0;
const timers = new Map<number, ReturnType<typeof setTimeout>>();
const LIFETIME_MS = 6000;

export const useNotices = create<NoticesState>((set, get) => ({
  notices: [],
  detail: null,
  push(n) {
    const id = ++seq;
    set((s) => ({ notices: [...s.notices.slice(-4), { ...n, id }] }));
    if (n.tone !== 'error') timers.set(id, setTimeout(() => get().dismiss(id), LIFETIME_MS));
    return id;
  },
  dismiss(id) {
    clearTimeout(timers.get(id));
    timers.delete(id);
    set((s) => ({ notices: s.notices.filter((x) => x.id !== id) }));
  },
  showDetail(detail) {
    set({ detail });
  },
}));

export function notifyError(title: string, error: ErrorInfo): void {
  useNotices.getState().push({ tone: 'error', title, error, message: error.message });
}

export function notify(tone: 'info' | 'success', title: string, message?: string, path?: string): void {
  useNotices.getState().push({ tone, title, ...(message ? { message } : {}), ...(path ? { path } : {}) });
}
