// A virtualised, keyboard-reachable table over a window of rows fetched on demand (the bundle's
// ledger and findings): only the rows on screen are asked for; ↑/↓, Page Up/Down, Home/End move.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import { formatCount } from '../../lib/format';
import type { PageWindow } from '../dedupe/page-window';
import { nextRow } from '../profile/overview';

const ROW_HEIGHT = 30;
const HEAD_HEIGHT = 30;

export interface WindowColumn<T> {
  label: string;
  className: string;
  cell(row: T): ReactNode;
  title?(row: T): string | undefined;
}

export function WindowTable<T>({ win, columns, label, empty, className }: { win: PageWindow<T>; columns: readonly WindowColumn<T>[]; label: string; empty: string; className: string }) {
  useSyncExternalStore(win.subscribe, win.getVersion);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState(0);
  const total = win.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- read afresh on each render, as the grid does
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10, paddingStart: HEAD_HEIGHT, scrollPaddingStart: HEAD_HEIGHT });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    void win.ensure(win.total === null ? 0 : first, win.total === null ? win.pageSize - 1 : last);
  }, [win, first, last, win.total]);
  useEffect(() => {
    if (total > 0 && selected < total) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, total, virtualizer]);

  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 2);
    const to = nextRow(e.key, selected, total, page);
    if (to === null) return;
    e.preventDefault();
    setSelected(to);
  };

  if (win.error && win.total === null) return <p className="aud-pad banner banner-error" role="alert">{label} cannot be read: {win.error}</p>;
  if (win.total === 0) return <p className="aud-pad faint">{empty}</p>;
  return (
    <div className={`aud-wt ${className}`}>
      <div
        ref={scrollRef}
        className="pane-scroll aud-wt-scroll"
        role="grid"
        aria-label={label}
        aria-rowcount={total + 1}
        aria-busy={win.total === null}
        tabIndex={0}
        aria-activedescendant={total > 0 ? `${className}-row-${selected}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div className="aud-wt-inner" style={{ height: virtualizer.getTotalSize() }}>
          <div role="row" aria-rowindex={1} className="vgrid-head aud-wt-row aud-wt-head">
            {columns.map((c) => (
              <span key={c.label} role="columnheader" className={`col-head ${c.className}`}>{c.label}</span>
            ))}
          </div>
          {items.map((v) => {
            const row = win.item(v.index);
            return (
              <div key={v.index} className="vgrid-slot" style={{ transform: `translateY(${v.start}px)` }}>
                {row ? (
                  <div role="row" id={`${className}-row-${v.index}`} aria-rowindex={v.index + 2} aria-selected={v.index === selected} className={`pane-row aud-wt-row ${v.index === selected ? 'is-selected' : ''}`} onClick={() => setSelected(v.index)}>
                    {columns.map((c) => (
                      <span key={c.label} role="gridcell" className={c.className} title={c.title?.(row)}>{c.cell(row)}</span>
                    ))}
                  </div>
                ) : (
                  <div role="row" aria-rowindex={v.index + 2} className="pane-row aud-wt-row is-loading" aria-busy="true">
                    <span role="gridcell" className="faint">Loading…</span>
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <p className="aud-wt-status faint" aria-live="polite">
        {win.total === null ? 'Reading…' : `${formatCount(total)} ${total === 1 ? 'row' : 'rows'}`}
        {win.error ? ` · ${win.error}` : ''}
      </p>
    </div>
  );
}
