// The column profile on a real workspace: a small CSV with known values, every figure checked
// exactly (the sample is then every row); typed Parquet and JSONL columns, an empty table, a
// column of nulls, hostile headers; the cache, cancellation and deletion.
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnProfile, DatasetProfile } from '../../src/shared/api/profile-types';
import { SCRATCH, table } from '../../src/main/engine/db/sql';
import { startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';
import { quantileCont, quantileDisc, mean, stddevSamp, days } from './profile-support';
import { PROFILE_KNOWN_CSV } from '../support/messy-values';

const KNOWN = PROFILE_KNOWN_CSV;

let t: TestEngine;
let files: string;
beforeAll(async () => {
  t = await startTestEngine();
  files = tempDir('ds-profile-files-');
});
afterAll(async () => t.close());

async function profileFile(name: string, content: string | Buffer): Promise<DatasetProfile> {
  const imported = await t.importFile(writeFixture(files, name, content));
  const job = await t.runJob('profile.start', { datasetId: imported.datasetId, version: 1 });
  expect(job.state, job.error?.message).toBe('succeeded');
  return job.result as DatasetProfile;
}

const byHeader = (p: DatasetProfile, header: string): ColumnProfile => {
  const c = Object.values(p.columns).find((x) => x.header === header);
  if (!c) throw new Error(`no column ${header}`);
  return c;
};

describe('a small CSV, every figure exact', () => {
  let p: DatasetProfile;
  beforeAll(async () => {
    p = await profileFile('known.csv', KNOWN);
  });

  it('profiles every row and says every figure is exact', () => {
    expect(p).toMatchObject({ version: 1, rowCount: 16, sample: { rows: 16, every: 1, complete: true } });
    expect(Object.values(p.basis).every((b) => b === 'all-rows')).toBe(true);
    expect(Object.values(p.columns).every((c) => c.distinctExact)).toBe(true);
    expect(Object.keys(p.columns)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(Object.values(p.columns).map((c) => c.header)).toEqual(['id', 'amount', 'joined', 'name', 'code', 'flag']);
  });

  it.each([
    // header, import type, inferred type, nulls, distinct, failing
    ['id', 'integer', 'integer', 0, 16, 0],
    ['amount', 'text', 'decimal', 1, 15, 2],
    ['joined', 'text', 'date', 1, 15, 2],
    ['name', 'text', 'text', 1, 13, 0],
    ['code', 'text', 'text', 2, 10, 0],
    ['flag', 'text', 'boolean', 1, 3, 1],
  ] as const)('%s: imported as %s, holds %s; %i nulls, %i distinct, %i failing the type', (header, logical, inferred, nulls, distinct, failing) => {
    expect(byHeader(p, header)).toMatchObject({ logicalType: logical, inferredType: inferred, nulls, empty: 0, distinct, failing });
  });

  it('numbers: moments over every row, quantiles, IQR fences and outliers', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 2.5, -50];
    const n = byHeader(p, 'amount').numeric!;
    const q1 = quantileCont(values, 0.25);
    const q3 = quantileCont(values, 0.75);
    expect(n).toMatchObject({ kind: 'number', count: 12, min: -50, max: 100, outliersLow: 1, outliersHigh: 1 });
    expect(n.mean).toBeCloseTo(mean(values), 10);
    expect(n.stddev).toBeCloseTo(stddevSamp(values), 10);
    const expected = [0.05, 0.25, 0.5, 0.75, 0.95].map((q) => quantileCont(values, q));
    [n.p5, n.q1, n.median, n.q3, n.p95].forEach((got, i) => expect(got).toBeCloseTo(expected[i]!, 10));
    expect([q1, q3, n.median]).toEqual([2.375, 7.25, 4.5]);
    expect(n.lowFence).toBe(q1 - 1.5 * (q3 - q1));
    expect(n.highFence).toBe(q3 + 1.5 * (q3 - q1));
    // The histogram bins the 10 values between the fences.
    expect(n.histogram.reduce((s, b) => s + b.count, 0)).toBe(10);
    expect(n.histogram[0]!.lo).toBe(1);
    expect(n.histogram.at(-1)!.hi).toBe(9);
    expect(byHeader(p, 'amount').failingExamples).toEqual([
      { value: 'N/A', count: 1 },
      { value: 'abc', count: 1 },
    ]);
  });

  it('integers: whole-unit histogram bins', () => {
    const n = byHeader(p, 'id').numeric!;
    const ids = Array.from({ length: 16 }, (_, i) => i + 1);
    expect([n.min, n.max, n.mean, n.median]).toEqual([1, 16, 8.5, 8.5]);
    expect([n.p5, n.q1, n.q3, n.p95]).toEqual([0.05, 0.25, 0.75, 0.95].map((q) => quantileCont(ids, q)));
    expect(n.histogram.map((b) => [b.lo, b.count])).toEqual(ids.map((i) => [i, 1]));
    // Lengths describe text columns only.
    expect(byHeader(p, 'id').length).toBeNull();
    expect(byHeader(p, 'code').length).toEqual({ min: 1, max: 11, mean: (5 * 11 + 3 * 5 + 5 + 5 * 1) / 14 });
  });

  it('dates: Unix seconds, quantiles that occur, one-day bins, non-ISO and impossible dates failing', () => {
    const dayNumbers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 15, 16];
    const secs = dayNumbers.map((d) => days(`2024-01-${String(d).padStart(2, '0')}`));
    const n = byHeader(p, 'joined').numeric!;
    expect(n).toMatchObject({ kind: 'date', count: 13, min: days('2024-01-01'), max: days('2024-01-16'), outliersLow: 0, outliersHigh: 0 });
    expect(n.mean).toBeCloseTo(mean(secs), 3);
    expect([n.p5, n.q1, n.median, n.q3, n.p95]).toEqual([0.05, 0.25, 0.5, 0.75, 0.95].map((q) => quantileDisc(secs, q)));
    expect(n.histogram.map((b) => b.count)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1]);
    expect(n.histogram[1]!.lo - n.histogram[0]!.lo).toBe(86_400);
    expect(byHeader(p, 'joined').failingExamples.map((e) => e.value)).toEqual(['03/04/2024', '2024-02-30']);
  });

  it('booleans: true and false counts; "maybe" fails', () => {
    expect(byHeader(p, 'flag')).toMatchObject({ boolean: { trueCount: 10, falseCount: 4 }, failingExamples: [{ value: 'maybe', count: 1 }] });
  });

  it('text: top values, lengths, patterns', () => {
    const c = byHeader(p, 'name');
    expect(c.topValues).toEqual([
      { value: 'Dora', count: 2 },
      { value: 'Eve', count: 2 },
      ...[' Bob', 'ANN', 'Ann', 'Bob', 'Bob ', 'Carl  Smith', 'Smith, Carl', 'Zoë'].map((value) => ({ value, count: 1 })),
    ]);
    expect(c.length).toEqual({ min: 3, max: 11, mean: 72 / 15 });
    expect(c.patternCount).toBe(9);
    expect(c.patterns).toEqual([
      { pattern: 'Aaa', count: 5, example: 'Eve' },
      { pattern: 'Aaaa', count: 2, example: 'Dora' },
      { pattern: 'aaa', count: 2, example: 'ann' },
      { pattern: ' Aaa', count: 1, example: ' Bob' },
      { pattern: 'AAA', count: 1, example: 'ANN' },
      { pattern: 'Aaa ', count: 1, example: 'Bob ' },
      { pattern: 'Aaaa  Aaaa', count: 1, example: 'Carl  Smith' },
      { pattern: 'Aaaa, Aaaa', count: 1, example: 'Smith, Carl' },
      { pattern: 'aaa aaa', count: 1, example: 'carl smith' },
    ]);
    expect(byHeader(p, 'code').patterns.map((x) => [x.pattern, x.count])).toEqual([
      ['999-99-9999', 5],
      ['a', 5],
      ['AA-99', 2],
      ['99999', 1],
      ['aa-99', 1],
    ]);
    expect(byHeader(p, 'amount').patterns.map((x) => [x.pattern, x.count])).toEqual([
      ['9', 9],
      [' ', 1],
      ['-99', 1],
      ['9.9', 1],
      ['999', 1],
      ['A/A', 1],
      ['aaa', 1],
    ]);
  });

  it('whitespace and case anomalies', () => {
    expect(byHeader(p, 'name').whitespace).toEqual({
      edges: 2,
      doubled: 1,
      examples: [' Bob', 'Bob ', 'Carl  Smith'].map((value) => ({ value, count: 1 })),
    });
    expect(byHeader(p, 'amount').whitespace).toMatchObject({ edges: 1, doubled: 0 });
    expect(byHeader(p, 'name').caseVariants).toEqual({
      groups: 1,
      rows: 2,
      examples: [{ key: 'ann', values: ['ANN', 'Ann', 'ann'].map((value) => ({ value, count: 1 })) }],
    });
    expect(byHeader(p, 'code').caseVariants.groups).toBe(0);
  });

  it('near-identical groups share a fingerprint key; typed columns have none', () => {
    const near = byHeader(p, 'name').nearGroups!;
    expect(near.groups).toBe(4);
    expect(near.rows).toBe(2 + 2 + 2 + 1);
    expect(near.examples.map((g) => [g.key, g.values.map((v) => v.value)])).toEqual([
      ['ann', ['ANN', 'Ann', 'ann']],
      ['bob', [' Bob', 'Bob', 'Bob ']],
      ['carl smith', ['Carl  Smith', 'Smith, Carl', 'carl smith']],
      ['zoe', ['Zoë', 'zoe']],
    ]);
    expect(byHeader(p, 'code').nearGroups).toEqual({ groups: 0, rows: 0, examples: [] });
    expect(byHeader(p, 'amount').nearGroups).toBeNull();
  });

  it('is cached: profile.get returns it, and the event log records it', async () => {
    expect(await t.call('profile.get', { datasetId: p.datasetId, version: 1 })).toEqual(p);
    const log = await t.call('log.list', { limit: 5 });
    expect(log.find((e) => e.action === 'dataset.profiled')).toMatchObject({ subject: { dataset: p.datasetId, version: '1' }, details: { rows: 16, columns: 6 } });
  });
});

describe('typed sources, edge cases', () => {
  it('Parquet: typed numbers, dates, timestamps and booleans need no casts; empty strings counted', async () => {
    const file = path.join(files, 'typed.parquet');
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`COPY (SELECT i::BIGINT AS n, (i / 2)::DOUBLE AS half, DATE '2024-01-01' + i::INTEGER AS d,
        TIMESTAMP '2024-01-01 00:00:00' + to_hours(i::BIGINT) AS ts, i % 3 = 0 AS b, CASE WHEN i % 4 = 0 THEN '' ELSE 'v' || (i % 5) END AS s
      FROM range(1, 41) r(i)) TO '${file.replaceAll("'", "''")}' (FORMAT parquet)`);
    conn.closeSync();
    const imported = await t.importFile(file);
    const job = await t.runJob('profile.start', { datasetId: imported.datasetId, version: 1 });
    const p = job.result as DatasetProfile;
    expect(byHeader(p, 'n')).toMatchObject({ storageType: 'BIGINT', inferredType: 'integer', failing: 0, empty: 0, length: null, numeric: { min: 1, max: 40, mean: 20.5 } });
    expect(byHeader(p, 'half').numeric).toMatchObject({ min: 0.5, max: 20, median: quantileCont(Array.from({ length: 40 }, (_, i) => (i + 1) / 2), 0.5) });
    expect(byHeader(p, 'd').numeric).toMatchObject({ kind: 'date', min: days('2024-01-02'), max: days('2024-02-10') });
    expect(byHeader(p, 'ts').numeric).toMatchObject({ kind: 'timestamp', min: days('2024-01-01') + 3600, max: days('2024-01-01') + 40 * 3600 });
    expect(byHeader(p, 'b')).toMatchObject({ inferredType: 'boolean', boolean: { trueCount: 13, falseCount: 27 } });
    // i % 4 = 0 gives '' (10 rows); the other 30 spread evenly over v0 … v4.
    expect(byHeader(p, 's')).toMatchObject({ inferredType: 'text', empty: 10, nulls: 0, distinct: 6 });
    expect(byHeader(p, 's').topValues).toEqual([{ value: '', count: 10 }, ...['v0', 'v1', 'v2', 'v3', 'v4'].map((value) => ({ value, count: 6 }))]);
  });

  it('JSON Lines: empty strings and numbers given as text', async () => {
    const lines = ['{"k":"1","e":""}', '{"k":"2","e":""}', '{"k":"x","e":"a"}', '{"k":"4"}'];
    const p = await profileFile('mixed.jsonl', `${lines.join('\n')}\n`);
    expect(byHeader(p, 'e')).toMatchObject({ nulls: 1, empty: 2, distinct: 2 });
    expect(byHeader(p, 'k')).toMatchObject({ inferredType: 'integer', failing: 1, numeric: { count: 3, min: 1, max: 4 } });
  });

  it('an empty table: zero rows, no figures, no errors', async () => {
    const p = await profileFile('empty.csv', 'a,b\n');
    expect(p.rowCount).toBe(0);
    expect(byHeader(p, 'a')).toMatchObject({ nulls: 0, distinct: 0, failing: 0, topValues: [], patterns: [], length: null, numeric: null });
  });

  it('a column of nulls', async () => {
    const p = await profileFile('nulls.csv', 'id,nothing\n1,\n2,\n3,\n');
    expect(byHeader(p, 'nothing')).toMatchObject({ nulls: 3, distinct: 0, inferredType: 'text', topValues: [], patternCount: 0, length: null });
  });

  it('hostile headers keep their text; columns are keyed by id', async () => {
    const csv = 'id,"""; DROP TABLE x; --",😀,,dup,dup,Name,NAME\n1,a,b,c,d,e,f,g\n2,a,b,c,d,e,f,g\n';
    const p = await profileFile('hostile.csv', csv);
    expect(Object.values(p.columns).map((c) => [c.columnId, c.header])).toEqual([
      ['c1', 'id'],
      ['c2', '"; DROP TABLE x; --'],
      ['c3', '😀'],
      ['c4', ''],
      ['c5', 'dup'],
      ['c6', 'dup'],
      ['c7', 'Name'],
      ['c8', 'NAME'],
    ]);
    expect(p.columns.c2).toMatchObject({ distinct: 1, topValues: [{ value: 'a', count: 2 }] });
  });

  it('a table larger than the sample: every k-th row by row id; many distinct values estimated, few counted exactly', async () => {
    const rows = 260_000;
    // price: 1,000 distinct quarters, and 'n/a' in every 400th row.
    const price = (i: number) => (i % 400 === 7 ? 'n/a' : String((i % 1000) / 4));
    const body = Array.from({ length: rows }, (_, i) => `${i + 1},k${i % 700},${'abc'[i % 3]},${price(i)}`).join('\n');
    const p = await profileFile('large.csv', `id,key,third,price\n${body}\n`);
    expect(p.sample).toEqual({ rows: 10_000, every: 26, complete: false });
    expect(p.basis).toMatchObject({ counts: 'all-rows', distinct: 'estimate', topValues: 'sample', quantiles: 'sample', outliers: 'all-rows' });
    // 260,000 distinct ids: the sample's singletons say "many", so they are estimated…
    expect(byHeader(p, 'id').distinctExact).toBe(false);
    expect(Math.abs(byHeader(p, 'id').distinct - rows) / rows).toBeLessThan(0.01);
    // …while 700 keys are counted exactly.
    expect(byHeader(p, 'key')).toMatchObject({ distinct: 700, distinctExact: true });
    // Sampled rows are those whose row id is 26·k; (26·k − 1) mod 3 is 1 (b) for k ≡ 1, 0 (a) for k ≡ 2, 2 (c) for k ≡ 0.
    expect(byHeader(p, 'third').topValues).toEqual([
      { value: 'b', count: 3334 },
      { value: 'a', count: 3333 },
      { value: 'c', count: 3333 },
    ]);
    expect(byHeader(p, 'id').numeric).toMatchObject({ min: 1, max: rows, mean: (rows + 1) / 2 });
    // Few distinct prices: figured from the distinct values, each weighted by its rows — the same figures as row by row.
    const prices = Array.from({ length: rows }, (_, i) => price(i)).filter((v) => v !== 'n/a').map(Number);
    const n = byHeader(p, 'price');
    expect(n).toMatchObject({ inferredType: 'decimal', distinct: 1001, distinctExact: true, failing: rows / 400, numeric: { count: prices.length, min: 0, max: 249.75 } });
    expect(n.numeric!.mean).toBeCloseTo(mean(prices), 9);
    expect(n.numeric!.stddev).toBeCloseTo(stddevSamp(prices), 9);
  });
});

describe('the cache and the job', () => {
  it('profile.get is null before a profile, and names what is missing', async () => {
    const imported = await t.importFile(writeFixture(files, 'fresh.csv', 'a\n1\n'));
    expect(await t.call('profile.get', { datasetId: imported.datasetId, version: 1 })).toBeNull();
    expect(await t.fail('profile.get', { datasetId: imported.datasetId, version: 2 })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('has no version 2') });
    expect(await t.fail('profile.start', { datasetId: 'd999', version: 1 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a cancelled profile leaves no cache row and no scratch tables', async () => {
    const imported = await t.importFile(writeFixture(files, 'cancel.csv', KNOWN));
    for (const stage of ['reading the sample', 'deciding column types', 'scanning every row']) {
      const off = t.engine.events.on('job.updated', (j) => {
        if (j.kind === 'profile' && j.state === 'running' && j.stage === stage) t.engine.jobs.cancel(j.id);
      });
      try {
        const job = await t.runJob('profile.start', { datasetId: imported.datasetId, version: 1 });
        expect(job.state).toBe('cancelled');
      } finally {
        off();
      }
      expect(await t.call('profile.get', { datasetId: imported.datasetId, version: 1 })).toBeNull();
      const left = await t.engine.workspace.db.all(`SELECT table_name FROM duckdb_tables() WHERE database_name = '${SCRATCH}'`);
      expect(left, stage).toEqual([]);
    }
  });

  it('deleting a dataset drops its cached profiles', async () => {
    const p = await profileFile('doomed.csv', 'a\n1\n2\n');
    const count = async () => (await t.engine.workspace.db.one(`SELECT count(*) AS n FROM ${table.profile} WHERE dataset_id = $d`, { d: p.datasetId }))?.n;
    expect(Number(await count())).toBe(1);
    await t.call('dataset.delete', { datasetId: p.datasetId });
    expect(Number(await count())).toBe(0);
  });
});
