// Which tab of a tab list a key moves to (←/→ wrapping around, Home, End); no DOM, so the
// engine-side tests can check it.
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
