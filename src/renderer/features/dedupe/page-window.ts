// Clusters and review pairs on demand: pages fetched by position (offset/limit), kept in a small
// LRU, one request per page in flight, a failed page retried after a pause. Items never go into a
// store; a decision taken on screen is patched into the cached item so it shows at once.
export interface Page<T> {
  total: number;
  columns: { id: string; header: string }[];
  items: T[];
}

export type PageFetcher<T> = (offset: number, limit: number) => Promise<Page<T>>;

const RETRY_MS = 3000;

export class PageWindow<T> {
  /** Items in the whole list; null until the first page arrives. */
  total: number | null = null;
  columns: { id: string; header: string }[] = [];
  error: string | null = null;
  /** Bumped on every change, for useSyncExternalStore. */
  version = 0;
  private pages = new Map<number, T[]>();
  private pending = new Map<number, Promise<void>>();
  private failedAt = new Map<number, number>();
  private listeners = new Set<() => void>();
  private disposed = false;

  constructor(
    private readonly fetcher: PageFetcher<T>,
    readonly pageSize = 50,
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

  /** The item at `index`, if its page is here (touching it, so it is evicted last). */
  item(index: number): T | undefined {
    const p = Math.floor(index / this.pageSize);
    const page = this.pages.get(p);
    if (!page) return undefined;
    this.pages.delete(p);
    this.pages.set(p, page);
    return page[index - p * this.pageSize];
  }

  /** Fetches the pages covering `from`..`to` (inclusive) that are neither here nor on their way; resolves when they are in. */
  ensure(from: number, to: number): Promise<void> {
    const last = this.total === null ? Math.floor(Math.max(from, to) / this.pageSize) : Math.floor(Math.max(0, this.total - 1) / this.pageSize);
    const waits: Promise<void>[] = [];
    for (let p = Math.floor(Math.max(0, from) / this.pageSize); p <= Math.min(last, Math.floor(Math.max(0, to) / this.pageSize)); p++) {
      const on = this.pending.get(p);
      if (on) waits.push(on);
      else if (!this.pages.has(p) && Date.now() - (this.failedAt.get(p) ?? -Infinity) >= RETRY_MS) waits.push(this.load(p));
    }
    return Promise.all(waits).then(() => undefined);
  }

  private load(p: number): Promise<void> {
    const run = (async () => {
      try {
        const page = await this.fetcher(p * this.pageSize, this.pageSize);
        if (this.disposed) return;
        this.total = page.total;
        this.columns = page.columns;
        this.error = null;
        this.failedAt.delete(p);
        this.pages.set(p, page.items);
        while (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value as number);
      } catch (err) {
        if (this.disposed) return;
        this.error = err instanceof Error ? err.message : String(err);
        this.failedAt.set(p, Date.now());
      } finally {
        this.pending.delete(p);
      }
      this.changed();
    })();
    this.pending.set(p, run);
    return run;
  }

  /** Replaces the cached items `match` picks with `update(item)`; true when one was cached. */
  patch(match: (item: T) => boolean, update: (item: T) => T): boolean {
    let found = false;
    for (const items of this.pages.values()) {
      for (let i = 0; i < items.length; i++) {
        if (match(items[i]!)) {
          items[i] = update(items[i]!);
          found = true;
        }
      }
    }
    if (found) this.changed();
    return found;
  }

  /** The first index at or after `from` whose cached item passes `test`, among the pages here (or null). */
  findCached(from: number, test: (item: T) => boolean): number | null {
    const total = this.total ?? 0;
    for (let i = Math.max(0, from); i < total; i++) {
      const p = Math.floor(i / this.pageSize);
      const page = this.pages.get(p);
      if (!page) {
        i = (p + 1) * this.pageSize - 1;
        continue;
      }
      const it = page[i - p * this.pageSize];
      if (it !== undefined && test(it)) return i;
    }
    return null;
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
