// xlsx-cells.ts: every kind of value exceljs's streaming reader gives, as the text we store.
import { describe, expect, it } from 'vitest';
import { cellText, isDateFormat, isoText } from '../../src/main/engine/import/xlsx-cells';
import { fixFormulaCells } from '../../src/main/engine/import/xlsx-sheet-xml';

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

describe('fixFormulaCells', () => {
  it.each<[string, string, string]>([
    ['an error result loses its formula', '<c r="A1" t="e"><f>NA()</f><v>#N/A</v></c>', '<c r="A1" t="e"><v>#N/A</v></c>'],
    ['a boolean result loses its formula', '<c r="B1" s="2" t="b"><f>A1>1</f><v>1</v></c>', '<c r="B1" s="2" t="b"><v>1</v></c>'],
    ['a shared formula reference too', '<c r="B2" t="e"><f t="shared" si="0"/><v>#REF!</v></c>', '<c r="B2" t="e"><v>#REF!</v></c>'],
    ['numbers and strings keep theirs', '<c r="C1"><f>1+1</f><v>2</v></c><c r="D1" t="str"><f>"a"</f><v>a</v></c>', '<c r="C1"><f>1+1</f><v>2</v></c><c r="D1" t="str"><f>"a"</f><v>a</v></c>'],
    ['an empty self-closing error cell does not swallow the next', '<c r="E1" t="e"/><c r="F1" t="b"><f>X</f><v>0</v></c>', '<c r="E1" t="e"/><c r="F1" t="b"><v>0</v></c>'],
    ['<cols> is not a cell', '<cols><col min="1" max="1"/></cols>', '<cols><col min="1" max="1"/></cols>'],
  ])('%s', (_label, xml, want) => {
    expect(fixFormulaCells(xml)).toBe(want);
  });
});
