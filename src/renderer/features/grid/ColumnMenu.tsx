// A column header's menu: sort either way, and "Cluster values…" for text columns. Opened by its
// chevron, a right click, or (on the header) Alt+↓ / Shift+F10 / the context-menu key; arrows,
// Home/End move, Escape closes and returns focus to the chevron. Drawn over the page, since the
// grid clips its header.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ColumnInfo } from '../../../shared/api/types';
import { Icon } from '../../ui/Icon';
import { useClusterDialog } from '../clusters/store';
import { headerLabel } from './columns';
import { useGrid } from './store';
import { applyView } from './view';

interface Props {
  column: ColumnInfo;
  open: boolean;
  onOpenChange(open: boolean): void;
}

const MENU_WIDTH = 240;

export function ColumnMenu({ column: c, open, onOpenChange }: Props) {
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  const clusterable = c.storageType === 'VARCHAR';

  useLayoutEffect(() => {
    if (!open || !button.current) return setPos(null);
    const r = button.current.getBoundingClientRect();
    setPos({ left: Math.max(8, Math.min(r.right - MENU_WIDTH, window.innerWidth - MENU_WIDTH - 8)), top: r.bottom + 4 });
  }, [open]);

  useEffect(() => {
    if (!open || !pos) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
    const away = (e: Event) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) onOpenChange(false);
    };
    const closeNow = () => onOpenChange(false);
    // The menu is placed once: when what it points at moves (a scroll, a resize), it closes.
    const scrolled = (e: Event) => {
      if (!menu.current?.contains(e.target as Node)) closeNow();
    };
    document.addEventListener('mousedown', away);
    window.addEventListener('resize', closeNow);
    window.addEventListener('scroll', scrolled, true);
    return () => {
      document.removeEventListener('mousedown', away);
      window.removeEventListener('resize', closeNow);
      window.removeEventListener('scroll', scrolled, true);
    };
  }, [open, pos, onOpenChange]);

  const close = (refocus: boolean) => {
    onOpenChange(false);
    if (refocus) button.current?.focus();
  };
  const run = (fn: () => void) => {
    close(false);
    fn();
  };
  const sort = (direction: 'asc' | 'desc') => {
    useGrid.getState().setSort({ columnId: c.id, direction });
    void applyView();
  };

  const onMenuKey = (e: React.KeyboardEvent) => {
    // The menu sits inside the grid in React's tree: its keys are not the grid's.
    e.stopPropagation();
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const focus = (k: number) => items[(k + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') focus(i + 1);
    else if (e.key === 'ArrowUp') focus(i - 1);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(items.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') close(e.key === 'Escape');
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className={`ghmenu ${open ? 'is-open' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Column actions for ${headerLabel(c)}`}
        title="Column actions"
        onClick={() => onOpenChange(!open)}
        onKeyDown={(e) => {
          // Enter, Space and arrows here open the menu; the grid must not take them for cell moves.
          if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') e.stopPropagation();
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            onOpenChange(true);
          }
        }}
      >
        <Icon name="chevronDown" size={14} />
      </button>
      {open && pos
        ? createPortal(
            <div ref={menu} className="menu ghmenu-list" role="menu" aria-label={`Column ${headerLabel(c)}`} style={{ position: 'fixed', ...pos, width: MENU_WIDTH }} onKeyDown={onMenuKey}>
              <button type="button" role="menuitem" className="menu-item" onClick={() => run(() => sort('asc'))}>
                <Icon name="arrowUp" /> Sort ascending
              </button>
              <button type="button" role="menuitem" className="menu-item" onClick={() => run(() => sort('desc'))}>
                <Icon name="arrowDown" /> Sort descending
              </button>
              <div className="menu-sep" />
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                disabled={!clusterable}
                title={clusterable ? 'Find values that are probably the same thing' : 'Clustering works on text columns'}
                onClick={() => run(() => useClusterDialog.getState().open(c.id))}
              >
                <Icon name="layers" />
                <span className="menu-item-text">
                  <span>Cluster values…</span>
                  <small>{clusterable ? 'Merge spelling variants' : 'Text columns only'}</small>
                </span>
              </button>
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
