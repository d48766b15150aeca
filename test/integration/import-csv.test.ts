// CSV import of ugly real files: BOMs, line ends, quoted newlines, delimiters, legacy and UTF-16
// encodings, no header, hostile headers, ragged rows (abort / pad / skip), and bad input whose
// errors name the file and the line or byte offset.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOptions } from '../../src/shared/api/types';
import { readAll, startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';

let t: TestEngine;
let dir: string;
beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-csv-');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Windows-1252 bytes for text in that code page (Latin-1 plus € and friends at 0x80–0x9f). */
function cp1252(text: string): Buffer {
  const high: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
  return Buffer.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}
const utf16be = (text: string): Buffer => Buffer.from(Buffer.from(`\uFEFF${text}`, 'utf16le').swap16());

interface Case {
  name: string;
  content: Buffer | string;
  options?: ImportOptions;
  headers: string[];
  rows: (string | null)[][];
  rowIds?: number[];
  detected?: Partial<Record<'delimiter' | 'encoding' | 'header', string | boolean>>;
}

const HOSTILE = ['; DROP TABLE x; --', '😀', '', 'Name', 'name', 'a,b', 'say "hi"'];

const cases: [string, Case][] = [
  ['UTF-8 BOM and CRLF', { name: 'bom.csv', content: '\uFEFFa,b\r\n1,2\r\n3,4\r\n', headers: ['a', 'b'], rows: [['1', '2'], ['3', '4']], detected: { encoding: 'utf-8-bom' } }],
  ['CR line ends', { name: 'cr.csv', content: 'a,b\r1,2\r3,4\r', headers: ['a', 'b'], rows: [['1', '2'], ['3', '4']] }],
  [
    'quoted newlines and doubled quotes',
    { name: 'quoted.csv', content: 'a,b\n"x\ny",2\n"he said ""hi""",3\n"",4\n', headers: ['a', 'b'], rows: [['x\ny', '2'], ['he said "hi"', '3'], [null, '4']] },
  ],
  ['semicolons', { name: 'semi.csv', content: 'a;b;c\n1;2,5;x\n3;4;y\n', headers: ['a', 'b', 'c'], rows: [['1', '2,5', 'x'], ['3', '4', 'y']], detected: { delimiter: ';' } }],
  ['tabs', { name: 'tabs.tsv', content: 'a\tb\n1\t2\n', headers: ['a', 'b'], rows: [['1', '2']], detected: { delimiter: '\t' } }],
  ['pipes', { name: 'pipes.txt', content: 'a|b\n1|2\n3|4\n', headers: ['a', 'b'], rows: [['1', '2'], ['3', '4']], detected: { delimiter: '|' } }],
  [
    'Windows-1252',
    { name: 'cp1252.csv', content: cp1252('name,city\nJosé,Zürich\n€uro “quoted”,x\n'), headers: ['name', 'city'], rows: [['José', 'Zürich'], ['€uro “quoted”', 'x']], detected: { encoding: 'windows-1252' } },
  ],
  ['Latin-1', { name: 'latin1.csv', content: Buffer.from('name\nFrançois\nñandú\n', 'latin1'), headers: ['name'], rows: [['François'], ['ñandú']], detected: { encoding: 'windows-1252' } }],
  [
    'UTF-16LE with BOM',
    { name: 'u16le.csv', content: Buffer.from('\uFEFFname,emoji\nÅsa,😀\n', 'utf16le'), headers: ['name', 'emoji'], rows: [['Åsa', '😀']], detected: { encoding: 'utf-16le' } },
  ],
  ['UTF-16BE with BOM', { name: 'u16be.csv', content: utf16be('name,n\nÅsa,1\n'), headers: ['name', 'n'], rows: [['Åsa', '1']], detected: { encoding: 'utf-16be' } }],
  [
    'no header',
    { name: 'nohead.csv', content: '1,2020-01-01,3.5\n2,2020-01-02,4.5\n', headers: ['column1', 'column2', 'column3'], rows: [['1', '2020-01-01', '3.5'], ['2', '2020-01-02', '4.5']], rowIds: [1, 2], detected: { header: false } },
  ],
  [
    'hostile headers kept exactly',
    { name: 'hostile.csv', content: `"; DROP TABLE x; --",😀,,Name,name,"a,b","say ""hi"""\n1,2,3,4,5,6,7\n`, headers: HOSTILE, rows: [['1', '2', '3', '4', '5', '6', '7']] },
  ],
  [
    'ragged rows padded',
    { name: 'pad.csv', content: 'a,b\n1,2\n3\n4,5,6\n7,8\n', options: { ragged: 'pad' }, headers: ['a', 'b', ''], rows: [['1', '2', null], ['3', null, null], ['4', '5', '6'], ['7', '8', null]], rowIds: [1, 2, 3, 4] },
  ],
  ['ragged rows skipped: row ids keep gaps', { name: 'skip.csv', content: 'a,b\n1,2\n3\n4,5,6\n7,8\n', options: { ragged: 'skip' }, headers: ['a', 'b'], rows: [['1', '2'], ['7', '8']], rowIds: [1, 4] }],
];

describe('CSV import', () => {
  it.each(cases)('%s', async (_label, c) => {
    const file = writeFixture(dir, c.name, c.content);
    const preview = await t.call('import.preview', { path: file, options: c.options ?? {} });
    expect(preview.headers).toEqual(c.headers.slice(0, preview.headers.length));
    if (c.detected) expect(preview.options).toMatchObject(c.detected);
    const res = await t.importFile(file, c.options);
    expect(res.columns.map((col) => col.header)).toEqual(c.headers);
    const data = await readAll(t, res.datasetId);
    expect(data.rows).toEqual(c.rows);
    expect(data.rowIds).toEqual(c.rowIds ?? c.rows.map((_, i) => i + 1));
    const nulls = c.headers.map((_, i) => c.rows.filter((r) => r[i] === null).length);
    expect(res.columns.map((col) => col.nullCount)).toEqual(nulls);
  });

  it('infers logical types from the text and keeps the text', async () => {
    const file = writeFixture(dir, 'types.csv', 'i,d,b,day,ts,t,s\n1,1.5,true,2020-01-02,2020-01-02 03:04:05,10:30,x\n-2,2e3,no,2021-12-31,2021-12-31T23:59:59Z,23:59:59,y\n,,,,,,\n');
    const res = await t.importFile(file);
    expect(res.columns.map((c) => c.logicalType)).toEqual(['integer', 'decimal', 'boolean', 'date', 'timestamp', 'time', 'text']);
    expect(res.columns.every((c) => c.storageType === 'VARCHAR')).toBe(true);
    expect((await readAll(t, res.datasetId)).rows[1]).toEqual(['-2', '2e3', 'no', '2021-12-31', '2021-12-31T23:59:59Z', '23:59:59', 'y']);
  });

  it('aborts on ragged rows by default, with the count and the first lines', async () => {
    const file = writeFixture(dir, 'ragged.csv', 'a,b\n1,2\n3\n4,5,6\n7,8\n');
    const job = await t.runJob('import.start', { path: file, options: {} });
    expect(job.error?.code).toBe('RAGGED_ROWS');
    expect(job.error?.message).toContain(file);
    expect(job.error?.message).toMatch(/2 rows have a different number of fields.*line 3/);
    expect(job.error?.details).toMatchObject({ count: 2, line: 3, firstLines: [{ line: 3, text: '3' }, { line: 4, text: '4,5,6' }] });
  });
});

const BINARY = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));

const bad: [string, string, () => Buffer | string, ImportOptions, string, RegExp][] = [
  ['an empty file', 'empty.csv', () => '', {}, 'BAD_FILE', /is empty \(0 bytes\)/],
  ['only blank lines', 'blank.csv', () => '\n\n\r\n', {}, 'BAD_FILE', /no records/],
  ['a binary file named .csv', 'binary.csv', () => BINARY, {}, 'BAD_FILE', /not a text file.*byte offset 0/],
  ['a PNG named .csv', 'image.csv', () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), BINARY]), {}, 'BAD_FILE', /looks like a PNG image/],
  ['Windows-1252 read as UTF-8', 'forced.csv', () => cp1252('name,city\nAnn,Oslo\nJosé,Zürich\n'), { encoding: 'utf-8' }, 'BAD_FILE', /line 3: invalid bytes for the utf-8 encoding \(byte offset \d+\)/],
  ['an unclosed quote', 'unclosed.csv', () => 'a,b\n1,2\n"3,4\n5,6\n', {}, 'BAD_FILE', /line \d+/],
];

describe('CSV bad input', () => {
  it.each(bad)('%s', async (_label, name, make, options, code, re) => {
    const file = writeFixture(dir, name, make());
    const job = await t.runJob('import.start', { path: file, options });
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe(code);
    expect(job.error?.message).toContain(file);
    expect(job.error?.message).toMatch(re);
  });

  it('a 50 MB single field is LIMIT_EXCEEDED, naming the line', async () => {
    const file = `${dir}/huge-field.csv`;
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, 'id,blob\n1,small\n2,"');
    const chunk = Buffer.alloc(1 << 20, 'x');
    for (let i = 0; i < 50; i++) fs.writeSync(fd, chunk);
    fs.writeSync(fd, '"\n3,small\n');
    fs.closeSync(fd);
    const job = await t.runJob('import.start', { path: file, options: {} });
    expect(job.error?.code).toBe('LIMIT_EXCEEDED');
    expect(job.error?.message).toContain(file);
    expect(job.error?.message).toMatch(/line 3/);
    fs.rmSync(file);
  });
});
