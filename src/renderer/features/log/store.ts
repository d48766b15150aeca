// The activity panel's state: open or not, and the event log pages read so far (newest first).
import { create } from 'zustand';
import type { ErrorInfo } from '../../../shared/api/result';
import type { EventLogEntry } from '../../../shared/api/types';
import { api } from '../../api';

const PAGE = 50;

interface LogState {
  open: boolean;
  entries: EventLogEntry[];
  loading: boolean;
  hasMore: boolean;
  error: ErrorInfo | null;
  setOpen(open: boolean): void;
  reload(): Promise<void>;
  more(): Promise<void>;
}

export const useLog = create<LogState>((set, get) => ({
  open: false,
  entries: [],
  loading: false,
  hasMore: false,
  error: null,
  setOpen(open) {
    set({ open });
    if (open) void get().reload();
  },
  async reload() {
    set({ loading: true });
    const r = await api.send('log.list', { limit: PAGE });
    if (r.ok) set({ entries: r.value, hasMore: r.value.length === PAGE, loading: false, error: null });
    else set({ loading: false, error: r.error });
  },
  async more() {
    const last = get().entries.at(-1);
    if (!last) return;
    set({ loading: true });
    const r = await api.send('log.list', { limit: PAGE, beforeSeq: last.seq });
    if (r.ok) set((s) => ({ entries: [...s.entries, ...r.value], hasMore: r.value.length === PAGE, loading: false, error: null }));
    else set({ loading: false, error: r.error });
  },
}));
