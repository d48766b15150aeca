// xlsx-cells.ts: every kind of value exceljs's streaming reader gives, as the text we store.
import { describe, expect, it } from 'vitest';
import { cellText, isDateFormat, isoText } from '../../src/main/engine/import/xlsx-cells';

describe('cellText', () => {
  it.each<[string, unknown, string | undefined, boolean, string | null]>([
    ['missing', undefined, undefined, false, null],
    ['empty text is missing', '', undefined, false, null],
    ['text', 'x', undefined, false, 'x'],
    ['integer', 42, undefined, false, '42'],
    ['fraction', -0.25, undefined, false, '-0.25'],
    ['NaN (a formula error exceljs could not read)', Number.NaN, undefined, false, null],
    ['boolean', true, undefined, false, 'true'],
    ['date', new Date(Date.UTC(2021, 2, 4)), undefined, false, '2021-03-04'],
    ['date and time', new Date(Date.UTC(2021, 2, 4, 13, 5, 9, 120)), undefined, false, '2021-03-04T13:05:09.120'],
    ['time of day (serial below 1)', new Date(Date.UTC(1899, 11, 30, 8, 30)), undefined, false, '08:30:00'],
    ['error', { error: '#N/A' }, undefined, false, '#N/A'],
    ['rich text', { richText: [{ text: 'a ' }, { font: {}, text: 'b' }] }, undefined, false, 'a b'],
    ['hyperlink', { text: 'site', hyperlink: 'https://example.invalid' }, undefined, false, 'site'],
    ['hyperlink with rich text', { text: { richText: [{ text: 'x' }] }, hyperlink: 'h' }, undefined, false, 'x'],
    ['formula with a number', { formula: 'A1*2', result: 3 }, 'General', false, '3'],
    ['formula with text', { formula: 'UPPER(A1)', result: 'X' }, undefined, false, 'X'],
    ['formula with a date', { formula: 'A1+1', result: 44260 }, 'yyyy-mm-dd', false, '2021-03-05'],
    ['formula with a date, 1904 system', { formula: 'A1+1', result: 42798 }, 'd/m/yy', true, '2021-03-05'],
    ['shared formula', { sharedFormula: 'A1', result: 7 }, undefined, false, '7'],
    ['formula without a cached result', { formula: 'A1' }, undefined, false, null],
  ])('%s', (_label, value, fmt, date1904, want) => {
    expect(cellText(value, fmt, date1904)).toBe(want);
  });
});

describe('isDateFormat', () => {
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['General', false],
    ['0.00', false],
    ['yyyy-mm-dd', true],
    ['[h]:mm:ss', true],
    ['"Day "0', false],
    ['[Red]0.00', false],
  ])('%s → %s', (fmt, want) => {
    expect(isDateFormat(fmt)).toBe(want);
  });

  it('an invalid date is no text', () => {
    expect(isoText(new Date(Number.NaN))).toBe('');
  });
});
