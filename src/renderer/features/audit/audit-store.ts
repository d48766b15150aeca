// The audit screen's state: the filter, the pages of entries read so far (newest first), the
// selected entry, and the last verification (or its error).
import { create } from 'zustand';
import type { AuditEntry, AuditFilter, AuditVerifyResult } from '../../../shared/api/governance-types';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';

export const AUDIT_PAGE = 100;

interface AuditState {
  filter: AuditFilter;
  entries: AuditEntry[];
  /** Actions seen in any page read (the action filter's choices). */
  seenActions: string[];
  loading: boolean;
  hasMore: boolean;
  error: ErrorInfo | null;
  selected: number | null;
  verifying: boolean;
  verified: AuditVerifyResult | null;
  verifyError: ErrorInfo | null;
  setFilter(f: AuditFilter): Promise<void>;
  reload(): Promise<void>;
  more(): Promise<void>;
  select(seq: number | null): void;
  verify(): Promise<void>;
  /** Forgets everything read (another workspace was opened). */
  reset(): void;
}

const merge = (seen: string[], entries: AuditEntry[]): string[] => [...new Set([...seen, ...entries.map((e) => e.action)])];

export const useAudit = create<AuditState>((set, get) => ({
  filter: {},
  entries: [],
  seenActions: [],
  loading: false,
  hasMore: false,
  error: null,
  selected: null,
  verifying: false,
  verified: null,
  verifyError: null,
  async setFilter(filter) {
    set({ filter });
    await get().reload();
  },
  async reload() {
    set({ loading: true });
    const r = await api.send('audit.list', { limit: AUDIT_PAGE, filter: get().filter });
    if (!r.ok) return set({ loading: false, error: r.error });
    const keep = r.value.some((e) => e.seq === get().selected);
    set((s) => ({ entries: r.value, seenActions: merge(s.seenActions, r.value), hasMore: r.value.length === AUDIT_PAGE, loading: false, error: null, selected: keep ? s.selected : (r.value[0]?.seq ?? null) }));
  },
  async more() {
    const last = get().entries.at(-1);
    if (!last || get().loading) return;
    set({ loading: true });
    const r = await api.send('audit.list', { limit: AUDIT_PAGE, beforeSeq: last.seq, filter: get().filter });
    if (!r.ok) return set({ loading: false, error: r.error });
    set((s) => ({ entries: [...s.entries, ...r.value], seenActions: merge(s.seenActions, r.value), hasMore: r.value.length === AUDIT_PAGE, loading: false, error: null }));
  },
  select(selected) {
    set({ selected });
  },
  reset() {
    set({ filter: {}, entries: [], seenActions: [], hasMore: false, error: null, selected: null, verified: null, verifyError: null });
  },
  async verify() {
    set({ verifying: true, verifyError: null });
    const r = await api.send('audit.verify', {});
    set(r.ok ? { verifying: false, verified: r.value } : { verifying: false, verified: null, verifyError: r.error });
  },
}));
