// Row order: every format writes the rows in the version's rowid order. DuckDB does not keep that
// order by itself on a large table with costly cells (see writer.ts), so this uses exactly that.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_WINDOW_ROWS } from '../../src/main/engine/export/xlsx-writer';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';
import { exportOk, typedDataset } from './export-support';

const ROWS = 300_000;
let t: TestEngine;
let dir: string;
let big: string;
let small: string;
beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-export-order-');
  const columns = [{ header: 'seq', type: 'BIGINT' }, { header: 'a', type: 'VARCHAR' }, { header: 'b', type: 'VARCHAR' }, { header: 'c', type: 'VARCHAR' }];
  const rows = (n: number) => `SELECT range, md5(range::VARCHAR), '-' || range, '=' || md5(range::VARCHAR) FROM range(${n}) ORDER BY range`;
  big = await typedDataset(t, 'order', columns, rows(ROWS));
  small = await typedDataset(t, 'order-xlsx', columns, rows(XLSX_WINDOW_ROWS * 2 + 123));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const inOrder = (seq: number[], n: number) => seq.length === n && seq.every((v, i) => v === i);

describe('row order', () => {
  it.each([
    ['csv', (text: string) => text.split('\n').slice(1, -1).map((l) => Number(l.slice(0, l.indexOf(','))))],
    ['jsonl', (text: string) => text.split('\n').slice(0, -1).map((l) => (JSON.parse(l) as { seq: number }).seq)],
  ])('%s keeps rowid order', async (format, seqOf) => {
    const out = path.join(dir, `order.${format}`);
    await exportOk(t, { datasetId: big, path: out });
    expect(inOrder(seqOf(fs.readFileSync(out, 'utf8')), ROWS)).toBe(true);
  });

  it('parquet keeps rowid order', async () => {
    const out = path.join(dir, 'order.parquet');
    await exportOk(t, { datasetId: big, path: out });
    const r = await t.engine.workspace.db.one<{ bad: bigint; n: bigint }>(
      `SELECT count(*) FILTER (WHERE seq <> file_row_number) AS bad, count(*) AS n FROM read_parquet($f, file_row_number = true)`,
      { f: out },
    );
    expect([Number(r?.bad), Number(r?.n)]).toEqual([0, ROWS]);
  });

  it('xlsx keeps rowid order across its read windows', async () => {
    const out = path.join(dir, 'order.xlsx');
    await exportOk(t, { datasetId: small, path: out });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const seq: number[] = [];
    book.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) seq.push(row.getCell(1).value as number);
    });
    expect(inOrder(seq, XLSX_WINDOW_ROWS * 2 + 123)).toBe(true);
  });
});
