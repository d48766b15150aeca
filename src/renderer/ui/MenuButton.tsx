// A button that opens a menu: click or Enter opens it with focus on the first item; arrow keys,
// Home and End move; Escape closes and returns focus; a click outside closes it.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface MenuButtonProps {
  /** The button's content, and its accessible name when it is not plain text. */
  label: ReactNode;
  ariaLabel?: string;
  /** The menu's accessible name. */
  menuLabel: string;
  className?: string;
  disabled?: boolean;
  title?: string;
  /** Which edge of the button the menu lines up with. */
  align?: 'left' | 'right';
  menuClassName?: string;
  children: (close: () => void) => ReactNode;
}

export function MenuButton({ label, ariaLabel, menuLabel, className = 'btn', disabled, title, align = 'left', menuClassName, children }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const buttonId = useId();

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  // By id, not a ref: the children's close() is handed out while rendering.
  const close = (refocus = false) => {
    setOpen(false);
    if (refocus) document.getElementById(buttonId)?.focus();
  };
  const onKey = (e: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const focus = (k: number) => items[(k + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') focus(i + 1);
    else if (e.key === 'ArrowUp') focus(i - 1);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(items.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') close(false);
    else return;
    if (e.key !== 'Tab') {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <div className="menu-wrap" ref={wrap}>
      <button
        id={buttonId}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}
        {...(title ? { title } : {})}
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open ? (
        <div ref={menu} className={`menu menu-pop menu-${align} ${menuClassName ?? ''}`} role="menu" aria-label={menuLabel} onKeyDown={onKey}>
          {children(() => close(true))}
        </div>
      ) : null}
    </div>
  );
}
