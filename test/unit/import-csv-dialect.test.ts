// csv-dialect.ts: the record parser, delimiter sniffing, header sniffing and header issues.
import { describe, expect, it } from 'vitest';
import { headerIssues, parseRecords, sniffDialect, sniffHeader, type Dialect } from '../../src/main/engine/import/csv-dialect';

const comma: Dialect = { delimiter: ',', quote: '"' };

describe('parseRecords', () => {
  it.each<[string, string, Dialect, number, boolean, string[][], boolean]>([
    ['simple, whole file', 'a,b\n1,2', comma, Infinity, true, [['a', 'b'], ['1', '2']], true],
    ['a cut last record is dropped', 'a,b\n1,2', comma, Infinity, false, [['a', 'b']], false],
    ['quoted newline', '"x\ny",2\n', comma, Infinity, false, [['x\ny', '2']], true],
    ['doubled quotes', '"a""b",c\n', comma, Infinity, false, [['a"b', 'c']], true],
    ['CRLF and blank lines', 'a,b\r\n\r\n1,2\r\n', comma, Infinity, false, [['a', 'b'], ['1', '2']], true],
    ['CR line ends', 'a\r1\r', comma, Infinity, false, [['a'], ['1']], true],
    ['empty fields are kept', ',\n', comma, Infinity, false, [['', '']], true],
    ['a quoted empty field is a field', '""\n', comma, Infinity, false, [['']], true],
    ['no quote character', '"a",b\n', { delimiter: ',', quote: '' }, Infinity, false, [['"a"', 'b']], true],
    ['semicolon', 'a;"b;c"\n', { delimiter: ';', quote: '"' }, Infinity, false, [['a', 'b;c']], true],
    ['stops at maxRecords', 'a\nb\nc\n', comma, 2, false, [['a'], ['b']], true],
    ['an unterminated quote is incomplete', 'a\n"open\n', comma, Infinity, true, [['a']], false],
  ])('%s', (_label, text, d, max, whole, records, complete) => {
    const out = parseRecords(text, d, max, whole);
    expect(out.records).toEqual(records);
    expect(out.lastComplete).toBe(complete);
  });
});

describe('sniffDialect', () => {
  it.each<[string, string, string, string]>([
    ['commas', 'a,b,c\n1,2,3\n', 'x.csv', ','],
    ['semicolons with decimal commas', 'a;b\n1,5;2\n3,5;4\n', 'x.csv', ';'],
    ['tabs', 'a\tb\n1\t2\n', 'x.txt', '\t'],
    ['pipes', 'a|b\n1|2\n', 'x.txt', '|'],
    ['commas inside quotes do not count', 'a;b\n"1,2,3";4\n"5,6";7\n', 'x.csv', ';'],
    ['one column in a .tsv', 'name\nAnn\n', 'x.tsv', '\t'],
    ['one column in a .csv', 'name\nAnn\n', 'x.csv', ','],
    ['consistency beats width', 'a,b\n1,2\n3,4\nx;y;z;w\n', 'x.csv', ','],
  ])('%s', (_label, text, file, delimiter) => {
    expect(sniffDialect(text, file, true)).toEqual({ delimiter, quote: '"' });
  });
});

describe('sniffHeader', () => {
  it.each<[string, string[][], boolean]>([
    ['text over numbers', [['id', 'name'], ['1', 'Ann'], ['2', 'Bob']], true],
    ['numbers and dates all through', [['1', '2020-01-01'], ['2', '2020-01-02']], false],
    ['all text', [['a', 'b'], ['c', 'd']], true],
    ['a single record', [['1', '2']], true],
    ['a blank header cell is still a header', [['', 'amount'], ['x', '1'], ['y', '2']], true],
    ['booleans below a name', [['active'], ['true'], ['false']], true],
  ])('%s', (_label, records, header) => {
    expect(sniffHeader(records)).toBe(header);
  });
});

describe('headerIssues', () => {
  it.each<[string, string[], number[], { header: string; positions: number[] }[]]>([
    ['clean', ['a', 'b'], [], []],
    ['blank and white space', ['', ' ', 'x'], [1, 2], []],
    ['case variants and repeats', ['a', 'A', 'b', 'a'], [], [{ header: 'a', positions: [1, 2, 4] }]],
  ])('%s', (_label, headers, blank, duplicate) => {
    expect(headerIssues(headers)).toEqual({ blank, duplicate });
  });
});
