// Undo/redo of policy edits: snapshots recorded, undone and redone, typing in one field
// coalesced into one step, a new edit dropping what was undone, and the history's limit.
import { describe, expect, it } from 'vitest';
import { COALESCE_MS, HISTORY_LIMIT, canRedo, canUndo, mapHistory, record, redo, startHistory, undo, type History } from '../../../src/renderer/features/policy/history';

type Op = ['edit', string, string?, number?] | ['undo'] | ['redo'];

function play(ops: Op[]): History<string> {
  let h = startHistory('a');
  for (const op of ops) {
    if (op[0] === 'edit') h = record(h, op[1], { ...(op[2] ? { key: op[2] } : {}), at: op[3] ?? 0 });
    else h = op[0] === 'undo' ? undo(h) : redo(h);
  }
  return h;
}

describe('policy history', () => {
  it.each<[string, Op[], string, string[], string[]]>([
    ['nothing done', [], 'a', [], []],
    ['one edit', [['edit', 'b']], 'b', ['a'], []],
    ['undo', [['edit', 'b'], ['undo']], 'a', [], ['b']],
    ['undo past the start stays', [['edit', 'b'], ['undo'], ['undo']], 'a', [], ['b']],
    ['redo', [['edit', 'b'], ['undo'], ['redo']], 'b', ['a'], []],
    ['redo with nothing undone stays', [['edit', 'b'], ['redo']], 'b', ['a'], []],
    ['a new edit drops what was undone', [['edit', 'b'], ['edit', 'c'], ['undo'], ['edit', 'd']], 'd', ['a', 'b'], []],
    ['typing in one field is one step', [['edit', 'b', 'name', 0], ['edit', 'bc', 'name', 100], ['edit', 'bcd', 'name', 200]], 'bcd', ['a'], []],
    ['a pause splits typing', [['edit', 'b', 'name', 0], ['edit', 'bc', 'name', COALESCE_MS + 1]], 'bc', ['a', 'b'], []],
    ['another field splits typing', [['edit', 'b', 'name', 0], ['edit', 'bc', 'find', 10]], 'bc', ['a', 'b'], []],
    ['edits without a key never join', [['edit', 'b', undefined, 0], ['edit', 'c', undefined, 1]], 'c', ['a', 'b'], []],
    ['undo ends a typing burst', [['edit', 'b', 'name', 0], ['undo'], ['redo'], ['edit', 'bc', 'name', 10]], 'bc', ['a', 'b'], []],
  ])('%s', (_name, ops, present, past, future) => {
    const h = play(ops);
    expect(h.present).toBe(present);
    expect(h.past).toEqual(past);
    expect(h.future).toEqual(future);
    expect(canUndo(h)).toBe(past.length > 0);
    expect(canRedo(h)).toBe(future.length > 0);
  });

  it('an edit that changes nothing records nothing', () => {
    const h = startHistory({ n: 1 });
    expect(record(h, h.present)).toBe(h);
  });

  it(`keeps the last ${HISTORY_LIMIT} steps`, () => {
    let h = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) h = record(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(5);
  });

  it('rewrites every snapshot', () => {
    const h = play([['edit', 'b'], ['edit', 'c'], ['undo']]);
    expect(mapHistory(h, (s) => s.toUpperCase())).toMatchObject({ past: ['A'], present: 'B', future: ['C'] });
  });
});
