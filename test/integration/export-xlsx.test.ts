// XLSX export: values read back with exceljs, limits refused before writing (rows, cell length as
// Excel counts it, the formula escape included), XML-unsafe characters kept, deterministic bytes,
// and the exceljs internals the backpressure relies on.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetBacklog, sheetName, XLSX_FIXED_DATE } from '../../src/main/engine/export/xlsx-writer';
import { checkXlsxShape, XLSX_MAX_CELL_CHARS, XLSX_MAX_ROWS } from '../../src/main/engine/export/xlsx-limits';
import { FIXED_DOS_TIME } from '../../src/main/engine/export/zip-times';
import type { ColumnInfo } from '../../src/shared/api/types';
import { startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';
import { exportFails, exportOk, typedDataset } from './export-support';

let t: TestEngine;
let dir: string;
beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-export-xlsx-');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function readSheet(file: string): Promise<{ values: unknown[][]; book: ExcelJS.Workbook }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const values: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    values.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
  });
  return { values, book };
}

/** Every entry's DOS time, from the ZIP central directory. */
function zipTimes(file: string): number[] {
  const buf = fs.readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(eocd + 16);
  const times: number[] = [];
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    times.push(buf.readUInt32LE(at + 12));
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return times;
}

const noFiles = (name: string) => fs.readdirSync(dir).filter((f) => f.includes(name));

describe('XLSX export', () => {
  it('writes headers and typed cells that read back', async () => {
    const id = await typedDataset(
      t,
      'typed.csv',
      [
        { header: '=cmd', type: 'VARCHAR' },
        { header: 'n', type: 'BIGINT', logical: 'integer' },
        { header: 'x', type: 'DOUBLE', logical: 'decimal' },
        { header: 'ok', type: 'BOOLEAN', logical: 'boolean' },
        { header: '', type: 'VARCHAR' },
        { header: 'big', type: 'BIGINT', logical: 'integer' },
        { header: 'ctl', type: 'VARCHAR' },
      ],
      `VALUES ('=1+1', -5, 2.5, true, '😀 "q" <x> & y', 9007199254740993, 'a' || chr(1) || 'b_x0041_c' || chr(13) || 'd'),
              ('-5', NULL, 'nan'::DOUBLE, false, NULL, 1, 'tab' || chr(9) || 'lf' || chr(10))`,
    );
    const out = path.join(dir, 'typed.xlsx');
    const r = await exportOk(t, { datasetId: id, path: out });
    expect(r).toMatchObject({ format: 'xlsx', rows: 2 });
    const { values, book } = await readSheet(out);
    expect(book.worksheets[0]!.name).toBe('typed');
    expect(book.creator).toBe('Data Sanitizer');
    expect(book.created?.toISOString()).toBe(XLSX_FIXED_DATE.toISOString());
    expect(values).toEqual([
      ["'=cmd", 'n', 'x', 'ok', null, 'big', 'ctl'],
      ["'=1+1", -5, 2.5, true, '😀 "q" <x> & y', '9007199254740993', 'a_x0001_b_x005F_x0041_c_x000D_d'],
      ['-5', null, 'nan', false, null, 1, 'tab\tlf\n'],
    ]);
  });

  it('gives the same bytes for the same data, with every ZIP entry time pinned', async () => {
    const src = writeFixture(dir, 'same.csv', 'a,b\n1,x\n2,y\n');
    const { datasetId } = await t.importFile(src, { delimiter: ',' });
    const one = path.join(dir, 'same-1.xlsx');
    const two = path.join(dir, 'same-2.xlsx');
    const r1 = await exportOk(t, { datasetId, path: one });
    await new Promise((res) => setTimeout(res, 2100)); // ZIP times have 2-second resolution
    const r2 = await exportOk(t, { datasetId, path: two });
    expect(fs.readFileSync(one).equals(fs.readFileSync(two))).toBe(true);
    expect(r1.sha256).toBe(r2.sha256);
    const times = zipTimes(one);
    expect(times.length).toBeGreaterThan(5);
    expect(new Set(times)).toEqual(new Set([FIXED_DOS_TIME]));
  });

  it('refuses a cell longer than 32,767 characters before writing, naming column and row', async () => {
    const id = await typedDataset(t, 'long', [{ header: 'id', type: 'VARCHAR' }, { header: 'notes', type: 'VARCHAR' }], `VALUES ('1', 'ok'), ('2', repeat('x', ${XLSX_MAX_CELL_CHARS})), ('3', repeat('y', ${XLSX_MAX_CELL_CHARS + 1}))`);
    const err = await exportFails(t, { datasetId: id, path: path.join(dir, 'long.xlsx') });
    expect(err.code).toBe('LIMIT_EXCEEDED');
    expect(err.message).toContain('column 2 ("notes") at sheet row 4 (record 3 of the source) has 32,768 characters');
    expect(err.details).toMatchObject({ column: 2, sheetRow: 4, record: 3, length: 32_768 });
    expect(noFiles('long.xlsx')).toEqual([]);
  });

  it.each([
    ['emoji count twice (UTF-16)', `repeat('😀', ${XLSX_MAX_CELL_CHARS / 2 + 0.5})`, true, true],
    ['emoji just fit', `repeat('😀', ${(XLSX_MAX_CELL_CHARS - 1) / 2})`, true, false],
    ['the escape apostrophe counts', `'=' || repeat('x', ${XLSX_MAX_CELL_CHARS - 1})`, true, true],
    ['no escape, no apostrophe', `'=' || repeat('x', ${XLSX_MAX_CELL_CHARS - 1})`, false, false],
  ])('cell length: %s', async (_name, valueSql, formulaEscape, refused) => {
    const id = await typedDataset(t, 'len', [{ header: 'v', type: 'VARCHAR' }], `SELECT ${valueSql}`);
    const out = path.join(dir, `len-${id}.xlsx`);
    const job = await t.runJob('export.start', { datasetId: id, path: out, formulaEscape });
    expect(job.state).toBe(refused ? 'failed' : 'succeeded');
    if (refused) expect(job.error?.code).toBe('LIMIT_EXCEEDED');
    expect(fs.existsSync(out)).toBe(!refused);
  });

  it('refuses more rows than a sheet holds, before writing anything', async () => {
    const id = await typedDataset(t, 'rows', [{ header: 'n', type: 'INTEGER' }], `SELECT range FROM range(${XLSX_MAX_ROWS})`);
    const err = await exportFails(t, { datasetId: id, path: path.join(dir, 'rows.xlsx') });
    expect(err.code).toBe('LIMIT_EXCEEDED');
    expect(err.message).toContain('1,048,576 rows, and with the header row that is 1,048,577');
    expect(noFiles('rows.xlsx')).toEqual([]);
  });

  it.each([
    [XLSX_MAX_ROWS - 1, false],
    [XLSX_MAX_ROWS, true],
  ])('row limit boundary: %i data rows refused=%s', (rows, refused) => {
    const cols = [{ id: 'c1', header: 'h', position: 0, logicalType: 'text', storageType: 'VARCHAR', nullCount: 0 }] as ColumnInfo[];
    if (refused) expect(() => checkXlsxShape(rows, cols, true)).toThrow('more than the 1,048,576 rows an XLSX sheet holds');
    else expect(() => checkXlsxShape(rows, cols, true)).not.toThrow();
  });

  it.each([
    ['customers.csv', 'customers'],
    ['a/b:c*d?[e].xlsx', 'a_b_c_d__e_'],
    ["'quoted'", 'quoted'],
    ['x'.repeat(40), 'x'.repeat(31)],
    [`${'x'.repeat(30)}😀`, 'x'.repeat(30)],
    ['', 'Sheet1'],
    ['History', 'Sheet1'],
  ])('sheet name for %j is %j', (name, expected) => {
    expect(sheetName(name)).toBe(expected);
  });

  it('reads the compressor backlog from exceljs (the backpressure depends on it)', async () => {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(dir, 'backlog.xlsx'), useStyles: false, useSharedStrings: false });
    const sheet = book.addWorksheet('s');
    for (let i = 0; i < 20_000; i++) sheet.addRow([`row ${i}`, i, 'some text to make the row longer']).commit();
    const backlog = sheetBacklog(sheet);
    expect(backlog).toBeGreaterThan(256 * 1024);
    sheet.commit();
    await book.commit();
    expect(sheetBacklog(sheet)).not.toBeNull();
  });
});
