// The grid's window cache: fetches only missing blocks and columns, caps requests in flight,
// drops queued requests the viewport has left, evicts least recently used blocks, backs off
// after a failure.
import { describe, expect, it } from 'vitest';
import type { GridWindow } from '../../../src/shared/api/types';
import { WindowCache } from '../../../src/renderer/features/grid/window-cache';

interface Call {
  offset: number;
  limit: number;
  columns: string[];
  resolve(): void;
  reject(err: Error): void;
}

/** A fake engine: rows are `r<row>:<col>`, row ids are row + 1; answers when the test says. */
function fakeEngine(total: number) {
  const calls: Call[] = [];
  const fetcher = (offset: number, limit: number, columns: string[]) =>
    new Promise<GridWindow>((resolve, reject) => {
      calls.push({
        offset,
        limit,
        columns,
        reject,
        resolve: () =>
          resolve({
            offset,
            total,
            columnIds: columns,
            rowIds: Array.from({ length: limit }, (_, i) => offset + i + 1),
            rows: Array.from({ length: limit }, (_, i) => columns.map((c) => (c === 'cnull' ? null : `r${offset + i}:${c}`))),
          }),
      });
    });
  return { calls, fetcher };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('WindowCache', () => {
  it('fetches the blocks a range covers, only the columns asked, and serves cells', async () => {
    const { calls, fetcher } = fakeEngine(1000);
    const cache = new WindowCache(fetcher, 1000, { blockSize: 100, concurrency: 4 });
    cache.ensure(150, 260, ['c1', 'cnull']);
    expect(calls.map((c) => [c.offset, c.limit]).sort()).toEqual([
      [100, 100],
      [200, 100],
    ]);
    expect(cache.cell(150, 'c1')).toBeUndefined();
    calls.forEach((c) => c.resolve());
    await settle();
    expect(cache.cell(150, 'c1')).toBe('r150:c1');
    expect(cache.cell(150, 'cnull')).toBeNull();
    expect(cache.rowId(299)).toBe(300);
    expect(cache.cell(300, 'c1')).toBeUndefined();
  });

  it('asks again only for columns not yet loaded', async () => {
    const { calls, fetcher } = fakeEngine(500);
    const cache = new WindowCache(fetcher, 500, { blockSize: 100 });
    cache.ensure(0, 50, ['c1']);
    calls[0]!.resolve();
    await settle();
    cache.ensure(0, 50, ['c1', 'c2']);
    expect(calls[1]!.columns).toEqual(['c2']);
    cache.ensure(0, 50, ['c1', 'c2']);
    expect(calls).toHaveLength(2);
  });

  it('keeps at most `concurrency` requests in flight and drops queued ones the viewport left', async () => {
    const { calls, fetcher } = fakeEngine(100_000);
    const cache = new WindowCache(fetcher, 100_000, { blockSize: 100, concurrency: 2 });
    cache.ensure(0, 999, ['c1']);
    expect(calls).toHaveLength(2);
    // The user scrolled far away: the 8 queued blocks near row 0 are no longer wanted.
    cache.ensure(50_000, 50_050, ['c1']);
    calls.forEach((c) => c.resolve());
    await settle();
    expect(calls.map((c) => c.offset)).toEqual(expect.arrayContaining([50_000]));
    expect(calls).toHaveLength(3);
  });

  it('evicts the least recently used blocks beyond its size', async () => {
    const { calls, fetcher } = fakeEngine(10_000);
    const cache = new WindowCache(fetcher, 10_000, { blockSize: 100, maxBlocks: 3, concurrency: 1 });
    for (const start of [0, 100, 200, 0, 300]) {
      cache.ensure(start, start + 10, ['c1']);
      calls.at(-1)?.resolve();
      await settle();
    }
    expect(cache.size).toBe(3);
    expect(cache.cell(0, 'c1')).toBe('r0:c1');
    expect(cache.cell(100, 'c1')).toBeUndefined();
  });

  it('records a failure, does not hammer the engine, and notifies listeners', async () => {
    const { calls, fetcher } = fakeEngine(300);
    const cache = new WindowCache(fetcher, 300, { blockSize: 100 });
    let changes = 0;
    cache.subscribe(() => changes++);
    cache.ensure(0, 10, ['c1']);
    calls[0]!.reject(new Error('the server went away'));
    await settle();
    expect(cache.error).toBe('the server went away');
    expect(changes).toBeGreaterThan(0);
    cache.ensure(0, 10, ['c1']);
    expect(calls).toHaveLength(1);
  });

  it('ignores answers that arrive after dispose', async () => {
    const { calls, fetcher } = fakeEngine(300);
    const cache = new WindowCache(fetcher, 300);
    cache.ensure(0, 10, ['c1']);
    cache.dispose();
    calls[0]!.resolve();
    await settle();
    expect(cache.cell(0, 'c1')).toBeUndefined();
  });

  it('asks for nothing when the table is empty', () => {
    const { calls, fetcher } = fakeEngine(0);
    new WindowCache(fetcher, 0).ensure(0, 30, ['c1']);
    expect(calls).toHaveLength(0);
  });
});
