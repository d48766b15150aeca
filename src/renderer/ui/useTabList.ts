// Arrow-key tab lists (WAI-ARIA tabs, selection follows focus): a roving tabindex, ←/→ wrapping
// around, Home and End; the tab moved to is selected and focused.
import { useRef, type KeyboardEvent } from 'react';

/** The tab a key moves to from `index` among `count` tabs, or null for a key the list ignores. */
export function nextTabIndex(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export interface TabProps {
  ref: (el: HTMLButtonElement | null) => void;
  role: 'tab';
  tabIndex: 0 | -1;
  'aria-selected': boolean;
  onClick: () => void;
}

/** Spread `onKeyDown` on the tablist and `tabProps(id)` on each tab button. */
export function useTabList<Id extends string>(ids: readonly Id[], active: Id, select: (id: Id) => void) {
  const refs = useRef(new Map<Id, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent) => {
    const next = nextTabIndex(e.key, ids.indexOf(active), ids.length);
    if (next === null) return;
    e.preventDefault();
    const id = ids[next]!;
    select(id);
    refs.current.get(id)?.focus();
  };
  const tabProps = (id: Id): TabProps => ({
    ref: (el) => {
      if (el) refs.current.set(id, el);
      else refs.current.delete(id);
    },
    role: 'tab',
    tabIndex: id === active ? 0 : -1,
    'aria-selected': id === active,
    onClick: () => select(id),
  });
  return { onKeyDown, tabProps };
}
