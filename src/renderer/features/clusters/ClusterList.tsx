// The suggested clusters as a virtualised list (thousands stay smooth). ↑/↓ move between
// clusters, keeping to the same control (merge box, value, new value); Tab moves within one.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { Cluster } from '../../../shared/api/cluster-types';
import { ClusterRow } from './ClusterRow';
import type { ClusterEdit } from './edits';

interface Props {
  clusters: Cluster[];
  edits: ClusterEdit[];
  onEdit(index: number, change: Partial<ClusterEdit>): void;
}

const ESTIMATE = 96;

export function ClusterList({ clusters, edits, onEdit }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  // Read afresh on every render (scrolling re-renders), so the compiler skipping memoisation is right.
  // eslint-disable-next-line react-hooks/incompatible-library
  const v = useVirtualizer({
    count: clusters.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATE,
    overscan: 4,
  });

  /** Focuses a control of another cluster once it is rendered (it may be scrolled out of the DOM). */
  const focusRow = (index: number, nav: string, tries = 5) => {
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] [data-nav="${nav}"]`);
    if (el) return el.focus();
    if (tries > 0) requestAnimationFrame(() => focusRow(index, nav, tries - 1));
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const target = e.target as HTMLElement;
    const nav = target.dataset.nav;
    const row = target.closest<HTMLElement>('[data-index]');
    if (!nav || !row) return;
    const next = Number(row.dataset.index) + (e.key === 'ArrowDown' ? 1 : -1);
    e.preventDefault();
    if (next < 0 || next >= clusters.length) return;
    v.scrollToIndex(next, { align: 'auto' });
    focusRow(next, nav === 'value' ? 'merge' : nav);
  };

  const toggle = (i: number) =>
    setExpanded((s) => {
      const n = new Set(s);
      if (!n.delete(i)) n.add(i);
      return n;
    });

  return (
    // As tall as its clusters, up to the CSS max-height, past which it scrolls.
    <div ref={scrollRef} className="cl-scroll" role="region" aria-label="Suggested clusters" style={{ height: v.getTotalSize() + 8 }} onKeyDown={onKeyDown}>
      <div className="cl-canvas" style={{ height: v.getTotalSize() }}>
        {v.getVirtualItems().map((it) => (
          <div key={it.key} ref={v.measureElement} data-index={it.index} className="cl-slot" style={{ transform: `translateY(${it.start}px)` }}>
            <ClusterRow
              cluster={clusters[it.index]!}
              index={it.index}
              edit={edits[it.index]!}
              expanded={expanded.has(it.index)}
              onEdit={(change) => onEdit(it.index, change)}
              onExpand={() => toggle(it.index)}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
