// The grid's scroll mapping: identity below the height cap, proportional above it, with both
// ends reachable and rows revealed exactly.
import { describe, expect, it } from 'vitest';
import {
  MAX_SCROLL_PX,
  clampVirtual,
  isScaled,
  pageRows,
  physicalHeight,
  revealRow,
  rowTop,
  toPhysical,
  toVirtual,
  visibleRows,
  type Geometry,
} from '../../../src/renderer/features/grid/scroll-map';

const small: Geometry = { rows: 1000, rowHeight: 28, viewport: 560 };
const tenMillion: Geometry = { rows: 10_000_000, rowHeight: 28, viewport: 560 };

describe('scroll mapping', () => {
  it.each([
    ['1k rows', small, false, 28_000],
    ['10M rows', tenMillion, true, MAX_SCROLL_PX],
    ['exactly at the cap', { rows: MAX_SCROLL_PX / 28, rowHeight: 28, viewport: 500 }, false, MAX_SCROLL_PX],
  ])('%s: scaled=%s, physical height %i', (_name, g, scaled, height) => {
    expect(isScaled(g)).toBe(scaled);
    expect(physicalHeight(g)).toBe(height);
  });

  it.each([0, 1, 560, 12_345, 27_440])('is the identity below the cap (%i px)', (v) => {
    expect(toPhysical(v, small)).toBe(v);
    expect(toVirtual(v, small)).toBe(v);
  });

  it('maps both ends and the middle proportionally above the cap', () => {
    const maxV = tenMillion.rows * 28 - 560;
    const maxP = MAX_SCROLL_PX - 560;
    expect(toPhysical(0, tenMillion)).toBe(0);
    expect(toPhysical(maxV, tenMillion)).toBeCloseTo(maxP, 6);
    expect(toVirtual(maxP, tenMillion)).toBeCloseTo(maxV, 3);
    expect(toVirtual(maxP / 2, tenMillion)).toBeCloseTo(maxV / 2, 3);
    // The last row is reachable: at the bottom, it is the last visible one.
    expect(visibleRows(toVirtual(maxP, tenMillion), tenMillion).last).toBe(tenMillion.rows - 1);
  });

  it.each([
    [-50, 0],
    [5_000, 5_000],
    [10_000_000, 1000 * 28 - 560],
  ])('clamps %i to %i', (v, want) => {
    expect(clampVirtual(v, small)).toBe(want);
  });

  it.each([
    ['top', 0, 0, 19],
    ['between rows', 14, 0, 20],
    ['last page', 1000 * 28 - 560, 980, 999],
  ])('visible rows at the %s', (_name, v, first, last) => {
    expect(visibleRows(v, small)).toEqual({ first, last });
  });

  it('has no visible rows when empty', () => {
    expect(visibleRows(0, { rows: 0, rowHeight: 28, viewport: 500 })).toEqual({ first: 0, last: -1 });
  });

  it.each([
    ['already visible', 5, 0, 0],
    ['below: bottom-aligned', 40, 0, 41 * 28 - 560],
    ['above: top-aligned', 3, 2000, 3 * 28],
    ['the last row', 999, 0, 1000 * 28 - 560],
  ])('reveals a row that is %s', (_name, row, v, want) => {
    expect(revealRow(row, v, small)).toBe(want);
  });

  it('places rows relative to the real scrollTop, so scaled content lines up', () => {
    const v = 140_000_000;
    const p = toPhysical(v, tenMillion);
    const first = visibleRows(v, tenMillion).first;
    expect(rowTop(first, v, p, tenMillion) - p).toBeLessThanOrEqual(0);
    expect(rowTop(first, v, p, tenMillion) - p).toBeGreaterThan(-28);
    expect(rowTop(first + 1, v, p, tenMillion) - rowTop(first, v, p, tenMillion)).toBe(28);
  });

  it('pages by the rows that fit', () => {
    expect(pageRows(small)).toBe(20);
    expect(pageRows({ ...small, viewport: 10 })).toBe(1);
  });
});
