// The data grid: one scroll container with a sticky header row and a sticky row-number column;
// rows virtualised by hand (fixed height, proportional scroll mapping past the browser's height
// cap), columns by @tanstack/react-virtual; cells read from the window cache, never the store. In
// the diff view, cells a run changed are highlighted, with before → after on hover.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Icon } from '../../ui/Icon';
import { changeTooltip, summarizeCell } from '../diff/cell-changes';
import { defaultWidth, isNumeric, rowNumberWidth } from './columns';
import { GridHeaderCell } from './GridHeaderCell';
import { clampVirtual, isScaled, physicalHeight, revealRow, rowTop, toPhysical, toVirtual, visibleRows, type Geometry } from './scroll-map';
import { nextSort, shownTotal, useGrid } from './store';
import { revealColumn, useGridKeys } from './use-grid-keys';
import { applyView } from './view';
import type { WindowCache } from './window-cache';

export const ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 50;
const RENDER_OVERSCAN = 3;
const FETCH_OVERSCAN = 40;

export function DataGrid({ cache }: { cache: WindowCache }) {
  const target = useGrid((s) => s.target);
  const view = useGrid((s) => s.view);
  const sort = useGrid((s) => s.sort);
  const viewJobId = useGrid((s) => s.viewJobId);
  const selection = useGrid((s) => s.selection);
  const widthsById = useGrid((s) => s.widths);
  const setWidth = useGrid((s) => s.setWidth);
  const select = useGrid((s) => s.select);
  const setRange = useGrid((s) => s.setRange);
  const setInspectorOpen = useGrid((s) => s.setInspectorOpen);
  const reveal = useGrid((s) => s.reveal);
  useSyncExternalStore(cache.subscribe, cache.getVersion);

  const columns = useMemo(() => target?.columns ?? [], [target]);
  const total = shownTotal({ target, view });
  const scrollRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  // The virtual offset and the scrollTop it was mapped to, always updated together.
  const [pos, setPos] = useState({ v: 0, top: 0 });
  const vRef = useRef(0);
  const expected = useRef<number | null>(null);

  const geo: Geometry = useMemo(() => ({ rows: total, rowHeight: ROW_HEIGHT, viewport: Math.max(0, size.height - HEADER_HEIGHT) }), [total, size.height]);
  const geoRef = useRef(geo);
  const rowNumW = rowNumberWidth(target?.rowCount ?? 0);
  const widths = useMemo(() => columns.map((c) => widthsById[c.id] ?? defaultWidth(c)), [columns, widthsById]);
  const starts = useMemo(() => {
    const out: number[] = [];
    let x = rowNumW;
    for (const w of widths) {
      out.push(x);
      x += w;
    }
    return out;
  }, [widths, rowNumW]);
  const totalWidth = rowNumW + widths.reduce((a, b) => a + b, 0);

  // The virtualizer is read afresh on every render (scroll drives re-renders), so the compiler
  // skipping memoisation here is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const colVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => widths[i] ?? 120,
    paddingStart: rowNumW,
    overscan: 3,
  });
  useEffect(() => colVirtualizer.measure(), [widths, rowNumW, colVirtualizer]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    setSize({ width: el.clientWidth, height: el.clientHeight });
    return () => ro.disconnect();
  }, []);

  const scrollToVirtual = useCallback((next: number) => {
    const el = scrollRef.current;
    const g = geoRef.current;
    const nv = clampVirtual(next, g);
    vRef.current = nv;
    if (!el) return setPos({ v: nv, top: 0 });
    const before = el.scrollTop;
    el.scrollTop = toPhysical(nv, g);
    expected.current = Math.abs(el.scrollTop - before) < 0.5 ? null : el.scrollTop;
    setPos({ v: nv, top: el.scrollTop });
  }, []);

  const layoutRef = useRef({ starts, widths });
  useLayoutEffect(() => {
    geoRef.current = geo;
    layoutRef.current = { starts, widths };
  }, [geo, starts, widths]);

  // When the grid gets narrower (the inspector opened, the window shrank) keep the selected
  // cell in view.
  useEffect(() => {
    const el = scrollRef.current;
    const { col } = useGrid.getState().selection;
    const x = layoutRef.current.starts[col];
    const w = layoutRef.current.widths[col];
    if (el && x !== undefined && w !== undefined && x + w > el.scrollLeft + el.clientWidth) el.scrollLeft = x + w - el.clientWidth;
  }, [size.width]);

  // A new view or dataset starts at the top.
  useLayoutEffect(() => {
    scrollToVirtual(0);
  }, [cache, scrollToVirtual]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    if (expected.current !== null && Math.abs(el.scrollTop - expected.current) <= 1) {
      expected.current = null;
      return;
    }
    expected.current = null;
    const nv = toVirtual(el.scrollTop, geoRef.current);
    vRef.current = nv;
    setPos({ v: nv, top: el.scrollTop });
  };

  // Past the height cap one scrollbar pixel is many rows, so the wheel moves virtual pixels.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const g = geoRef.current;
      if (!isScaled(g) || e.ctrlKey || Math.abs(e.deltaY) < Math.abs(e.deltaX)) return;
      e.preventDefault();
      const unit = e.deltaMode === 1 ? ROW_HEIGHT : e.deltaMode === 2 ? g.viewport : 1;
      scrollToVirtual(vRef.current + e.deltaY * unit);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [scrollToVirtual]);

  // A request to show a cell (next change): scroll it into view both ways.
  useEffect(() => {
    if (!reveal) return;
    scrollToVirtual(revealRow(reveal.row, vRef.current, geoRef.current));
    revealColumn(scrollRef.current, reveal.col, layoutRef.current.starts, layoutRef.current.widths, rowNumW);
  }, [reveal, scrollToVirtual, rowNumW]);

  const { v } = pos;
  const { first, last } = visibleRows(v, geo);
  const items = colVirtualizer.getVirtualItems();
  const colKey = items.map((i) => columns[i.index]?.id ?? '').join(',');
  useEffect(() => {
    cache.ensure(first - FETCH_OVERSCAN, last + FETCH_OVERSCAN, colKey ? colKey.split(',') : []);
    setRange(first, last);
  }, [cache, first, last, colKey, setRange]);

  const onKeyDown = useGridKeys({ cache, geo, vRef, scrollRef, scrollToVirtual, starts, widths, rowNumW });

  const onSort = (columnId: string) => {
    useGrid.getState().setSort(nextSort(useGrid.getState().sort, columnId));
    void applyView();
  };

  const scrollTop = pos.top;
  const rows: number[] = [];
  for (let r = Math.max(0, first - RENDER_OVERSCAN); r <= Math.min(total - 1, last + RENDER_OVERSCAN); r++) rows.push(r);
  const sel = selection.row < total ? selection : null;
  const activeId = sel ? `gcell-${sel.row}-${sel.col}` : undefined;

  return (
    <div
      ref={scrollRef}
      className="grid-scroll"
      role="grid"
      aria-label="Dataset rows"
      aria-rowcount={total + 1}
      aria-colcount={columns.length + 1}
      aria-activedescendant={activeId}
      aria-busy={viewJobId !== null}
      tabIndex={0}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      <div className="grid-canvas" style={{ width: totalWidth, height: HEADER_HEIGHT + physicalHeight(geo) }}>
        <div className="ghead" role="row" aria-rowindex={1} style={{ width: totalWidth, height: HEADER_HEIGHT }}>
          <div className="ghcorner" role="columnheader" aria-colindex={1} style={{ width: rowNumW }}>
            <span className="faint">#</span>
          </div>
          {items.map((it) => {
            const c = columns[it.index];
            if (!c) return null;
            return (
              <GridHeaderCell
                key={c.id}
                column={c}
                index={it.index}
                left={it.start}
                width={it.size}
                sort={view?.sort ?? null}
                pending={viewJobId !== null && sort?.columnId === c.id}
                onSort={() => onSort(c.id)}
                onResize={(w) => setWidth(c.id, w)}
              />
            );
          })}
        </div>
        <div className="gbody" style={{ height: physicalHeight(geo) }}>
          {rows.map((r) => {
            const rowId = cache.rowId(r);
            return (
              <div
                key={r}
                role="row"
                aria-rowindex={r + 2}
                className={`grow ${r % 2 ? 'is-odd' : ''} ${sel?.row === r ? 'is-selected-row' : ''}`}
                style={{ top: rowTop(r, v, scrollTop, geo), width: totalWidth, height: ROW_HEIGHT }}
              >
                <div role="rowheader" className="gcell-rownum num" style={{ width: rowNumW }}>
                  {rowId === undefined ? <span className="gskel gskel-num" /> : rowId}
                </div>
                {items.map((it) => {
                  const c = columns[it.index];
                  if (!c) return null;
                  const text = cache.cell(r, c.id);
                  const selected = sel?.row === r && sel.col === it.index;
                  const long = typeof text === 'string' && text.length * 7 > it.size - 16;
                  const change = cache.tracksChanges ? summarizeCell(cache.cellChanges(r, c.id)) : null;
                  return (
                    <div
                      key={c.id}
                      id={`gcell-${r}-${it.index}`}
                      role="gridcell"
                      aria-colindex={it.index + 2}
                      aria-selected={selected}
                      className={`gcell ${isNumeric(c.logicalType) ? 'is-num' : ''} ${selected ? 'is-selected' : ''} ${change ? 'is-changed' : ''}`}
                      style={{ left: it.start, width: it.size }}
                      title={change ? changeTooltip(change) : long ? text : undefined}
                      aria-description={change ? `changed by ${change.steps.map((st) => st.label).join(', ')}` : undefined}
                      onMouseDown={() => select({ row: r, col: it.index })}
                      onDoubleClick={() => setInspectorOpen(true)}
                    >
                      {text === undefined ? <span className="gskel" /> : text === null ? <span className="gnull">null</span> : text}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      {total === 0 && target ? (
        <div className="grid-empty">
          <Icon name="search" size={20} />
          <p>{view?.filter ? `No rows match “${view.filter}”.` : 'This dataset has no rows.'}</p>
          {view?.filter ? (
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => {
                useGrid.getState().setFilter('');
                void applyView();
              }}
            >
              Clear filter
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
