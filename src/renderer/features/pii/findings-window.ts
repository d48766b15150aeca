// Findings on demand: pages fetched by position (pii.findings with offset/limit), kept in a small
// LRU, one request per page in flight. Rows never go into a store; a decision taken in the grid is
// patched into the cached row so it shows at once without refetching.
import type { PiiDecision, PiiFindingRow, PiiFindingsPage } from '../../../shared/api/pii-types';

export type FindingsFetcher = (offset: number, limit: number) => Promise<PiiFindingsPage>;

const RETRY_MS = 3000;

export class FindingsWindow {
  /** All findings matching the filter; null until the first page arrives. */
  total: number | null = null;
  error: string | null = null;
  /** Bumped on every change, for useSyncExternalStore. */
  version = 0;
  private pages = new Map<number, PiiFindingRow[]>();
  private pending = new Set<number>();
  /** When a page's fetch last failed: not retried for RETRY_MS (the error shows meanwhile). */
  private failedAt = new Map<number, number>();
  private listeners = new Set<() => void>();
  private disposed = false;

  constructor(
    private readonly fetcher: FindingsFetcher,
    readonly pageSize = 100,
    private readonly maxPages = 20,
  ) {}

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  /** The row at `index`, if its page is here (touching it, so it is evicted last). */
  row(index: number): PiiFindingRow | undefined {
    const p = Math.floor(index / this.pageSize);
    const page = this.pages.get(p);
    if (!page) return undefined;
    this.pages.delete(p);
    this.pages.set(p, page);
    return page[index - p * this.pageSize];
  }

  /** Fetches the pages covering rows `from`..`to` (inclusive) that are neither here nor on their way. */
  ensure(from: number, to: number): void {
    const last = this.total === null ? Math.floor(Math.max(from, to) / this.pageSize) : Math.floor(Math.max(0, this.total - 1) / this.pageSize);
    for (let p = Math.floor(Math.max(0, from) / this.pageSize); p <= Math.min(last, Math.floor(Math.max(0, to) / this.pageSize)); p++) {
      if (this.pages.has(p) || this.pending.has(p) || Date.now() - (this.failedAt.get(p) ?? -Infinity) < RETRY_MS) continue;
      void this.load(p);
    }
  }

  private async load(p: number): Promise<void> {
    this.pending.add(p);
    try {
      const page = await this.fetcher(p * this.pageSize, this.pageSize);
      if (this.disposed) return;
      this.total = page.total;
      this.error = null;
      this.failedAt.delete(p);
      this.pages.set(p, page.rows);
      while (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value as number);
    } catch (err) {
      if (this.disposed) return;
      this.error = err instanceof Error ? err.message : String(err);
      this.failedAt.set(p, Date.now());
    } finally {
      this.pending.delete(p);
    }
    this.changed();
  }

  /** Shows a decision at once on the cached row (the engine has recorded it). */
  patch(findingId: number, decision: PiiDecision | null): void {
    for (const rows of this.pages.values()) {
      const i = rows.findIndex((r) => r.findingId === findingId);
      if (i >= 0) {
        rows[i] = { ...(rows[i] as PiiFindingRow), decision };
        this.changed();
        return;
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
