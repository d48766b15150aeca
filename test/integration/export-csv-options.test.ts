// CSV export options, byte for byte: delimiter (comma, semicolon, tab, pipe, any ASCII character),
// quoting (minimal / all) of embedded delimiters, quotes and newlines, encodings (UTF-8, UTF-16LE,
// Windows-1252) with and without a BOM; a character Windows-1252 cannot hold is refused naming
// its row and column, and nothing is written; options that do not apply are refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src/shared/api/contract';
import { cp1252Byte, firstUnencodable } from '../../src/main/engine/export/csv-encoding';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';
import { exportFails, exportOk, typedDataset } from './export-support';

let t: TestEngine;
let dir: string;
let id: string;
let plainId: string;
beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-export-csv-options-');
  // Every awkward field: the delimiters, a quote, a newline, an empty text, a missing value.
  id = await typedDataset(
    t,
    'awkward',
    [{ header: 'name', type: 'VARCHAR' }, { header: 'a;b|c', type: 'VARCHAR' }, { header: 'n', type: 'BIGINT', logical: 'integer' }],
    `VALUES ('a,b', 'x;y', 1), ('say "hi"', 'p|q', 2), ('l1' || chr(10) || 'l2', '', NULL), ('tab' || chr(9) || 'in', NULL, 4), ('Zoë €5', 'plain', 5)`,
  );
  plainId = await typedDataset(t, 'plain', [{ header: 'k', type: 'VARCHAR' }, { header: 'v', type: 'VARCHAR' }], `VALUES ('é', 'ok')`);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Csv = NonNullable<MethodInput<'export.start'>['csv']>;
let n = 0;
const exportBytes = async (datasetId: string, csv?: Csv): Promise<Buffer> => {
  const out = path.join(dir, `out-${++n}.csv`);
  const r = await exportOk(t, { datasetId, path: out, ...(csv ? { csv } : {}) });
  const bytes = fs.readFileSync(out);
  expect(r.bytes).toBe(bytes.length);
  return bytes;
};

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
const BOM16 = Buffer.from([0xff, 0xfe]);

describe('CSV delimiters and quoting', () => {
  it.each<[string, Csv | undefined, string]>([
    ['the default (comma, minimal)', undefined, 'name,a;b|c,n\n"a,b",x;y,1\n"say ""hi""",p|q,2\n"l1\nl2","",\ntab\tin,,4\nZoë €5,plain,5\n'],
    ['semicolon', { delimiter: ';' }, 'name;"a;b|c";n\na,b;"x;y";1\n"say ""hi""";p|q;2\n"l1\nl2";"";\ntab\tin;;4\nZoë €5;plain;5\n'],
    ['tab', { delimiter: '\t' }, 'name\ta;b|c\tn\na,b\tx;y\t1\n"say ""hi"""\tp|q\t2\n"l1\nl2"\t""\t\n"tab\tin"\t\t4\nZoë €5\tplain\t5\n'],
    ['pipe', { delimiter: '|' }, 'name|"a;b|c"|n\na,b|x;y|1\n"say ""hi"""|"p|q"|2\n"l1\nl2"|""|\ntab\tin||4\nZoë €5|plain|5\n'],
    ['any ASCII character (#)', { delimiter: '#' }, 'name#a;b|c#n\na,b#x;y#1\n"say ""hi"""#p|q#2\n"l1\nl2"#""#\ntab\tin##4\nZoë €5#plain#5\n'],
    [
      'quote all (missing values stay bare, empty texts are "")',
      { quote: 'all' },
      '"name","a;b|c","n"\n"a,b","x;y","1"\n"say ""hi""","p|q","2"\n"l1\nl2","",\n"tab\tin",,"4"\n"Zoë €5","plain","5"\n',
    ],
    ['semicolon, quote all', { delimiter: ';', quote: 'all' }, '"name";"a;b|c";"n"\n"a,b";"x;y";"1"\n"say ""hi""";"p|q";"2"\n"l1\nl2";"";\n"tab\tin";;"4"\n"Zoë €5";"plain";"5"\n'],
  ])('%s', async (_name, csv, expected) => {
    expect((await exportBytes(id, csv)).toString('utf8')).toBe(expected);
  });
});

describe('CSV encodings and byte-order marks', () => {
  const text = 'k,v\né,ok\n';
  it.each<[string, Csv, Buffer]>([
    ['UTF-8, no BOM by default', { encoding: 'utf-8' }, utf8(text)],
    ['UTF-8 with a BOM', { encoding: 'utf-8', bom: true }, Buffer.concat([BOM8, utf8(text)])],
    ['UTF-16LE, a BOM by default', { encoding: 'utf-16le' }, Buffer.concat([BOM16, Buffer.from(text, 'utf16le')])],
    ['UTF-16LE without a BOM', { encoding: 'utf-16le', bom: false }, Buffer.from(text, 'utf16le')],
    ['Windows-1252 (é is one byte, 0xE9)', { encoding: 'windows-1252' }, Buffer.from([0x6b, 0x2c, 0x76, 0x0a, 0xe9, 0x2c, 0x6f, 0x6b, 0x0a])],
  ])('%s', async (_name, csv, expected) => {
    expect((await exportBytes(plainId, csv)).equals(expected)).toBe(true);
  });

  it('UTF-16LE and Windows-1252 carry the euro sign, quotes and newlines of the whole file', async () => {
    const utf = (await exportBytes(id)).toString('utf8');
    const u16 = await exportBytes(id, { encoding: 'utf-16le', delimiter: ';' });
    expect(u16.subarray(0, 2).equals(BOM16)).toBe(true);
    expect(u16.subarray(2).toString('utf16le')).toBe((await exportBytes(id, { delimiter: ';' })).toString('utf8'));
    const cp = await exportBytes(id, { encoding: 'windows-1252' });
    expect(cp.length).toBe([...utf].length);
    expect(cp.includes(Buffer.from([0x5a, 0x6f, 0xeb, 0x20, 0x80, 0x35]))).toBe(true); // "Zoë €5"
    expect([...cp].every((b, i) => b === cp1252Byte([...utf][i]!.codePointAt(0)!))).toBe(true);
  });

  it.each<[string, string, string, RegExp]>([
    ['an arrow in a cell', `VALUES ('a', 'ok'), ('b', 'x → y')`, 'data row 2, column 2 ("v"), character 3, holds "→" (U+2192)', /U\+2192/],
    ['an emoji, in the leftmost of two bad columns of the first bad row', `VALUES ('fine', 'ok'), ('😀', 'Ω'), ('ψ', 'x')`, 'data row 2, column 1 ("k"), character 1, holds "😀" (U+1F600)', /U\+1F600/],
    ['Greek in the first row', `VALUES ('αβ', 'ok')`, 'data row 1, column 1 ("k"), character 1, holds "α" (U+03B1)', /U\+03B1/],
  ])('refuses Windows-1252 for %s, naming row and column, writing nothing', async (_name, rows, where, code) => {
    const bad = await typedDataset(t, 'bad', [{ header: 'k', type: 'VARCHAR' }, { header: 'v', type: 'VARCHAR' }], rows);
    const out = path.join(dir, `bad-${++n}.csv`);
    const err = await exportFails(t, { datasetId: bad, path: out, csv: { encoding: 'windows-1252' } });
    expect(err.code).toBe('UNSUPPORTED');
    expect(err.message).toContain(where);
    expect(err.message).toMatch(code);
    expect(err.message).toContain('Nothing was written');
    expect(fs.readdirSync(dir).filter((f) => f.includes(path.basename(out)))).toEqual([]);
  });

  it('refuses a header Windows-1252 cannot hold', async () => {
    const bad = await typedDataset(t, 'hdr', [{ header: 'naïve ✓', type: 'VARCHAR' }], `VALUES ('x')`);
    const err = await exportFails(t, { datasetId: bad, path: path.join(dir, 'hdr.csv'), csv: { encoding: 'windows-1252' } });
    expect(err.message).toContain('the header of column 1 ("naïve ✓") holds "✓" (U+2713)');
  });

  it('finds the first character Windows-1252 cannot hold (a table of code points)', () => {
    expect(firstUnencodable('plain ASCII, Zoë, €, “quotes”, ‰, Ÿ')).toBeNull();
    expect(firstUnencodable('a\u0081b')).toBeNull(); // WHATWG: the unassigned bytes are C1 controls
    expect(firstUnencodable('ok → no')).toEqual({ char: '→', codePoint: 0x2192, index: 3 });
    expect(firstUnencodable('\u0080')).toEqual({ char: '\u0080', codePoint: 0x80, index: 0 }); // U+0080 is not byte 0x80 (that is €)
    expect(cp1252Byte(0x20ac)).toBe(0x80);
    expect(cp1252Byte(0x178)).toBe(0x9f);
    expect(cp1252Byte(0xff)).toBe(0xff);
  });
});

describe('options that do not apply', () => {
  it.each<[string, MethodInput<'export.start'>, string]>([
    ['a BOM with Windows-1252', { datasetId: 'd1', path: '/tmp/x.csv', csv: { encoding: 'windows-1252', bom: true } }, 'Windows-1252 has no byte-order mark'],
    ['CSV options for Parquet', { datasetId: 'd1', path: '/tmp/x.parquet', csv: { delimiter: ';' } }, 'are CSV options; this export is PARQUET'],
    ['CSV options for JSON', { datasetId: 'd1', path: '/tmp/x.json', csv: { quote: 'all' } }, 'are CSV options; this export is JSON'],
  ])('refuses %s before writing', async (_name, args, message) => {
    const err = await exportFails(t, { ...args, datasetId: plainId, path: path.join(dir, path.basename(args.path)) });
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).toContain(message);
    expect(fs.existsSync(path.join(dir, path.basename(args.path)))).toBe(false);
  });

  it.each([['"'], ['§'], ['ab'], [''], ['\n'], ['\r'], ['\u0000']])('the contract refuses the delimiter %j', async (delimiter) => {
    const err = await t.fail('export.start', { datasetId: plainId, path: path.join(dir, 'never.csv'), csv: { delimiter } });
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).toMatch(/delimiter/);
  });
});
