// XLSX import: sheets listed in workbook order and chosen by name, header = first non-empty row,
// row ids = sheet row − header row (gaps for empty rows), every kind of cell value as text,
// hostile headers, and corrupt or non-XLSX files refused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAll, startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';

let t: TestEngine;
let dir: string;
let book: string;

const HOSTILE = ['; DROP TABLE x; --', '😀', '', 'Name', 'name', 'a,b', 'say "hi"'];

/** A real workbook written by exceljs's (non-streaming) writer, with shared strings. */
async function writeBook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const first = wb.addWorksheet('Zeta first');
  first.getRow(3).values = ['id', 'when', 'amount', 'ok', 'formula', 'rich', 'link', 'err', 'stamp', 'text formula', 'date formula', 'lookup', 'test'];
  first.getRow(4).values = [
    1,
    new Date(Date.UTC(2021, 2, 4)),
    1.5,
    true,
    { formula: 'C4*2', result: 3 },
    { richText: [{ text: 'bold ' }, { text: 'and plain' }] },
    { text: 'example', hyperlink: 'https://example.invalid/' },
    { error: '#N/A' },
    new Date(Date.UTC(2021, 2, 4, 13, 5, 9)),
    { formula: 'UPPER("x")', result: 'X' },
    { formula: 'B4+1', result: 44260 },
    { formula: 'VLOOKUP(99,A1:B2,2,FALSE)', result: { error: '#N/A' } },
    { formula: 'C4>1', result: true },
  ];
  first.getCell('K4').numFmt = 'yyyy-mm-dd';
  first.getRow(7).values = [2, null, -0.25, false, { formula: 'C7*2', result: -0.5 }, 'plain', null, { error: '#DIV/0!' }, null, null, null, { formula: '1/0', result: { error: '#DIV/0!' } }, { formula: 'C7>1', result: false }];
  wb.addWorksheet('Empty');
  const hostile = wb.addWorksheet('Hostile ☃');
  hostile.addRow(HOSTILE);
  hostile.addRow(HOSTILE.map((_, i) => `v${i}`));
  hostile.addRow(['wide', null, null, null, null, null, null, null, 'beyond']);
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-xlsx-');
  book = path.join(dir, 'book.xlsx');
  await writeBook(book);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('XLSX import', () => {
  it('previews the sheets in workbook order and the first sheet by default', async () => {
    const p = await t.call('import.preview', { path: book });
    expect(p.sheets).toEqual(['Zeta first', 'Empty', 'Hostile ☃']);
    expect(p.options.sheet).toBe('Zeta first');
    expect(p.headers[0]).toBe('id');
    expect(p.rows).toHaveLength(2);
  });

  it('reads every kind of cell value as text, with row ids from the sheet', async () => {
    const hash = crypto.createHash('sha256').update(fs.readFileSync(book)).digest('hex');
    const res = await t.importFile(book);
    expect(res.sourceSha256).toBe(hash);
    expect(crypto.createHash('sha256').update(fs.readFileSync(book)).digest('hex')).toBe(hash);
    const data = await readAll(t, res.datasetId);
    expect(res.columns.map((c) => c.header)).toEqual(['id', 'when', 'amount', 'ok', 'formula', 'rich', 'link', 'err', 'stamp', 'text formula', 'date formula', 'lookup', 'test']);
    expect(data.rowIds).toEqual([1, 4]);
    expect(data.rows).toEqual([
      ['1', '2021-03-04', '1.5', 'true', '3', 'bold and plain', 'example', '#N/A', '2021-03-04T13:05:09', 'X', '2021-03-05', '#N/A', 'true'],
      ['2', null, '-0.25', 'false', '-0.5', 'plain', null, '#DIV/0!', null, null, null, '#DIV/0!', 'false'],
    ]);
    expect(res.columns.map((c) => c.logicalType)).toEqual(['integer', 'date', 'decimal', 'boolean', 'decimal', 'text', 'text', 'text', 'timestamp', 'text', 'date', 'text', 'boolean']);
    expect(res.columns.map((c) => c.nullCount)).toEqual([0, 1, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0]);
    expect(res.columns.every((c) => c.storageType === 'VARCHAR')).toBe(true);
    expect(res.warnings.map((w) => w.code)).toContain('EMPTY_ROWS_SKIPPED');
  });

  it('keeps hostile headers exactly and gives values beyond the header a blank one', async () => {
    const res = await t.importFile(book, { sheet: 'Hostile ☃' });
    expect(res.columns.map((c) => c.header)).toEqual([...HOSTILE, '', '']);
    const data = await readAll(t, res.datasetId);
    expect(data.rowIds).toEqual([1, 2]);
    expect(data.rows[0]).toEqual([...HOSTILE.map((_, i) => `v${i}`), null, null]);
    expect(data.rows[1]).toEqual(['wide', null, null, null, null, null, null, null, 'beyond']);
    expect(res.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['BLANK_HEADER', 'DUPLICATE_HEADER', 'EXTRA_FIELDS']));
  });

  it('streams a workbook without shared strings, whose sheets come before the workbook part, leaving no temp file', async () => {
    const file = path.join(dir, 'inline.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const a = wb.addWorksheet('A');
    a.addRow(['only', 'sheet A']).commit();
    const b = wb.addWorksheet('B');
    b.addRow(['k', 'v']).commit();
    for (let i = 1; i <= 3000; i++) b.addRow([`key ${i}`, i]).commit();
    await wb.commit();
    const tmpBefore = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('tmp-'));
    const res = await t.importFile(file, { sheet: 'B' });
    expect(res.rowCount).toBe(3000);
    const w = await t.call('grid.window', { datasetId: res.datasetId, version: 1, offset: 2999, limit: 1 });
    expect(w).toMatchObject({ rowIds: [3000], rows: [['key 3000', '3000']] });
    expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('tmp-'))).toEqual(tmpBefore);
  });

  it('an unknown sheet is refused, listing the sheets', async () => {
    const err = await t.fail('import.preview', { path: book, options: { sheet: 'Nope' } });
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).toContain('"Zeta first", "Empty", "Hostile ☃"');
  });

  it('an empty sheet is a clear error', async () => {
    const job = await t.runJob('import.start', { path: book, options: { sheet: 'Empty' } });
    expect(job.error?.code).toBe('BAD_FILE');
    expect(job.error?.message).toMatch(/sheet "Empty" is empty/);
  });
});

/** Same-length rename of a part inside the ZIP (local and central headers both hold the name). */
function renamePart(buf: Buffer, from: string, to: string): Buffer {
  const out = Buffer.from(buf);
  for (let i = out.indexOf(from); i !== -1; i = out.indexOf(from, i + 1)) out.write(to, i, 'latin1');
  return out;
}

/** Overwrites bytes in place (the ZIP structure stays, the data inside breaks). */
function scramble(buf: Buffer, at: number, length: number): Buffer {
  const out = Buffer.from(buf);
  for (let i = at; i < at + length; i++) out[i] = (out[i]! * 31 + 7) & 0xff;
  return out;
}

describe('XLSX bad input', () => {
  it.each([
    ['a text file named .xlsx', () => Buffer.from('id,name\n1,Ann\n'), /is named \.xlsx but is not an XLSX workbook.*byte offset 0/],
    ['a truncated workbook', (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6)), /ZIP directory .* missing .*byte offset \d+/],
    ['a ZIP that is not a workbook', (b: Buffer) => renamePart(b, 'xl/workbook.xml', 'xl/workbook.xmz'), /a ZIP archive but not an Excel workbook/],
    ['a missing sheet part', (b: Buffer) => renamePart(b, 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheetX.xml'), /sheet "Zeta first" \(part xl\/worksheets\/sheet1.xml\) is missing/],
    ['damaged compressed sheet data', (b: Buffer) => scramble(b, b.indexOf('xl/worksheets/sheet1.xml') + 40, 48), /sheet "Zeta first" \(part xl\/worksheets\/sheet1.xml at byte offset \d+\) cannot be read/],
  ])('%s is BAD_FILE', async (label, make, re) => {
    const file = writeFixture(dir, `${label.replaceAll(' ', '-')}.xlsx`, make(fs.readFileSync(book)));
    const job = await t.runJob('import.start', { path: file, options: {} });
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('BAD_FILE');
    expect(job.error?.message).toContain(file);
    expect(job.error?.message).toMatch(re);
  });
});
