// The PII benchmark's scoring: overlap against strict matching, precision over findings and recall
// over labelled spans, false positives sorted by what lay under them, and hard-negative alarms.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/main/engine/pii/types';
import type { EntityType } from '../../src/shared/api/pii-types';
import { combined, excerpt, falseAlarms, newBoard, prf, scoreCell } from '../../tools/bench/pii-score';
import type { Label } from '../../tools/gen/pii/cell';
import type { Truth } from '../../tools/gen/pii/table';

const truth = (label: Label, start: number, end: number, kind = 'k'): Truth => ({ row: 1, column: 'c', split: 'column', label, start, end, kind, value: '' });
const found = (entity: EntityType, start: number, end: number): Finding => ({ entity, start, end, confidence: 0.9, recogniser: 'r', explanation: {} });

describe('PII bench scoring of one cell', () => {
  it.each([
    // [case, truth, findings, entity, {found, foundHit overlap, strict, truth, truthHit overlap, strict}]
    ['exact match', [truth('PHONE', 0, 10)], [found('PHONE', 0, 10)], 'PHONE', [1, 1, 1, 1, 1, 1]],
    ['overlap only (a "+" left out)', [truth('PHONE', 0, 11)], [found('PHONE', 1, 11)], 'PHONE', [1, 1, 0, 1, 1, 0]],
    ['touching is not overlapping', [truth('PHONE', 0, 5)], [found('PHONE', 5, 9)], 'PHONE', [1, 0, 0, 1, 0, 0]],
    ['another entity on the span', [truth('IDENTIFIER', 0, 11)], [found('PHONE', 0, 11)], 'PHONE', [1, 0, 0, 0, 0, 0]],
    ['missed', [truth('EMAIL', 3, 20)], [], 'EMAIL', [0, 0, 0, 1, 0, 0]],
    ['two findings on one span', [truth('PERSON', 0, 12)], [found('PERSON', 0, 4), found('PERSON', 5, 12)], 'PERSON', [2, 2, 0, 1, 1, 0]],
    ['unlabelled text', [], [found('PERSON', 0, 7)], 'PERSON', [1, 0, 0, 0, 0, 0]],
  ] as const)('%s', (_name, spans, findings, entity, [f, fo, fs, t, to, ts]) => {
    const board = newBoard();
    scoreCell(board, { text: 'x'.repeat(30), header: 'c', row: 1, split: 'column' }, spans, findings);
    const tally = combined(board, entity);
    expect([tally.found, tally.foundHit.overlap, tally.foundHit.strict, tally.truth, tally.truthHit.overlap, tally.truthHit.strict]).toEqual([f, fo, fs, t, to, ts]);
  });

  it('sorts false positives by what lay under them', () => {
    const board = newBoard();
    scoreCell(board, { text: '1.2.3.4 and 555-0100-99', header: 'notes', row: 7, split: 'text' }, [truth('NEGATIVE', 0, 7, 'version string'), truth('IDENTIFIER', 12, 23)], [found('IP_ADDRESS', 0, 7), found('PHONE', 12, 23)]);
    expect([...board.falsePositives.keys()].sort()).toEqual(['IP_ADDRESS|hard negative: version string', 'PHONE|labelled IDENTIFIER']);
    expect(board.falsePositives.get('IP_ADDRESS|hard negative: version string')?.examples[0]).toMatchObject({ header: 'notes', row: 7, text: '[1.2.3.4] and 555-0100-99' });
    expect(falseAlarms(board)).toEqual({ total: 1, alarmed: 1, rate: 1 });
    expect(board.kinds.get('IDENTIFIER|k|text')).toMatchObject({ total: 1, missed: 1, example: { note: 'found as PHONE' } });
  });

  it('counts a hard negative once however many findings hit it, and only when one overlaps', () => {
    const board = newBoard();
    const cell = { text: 'x'.repeat(40), header: 'c', row: 1, split: 'column' as const };
    scoreCell(board, cell, [truth('NEGATIVE', 0, 9)], [found('US_SSN', 0, 9), found('PHONE', 2, 9)]);
    scoreCell(board, cell, [truth('NEGATIVE', 0, 9)], [found('PHONE', 9, 12)]);
    expect(falseAlarms(board)).toEqual({ total: 2, alarmed: 1, rate: 0.5 });
    expect(falseAlarms(board, 'text').total).toBe(0);
  });
});

describe('PII bench metrics', () => {
  it.each([
    [{ found: 10, foundHit: 9, truth: 12, truthHit: 9 }, 0.9, 0.75],
    [{ found: 0, foundHit: 0, truth: 5, truthHit: 0 }, Number.NaN, 0],
    [{ found: 4, foundHit: 0, truth: 0, truthHit: 0 }, 0, Number.NaN],
  ])('%j → P %d, R %d', (c, p, r) => {
    const m = prf({ found: c.found, truth: c.truth, foundHit: { overlap: c.foundHit, strict: 0 }, truthHit: { overlap: c.truthHit, strict: 0 } }, 'overlap');
    expect(m.precision).toBe(p);
    expect(m.recall).toBe(r);
    if (!Number.isNaN(p) && !Number.isNaN(r)) expect(m.f1).toBeCloseTo((2 * p * r) / (p + r), 10);
  });

  it('excerpts long cells around the span, by code points', () => {
    expect(excerpt('🙂 call 555', 7, 10)).toBe('🙂 call [555]');
    expect(excerpt('abc', 0, 3)).toBe('abc');
    expect(excerpt(`${'a'.repeat(50)} 1234 ${'b'.repeat(50)}`, 51, 55)).toBe(`…${'a'.repeat(19)} [1234] ${'b'.repeat(19)}…`);
  });
});
