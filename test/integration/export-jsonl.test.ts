// JSONL export: one object per line in row order; flattened columns nested again; typed storage as
// JSON numbers and booleans, JSON columns as JSON values, text as strings; keys that would collide
// are refused before anything is written.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyTree } from '../../src/main/engine/export/jsonl-keys';
import type { ColumnInfo } from '../../src/shared/api/types';
import { startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';
import { exportFails, exportOk, typedDataset } from './export-support';

let t: TestEngine;
let dir: string;
beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-export-jsonl-');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n');

describe('JSONL export', () => {
  it('writes typed values, JSON values and nested paths', async () => {
    const id = await typedDataset(
      t,
      'typed',
      [
        { header: 'id', type: 'BIGINT', logical: 'integer' },
        { header: 'name', type: 'VARCHAR' },
        { header: 'addr.city', type: 'VARCHAR', path: ['addr', 'city'] },
        { header: 'score', type: 'DOUBLE', logical: 'decimal' },
        { header: 'addr.geo.lat', type: 'DOUBLE', logical: 'decimal', path: ['addr', 'geo', 'lat'] },
        { header: 'ok', type: 'BOOLEAN', logical: 'boolean' },
        { header: 'tags', type: 'JSON', logical: 'json' },
        { header: 'raw', type: 'VARCHAR', logical: 'json' },
        { header: 'big', type: 'BIGINT', logical: 'integer' },
        { header: 'price', type: 'DECIMAL(18,3)', logical: 'decimal' },
        { header: 'when', type: 'TIMESTAMPTZ', logical: 'timestamp' },
        { header: 'code', type: 'VARCHAR' },
      ],
      `VALUES (1, 'Ann "A"', 'Oslo', 1.5::DOUBLE, 59.9::DOUBLE, true, '["a",{"b":1}]', '{"k":[1,2]}', 9007199254740993, 12.500, '2024-01-01 12:00:00+01', '007'),
              (2, NULL, NULL, 'nan'::DOUBLE, NULL, false, 'null', 'not json', -1, NULL, NULL, '-5')`,
    );
    const out = path.join(dir, 'typed.jsonl');
    const r = await exportOk(t, { datasetId: id, path: out });
    expect(r).toMatchObject({ format: 'jsonl', rows: 2 });
    const text = lines(out);
    expect(text).toHaveLength(3);
    expect(text[2]).toBe('');
    expect(text[0]).toBe(
      '{"id":1,"name":"Ann \\"A\\"","addr":{"city":"Oslo","geo":{"lat":59.9}},"score":1.5,"ok":true,"tags":["a",{"b":1}],"raw":{"k":[1,2]},"big":9007199254740993,"price":12.500,"when":"2024-01-01 11:00:00+00","code":"007"}',
    );
    expect(JSON.parse(text[1]!)).toEqual({
      id: 2, name: null, addr: { city: null, geo: { lat: null } }, score: 'nan', ok: false, tags: null, raw: 'not json', big: -1, price: null, when: null, code: '-5',
    });
  });

  it('keeps case variants, empty and hostile headers as keys', async () => {
    const src = writeFixture(dir, 'keys.csv', 'Name,NAME,,"""; DROP TABLE x; --",😀\na,b,c,d,e\n');
    const imported = await t.importFile(src, { delimiter: ',' });
    const out = path.join(dir, 'keys.jsonl');
    await exportOk(t, { datasetId: imported.datasetId, path: out });
    expect(lines(out)[0]).toBe('{"Name":"a","NAME":"b","":"c","\\"; DROP TABLE x; --":"d","😀":"e"}');
  });

  it('refuses duplicate headers before writing anything, naming both columns', async () => {
    const src = writeFixture(dir, 'dup.csv', 'a,dup,dup\n1,2,3\n');
    const imported = await t.importFile(src, { delimiter: ',' });
    const out = path.join(dir, 'dup.jsonl');
    const err = await exportFails(t, { datasetId: imported.datasetId, path: out });
    expect(err.code).toBe('UNSUPPORTED');
    expect(err.message).toContain('column 2 ("dup") and column 3 ("dup")');
    expect(fs.readdirSync(dir).filter((f) => f.includes('dup.jsonl'))).toEqual([]);
  });

  it.each([
    ['duplicate header', [{ header: 'a' }, { header: 'a' }], 'column 1 ("a") and column 2 ("a")'],
    ['value and object', [{ header: 'a' }, { header: 'a.b', path: ['a', 'b'] }], 'key "a"'],
    ['object and value', [{ header: 'a.b', path: ['a', 'b'] }, { header: 'a' }], 'key "a"'],
    ['same path', [{ header: 'x', path: ['a', 'b'] }, { header: 'y', path: ['a', 'b'] }], 'key "a" → "b"'],
  ])('keyTree refuses a %s', (_name, cols, message) => {
    const columns = cols.map((c, i) => ({ id: `c${i + 1}`, position: i, logicalType: 'text', storageType: 'VARCHAR', nullCount: 0, ...c })) as ColumnInfo[];
    expect(() => keyTree(columns)).toThrow(message);
  });

  it('groups nested keys under the first place their object appears', () => {
    const columns = [
      { header: 'id' },
      { header: 'a.x', path: ['a', 'x'] },
      { header: 'b' },
      { header: 'a.y', path: ['a', 'y'] },
    ].map((c, i) => ({ id: `c${i + 1}`, position: i, logicalType: 'text', storageType: 'VARCHAR', nullCount: 0, ...c })) as ColumnInfo[];
    const shape = (nodes: ReturnType<typeof keyTree>): unknown => nodes.map((n) => ('column' in n ? n.key : { [n.key]: shape(n.children) }));
    expect(shape(keyTree(columns))).toEqual(['id', { a: ['x', 'y'] }, 'b']);
  });
});
