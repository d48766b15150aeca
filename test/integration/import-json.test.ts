// JSON and JSON lines import: row ids, union schema with type widening, flattened nested
// objects with key paths, arrays as JSON text, hostile and repeated keys, and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnInfo, ImportOptions } from '../../src/shared/api/types';
import { readAll, startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';

let t: TestEngine;
let dir: string;
beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-json-');
});
afterAll(async () => {
  await t.close();
});

interface Expected {
  rowIds: number[];
  columns: Partial<ColumnInfo>[];
  rows: (string | null)[][];
}

async function importAndRead(name: string, content: string | Buffer) {
  const file = writeFixture(dir, name, content);
  const res = await t.importFile(file);
  const detail = await t.call('dataset.get', { datasetId: res.datasetId });
  const data = await readAll(t, res.datasetId);
  return { res, detail, data };
}

const NESTED = JSON.stringify([
  { id: 1, name: 'Ann', born: '1980-01-02', score: 1, address: { city: 'Oslo', geo: { lat: 1.5 } }, tags: ['a', 'b'], mixed: 1 },
  { id: 2, name: 'Bob', score: 2.5, address: { city: 'Rome' }, mixed: 'x', extra: true },
  { id: 3, name: null, born: '1990-12-31', address: null, tags: [], mixed: false },
]);

const HOSTILE = '{"": 1, "Name": "a", "name": "b", "a.b": "dotted", "a": {"b": "nested"}, "q\\"uo,te": 3, "😀": 4, "x/y~z": 5, "; DROP TABLE x; --": 6}\n';

const cases: [string, string, string | Buffer, Expected][] = [
  [
    'nested array of objects with drift',
    'people.json',
    NESTED,
    {
      rowIds: [1, 2, 3],
      columns: [
        { header: 'id', logicalType: 'integer', storageType: 'BIGINT', nullCount: 0, path: ['id'] },
        { header: 'name', logicalType: 'text', storageType: 'VARCHAR', nullCount: 1 },
        { header: 'born', logicalType: 'date', storageType: 'VARCHAR', nullCount: 1 },
        { header: 'score', logicalType: 'decimal', storageType: 'DOUBLE', nullCount: 1 },
        { header: 'address.city', logicalType: 'text', nullCount: 1, path: ['address', 'city'] },
        { header: 'address.geo.lat', logicalType: 'decimal', nullCount: 2, path: ['address', 'geo', 'lat'] },
        { header: 'tags', logicalType: 'json', storageType: 'JSON', nullCount: 1 },
        { header: 'mixed', logicalType: 'text', storageType: 'VARCHAR', nullCount: 0 },
        { header: 'extra', logicalType: 'boolean', storageType: 'BOOLEAN', nullCount: 2 },
      ],
      rows: [
        ['1', 'Ann', '1980-01-02', '1.0', 'Oslo', '1.5', '["a","b"]', '1', null],
        ['2', 'Bob', null, '2.5', 'Rome', null, null, 'x', 'true'],
        ['3', null, '1990-12-31', null, null, null, '[]', 'false', null],
      ],
    },
  ],
  [
    'JSON lines with blank lines: row id = record number',
    'lines.jsonl',
    '{"a": 1}\n\n{"a": 2, "b": "x"}\n   \r\n{"b": "y"}\n',
    {
      rowIds: [1, 2, 3],
      columns: [
        { header: 'a', logicalType: 'integer', nullCount: 1 },
        { header: 'b', logicalType: 'text', nullCount: 1 },
      ],
      rows: [
        ['1', null],
        ['2', 'x'],
        [null, 'y'],
      ],
    },
  ],
  [
    'hostile keys kept exactly, dotted key and nested path apart',
    'hostile.jsonl',
    HOSTILE,
    {
      rowIds: [1],
      columns: [
        { header: '', path: [''] },
        { header: 'Name', path: ['Name'] },
        { header: 'name', path: ['name'] },
        { header: 'a.b', path: ['a.b'] },
        { header: 'a.b', path: ['a', 'b'] },
        { header: 'q"uo,te', path: ['q"uo,te'] },
        { header: '😀', path: ['😀'] },
        { header: 'x/y~z', path: ['x/y~z'] },
        { header: '; DROP TABLE x; --', path: ['; DROP TABLE x; --'] },
      ],
      rows: [['1', 'a', 'b', 'dotted', 'nested', '3', '4', '5', '6']],
    },
  ],
  [
    'repeated keys in one object each become a column',
    'dups.json',
    '[{"a": 1, "a": 2, "b": {"c": "one", "c": "two"}}, {"a": 3}]',
    {
      rowIds: [1, 2],
      columns: [
        { header: 'a', path: ['a'] },
        { header: 'a', path: ['a'] },
        { header: 'b.c', path: ['b', 'c'] },
        { header: 'b.c', path: ['b', 'c'] },
      ],
      rows: [
        ['1', '2', 'one', 'two'],
        ['3', null, null, null],
      ],
    },
  ],
  [
    'UTF-16 JSON lines are converted first',
    'u16.jsonl',
    Buffer.from('\uFEFF{"name": "Åsa", "n": 1}\n{"name": "😀", "n": 2}\n', 'utf16le'),
    { rowIds: [1, 2], columns: [{ header: 'name' }, { header: 'n', storageType: 'BIGINT' }], rows: [['Åsa', '1'], ['😀', '2']] },
  ],
  [
    'a single top-level object is one record',
    'single.json',
    '  {"k": "v", "n": 1}  ',
    { rowIds: [1], columns: [{ header: 'k' }, { header: 'n' }], rows: [['v', '1']] },
  ],
  [
    'numbers too large for BIGINT or DOUBLE stay text, digits intact',
    'big.jsonl',
    '{"i": 18446744073709551615, "d": 1e400, "ok": 5}\n{"i": 1, "d": 2.5, "ok": 6}\n',
    {
      rowIds: [1, 2],
      columns: [
        { header: 'i', storageType: 'VARCHAR' },
        { header: 'd', storageType: 'VARCHAR' },
        { header: 'ok', storageType: 'BIGINT' },
      ],
      rows: [
        ['18446744073709551615', '1e400', '5'],
        ['1', '2.5', '6'],
      ],
    },
  ],
];

describe('JSON import', () => {
  it.each(cases)('%s', async (_label, name, content, want) => {
    const { detail, data } = await importAndRead(name, content);
    expect(data.rowIds).toEqual(want.rowIds);
    expect(detail.columns).toHaveLength(want.columns.length);
    want.columns.forEach((c, i) => expect(detail.columns[i]).toMatchObject(c));
    expect(data.rows).toEqual(want.rows);
  });

  it('preview agrees with the import on headers and types', async () => {
    const file = writeFixture(dir, 'preview.json', NESTED);
    const p = await t.call('import.preview', { path: file });
    expect(p.headers).toEqual(['id', 'name', 'born', 'score', 'address.city', 'address.geo.lat', 'tags', 'mixed', 'extra']);
    expect(p.logicalTypes).toEqual(['integer', 'text', 'date', 'decimal', 'text', 'decimal', 'json', 'text', 'boolean']);
    expect(p.rows[1]).toEqual(['2', 'Bob', null, '2.5', 'Rome', null, null, 'x', 'true']);
    expect(p.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['NESTED_FLATTENED', 'SCHEMA_DRIFT']));
  });
});

describe('JSON records that vary wildly', () => {
  it('25k distinct key sets take the slower path and give the same schema', async () => {
    const keys = Array.from({ length: 15 }, (_, i) => `k${i}`);
    const lines = Array.from({ length: 25_000 }, (_, r) => JSON.stringify(Object.fromEntries(keys.filter((_, b) => ((r + 1) >> b) & 1).map((k) => [k, r]))));
    const { res, data } = await importAndRead('wild.jsonl', lines.join('\n'));
    expect(res.columns.map((c) => c.header)).toEqual(keys);
    expect(res.rowCount).toBe(25_000);
    expect(data.rows[2]).toEqual(['2', '2', ...keys.slice(2).map(() => null)]);
    // k14 is set from record 16,384 on (bit 14 of the record number).
    expect(res.columns[14]?.nullCount).toBe(16_383);
  });

  it('repeated keys in every one of 25k records are rewritten in batches', async () => {
    const lines = Array.from({ length: 25_000 }, (_, r) => `{"a": ${r}, "a": "x${r}", "b": {"c": 1, "c": ${r % 3 === 0 ? 'true' : 'false'}}}`);
    const { res, data } = await importAndRead('dups-many.jsonl', lines.join('\n'));
    expect(res.columns.map((c) => [c.header, c.storageType])).toEqual([['a', 'BIGINT'], ['a', 'VARCHAR'], ['b.c', 'BIGINT'], ['b.c', 'BOOLEAN']]);
    expect(data.rowIds.at(-1)).toBe(25_000);
    expect(data.rows[0]).toEqual(['0', 'x0', '1', 'true']);
    expect(data.rows[24_998]).toEqual(['24998', 'x24998', '1', 'false']);
  });

  it('more keys than columns allowed is LIMIT_EXCEEDED', async () => {
    const file = writeFixture(dir, 'map.jsonl', Array.from({ length: 10_001 }, (_, i) => `{"id${i}": 1}`).join('\n'));
    const job = await t.runJob('import.start', { path: file, options: {} });
    expect(job.error?.code).toBe('LIMIT_EXCEEDED');
    expect(job.error?.message).toContain(file);
  });
});

const bad: [string, string, string | Buffer, { code: string; line?: number; re: RegExp; options?: ImportOptions }][] = [
  ['syntax error in an array', 'bad.json', '[\n  {"a": 1},\n  {"a": 2},\n  {"a": 3 "b": 4}\n]\n', { code: 'BAD_FILE', line: 4, re: /line 4, column 11 \(byte offset 36\): invalid JSON: '"' where a comma or \} should be/ }],
  ['syntax error in JSON lines', 'bad.jsonl', '{"a": 1}\n\n{"a": 2\n{"a": 3}\n', { code: 'BAD_FILE', line: 3, re: /line 3/ }],
  ['unclosed string', 'unclosed.jsonl', '{"a": "x}\n', { code: 'BAD_FILE', line: 1, re: /line 1.*string/ }],
  ['array of numbers', 'nums.json', '[1, 2, 3]', { code: 'BAD_FILE', re: /element 1 of the top-level array.*a number, not an object/ }],
  ['a record that is not an object', 'mixed.jsonl', '{"a": 1}\n\n["x"]\n', { code: 'BAD_FILE', line: 3, re: /record 2 \(line 3\) is an array/ }],
  ['a scalar at the top level', 'scalar.json', '\n 42', { code: 'BAD_FILE', line: 2, re: /line 2: the top level is a number/ }],
  ['an empty array', 'empty.json', '[ ]', { code: 'BAD_FILE', re: /no records/ }],
  ['only empty objects', 'empties.jsonl', '{}\n{}\n', { code: 'BAD_FILE', re: /no fields/ }],
  [
    'Latin-1 bytes read as UTF-8',
    'latin.jsonl',
    Buffer.concat([Buffer.from('{"a":"ok"}\n{"a":"Jos'), Buffer.from([0xe9]), Buffer.from('"}\n')]),
    { code: 'BAD_FILE', line: 2, re: /line 2, column 11 \(byte offset 21\): invalid JSON: invalid UTF-8/, options: { encoding: 'utf-8' } },
  ],
];

describe('JSON bad input', () => {
  it.each(bad)('%s', async (_label, name, content, want) => {
    const file = writeFixture(dir, name, content);
    const job = await t.runJob('import.start', { path: file, options: want.options ?? {} });
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe(want.code);
    expect(job.error?.message).toContain(file);
    expect(job.error?.message).toMatch(want.re);
    if (want.line !== undefined) expect(job.error?.details?.line).toBe(want.line);
  });
});
