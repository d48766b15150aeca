// One sticky column header: the header text exactly as imported ("(blank)" when empty), the
// type badge and null count; click sorts asc → desc → none; the chevron (or a right click, or
// Alt+↓ / Shift+F10 on the header) opens the column menu; the right edge resizes.
import { useRef, useState } from 'react';
import type { ColumnInfo, SortKey } from '../../../shared/api/types';
import { Icon } from '../../ui/Icon';
import { ColumnMenu } from './ColumnMenu';
import { MAX_COL_WIDTH, MIN_COL_WIDTH, TYPE_LABEL, headerLabel, nullText } from './columns';

interface Props {
  column: ColumnInfo;
  index: number;
  left: number;
  width: number;
  sort: SortKey | null;
  pending: boolean;
  onSort(): void;
  onResize(width: number): void;
}

export function GridHeaderCell({ column: c, index, left, width, sort, pending, onSort, onResize }: Props) {
  const drag = useRef<{ x: number; w: number } | null>(null);
  const dir = sort?.columnId === c.id ? sort.direction : null;
  const blank = c.header === '';
  const descId = `gh-desc-${c.id}`;
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div
      role="columnheader"
      // Named by the header alone: the menu button inside must not change how the column is called.
      aria-label={headerLabel(c)}
      aria-colindex={index + 2}
      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
      className={`ghcell ${dir ? 'is-sorted' : ''} ${pending ? 'is-pending' : ''} ${menuOpen ? 'has-menu' : ''}`}
      style={{ left, width }}
      onContextMenu={(e) => {
        e.preventDefault();
        setMenuOpen(true);
      }}
      onKeyDown={(e) => {
        if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10') || (e.altKey && e.key === 'ArrowDown')) {
          e.preventDefault();
          e.stopPropagation();
          setMenuOpen(true);
        }
      }}
    >
      <button
        type="button"
        className="ghbtn"
        aria-label={headerLabel(c)}
        aria-describedby={descId}
        title={`${headerLabel(c)}\n${TYPE_LABEL[c.logicalType]} · ${nullText(c.nullCount)}\nClick to sort`}
        onClick={onSort}
      >
        <span className="ghtop">
          <span className={`ghname ${blank ? 'is-blank' : ''}`}>{headerLabel(c)}</span>
          <span className="ghsort" aria-hidden="true">
            {pending ? <span className="spinner" /> : dir === 'asc' ? <Icon name="arrowUp" size={13} /> : dir === 'desc' ? <Icon name="arrowDown" size={13} /> : <Icon name="sort" size={13} />}
          </span>
        </span>
        <span className="ghmeta" id={descId}>
          <span className={`type-badge type-${c.logicalType}`}>{TYPE_LABEL[c.logicalType]}</span>
          <span className={`ghnulls ${c.nullCount > 0 ? 'has-nulls' : ''}`}>{nullText(c.nullCount)}</span>
          {dir ? <span className="visually-hidden">, sorted {dir === 'asc' ? 'ascending' : 'descending'}</span> : null}
        </span>
      </button>
      <ColumnMenu column={c} open={menuOpen} onOpenChange={setMenuOpen} />
      <div
        className="ghresize"
        aria-hidden="true"
        onPointerDown={(e) => {
          e.preventDefault();
          e.currentTarget.setPointerCapture(e.pointerId);
          drag.current = { x: e.clientX, w: width };
        }}
        onPointerMove={(e) => {
          if (!drag.current) return;
          onResize(Math.min(MAX_COL_WIDTH, Math.max(MIN_COL_WIDTH, Math.round(drag.current.w + e.clientX - drag.current.x))));
        }}
        onPointerUp={() => (drag.current = null)}
      />
    </div>
  );
}
