// Row scrolling past the browser's element-height cap: the content is `rows × rowHeight`
// virtual pixels; when that exceeds MAX_SCROLL_PX the scrollable area is capped and the scroll
// position maps proportionally (virtual ↔ physical), so 10M rows fit in one scrollbar.

/** Below Chrome's ~33.5M px and Firefox's ~17.9M px element-height limits. */
export const MAX_SCROLL_PX = 15_000_000;

export interface Geometry {
  rows: number;
  rowHeight: number;
  /** The visible height of the rows area (below the sticky header). */
  viewport: number;
  /** Overridable for tests. */
  maxPx?: number;
}

export const contentHeight = (g: Geometry): number => g.rows * g.rowHeight;
export const physicalHeight = (g: Geometry): number => Math.min(contentHeight(g), g.maxPx ?? MAX_SCROLL_PX);
export const isScaled = (g: Geometry): boolean => contentHeight(g) > (g.maxPx ?? MAX_SCROLL_PX);
export const maxVirtual = (g: Geometry): number => Math.max(0, contentHeight(g) - g.viewport);
export const maxPhysical = (g: Geometry): number => Math.max(0, physicalHeight(g) - g.viewport);

export function clampVirtual(v: number, g: Geometry): number {
  return Math.min(Math.max(0, v), maxVirtual(g));
}

/** The scrollTop that shows virtual offset `v`. */
export function toPhysical(v: number, g: Geometry): number {
  const mv = maxVirtual(g);
  if (!isScaled(g) || mv === 0) return clampVirtual(v, g);
  return (clampVirtual(v, g) / mv) * maxPhysical(g);
}

/** The virtual offset a scrollTop stands for. */
export function toVirtual(p: number, g: Geometry): number {
  const mp = maxPhysical(g);
  if (!isScaled(g) || mp === 0) return clampVirtual(p, g);
  return clampVirtual((Math.min(Math.max(0, p), mp) / mp) * maxVirtual(g), g);
}

/** First and last row (0-based, inclusive) that intersect the viewport; last < first when empty. */
export function visibleRows(v: number, g: Geometry): { first: number; last: number } {
  if (g.rows === 0 || g.viewport <= 0) return { first: 0, last: -1 };
  const first = Math.min(g.rows - 1, Math.floor(v / g.rowHeight));
  const last = Math.min(g.rows - 1, Math.max(first, Math.ceil((v + g.viewport) / g.rowHeight) - 1));
  return { first, last };
}

/** Rows that fit entirely in the viewport (PageUp/PageDown step). */
export const pageRows = (g: Geometry): number => Math.max(1, Math.floor(g.viewport / g.rowHeight));

/** The virtual offset after scrolling just enough to show `row` entirely. */
export function revealRow(row: number, v: number, g: Geometry): number {
  const top = row * g.rowHeight;
  const bottom = top + g.rowHeight;
  if (top < v) return clampVirtual(top, g);
  if (bottom > v + g.viewport) return clampVirtual(bottom - g.viewport, g);
  return v;
}

/** Where row `row` sits inside the rows area, given the current scrollTop and virtual offset. */
export function rowTop(row: number, v: number, scrollTop: number, g: Geometry): number {
  return scrollTop + row * g.rowHeight - v;
}
