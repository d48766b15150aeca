// Form pieces of the step editor: a labelled field with its validation messages (linked to the
// control for screen readers), toggle chips, and a select over a fixed set of options.
import { useId, useState, type ReactNode } from 'react';
import { Icon } from '../../ui/Icon';
import { fieldMessages, type FieldIssue } from './issues';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

/** A field: label, the control (given its a11y props), help, and the issues placed on it. */
export function Field({ label, issues, help, children, className }: { label: ReactNode; issues?: FieldIssue[] | undefined; help?: ReactNode; children: (p: ControlProps) => ReactNode; className?: string }) {
  const id = useId();
  const messages = fieldMessages(issues);
  const errorId = `${id}-error`;
  return (
    <div className={`field ${className ?? ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': messages.length > 0, ...(messages.length > 0 ? { 'aria-describedby': errorId } : {}) })}
      {help ? <span className="help">{help}</span> : null}
      <FieldErrors id={errorId} messages={messages} />
    </div>
  );
}

export function FieldErrors({ id, messages }: { id?: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="field-errors" id={id}>
      {messages.map((m, i) => (
        <li key={`${i}-${m}`} className="field-error">
          <Icon name="errorCircle" size={12} /> {m}
        </li>
      ))}
    </ul>
  );
}

/** A pressed/unpressed chip (multi-select lists of columns, types, kinds). */
export function Chip({ on, onToggle, children, tone, title }: { on: boolean; onToggle: () => void; children: ReactNode; tone?: 'warning'; title?: string }) {
  return (
    <button type="button" className={`chip ${on ? 'is-on' : ''} ${tone ? `chip-${tone}` : ''}`} aria-pressed={on} title={title} onClick={onToggle}>
      {on ? <Icon name="check" size={11} /> : null}
      {children}
    </button>
  );
}

export function OptionSelect<T extends string>({ value, options, onChange, labels, ...a11y }: { value: T; options: readonly T[]; onChange: (v: T) => void; labels: Record<T, string> } & Partial<ControlProps>) {
  return (
    <select className="select" value={value} onChange={(e) => onChange(e.target.value as T)} {...a11y}>
      {options.map((o) => (
        <option key={o} value={o}>
          {labels[o]}
        </option>
      ))}
    </select>
  );
}

/** A checkbox with its label and help beneath. */
export function CheckField({ label, checked, onChange, help }: { label: string; checked: boolean; onChange: (v: boolean) => void; help?: string }) {
  return (
    <div className="field">
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </label>
      {help ? <span className="help check-help">{help}</span> : null}
    </div>
  );
}

/** Whether `text` is how the input may show `value` (so typing "1." is not rewritten to "1"). */
export function textShows(text: string, value: number | undefined): boolean {
  if (text.trim() === '') return value === undefined;
  const n = Number(text);
  return value !== undefined && (n === value || (Number.isNaN(n) && Number.isNaN(value)));
}

/**
 * A number typed as text: what is typed stays as typed while it means the same number; an
 * outside change (undo) shows the new value. Text that is not a number passes on as NaN, which
 * validation reports.
 */
export function NumberInput({ value, onChange, className, placeholder, ...a11y }: { value: number | undefined; onChange: (v: number | undefined) => void; className?: string; placeholder?: string } & Partial<ControlProps>) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const shown = textShows(text, value) ? text : value === undefined ? '' : String(value);
  return (
    <input
      {...a11y}
      className={className}
      inputMode="decimal"
      value={shown}
      placeholder={placeholder}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value.trim() === '' ? undefined : Number(e.target.value));
      }}
    />
  );
}
