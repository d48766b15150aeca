// The diff view's pure logic: one cell's history from its ledger entries, its hover text, and
// where "next change" lands inside a row.
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../src/shared/api/clean-types';
import { byColumn, changeTooltip, summarizeCell } from '../../../src/renderer/features/diff/cell-changes';
import { changedColumnInRow, entryColumn } from '../../../src/renderer/features/diff/next-change';

const entry = (e: Partial<LedgerEntry>): LedgerEntry => ({ rowId: 1, kind: 'cell', columnId: 'c1', before: 'a', after: 'b', stepId: 's', stepType: 'trim', confidence: 1, ...e });

describe('a cell’s changes', () => {
  it('nothing for an unchanged cell', () => {
    expect(summarizeCell([])).toBeNull();
    expect(summarizeCell(undefined)).toBeNull();
  });

  it('one step', () => {
    const c = summarizeCell([entry({ before: ' x ', after: 'x', stepId: 'standard.trim' })]);
    expect(c).toEqual({ before: ' x ', masked: false, after: 'x', steps: [{ stepId: 'standard.trim', label: 'Trim', confidence: 1, before: ' x ', after: 'x' }] });
    expect(changeTooltip(c!)).toBe('“ x ” → “x”\nTrim (standard.trim), confidence 1.0');
  });

  it('a de-identified cell shows the masked preview the ledger keeps, never a value before', () => {
    const c = summarizeCell([
      entry({ before: null, beforePreview: 'a***@***.org', beforeDigest: 'ab'.repeat(32), after: 'a***@***.org', stepId: 'trim' }),
      entry({ before: null, beforePreview: 'a***@***.org', beforeDigest: 'cd'.repeat(32), after: '<EMAIL>', stepId: 'pii', stepType: 'deidentify' }),
    ]);
    expect(c).toMatchObject({ before: 'a***@***.org', masked: true, after: '<EMAIL>' });
    expect(changeTooltip(c!)).toBe('“a***@***.org” → “<EMAIL>”\nTrim (trim), confidence 1.0\nDe-identify (pii), confidence 1.0');
  });

  it('several steps: first before, last after, each step in order', () => {
    const c = summarizeCell([
      entry({ before: 'boston ', after: 'boston', stepId: 'trim' }),
      entry({ before: 'boston', after: 'Boston', stepId: 'aliases', stepType: 'category_aliases', confidence: 0.85 }),
    ]);
    expect(c?.before).toBe('boston ');
    expect(c?.after).toBe('Boston');
    expect(changeTooltip(c!)).toBe('“boston ” → “Boston”\nTrim (trim), confidence 1.0\nCategory aliases (aliases), confidence 0.85');
  });

  it('a value made missing reads as null', () => {
    expect(changeTooltip(summarizeCell([entry({ before: 'N/A', after: null, stepType: 'missing_tokens', stepId: 'm' })])!)).toBe('“N/A” → null\nMissing-value tokens (m), confidence 1.0');
  });

  it('groups a row’s entries by column, leaving out removed rows', () => {
    const m = byColumn([entry({ columnId: 'c2' }), entry({ columnId: 'c1' }), entry({ columnId: 'c2', stepId: 't' }), entry({ kind: 'row', columnId: null })]);
    expect([...m.keys()]).toEqual(['c2', 'c1']);
    expect(m.get('c2')?.map((e) => e.stepId)).toEqual(['s', 't']);
  });
});

describe('next change within a row', () => {
  const columns = ['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => ({ id }));
  const changed = new Set(['c2', 'c4']);
  it.each<[number, 'next' | 'previous', number | null]>([
    [0, 'next', 1],
    [1, 'next', 3],
    [3, 'next', null],
    [4, 'previous', 3],
    [3, 'previous', 1],
    [1, 'previous', null],
  ])('from column %i, %s → %s', (col, dir, want) => {
    expect(changedColumnInRow(changed, columns, col, dir)).toBe(want);
  });

  it.each<['next' | 'previous', Set<string>, number]>([
    ['next', changed, 1],
    ['previous', changed, 3],
    ['next', new Set(['elsewhere']), 0],
  ])('entering a row going %s', (dir, set, want) => {
    expect(entryColumn(set, columns, dir)).toBe(want);
  });
});
