// Modal dialogs: labelled, focus trapped inside, Escape closes, focus starts on the element
// marked data-autofocus (else the first field or button) and returns where it was on close.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Icon } from './Icon';
import './dialog.css';

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  title: ReactNode;
  /** Shown under the title. */
  subtitle?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  /** For dialogs that must not be dismissed mid-way (e.g. while a write is committing). */
  dismissable?: boolean;
  /** Replaces the title as the accessible name when the title is not plain text. */
  label?: string;
  tone?: 'default' | 'danger';
  className?: string;
}

export function Dialog({ title, subtitle, onClose, children, footer, size = 'md', dismissable = true, label, tone = 'default', className }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  const dismissRef = useRef(dismissable);
  useEffect(() => {
    closeRef.current = onClose;
    dismissRef.current = dismissable;
  });

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const node = ref.current;
    if (node) {
      const preferred = node.querySelector<HTMLElement>('[data-autofocus]');
      const first = node.querySelector<HTMLElement>(`.dialog-body ${FOCUSABLE}, .dialog-footer ${FOCUSABLE}`);
      // A preferred control that is still disabled (e.g. Import while the preview loads) cannot
      // take focus; the dialog itself does, so Escape and Tab still work.
      const usable = preferred && !preferred.matches(':disabled') ? preferred : null;
      (usable ?? first ?? node).focus();
    }
    // Escape reaches the topmost dialog even when focus was lost to the page (e.g. a control
    // inside was removed); a nested dialog handles its own first.
    const onDocKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !node) return;
      const dialogs = document.querySelectorAll('[aria-modal="true"]');
      if (dialogs[dialogs.length - 1] !== node || node.contains(e.target as Node)) return;
      e.preventDefault();
      if (dismissRef.current) closeRef.current();
    };
    document.addEventListener('keydown', onDocKey);
    return () => {
      document.removeEventListener('keydown', onDocKey);
      if (previous && previous.isConnected && !document.querySelector('[aria-modal="true"]')) previous.focus();
    };
  }, []);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      if (dismissRef.current) closeRef.current();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (e.shiftKey && (active === first || !ref.current.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !ref.current.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && dismissable && onClose()}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        {...(label ? { 'aria-label': label } : { 'aria-labelledby': titleId })}
        tabIndex={-1}
        className={`dialog dialog-${size} ${tone === 'danger' ? 'dialog-danger' : ''} ${className ?? ''}`}
        onKeyDown={onKeyDown}
      >
        <div className="dialog-header">
          <div className="dialog-titles">
            <h2 id={titleId} className="dialog-title">
              {title}
            </h2>
            {subtitle ? <div className="dialog-subtitle">{subtitle}</div> : null}
          </div>
          {dismissable ? (
            <button type="button" className="btn btn-ghost btn-icon btn-sm dialog-close" aria-label="Close" onClick={onClose}>
              <Icon name="x" />
            </button>
          ) : null}
        </div>
        <div className="dialog-body">{children}</div>
        {footer ? <div className="dialog-footer">{footer}</div> : null}
      </div>
    </div>,
    document.body,
  );
}
