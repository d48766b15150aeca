// The filter box: typing builds a filtered view (debounced) across every column; Escape
// clears it; Ctrl/Cmd+F focuses it.
import { useEffect, useRef } from 'react';
import { MOD_LABEL } from '../../lib/keys';
import { Icon } from '../../ui/Icon';
import { useGrid } from './store';
import { applyView } from './view';

const DEBOUNCE_MS = 350;

export function FilterBox() {
  const filter = useGrid((s) => s.filter);
  const setFilter = useGrid((s) => s.setFilter);
  const tick = useGrid((s) => s.focusFilterTick);
  const busy = useGrid((s) => s.viewJobId !== null && s.filter.trim() !== (s.view?.filter ?? ''));
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (tick > 0) {
      input.current?.focus();
      input.current?.select();
    }
  }, [tick]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const schedule = (text: string) => {
    setFilter(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void applyView(), DEBOUNCE_MS);
  };

  return (
    <div className="filterbox">
      <Icon name="search" size={14} className="filterbox-icon" />
      <input
        ref={input}
        type="search"
        className="input filterbox-input"
        aria-label="Filter rows"
        placeholder="Filter rows…"
        value={filter}
        spellCheck={false}
        onChange={(e) => schedule(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            clearTimeout(timer.current);
            setFilter('');
            void applyView();
            document.querySelector<HTMLElement>('.grid-scroll')?.focus();
          } else if (e.key === 'Enter') {
            clearTimeout(timer.current);
            void applyView();
          }
        }}
      />
      {busy ? <span className="spinner filterbox-spin" aria-label="Filtering" /> : <kbd className="kbd filterbox-kbd">{MOD_LABEL} F</kbd>}
    </div>
  );
}
