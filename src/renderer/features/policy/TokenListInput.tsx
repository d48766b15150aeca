// A list of short values as chips: type one and press Enter (or paste several lines) to add it,
// × or Backspace on an empty box to remove. The empty value shows as "(empty)".
import { useState } from 'react';
import { Icon } from '../../ui/Icon';
import type { ControlProps } from './fields';

export interface TokenListInputProps extends Partial<ControlProps> {
  values: string[];
  onChange: (values: string[]) => void;
  /** What one value is called ("variant", "token"), for the labels. */
  noun: string;
  placeholder?: string;
  'aria-label'?: string;
}

export function TokenListInput({ values, onChange, noun, placeholder, 'aria-label': ariaLabel, ...a11y }: TokenListInputProps) {
  const [text, setText] = useState('');
  const add = (raw: string) => {
    const fresh = raw.split(/\r?\n/).filter((v) => v !== '' && !values.includes(v));
    if (fresh.length > 0) onChange([...values, ...fresh]);
    setText('');
  };
  return (
    <div className="tokens" data-invalid={a11y['aria-invalid'] ? 'true' : undefined}>
      {values.map((v, i) => (
        <span key={`${i}-${v}`} className="token">
          <span className={v === '' ? 'is-blank' : 'mono'}>{v === '' ? '(empty)' : v}</span>
          <button type="button" className="token-x" aria-label={`Remove ${noun} ${v === '' ? '(empty)' : v}`} onClick={() => onChange(values.filter((_, k) => k !== i))}>
            <Icon name="x" size={11} />
          </button>
        </span>
      ))}
      <input
        className="tokens-input"
        value={text}
        placeholder={values.length === 0 ? (placeholder ?? `Type a ${noun}, then Enter`) : `Add a ${noun}…`}
        spellCheck={false}
        {...a11y}
        aria-label={ariaLabel ?? (a11y.id ? undefined : `Add a ${noun}`)}
        onChange={(e) => setText(e.target.value)}
        onPaste={(e) => {
          const pasted = e.clipboardData.getData('text');
          if (!pasted.includes('\n')) return;
          e.preventDefault();
          add(pasted);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add(text);
          } else if (e.key === 'Backspace' && text === '' && values.length > 0) {
            onChange(values.slice(0, -1));
          }
        }}
        onBlur={() => text !== '' && add(text)}
      />
    </div>
  );
}
