// Grid keyboard: arrows move the selected cell, PageUp/PageDown by a screen, Home/End to the
// first/last column, Ctrl/Cmd+Home/End to the first/last row, Ctrl/Cmd+C copies, Enter inspects.
import { useCallback, type RefObject } from 'react';
import { copyText } from '../../lib/clipboard';
import { isMod } from '../../lib/keys';
import { notify } from '../notices/store';
import { pageRows, revealRow, type Geometry } from './scroll-map';
import { shownTotal, useGrid } from './store';
import type { WindowCache } from './window-cache';

/** Scrolls horizontally so column `col` is in view (past the sticky row numbers). */
export function revealColumn(el: HTMLElement | null, col: number, starts: number[], widths: number[], rowNumW: number): void {
  const x = starts[col];
  const w = widths[col];
  if (!el || x === undefined || w === undefined) return;
  if (x - rowNumW < el.scrollLeft) el.scrollLeft = x - rowNumW;
  else if (x + w > el.scrollLeft + el.clientWidth) el.scrollLeft = x + w - el.clientWidth;
}

interface Args {
  cache: WindowCache;
  geo: Geometry;
  vRef: RefObject<number>;
  scrollRef: RefObject<HTMLDivElement | null>;
  scrollToVirtual(v: number): void;
  starts: number[];
  widths: number[];
  rowNumW: number;
}

export function useGridKeys({ cache, geo, vRef, scrollRef, scrollToVirtual, starts, widths, rowNumW }: Args) {
  return useCallback(
    (e: React.KeyboardEvent) => {
      const s = useGrid.getState();
      const total = shownTotal(s);
      const cols = s.target?.columns ?? [];
      if (total === 0 || cols.length === 0) return;
      const { row, col } = s.selection;
      const mod = isMod(e);
      let next: { row: number; col: number };
      switch (e.key) {
        case 'ArrowDown':
          next = { row: row + 1, col };
          break;
        case 'ArrowUp':
          next = { row: row - 1, col };
          break;
        case 'ArrowRight':
          next = { row, col: col + 1 };
          break;
        case 'ArrowLeft':
          next = { row, col: col - 1 };
          break;
        case 'PageDown':
          next = { row: row + pageRows(geo), col };
          break;
        case 'PageUp':
          next = { row: row - pageRows(geo), col };
          break;
        case 'Home':
          next = mod ? { row: 0, col } : { row, col: 0 };
          break;
        case 'End':
          next = mod ? { row: total - 1, col } : { row, col: cols.length - 1 };
          break;
        case 'Enter':
          e.preventDefault();
          s.setInspectorOpen(true);
          return;
        case 'c':
        case 'C': {
          if (!mod || e.shiftKey || e.altKey) return;
          e.preventDefault();
          const column = cols[col];
          const text = column ? cache.cell(row, column.id) : undefined;
          if (text === undefined) return;
          void copyText(text ?? '').then((ok) => ok && notify('info', 'Cell copied', text === null ? 'The cell is empty (null).' : undefined));
          return;
        }
        default:
          return;
      }
      e.preventDefault();
      next = { row: Math.max(0, Math.min(total - 1, next.row)), col: Math.max(0, Math.min(cols.length - 1, next.col)) };
      s.select(next);
      scrollToVirtual(revealRow(next.row, vRef.current ?? 0, geo));
      revealColumn(scrollRef.current, next.col, starts, widths, rowNumW);
    },
    [cache, geo, vRef, scrollRef, scrollToVirtual, starts, widths, rowNumW],
  );
}
