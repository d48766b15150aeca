// The grid's state: which dataset version is open, the requested and applied view (sort,
// filter, changed rows only), the selected cell, the visible range and column widths. Never rows.
import { create } from 'zustand';
import type { ColumnInfo, SortKey, ViewSpec } from '../../../shared/api/types';

/** "Changed rows only" in the diff view: rows with ledger entries, optionally of one step/column. */
export type ChangesFilter = NonNullable<ViewSpec['changes']>;

export interface GridTarget {
  datasetId: string;
  version: number;
  columns: ColumnInfo[];
  rowCount: number;
}

/** A view the engine has built; windows are read through its id. */
export interface AppliedView {
  viewId: string;
  total: number;
  sort: SortKey | null;
  filter: string;
  changes: ChangesFilter | null;
}

export interface Cell {
  row: number;
  col: number;
}

interface GridState {
  target: GridTarget | null;
  /** What the user asked for (the header clicked, the filter typed). */
  sort: SortKey | null;
  filter: string;
  changes: ChangesFilter | null;
  view: AppliedView | null;
  viewJobId: string | null;
  selection: Cell;
  range: { first: number; last: number };
  inspectorOpen: boolean;
  widths: Record<string, number>;
  /** Bumped to ask the filter box to take focus (Ctrl+F, menu Find). */
  focusFilterTick: number;
  /** A request to scroll a cell into view (next change); `tick` makes each request new. */
  reveal: (Cell & { tick: number }) | null;
  open(target: GridTarget): void;
  close(): void;
  setSort(sort: SortKey | null): void;
  setFilter(text: string): void;
  setChanges(changes: ChangesFilter | null): void;
  /** Selects a cell and scrolls it into view. */
  goTo(cell: Cell): void;
  select(cell: Cell): void;
  setRange(first: number, last: number): void;
  setInspectorOpen(open: boolean): void;
  setWidth(columnId: string, width: number): void;
  focusFilter(): void;
}

export const useGrid = create<GridState>((set) => ({
  target: null,
  sort: null,
  filter: '',
  changes: null,
  view: null,
  viewJobId: null,
  selection: { row: 0, col: 0 },
  range: { first: 0, last: -1 },
  inspectorOpen: false,
  widths: {},
  focusFilterTick: 0,
  reveal: null,
  open(target) {
    set({ target, sort: null, filter: '', changes: null, view: null, viewJobId: null, selection: { row: 0, col: 0 }, range: { first: 0, last: -1 }, widths: {}, reveal: null });
  },
  close() {
    set({ target: null, sort: null, filter: '', changes: null, view: null, viewJobId: null, inspectorOpen: false, reveal: null });
  },
  setSort(sort) {
    set({ sort });
  },
  setFilter(filter) {
    set({ filter });
  },
  setChanges(changes) {
    set({ changes });
  },
  goTo(cell) {
    set((s) => ({ selection: cell, reveal: { ...cell, tick: (s.reveal?.tick ?? 0) + 1 } }));
  },
  select(selection) {
    set({ selection });
  },
  setRange(first, last) {
    set((s) => (s.range.first === first && s.range.last === last ? s : { range: { first, last } }));
  },
  setInspectorOpen(inspectorOpen) {
    set({ inspectorOpen });
  },
  setWidth(columnId, width) {
    set((s) => ({ widths: { ...s.widths, [columnId]: width } }));
  },
  focusFilter() {
    set((s) => ({ focusFilterTick: s.focusFilterTick + 1 }));
  },
}));

/** Rows in what the grid shows: the view's count when one is applied. */
export function shownTotal(s: { target: GridTarget | null; view: AppliedView | null }): number {
  return s.view?.total ?? s.target?.rowCount ?? 0;
}

/** The next sort state when a header is clicked: asc → desc → none. */
export function nextSort(current: SortKey | null, columnId: string): SortKey | null {
  if (!current || current.columnId !== columnId) return { columnId, direction: 'asc' };
  return current.direction === 'asc' ? { columnId, direction: 'desc' } : null;
}
