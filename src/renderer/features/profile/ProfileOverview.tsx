// The overview: one row per column — name, type, missing values (bar), distinct values, values
// failing the type and anomaly flags. Sortable by any of them; ↑/↓, Page Up/Down, Home and End
// move the selection (which the detail panel shows); header clicks sort. Rows are virtualised,
// so 500 columns scroll as smoothly as 5.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { ColumnProfile, DatasetProfile } from '../../../shared/api/profile-types';
import { FLAG_TEXT, formatPercent, profileFlags } from '../../../shared/profile/format';
import { formatCount } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { TYPE_LABEL } from '../grid/columns';
import { columnLabel, missingOf, nextRow, sortedColumns, type ProfileSortKey } from './overview';
import { useProfile } from './store';
import './overview.css';

const ROW_HEIGHT = 34;
const HEAD_HEIGHT = 32;

const HEADERS: { key: ProfileSortKey; label: string; title: string; className: string }[] = [
  { key: 'position', label: '#', title: 'column order', className: 'po-pos' },
  { key: 'name', label: 'Column', title: 'column name', className: 'po-name' },
  { key: 'type', label: 'Type', title: 'type', className: 'po-type' },
  { key: 'missing', label: 'Missing', title: 'missing values (nulls and empty strings)', className: 'po-missing' },
  { key: 'distinct', label: 'Distinct', title: 'distinct values', className: 'po-distinct' },
  { key: 'failing', label: 'Failing', title: 'values failing the type', className: 'po-failing' },
  { key: 'flags', label: 'Flags', title: 'number of anomaly flags', className: 'po-flags' },
];

const FLAG_SHORT: Record<string, string> = { 'all-null': 'empty', failing: 'type', outliers: 'outliers', whitespace: 'spaces', case: 'case', near: 'near', constant: 'constant' };

const rowId = (c: ColumnProfile) => `po-row-${c.columnId}`;

function Row({ c, rows, selected, onSelect }: { c: ColumnProfile; rows: number; selected: boolean; onSelect(): void }) {
  const missing = missingOf(c);
  const flags = profileFlags(c, rows);
  return (
    <div role="row" id={rowId(c)} aria-selected={selected} className={`pane-row po-row ${selected ? 'is-selected' : ''}`} onClick={onSelect}>
      <span role="gridcell" className="po-pos num faint">
        {c.position + 1}
      </span>
      <span role="gridcell" className={`po-name ${c.header === '' ? 'is-blank' : ''}`} title={columnLabel(c)}>
        {columnLabel(c)}
      </span>
      <span role="gridcell" className="po-type">
        <span className={`type-badge type-${c.inferredType}`} title={c.inferredType === c.logicalType ? c.inferredType : `${c.inferredType} (imported as ${c.logicalType})`}>
          {TYPE_LABEL[c.inferredType]}
        </span>
      </span>
      <span role="gridcell" className="po-missing" aria-label={`${formatCount(missing)} missing, ${formatPercent(missing, rows)}`}>
        <span className="meter po-bar" aria-hidden="true">
          <span className="meter-fill po-bar-fill" style={{ width: `${rows > 0 ? Math.max(missing > 0 ? 2 : 0, (100 * missing) / rows) : 0}%` }} />
        </span>
        <span className="num">{formatPercent(missing, rows)}</span>
      </span>
      <span role="gridcell" className="po-distinct num">
        {c.distinctExact ? '' : '≈'}
        {formatCount(c.distinct)}
      </span>
      <span role="gridcell" className={`po-failing num ${c.failing > 0 ? 'is-bad' : 'faint'}`}>
        {c.failing > 0 ? formatCount(c.failing) : '—'}
      </span>
      <span role="gridcell" className="po-flags" aria-label={flags.map((f) => FLAG_TEXT[f]).join(', ') || 'no flags'}>
        {flags.map((f) => (
          <span key={f} className={`po-flag po-flag-${f}`} title={FLAG_TEXT[f]} aria-hidden="true">
            {FLAG_SHORT[f]}
          </span>
        ))}
      </span>
    </div>
  );
}

function OverviewHead() {
  const sort = useProfile((s) => s.sort);
  const setSort = useProfile((s) => s.setSort);
  return (
    <div role="row" className="vgrid-head po-head">
      {HEADERS.map((h) => (
        <span key={h.key} role="columnheader" className={h.className} aria-sort={sort.key === h.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
          <button type="button" className="col-head po-sort" onClick={() => setSort(h.key)} title={`Sort by ${h.title}`}>
            {h.label}
            {sort.key === h.key ? <Icon name={sort.direction === 'asc' ? 'arrowUp' : 'arrowDown'} size={12} /> : null}
          </button>
        </span>
      ))}
    </div>
  );
}

export function ProfileOverview({ profile }: { profile: DatasetProfile }) {
  const sort = useProfile((s) => s.sort);
  const selected = useProfile((s) => s.selected);
  const select = useProfile((s) => s.select);
  const cols = useMemo(() => sortedColumns(profile, sort), [profile, sort]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- read afresh on each render, as the grid does
  const virtualizer = useVirtualizer({ count: cols.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8, paddingStart: HEAD_HEIGHT, scrollPaddingStart: HEAD_HEIGHT });
  const index = cols.findIndex((c) => c.columnId === selected);

  useEffect(() => {
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [index, virtualizer]);

  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const to = nextRow(e.key, index, cols.length, page);
    if (to === null) return;
    e.preventDefault();
    select(cols[to]!.columnId);
  };

  const active = index >= 0 ? cols[index] : undefined;
  return (
    <div
      ref={scrollRef}
      className="pane-scroll"
      role="grid"
      aria-label="Columns"
      aria-rowcount={cols.length + 1}
      aria-colcount={HEADERS.length}
      tabIndex={0}
      aria-activedescendant={active ? rowId(active) : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="po-inner" style={{ height: virtualizer.getTotalSize() }}>
        <OverviewHead />
        {virtualizer.getVirtualItems().map((v) => {
          const c = cols[v.index]!;
          return (
            <div key={c.columnId} className="vgrid-slot" style={{ transform: `translateY(${v.start}px)` }}>
              <Row c={c} rows={profile.rowCount} selected={c.columnId === selected} onSelect={() => select(c.columnId)} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
