// The shared arrow-key tab list (the dataset's tabs and the Personal data views): which tab each key
// moves to — wrapping at both ends, Home and End, other keys left to the page.
import { describe, expect, it } from 'vitest';
import { nextTabIndex } from '../../../src/renderer/ui/tab-keys';

describe('nextTabIndex', () => {
  it.each([
    ['ArrowRight', 0, 4, 1],
    ['ArrowRight', 3, 4, 0],
    ['ArrowLeft', 2, 4, 1],
    ['ArrowLeft', 0, 4, 3],
    ['Home', 2, 4, 0],
    ['End', 1, 4, 3],
    ['ArrowRight', 0, 1, 0],
    ['ArrowLeft', 0, 1, 0],
    ['ArrowDown', 1, 4, null],
    ['ArrowUp', 1, 4, null],
    ['Enter', 1, 4, null],
    ['a', 1, 4, null],
    ['Home', 0, 0, null],
  ] as const)('%s from %i of %i → %s', (key, index, count, want) => {
    expect(nextTabIndex(key, index, count)).toBe(want);
  });
});
