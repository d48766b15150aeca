// Nested JSON restored: a file imported from nested JSON (flattened to dotted columns, each keeping
// its key path) exports to JSON (one array) or JSONL with its original nesting — deep-equal to the
// records imported, key order included — for what the importer keeps: nested objects, arrays (of
// objects too), nulls, unicode and hostile keys, dotted keys apart from nested paths, strings that
// look like numbers, dates or JSON. What it cannot keep is pinned down too (a missing key, a
// key of mixed types, an object that is null in some records).
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayJoiner } from '../../src/main/engine/export/json-writer';
import { startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';
import { exportFails, exportOk } from './export-support';

let t: TestEngine;
let dir: string;
beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-export-json-');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const PEOPLE: Json[] = [
  {
    id: 1,
    name: 'Ann',
    born: '1980-01-02',
    address: { city: 'Oslo', geo: { lat: 59.91, lon: 10.75 }, lines: ['Storgata 1', 'Apt 2'] },
    tags: ['a', 'b'],
    orders: [{ sku: 'x1', qty: 2 }, { sku: 'y2', qty: null }],
    active: true,
    note: '[1, 2]',
    code: '007',
  },
  {
    id: 2,
    name: 'Zoë 😀',
    born: null,
    address: { city: 'Zürich', geo: { lat: -1.5, lon: 0 }, lines: [] },
    tags: [],
    orders: [],
    active: false,
    note: '{"x": 1}',
    code: '',
  },
  {
    id: 3,
    name: null,
    born: '1990-12-31',
    address: { city: null, geo: { lat: null, lon: null }, lines: null },
    tags: null,
    orders: null,
    active: null,
    note: 'plain',
    code: '-5',
  },
];

const HOSTILE: Json[] = [
  { '': 1, 'a.b': 'dotted', a: { b: 'nested', 'c/d~e': 'pointer chars' }, 'q"uo,te': 'x', '😀': { 'ключ': 'значение', 日本: [1, { 深い: true }] }, '; DROP TABLE x; --': 6 },
  { '': 2, 'a.b': 'd2', a: { b: 'n2', 'c/d~e': null }, 'q"uo,te': null, '😀': { 'ключ': null, 日本: [] }, '; DROP TABLE x; --': -7 },
];

let n = 0;
async function importAndExport(records: Json[], source: 'json' | 'jsonl', target: 'json' | 'jsonl'): Promise<Json[]> {
  const text = source === 'json' ? JSON.stringify(records, null, 2) : records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const src = writeFixture(dir, `in-${++n}.${source}`, text);
  const imported = await t.importFile(src);
  expect(imported.columns.some((c) => c.path && c.path.length > 1)).toBe(true); // it was flattened
  const out = path.join(dir, `out-${n}.${target}`);
  const r = await exportOk(t, { datasetId: imported.datasetId, path: out });
  expect(r).toMatchObject({ format: target, rows: records.length });
  const written = fs.readFileSync(out, 'utf8');
  if (target === 'jsonl') return written.trimEnd().split('\n').map((l) => JSON.parse(l) as Json);
  expect(written.startsWith('[\n{')).toBe(true);
  expect(written.endsWith('}\n]\n')).toBe(true);
  return JSON.parse(written) as Json[];
}

describe('nested JSON round trip', () => {
  it.each([
    ['people, JSON array → JSON', PEOPLE, 'json', 'json'],
    ['people, JSON array → JSONL', PEOPLE, 'json', 'jsonl'],
    ['people, JSONL → JSON', PEOPLE, 'jsonl', 'json'],
    ['people, JSONL → JSONL', PEOPLE, 'jsonl', 'jsonl'],
    ['hostile and unicode keys, JSON → JSON', HOSTILE, 'json', 'json'],
    ['hostile and unicode keys, JSONL → JSONL', HOSTILE, 'jsonl', 'jsonl'],
  ] as const)('%s', async (_name, records, source, target) => {
    const back = await importAndExport(records as Json[], source, target);
    expect(back).toEqual(records);
    // Key order too: every object's keys come back in the order the source wrote them.
    expect(JSON.stringify(back)).toBe(JSON.stringify(records));
  });

  it('writes an empty array for a dataset with no rows', async () => {
    const src = writeFixture(dir, 'none.csv', 'a,b\n');
    const imported = await t.importFile(src, { delimiter: ',' });
    const out = path.join(dir, 'none.json');
    await exportOk(t, { datasetId: imported.datasetId, path: out });
    expect(fs.readFileSync(out, 'utf8')).toBe('[]\n');
  });

  it('keeps what the importer could not: a missing key comes back null, mixed types as text, a null object as an object of nulls', async () => {
    const records: Json[] = [
      { id: 1, mixed: 1, addr: { city: 'Oslo' }, sometimes: 'here' },
      { id: 2, mixed: 'x', addr: null },
    ];
    expect(await importAndExport(records, 'json', 'json')).toEqual([
      { id: 1, mixed: '1', addr: { city: 'Oslo' }, sometimes: 'here' },
      { id: 2, mixed: 'x', addr: { city: null }, sometimes: null },
    ]);
  });

  it('refuses a dataset whose columns would write the same key, naming them, writing nothing', async () => {
    const src = writeFixture(dir, 'dup.csv', 'a,dup,dup\n1,2,3\n');
    const imported = await t.importFile(src, { delimiter: ',' });
    const out = path.join(dir, 'dup.json');
    const err = await exportFails(t, { datasetId: imported.datasetId, path: out });
    expect(err.code).toBe('UNSUPPORTED');
    expect(err.message).toContain('Cannot export to JSON: column 2 ("dup") and column 3 ("dup")');
    expect(fs.readdirSync(dir).filter((f) => f.includes('dup.json'))).toEqual([]);
  });
});

describe('the array joiner', () => {
  const join = async (chunks: string[]) => {
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on('data', (b: Buffer) => parts.push(b));
    await new Promise<void>((resolve, reject) => {
      Readable.from(chunks.map((c) => Buffer.from(c))).pipe(arrayJoiner()).pipe(out).on('finish', resolve).on('error', reject);
    });
    return Buffer.concat(parts).toString('utf8');
  };
  it.each([
    ['no records', [], '[]\n'],
    ['one record', ['{"a":1}\n'], '[\n{"a":1}\n]\n'],
    ['records in one chunk', ['{"a":1}\n{"a":2}\n{"a":3}\n'], '[\n{"a":1},\n{"a":2},\n{"a":3}\n]\n'],
    ['a record split across chunks', ['{"a":', '1}\n{"a"', ':2}\n'], '[\n{"a":1},\n{"a":2}\n]\n'],
    ['a chunk ending just before a newline', ['{"a":1}', '\n', '{"a":2}', '\n'], '[\n{"a":1},\n{"a":2}\n]\n'],
    ['a missing final newline', ['{"a":1}\n{"a":2}'], '[\n{"a":1},\n{"a":2}\n]\n'],
  ])('%s', async (_name, chunks, expected) => {
    expect(await join(chunks)).toBe(expected);
  });
});
