// Import → export → import again through every format the engine reads: headers and values come
// back, and nested JSON flattened on import is nested again on export.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAll, startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';
import { exportOk } from './export-support';

let t: TestEngine;
let dir: string;
beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-export-rt-');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HEADERS = ['id', '"; DROP TABLE x; --', '😀 émoji', '', 'Name', 'NAME', 'a,b;c'];
const CSV = `${HEADERS.map((h) => (/[",]/.test(h) ? `"${h.replaceAll('"', '""')}"` : h)).join(',')}\n1,x,y,z,n1,n2,v1\n2,"multi\nline",ü,,n3,n4,v2\n`;

describe('round trips through the importers', () => {
  it.each(['parquet', 'xlsx', 'jsonl', 'csv'])('CSV → %s → import: same headers and cells', async (format) => {
    const src = writeFixture(dir, `rt-${format}.csv`, CSV);
    const first = await t.importFile(src, { delimiter: ',' });
    const out = path.join(dir, `rt.${format}`);
    await exportOk(t, { datasetId: first.datasetId, path: out, formulaEscape: false });
    const second = await t.importFile(out, format === 'csv' ? { delimiter: ',' } : {});
    expect(second.columns.map((c) => c.header)).toEqual(HEADERS);
    const a = await readAll(t, first.datasetId);
    const b = await readAll(t, second.datasetId);
    // XLSX has no missing-versus-empty distinction: an empty cell reads back as missing.
    const norm = (rows: (string | null)[][]) => rows.map((r) => r.map((v) => (format === 'xlsx' && v === '' ? null : v)));
    expect(norm(b.rows)).toEqual(norm(a.rows));
    expect(b.rowIds).toEqual(a.rowIds);
  });

  it('JSONL with nested objects: flattened on import, nested again on export, byte for byte', async () => {
    const lines = [
      '{"id":1,"name":"Ann","address":{"city":"Oslo","geo":{"lat":59.9,"lon":10.7}},"tags":["a","b"],"active":true}',
      '{"id":2,"name":"Bob","address":{"city":"Bergen","geo":{"lat":60.4,"lon":5.3}},"tags":[],"active":false}',
    ];
    const src = writeFixture(dir, 'nested.jsonl', `${lines.join('\n')}\n`);
    const imported = await t.importFile(src);
    expect(imported.columns.some((c) => c.path && c.path.length > 1)).toBe(true);
    const out = path.join(dir, 'nested-out.jsonl');
    await exportOk(t, { datasetId: imported.datasetId, path: out });
    expect(fs.readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(lines.map((l) => JSON.parse(l) as unknown));
  });

  it('Parquet with typed columns: types and values survive export and re-import', async () => {
    const src = path.join(dir, 'typed-src.parquet');
    await t.engine.workspace.db.run(
      `COPY (SELECT range::BIGINT AS n, range / 3 AS x, range % 2 = 0 AS ok, 'v' || range AS label, CASE WHEN range % 7 = 0 THEN NULL ELSE range * 1.5 END AS maybe FROM range(1000)) TO '${src}' (FORMAT parquet)`,
    );
    const first = await t.importFile(src);
    const out = path.join(dir, 'typed-out.parquet');
    await exportOk(t, { datasetId: first.datasetId, path: out });
    const second = await t.importFile(out);
    expect(second.columns.map((c) => [c.header, c.storageType])).toEqual(first.columns.map((c) => [c.header, c.storageType]));
    expect((await readAll(t, second.datasetId)).rows).toEqual((await readAll(t, first.datasetId)).rows);
  });
});
