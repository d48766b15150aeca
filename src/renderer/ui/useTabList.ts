// Arrow-key tab lists (WAI-ARIA tabs, selection follows focus): a roving tabindex, ←/→ wrapping
// around, Home and End; the tab moved to is selected and focused.
import { useRef, type KeyboardEvent } from 'react';
import { nextTabIndex } from './tab-keys';

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
