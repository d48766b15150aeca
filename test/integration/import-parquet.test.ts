// Parquet import: row ids from the file's row numbers, headers from the file's own schema (even
// names DuckDB would rename), structs flattened with key paths, lists/maps as JSON, unsupported
// types and corrupt files refused with clear errors.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../src/shared/api/types';
import { readAll, startTestEngine, tempDir, type TestEngine } from '../support/engine';

let t: TestEngine;
let dir: string;
let writer: DuckDBInstance;

beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-parquet-');
  writer = await DuckDBInstance.create(':memory:');
});
afterAll(async () => {
  writer.closeSync();
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes a real Parquet file with DuckDB's writer (a separate in-memory instance). */
async function parquet(name: string, select: string): Promise<string> {
  const file = path.join(dir, name);
  const conn = await writer.connect();
  await conn.run(`COPY (${select}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet)`);
  conn.closeSync();
  return file;
}

/**
 * Renames columns in a Parquet footer (Thrift compact: a string is a varint length and bytes;
 * names sit in the schema and in every column chunk's path), fixing the footer length. DuckDB's
 * writer refuses the names we need (empty, or differing from another only by case).
 */
function renameInFooter(file: string, renames: [string, string][]): void {
  const buf = fs.readFileSync(file);
  const footerLen = buf.readUInt32LE(buf.length - 8);
  const start = buf.length - 8 - footerLen;
  let footer = buf.subarray(start, buf.length - 8);
  for (const [from, to] of renames) {
    const a = Buffer.concat([Buffer.from([Buffer.byteLength(from)]), Buffer.from(from)]);
    const b = Buffer.concat([Buffer.from([Buffer.byteLength(to)]), Buffer.from(to)]);
    const parts: Buffer[] = [];
    let at = 0;
    for (let i = footer.indexOf(a); i !== -1; i = footer.indexOf(a, at)) {
      parts.push(footer.subarray(at, i), b);
      at = i + a.length;
    }
    parts.push(footer.subarray(at));
    footer = Buffer.concat(parts);
  }
  const len = Buffer.alloc(4);
  len.writeUInt32LE(footer.length);
  fs.writeFileSync(file, Buffer.concat([buf.subarray(0, start), footer, len, Buffer.from('PAR1')]));
}

describe('Parquet import', () => {
  it('imports typed columns, flattens structs, keeps lists and maps as JSON', async () => {
    const file = await parquet(
      'typed.parquet',
      `SELECT * FROM (VALUES
        (1, 'Ann', DATE '2020-01-02', TIMESTAMP '2020-01-02 03:04:05', true, 1.25::DECIMAL(10,2), {'a': {'b': 7}, 'c': 'x'}, [1, 2], MAP {'k': 1}),
        (2, NULL, NULL, NULL, false, NULL, {'a': {'b': NULL}, 'c': NULL}, NULL, NULL),
        (3, 'Cy', DATE '2021-12-31', NULL, NULL, 3.5, NULL, [], MAP {})
      ) AS v(id, name, born, seen, ok, amount, s, l, m)`,
    );
    const hash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const res = await t.importFile(file);
    expect(res.sourceSha256).toBe(hash);
    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(hash);
    const detail = await t.call('dataset.get', { datasetId: res.datasetId });
    const want: Partial<ColumnInfo>[] = [
      { header: 'id', logicalType: 'integer', nullCount: 0 },
      { header: 'name', logicalType: 'text', nullCount: 1 },
      { header: 'born', logicalType: 'date', storageType: 'DATE', nullCount: 1 },
      { header: 'seen', logicalType: 'timestamp', nullCount: 2 },
      { header: 'ok', logicalType: 'boolean', nullCount: 1 },
      { header: 'amount', logicalType: 'decimal', storageType: 'DECIMAL(10,2)', nullCount: 1 },
      { header: 's.a.b', logicalType: 'integer', nullCount: 2, path: ['s', 'a', 'b'] },
      { header: 's.c', logicalType: 'text', nullCount: 2, path: ['s', 'c'] },
      { header: 'l', logicalType: 'json', nullCount: 1 },
      { header: 'm', logicalType: 'json', nullCount: 1 },
    ];
    expect(detail.columns).toHaveLength(want.length);
    want.forEach((c, i) => expect(detail.columns[i]).toMatchObject(c));
    const data = await readAll(t, res.datasetId);
    expect(data.rowIds).toEqual([1, 2, 3]);
    expect(data.rows[0]).toEqual(['1', 'Ann', '2020-01-02', '2020-01-02 03:04:05', 'true', '1.25', '7', 'x', '[1,2]', '{"k":1}']);
    expect(data.rows[2]).toEqual(['3', 'Cy', '2021-12-31', null, null, '3.50', null, null, '[]', '{}']);
  });

  it('keeps header text DuckDB would rename: case variants, empty, quotes, emoji, SQL', async () => {
    const file = await parquet(
      'hostile.parquet',
      `SELECT 1 AS "Name", 2 AS "xame", 3 AS "EMPTYHDR", 4 AS "q""uo,te", 5 AS "😀", 6 AS "; DROP TABLE x; --", {'Inner': 7, 'xnner': 8} AS "s.t"`,
    );
    renameInFooter(file, [['xame', 'name'], ['EMPTYHDR', ''], ['xnner', 'inner']]);
    const preview = await t.call('import.preview', { path: file });
    const headers = ['Name', 'name', '', 'q"uo,te', '😀', '; DROP TABLE x; --', 's.t.Inner', 's.t.inner'];
    expect(preview.headers).toEqual(headers);
    const res = await t.importFile(file);
    expect(res.columns.map((c) => c.header)).toEqual(headers);
    expect(res.columns[6]?.path).toEqual(['s.t', 'Inner']);
    expect(res.columns[7]?.path).toEqual(['s.t', 'inner']);
    expect((await readAll(t, res.datasetId)).rows).toEqual([['1', '2', '3', '4', '5', '6', '7', '8']]);
    expect(res.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['BLANK_HEADER', 'DUPLICATE_HEADER']));
  });

  it('a column named file_row_number (which DuckDB reserves) is imported like any other', async () => {
    const file = await parquet('reserved.parquet', `SELECT 50 - i AS file_row_number, 'r' || i AS row_id FROM range(3) t(i)`);
    const res = await t.importFile(file);
    expect(res.columns.map((c) => c.header)).toEqual(['file_row_number', 'row_id']);
    const data = await readAll(t, res.datasetId);
    expect(data.rowIds).toEqual([1, 2, 3]);
    expect(data.rows).toEqual([['50', 'r0'], ['49', 'r1'], ['48', 'r2']]);
  });

  it('row ids follow the file across row groups', async () => {
    const file = await parquet('groups.parquet', `SELECT i, 'v' || i AS v FROM range(250000) t(i)`);
    const res = await t.importFile(file);
    expect(res.rowCount).toBe(250000);
    const w = await t.call('grid.window', { datasetId: res.datasetId, version: 1, offset: 249998, limit: 2 });
    expect(w.rowIds).toEqual([249999, 250000]);
    expect(w.rows).toEqual([['249998', 'v249998'], ['249999', 'v249999']]);
  });
});

describe('Parquet bad input', () => {
  it.each([
    ['an INTERVAL column', 'SELECT 1 AS id, INTERVAL 3 DAY AS wait', /column "wait" has the Parquet type INTERVAL/],
    ['an INTERVAL inside a struct', "SELECT {'x': 1, 'span': INTERVAL 2 MONTH} AS s", /column "s.span" has the Parquet type INTERVAL/],
  ])('%s is UNSUPPORTED, naming the column', async (_label, select, re) => {
    const file = await parquet(`unsupported-${Math.random().toString(36).slice(2)}.parquet`, select);
    const job = await t.runJob('import.start', { path: file, options: {} });
    expect(job.error?.code).toBe('UNSUPPORTED');
    expect(job.error?.message).toContain(file);
    expect(job.error?.message).toMatch(re);
    expect((await t.fail('import.preview', { path: file })).code).toBe('UNSUPPORTED');
  });

  it.each([
    ['truncated', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2)), /no Parquet footer.*byte offset \d+/],
    ['footer metadata overwritten', (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 40), Buffer.alloc(32, 0xff), b.subarray(b.length - 8)]), /cannot be read/],
  ])('a %s file is BAD_FILE', async (label, mangle, re) => {
    const good = await parquet(`good-${label.replaceAll(' ', '-')}.parquet`, `SELECT i, 'text ' || i AS s FROM range(1000) t(i)`);
    const file = path.join(dir, `bad-${label.replaceAll(' ', '-')}.parquet`);
    fs.writeFileSync(file, mangle(fs.readFileSync(good)));
    const job = await t.runJob('import.start', { path: file, options: {} });
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('BAD_FILE');
    expect(job.error?.message).toContain(file);
    expect(job.error?.message).toMatch(re);
    expect((await t.call('dataset.list', {})).some((d) => d.sourcePath === file)).toBe(false);
  });
});
