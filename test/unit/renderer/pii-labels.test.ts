// How the Personal data screens word a column that has findings but no class, and the tooltip
// text of a findings row whose text is cut off (masked unless values are shown).
import { describe, expect, it } from 'vitest';
import type { PiiColumnSummary, PiiFindingRow } from '../../../src/shared/api/pii-types';
import { shownText } from '../../../src/renderer/features/pii/highlight';
import { classLabel, classSentence } from '../../../src/renderer/features/pii/labels';

const col = (over: Partial<PiiColumnSummary>): PiiColumnSummary => ({
  columnId: 'c1', header: 'ref', entity: null, share: 0, confidence: 0, freeText: false, nonMissing: 2000, entities: [], decision: null, ...over,
});
const ident = { entity: 'IDENTIFIER', cells: 650, share: 0.33, confidence: 0.8 } as const;
const person = { entity: 'PERSON', cells: 84, share: 0.04, confidence: 0.7 } as const;

describe('a column with findings but no class', () => {
  it.each([
    [col({ entities: [ident] }), 'Some values', 'Identifier in some values, too few to class the column'],
    [col({ entities: [person, ident] }), 'Some values', 'Person, Identifier in some values, too few to class the column'],
    [col({ entities: [person], freeText: true }), 'Free text', 'Free text with Person inside'],
    [col({}), 'Not detected', 'Nothing detected in the scanned values'],
  ])('%#', (c, label, sentence) => {
    expect(classLabel(c)).toBe(label);
    expect(classSentence(c)).toBe(sentence);
  });
});

type Shown = Pick<PiiFindingRow, 'text' | 'preview' | 'start' | 'end' | 'cell'>;
const cell = 'Call back on +44 20 7946 0958 after 5pm today';
const phone: Shown = { text: '+44 20 7946 0958', preview: '+** ** **** 0958', start: 13, end: 29, cell };

describe('shownText', () => {
  it.each([
    [phone, true, 10, '…l back on +44 20 7946 0958 after 5pm…'],
    [phone, true, 100, cell],
    [phone, false, 10, '…+** ** **** 0958…'],
    [{ ...phone, cell: '+44 20 7946 0958', start: 0, end: 16 }, false, 10, '+** ** **** 0958'],
    [{ ...phone, cell: undefined }, true, 10, '+44 20 7946 0958'],
  ] as const)('%#', (f, show, around, want) => {
    expect(shownText(f, show, around)).toBe(want);
  });
});
