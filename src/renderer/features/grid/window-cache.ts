// Grid rows on demand: blocks of rows fetched by position (only the columns on screen plus
// overscan), kept in an LRU, at most a few requests in flight, and queued requests for rows the
// user has scrolled past dropped before they are sent. Rows never go into the store. In the diff
// view each block also holds its rows' ledger entries, fetched once its row ids are known and
// evicted with it.
import type { LedgerEntry } from '../../../shared/api/clean-types';
import type { GridWindow } from '../../../shared/api/types';

export type WindowFetcher = (offset: number, limit: number, columnIds: string[]) => Promise<GridWindow>;
/** The ledger entries of the given rows (diff.cells). */
export type ChangesFetcher = (rowIds: number[]) => Promise<LedgerEntry[]>;

export interface WindowCacheOptions {
  blockSize?: number;
  maxBlocks?: number;
  concurrency?: number;
}

interface Block {
  rowIds: number[] | null;
  cols: Map<string, (string | null)[]>;
  pending: Set<string>;
  rowIdsPending: boolean;
  /** When a fetch for this block last failed: it is not retried for RETRY_MS. */
  failedAt: number;
  /** Row index in the block → its ledger entries (diff view); null until fetched. */
  changes: Map<number, LedgerEntry[]> | null;
  changesPending: boolean;
  changesFailedAt: number;
}

const RETRY_MS = 2000;

interface Request {
  block: number;
  columns: string[];
  key: string;
}

export class WindowCache {
  readonly blockSize: number;
  private readonly maxBlocks: number;
  private readonly concurrency: number;
  /** Set in the diff view (setChanges): each block's changes are fetched with it. */
  private changesFetcher: ChangesFetcher | null = null;
  /** Bumped when the changes fetcher changes, so answers to the old one are dropped. */
  private changesGen = 0;
  private blocks = new Map<number, Block>();
  private queue: Request[] = [];
  private inFlight = 0;
  private disposed = false;
  private listeners = new Set<() => void>();
  private lastError: string | null = null;
  /** The blocks the last ensure() covered. */
  private shown = { lo: 0, hi: -1 };
  /** Bumped on every change, so React can subscribe with useSyncExternalStore. */
  version = 0;

  constructor(
    private readonly fetcher: WindowFetcher,
    readonly total: number,
    opts: WindowCacheOptions = {},
  ) {
    this.blockSize = opts.blockSize ?? 100;
    this.maxBlocks = opts.maxBlocks ?? 400;
    this.concurrency = opts.concurrency ?? 2;
  }

  /**
   * Turns the diff view's changes on (with this fetcher: a step or column filter is a new one)
   * or off. Rows stay; their changes are fetched again for the blocks held.
   */
  setChanges(fetcher: ChangesFetcher | null): void {
    if (fetcher === this.changesFetcher) return;
    this.changesFetcher = fetcher;
    this.changesGen++;
    for (const b of this.blocks.values()) {
      b.changes = null;
      b.changesPending = false;
      b.changesFailedAt = 0;
    }
    // Only the blocks on screen ask again now; the others do when they are next shown.
    for (let i = this.shown.lo; i <= this.shown.hi; i++) {
      const b = this.blocks.get(i);
      if (b) this.requestChanges(b);
    }
    this.changed();
  }

  /** Whether this cache carries a run's changes (the diff view). */
  get tracksChanges(): boolean {
    return this.changesFetcher !== null;
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = (): number => this.version;

  get error(): string | null {
    return this.lastError;
  }

  /** The cell text (null for a missing value), or undefined while it is not loaded. */
  cell(row: number, columnId: string): string | null | undefined {
    const b = this.blocks.get(Math.floor(row / this.blockSize));
    return b?.cols.get(columnId)?.[row % this.blockSize];
  }

  rowId(row: number): number | undefined {
    return this.blocks.get(Math.floor(row / this.blockSize))?.rowIds?.[row % this.blockSize];
  }

  /** A row's ledger entries ([] when none), or undefined while they are not loaded. */
  rowChanges(row: number): LedgerEntry[] | undefined {
    const changes = this.blocks.get(Math.floor(row / this.blockSize))?.changes;
    return changes ? (changes.get(row % this.blockSize) ?? []) : undefined;
  }

  /** One cell's ledger entries in step order ([] when unchanged), or undefined while loading. */
  cellChanges(row: number, columnId: string): LedgerEntry[] | undefined {
    return this.rowChanges(row)?.filter((e) => e.columnId === columnId);
  }

  /**
   * Makes sure rows first..last (inclusive) of these columns get loaded. Queued requests that
   * this range no longer needs are dropped: the latest viewport wins.
   */
  ensure(first: number, last: number, columnIds: string[]): void {
    if (this.disposed || this.total === 0 || last < first) return;
    const lo = Math.max(0, Math.floor(first / this.blockSize));
    const hi = Math.min(Math.floor((this.total - 1) / this.blockSize), Math.floor(last / this.blockSize));
    this.shown = { lo, hi };
    const wanted: Request[] = [];
    for (let i = lo; i <= hi; i++) {
      const b = this.touch(i);
      this.requestChanges(b);
      if (Date.now() - b.failedAt < RETRY_MS) continue;
      const missing = columnIds.filter((c) => !b.cols.has(c) && !b.pending.has(c));
      const needIds = b.rowIds === null && !b.rowIdsPending;
      if (missing.length > 0 || needIds) wanted.push({ block: i, columns: missing, key: `${i}:${missing.join(',')}` });
    }
    // Nearest blocks to the viewport first: the middle of the range is what the user sees.
    const mid = (lo + hi) / 2;
    wanted.sort((a, b) => Math.abs(a.block - mid) - Math.abs(b.block - mid));
    this.queue = wanted;
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    this.queue = [];
    this.listeners.clear();
  }

  /** Loaded blocks (for tests and diagnostics). */
  get size(): number {
    return this.blocks.size;
  }

  private touch(i: number): Block {
    let b = this.blocks.get(i);
    if (b) {
      this.blocks.delete(i);
    } else {
      b = { rowIds: null, cols: new Map(), pending: new Set(), rowIdsPending: false, failedAt: 0, changes: null, changesPending: false, changesFailedAt: 0 };
    }
    this.blocks.set(i, b);
    this.evict();
    return b;
  }

  private evict(): void {
    for (const [i, b] of this.blocks) {
      if (this.blocks.size <= this.maxBlocks) break;
      if (b.pending.size > 0 || b.rowIdsPending || b.changesPending) continue;
      this.blocks.delete(i);
    }
  }

  private pump(): void {
    while (!this.disposed && this.inFlight < this.concurrency && this.queue.length > 0) {
      const req = this.queue.shift()!;
      const b = this.touch(req.block);
      const columns = req.columns.filter((c) => !b.cols.has(c) && !b.pending.has(c));
      if (columns.length === 0 && (b.rowIds !== null || b.rowIdsPending)) continue;
      for (const c of columns) b.pending.add(c);
      if (b.rowIds === null) b.rowIdsPending = true;
      this.inFlight++;
      const offset = req.block * this.blockSize;
      const limit = Math.min(this.blockSize, this.total - offset);
      this.fetcher(offset, limit, columns)
        .then(
          (w) => this.fill(req.block, columns, w),
          (err: unknown) => {
            this.lastError = err instanceof Error ? err.message : String(err);
            this.release(req.block, columns);
            setTimeout(() => this.changed(), RETRY_MS);
          },
        )
        .finally(() => {
          this.inFlight--;
          this.changed();
          this.pump();
        });
    }
  }

  private fill(i: number, columns: string[], w: GridWindow): void {
    if (this.disposed) return;
    const b = this.blocks.get(i) ?? this.touch(i);
    b.rowIds = w.rowIds;
    b.rowIdsPending = false;
    b.failedAt = 0;
    this.requestChanges(b);
    columns.forEach((c) => {
      const at = w.columnIds.indexOf(c);
      b.cols.set(c, w.rows.map((r) => (at >= 0 ? (r[at] ?? null) : null)));
      b.pending.delete(c);
    });
    this.lastError = null;
  }

  /** Fetches a block's changes once its row ids are known (diff view only). */
  private requestChanges(b: Block): void {
    const fetch = this.changesFetcher;
    const rowIds = b.rowIds;
    if (!fetch || !rowIds || b.changes !== null || b.changesPending || Date.now() - b.changesFailedAt < RETRY_MS) return;
    b.changesPending = true;
    const gen = this.changesGen;
    fetch(rowIds)
      .then(
        (entries) => {
          if (gen !== this.changesGen) return;
          const at = new Map(rowIds.map((id, k) => [id, k]));
          const changes = new Map<number, LedgerEntry[]>();
          for (const e of entries) {
            const k = at.get(e.rowId);
            if (k !== undefined) changes.set(k, [...(changes.get(k) ?? []), e]);
          }
          b.changes = changes;
        },
        (err: unknown) => {
          if (gen !== this.changesGen) return;
          this.lastError = err instanceof Error ? err.message : String(err);
          b.changesFailedAt = Date.now();
          setTimeout(() => this.changed(), RETRY_MS);
        },
      )
      .finally(() => {
        if (gen !== this.changesGen) return;
        b.changesPending = false;
        this.changed();
      });
  }

  private release(i: number, columns: string[]): void {
    const b = this.blocks.get(i);
    if (!b) return;
    for (const c of columns) b.pending.delete(c);
    b.rowIdsPending = false;
    b.failedAt = Date.now();
  }

  private changed(): void {
    if (this.disposed) return;
    this.version++;
    for (const l of this.listeners) l();
  }
}
