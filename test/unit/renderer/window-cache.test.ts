// The grid's window cache: fetches only missing blocks and columns, caps requests in flight,
// drops queued requests the viewport has left, evicts least recently used blocks, backs off
// after a failure; in the diff view, holds each block's ledger entries with it.
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../src/shared/api/clean-types';
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

/** A fake diff.cells: every third row id has a change in c1 (and row ids divisible by 6 in c2 too). */
function fakeLedger(tag = 'step') {
  const asked: number[][] = [];
  const answers: (() => void)[] = [];
  const fetch = (rowIds: number[]) =>
    new Promise<LedgerEntry[]>((resolve) => {
      asked.push(rowIds);
      answers.push(() =>
        resolve(
          rowIds.flatMap((id) =>
            id % 3 === 0
              ? [
                  { rowId: id, kind: 'cell' as const, columnId: 'c1', before: `b${id}`, after: `a${id}`, stepId: tag, stepType: 'trim' as const, confidence: 1 },
                  ...(id % 6 === 0 ? [{ rowId: id, kind: 'cell' as const, columnId: 'c2', before: 'x', after: 'y', stepId: tag, stepType: 'trim' as const, confidence: 1 }] : []),
                ]
              : [],
          ),
        ),
      );
    });
  return { asked, answers, fetch };
}

describe('WindowCache in the diff view', () => {
  it('fetches a block’s changes once its row ids are known, and serves them by cell', async () => {
    const { calls, fetcher } = fakeEngine(250);
    const ledger = fakeLedger();
    const cache = new WindowCache(fetcher, 250, { blockSize: 100, concurrency: 4 });
    cache.setChanges(ledger.fetch);
    expect(cache.tracksChanges).toBe(true);
    cache.ensure(0, 150, ['c1']);
    expect(ledger.asked).toEqual([]);
    calls.forEach((c) => c.resolve());
    await settle();
    expect(ledger.asked.map((ids) => [ids[0], ids.length])).toEqual([
      [1, 100],
      [101, 100],
    ]);
    expect(cache.rowChanges(2)).toBeUndefined();
    ledger.answers.forEach((a) => a());
    await settle();
    // Row 2 has row id 3 (changed in c1); row 5 has row id 6 (c1 and c2); row 0 nothing.
    expect(cache.cellChanges(2, 'c1')?.map((e) => e.before)).toEqual(['b3']);
    expect(cache.cellChanges(2, 'c2')).toEqual([]);
    expect(cache.rowChanges(5)?.map((e) => e.columnId)).toEqual(['c1', 'c2']);
    expect(cache.rowChanges(0)).toEqual([]);
    // More columns of the same rows: the changes are not asked again.
    cache.ensure(0, 150, ['c1', 'c2']);
    calls.slice(2).forEach((c) => c.resolve());
    await settle();
    expect(ledger.asked).toHaveLength(2);
  });

  it('a new filter (fetcher) asks again for the blocks on screen only, and drops the old answers', async () => {
    const { calls, fetcher } = fakeEngine(1000);
    const cache = new WindowCache(fetcher, 1000, { blockSize: 100, concurrency: 8 });
    const all = fakeLedger('all');
    cache.setChanges(all.fetch);
    cache.ensure(0, 299, ['c1']);
    calls.forEach((c) => c.resolve());
    await settle();
    cache.ensure(500, 599, ['c1']);
    calls.slice(3).forEach((c) => c.resolve());
    await settle();
    expect(all.asked).toHaveLength(4);
    const one = fakeLedger('one');
    cache.setChanges(one.fetch);
    expect(one.asked.map((ids) => ids[0])).toEqual([501]);
    // The first fetcher answers late, after the new one: ignored.
    one.answers.forEach((a) => a());
    await settle();
    all.answers.forEach((a) => a());
    await settle();
    expect(cache.cellChanges(500, 'c1')?.map((e) => e.stepId)).toEqual(['one']);
    expect(cache.rowChanges(2)).toBeUndefined();
    cache.ensure(0, 99, ['c1']);
    expect(one.asked.map((ids) => ids[0])).toEqual([501, 1]);
  });

  it('turned off, it tracks nothing', async () => {
    const { calls, fetcher } = fakeEngine(100);
    const ledger = fakeLedger();
    const cache = new WindowCache(fetcher, 100, { blockSize: 100 });
    cache.setChanges(ledger.fetch);
    cache.setChanges(null);
    cache.ensure(0, 10, ['c1']);
    calls[0]!.resolve();
    await settle();
    expect(cache.tracksChanges).toBe(false);
    expect(ledger.asked).toEqual([]);
    expect(cache.rowChanges(0)).toBeUndefined();
  });

  it('evicts a block’s changes with its rows', async () => {
    const { calls, fetcher } = fakeEngine(10_000);
    const ledger = fakeLedger();
    const cache = new WindowCache(fetcher, 10_000, { blockSize: 100, maxBlocks: 2, concurrency: 1 });
    cache.setChanges(ledger.fetch);
    for (const start of [0, 100, 200]) {
      cache.ensure(start, start + 10, ['c1']);
      calls.at(-1)?.resolve();
      await settle();
      ledger.answers.at(-1)?.();
      await settle();
    }
    expect(cache.size).toBe(2);
    expect(cache.rowChanges(2)).toBeUndefined();
    expect(cache.rowChanges(200)?.map((e) => e.rowId)).toEqual([201]);
  });
});
