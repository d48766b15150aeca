// The findings grid: one row per finding (row id, column, entity, the text, confidence,
// recogniser, decision), windowed like the data grid — only the rows on screen are fetched.
// ↑/↓, Page Up/Down, Home/End move the selection; A accepts and R rejects the selected finding
// and moves to the next one.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { PiiFindingRow } from '../../../shared/api/pii-types';
import { formatCount } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { nextRow } from '../profile/overview';
import { decideAt } from './decide';
import { DecisionBadge } from './DecisionButtons';
import type { FindingsWindow } from './findings-window';
import { FindingText } from './FindingText';
import { shownText } from './highlight';
import { ENTITY_LABEL, formatConfidence } from './labels';
import { usePii } from './store';

const ROW_HEIGHT = 32;
const HEAD_HEIGHT = 32;
const domId = (i: number) => `pf-row-${i}`;

const HEADERS = [
  ['Row', 'pf-rowid'],
  ['Column', 'pf-col'],
  ['Entity', 'pf-entity'],
  ['Text', 'pf-text'],
  ['Conf.', 'pf-conf'],
  ['Recogniser', 'pf-rec'],
  ['Decision', 'pf-dec'],
] as const;

function Row({ f, index, header, selected, showValues, onSelect }: { f: PiiFindingRow; index: number; header: string; selected: boolean; showValues: boolean; onSelect(): void }) {
  return (
    <div role="row" id={domId(index)} aria-rowindex={index + 2} aria-selected={selected} className={`pane-row pf-row ${selected ? 'is-selected' : ''} ${f.decision ? `is-${f.decision}` : ''}`} onClick={onSelect}>
      <span role="gridcell" className="pf-rowid num">{formatCount(f.rowId)}</span>
      <span role="gridcell" className="pf-col" title={header}>{header}</span>
      <span role="gridcell" className="pf-entity"><span className="pii-entity">{ENTITY_LABEL[f.entity]}</span></span>
      <span role="gridcell" className="pf-text" title={shownText(f, showValues)}><FindingText f={f} showValues={showValues} around={10} /></span>
      <span role="gridcell" className="pf-conf num">{formatConfidence(f.confidence)}</span>
      <span role="gridcell" className="pf-rec mono faint" title={f.recogniser}>{f.recogniser}</span>
      <span role="gridcell" className="pf-dec"><DecisionBadge decision={f.decision} /></span>
    </div>
  );
}

function Placeholder({ index }: { index: number }) {
  return (
    <div role="row" aria-rowindex={index + 2} className="pane-row pf-row is-loading" aria-busy="true">
      <span role="gridcell" className="pf-loading faint">Loading…</span>
    </div>
  );
}

export function FindingsGrid({ win, headers }: { win: FindingsWindow; headers: Map<string, string> }) {
  const selected = usePii((s) => s.selected);
  const select = usePii((s) => s.select);
  const showValues = usePii((s) => s.showValues);
  const filtered = usePii((s) => s.filter.columnId !== null || s.filter.entity !== null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = win.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- read afresh on each render, as the grid does
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10, paddingStart: HEAD_HEIGHT, scrollPaddingStart: HEAD_HEIGHT });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    win.ensure(win.total === null ? 0 : first, win.total === null ? win.pageSize - 1 : last);
  }, [win, first, last, win.version]);
  useEffect(() => {
    if (total > 0 && selected < total) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, total, virtualizer]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key.toLowerCase();
    if (key === 'a' || key === 'r') {
      e.preventDefault();
      const at = selected;
      void decideAt(win, at, key === 'a' ? 'accepted' : 'rejected').then((ok) => {
        if (ok && usePii.getState().selected === at && at + 1 < total) select(at + 1);
      });
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 2);
    const to = nextRow(e.key, selected, total, page);
    if (to === null) return;
    e.preventDefault();
    select(to);
  };

  if (win.total === 0) {
    return (
      <EmptyState icon="search" iconSize={20} title="No findings" className="pf-empty">
        <p>Nothing was detected{filtered ? ' with this filter' : ''}. Not detected is not the same as not present.</p>
      </EmptyState>
    );
  }
  return (
    <div
      ref={scrollRef}
      className="pane-scroll pf-grid"
      role="grid"
      aria-label="Findings"
      aria-rowcount={total + 1}
      aria-colcount={HEADERS.length}
      aria-busy={win.total === null}
      tabIndex={0}
      aria-activedescendant={total > 0 ? domId(selected) : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="pf-inner" style={{ height: virtualizer.getTotalSize() }}>
        <div role="row" aria-rowindex={1} className="vgrid-head pf-head">
          {HEADERS.map(([label, cls]) => (
            <span key={label} role="columnheader" className={`col-head ${cls}`} title={label === 'Conf.' ? 'Confidence' : undefined}>
              {label === 'Conf.' ? <abbr title="Confidence">Conf.</abbr> : label}
            </span>
          ))}
        </div>
        {items.map((v) => {
          const f = win.row(v.index);
          return (
            <div key={v.index} className="vgrid-slot" style={{ transform: `translateY(${v.start}px)` }}>
              {f ? <Row f={f} index={v.index} header={headers.get(f.columnId) ?? f.columnId} selected={v.index === selected} showValues={showValues} onSelect={() => select(v.index)} /> : <Placeholder index={v.index} />}
            </div>
          );
        })}
      </div>
      {win.total === null && !win.error ? <p className="pf-first faint">Loading findings…</p> : null}
      {win.error ? <p className="pf-first pf-error" role="alert">The findings could not be read: {win.error}</p> : null}
    </div>
  );
}
