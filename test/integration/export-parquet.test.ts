// Parquet export: the footer codec is lossless, the file carries every header exactly (duplicates,
// case variants, empty, hostile text) where DuckDB alone would rename, types are kept, rows in order.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFooter } from '../../src/main/engine/export/parquet-names';
import { T, decodeStruct, encodeStruct, field } from '../../src/main/engine/export/thrift-compact';
import { startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';
import { exportOk, typedDataset } from './export-support';

let t: TestEngine;
let dir: string;
beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-export-parquet-');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Top-level column names as stored in the file, read by DuckDB's own Parquet metadata reader. */
async function parquetNames(file: string): Promise<string[]> {
  const rows = await t.engine.workspace.db.all<{ name: string; num_children: bigint | null }>(`SELECT name, num_children FROM parquet_schema($f)`, { f: file });
  const names: string[] = [];
  const stack: number[] = [];
  rows.forEach((r, i) => {
    if (i === 0) return stack.push(Number(r.num_children));
    if (stack.length === 1) names.push(r.name);
    stack[stack.length - 1]!--;
    if (r.num_children) stack.push(Number(r.num_children));
    while (stack.length > 1 && stack[stack.length - 1] === 0) stack.pop();
  });
  return names;
}

describe('Parquet footer codec', () => {
  it('re-encodes a DuckDB footer (nested types, several row groups) to the same bytes', async () => {
    const file = path.join(dir, 'codec.parquet');
    await t.engine.workspace.db.run(
      `COPY (SELECT range AS a, {'x': range, 'y': [range, 2]} AS s, [1.5, 2.5] AS l, range % 2 = 0 AS b, 'txt' || range AS v FROM range(300000))
       TO '${file.replaceAll("'", "''")}' (FORMAT parquet, ROW_GROUP_SIZE 100000)`,
    );
    const size = fs.statSync(file).size;
    const buf = fs.readFileSync(file);
    const len = buf.readUInt32LE(size - 8);
    const footer = buf.subarray(size - 8 - len, size - 8);
    const { struct, length } = decodeStruct(footer);
    expect(length).toBe(len);
    expect(encodeStruct(struct).equals(footer)).toBe(true);
    const rowGroups = field(struct, 4);
    expect(rowGroups?.type === T.LIST && rowGroups.items.length).toBeGreaterThan(1);
    expect(readFooter(file)).toEqual(struct);
  });
});

describe('Parquet export', () => {
  const HEADERS = ['id', 'dup', 'dup', 'Name', 'NAME', '', '"; DROP TABLE x; --', '😀 émoji', 'a,b;c'];

  it('writes every header exactly, where DuckDB alone would rename', async () => {
    const src = writeFixture(dir, 'hostile.csv', `${HEADERS.map((h) => (/[",]/.test(h) ? `"${h.replaceAll('"', '""')}"` : h)).join(',')}\n1,a,b,c,d,e,f,g,h\n2,a2,b2,c2,d2,,f2,g2,h2\n`);
    const imported = await t.importFile(src, { delimiter: ',' });
    expect(imported.columns.map((c) => c.header)).toEqual(HEADERS);
    const out = path.join(dir, 'hostile.parquet');
    const r = await exportOk(t, { datasetId: imported.datasetId, path: out });
    expect(r).toMatchObject({ format: 'parquet', rows: 2 });
    expect(await parquetNames(out)).toEqual(HEADERS);
    const rows = await t.engine.workspace.db.all(`SELECT * FROM read_parquet($f)`, { f: out });
    expect(rows.map((row) => Object.values(row))).toEqual([
      ['1', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
      ['2', 'a2', 'b2', 'c2', 'd2', null, 'f2', 'g2', 'h2'],
    ]);
  });

  it('keeps storage types, nested values and nulls, in row order', async () => {
    const id = await typedDataset(
      t,
      'typed',
      [
        { header: 'n', type: 'BIGINT', logical: 'integer' },
        { header: 'x', type: 'DOUBLE', logical: 'decimal' },
        { header: 'ok', type: 'BOOLEAN', logical: 'boolean' },
        { header: 'when', type: 'TIMESTAMPTZ', logical: 'timestamp' },
        { header: 's', type: 'STRUCT(a INTEGER, b VARCHAR[])', logical: 'json' },
        { header: 'addr.city', type: 'VARCHAR', path: ['addr', 'city'] },
      ],
      `SELECT range * -1, range / 4, range % 3 = 0, make_timestamptz(2024, 1, 1, 0, 0, range::DOUBLE), {'a': range::INTEGER, 'b': ['x' || range, NULL]}, CASE WHEN range % 5 = 0 THEN NULL ELSE 'c' || range END FROM range(5000)`,
    );
    const out = path.join(dir, 'typed.parquet');
    await exportOk(t, { datasetId: id, path: out });
    expect(await parquetNames(out)).toEqual(['n', 'x', 'ok', 'when', 's', 'addr.city']);
    const db = t.engine.workspace.db;
    const types = await db.all<{ column_type: string }>(`DESCRIBE SELECT * FROM read_parquet($f)`, { f: out });
    expect(types.map((c) => c.column_type)).toEqual(['BIGINT', 'DOUBLE', 'BOOLEAN', 'TIMESTAMP WITH TIME ZONE', 'STRUCT(a INTEGER, b VARCHAR[])', 'VARCHAR']);
    const diff = await db.one<{ n: bigint }>(
      `SELECT count(*) AS n FROM (SELECT row_number() OVER () AS i, * FROM read_parquet($f)) p
       FULL JOIN (SELECT rowid + 1 AS i, * EXCLUDE (row_id) FROM "_ds_data_${id}_v1") s ON p.i = s.i
       WHERE p.i IS NULL OR s.i IS NULL OR p."n" IS DISTINCT FROM s.c1 OR p."x" IS DISTINCT FROM s.c2 OR p."ok" IS DISTINCT FROM s.c3
         OR p."when" IS DISTINCT FROM s.c4 OR p."s" IS DISTINCT FROM s.c5 OR p."addr.city" IS DISTINCT FROM s.c6`,
      { f: out },
    );
    expect(Number(diff?.n)).toBe(0);
  });
});
