// The profile's pure rules as tables: the pattern rule (JavaScript and DuckDB SQL agree case by
// case), the type decision, histogram bins, IQR fences and the linear-counting distinct estimate.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND } from '../../src/main/engine/import/column-stats';
import { EXACT_CAST_DISTINCT_MAX, EXACT_DISTINCT_MAX, bitmapBits, exactDistinctMax, linearCount, sampleDistinctEstimate, setBitsSql } from '../../src/main/engine/profile/distinct';
import type { ColumnPlan } from '../../src/main/engine/profile/plan';
import { binsFor, fences, niceStep } from '../../src/main/engine/profile/numeric';
import { pattern, patternSql } from '../../src/main/engine/profile/patterns';
import { decideType } from '../../src/main/engine/profile/sample';

const PATTERNS: [string, string][] = [
  ['123-45-6789', '999-99-9999'],
  ['Ann Lee', 'Aaa Aaa'],
  ['Kowalski', 'Aaaa'],
  ['kowalski', 'aaa'],
  ['FREYA', 'AAA'],
  ['McDonald', 'AaAaaa'],
  ['G1 3HJ', 'A9 9AA'],
  ['+44 7044 183817', '+99 9999 999999'],
  ['fpatel@outlook.com', 'aaa@aaa.aaa'],
  ['2024-01-02', '9999-99-99'],
  ['10/09/1991', '99/99/9999'],
  ['3,424.01', '9,999.99'],
  ['Zoë', 'Aaa'],
  ['ÉCOLE', 'AAA'],
  ['黄 大輝', '黄 大輝'],
  ['😀 ok!', '😀 aa!'],
  ['  x  ', '  a  '],
  ['٣٤٥', '999'],
  ['', ''],
];

describe('pattern', () => {
  let conn: DuckDBConnection;
  beforeAll(async () => {
    conn = await (await DuckDBInstance.create(':memory:')).connect();
  });
  afterAll(() => conn.closeSync());

  it.each(PATTERNS)('%j → %j in JavaScript', (value, expected) => {
    expect(pattern(value)).toBe(expected);
  });

  it.each(PATTERNS)('%j → %j in DuckDB SQL', async (value, expected) => {
    const r = await conn.runAndReadAll(`SELECT ${patternSql('$v')} AS p`, { v: value });
    expect(r.getRowObjects()[0]?.p).toBe(expected);
  });

  it('keeps NULL as NULL in SQL', async () => {
    const r = await conn.runAndReadAll(`SELECT ${patternSql('NULL::VARCHAR')} AS p`);
    expect(r.getRowObjects()[0]?.p).toBeNull();
  });

  it('counts set bits for linear counting, ignoring NULLs', async () => {
    const r = await conn.runAndReadAll(`SELECT ${setBitsSql('v', 1024)} AS b FROM (SELECT unnest(['a', 'b', 'a', NULL, 'c']) AS v)`);
    expect(Number(r.getRowObjects()[0]?.b)).toBeLessThanOrEqual(3);
    expect(Number(r.getRowObjects()[0]?.b)).toBeGreaterThanOrEqual(2);
  });
});

const counts = (entries: [number, number][]) => new Map(entries);

describe('decideType', () => {
  it.each([
    ['nothing to judge', [], null],
    ['all integers', [[KIND.integer, 100]], 'integer'],
    ['integers and a few decimals stay integer', [[KIND.integer, 97], [KIND.decimal, 3]], 'integer'],
    ['mostly decimals', [[KIND.integer, 60], [KIND.decimal, 35], [0, 5]], 'decimal'],
    ['numbers, but only half', [[KIND.integer, 50], [0, 50]], 'text'],
    ['just over half numbers', [[KIND.integer, 51], [0, 49]], 'integer'],
    ['dates with some text', [[KIND.date, 74], [0, 26]], 'date'],
    ['dates with a few timestamps stay dates', [[KIND.date, 95], [KIND.timestamp, 2], [0, 3]], 'date'],
    ['mostly timestamps', [[KIND.date, 30], [KIND.timestamp, 60], [0, 10]], 'timestamp'],
    ['yes/no', [[KIND.boolean, 40], [0, 2]], 'boolean'],
    ['times', [[KIND.time, 9], [0, 1]], 'time'],
    ['text', [[0, 10], [KIND.integer, 3]], 'text'],
  ] as [string, [number, number][], string | null][])('%s → %s', (_name, entries, expected) => {
    expect(decideType(counts(entries))).toBe(expected);
  });
});

describe('binsFor', () => {
  it.each([
    ['continuous values, 20 bins', 0, 10, null, { lo: 0, width: 0.5, count: 20 }],
    ['continuous values, a round width', 1, 9, null, { lo: 1, width: 0.5, count: 16 }],
    ['continuous values, from a round edge', 0.3, 10.1, null, { lo: 0, width: 0.5, count: 21 }],
    ['money between fences', -5564.37, 10112.56, null, { lo: -6000, width: 1000, count: 17 }],
    ['tiny values', 0.0012, 0.0049, null, { lo: 0.0012, width: 0.0002, count: 19 }],
    ['one continuous value', 3, 3, null, { lo: 3, width: 1, count: 1 }],
    ['integers 1…16: one per value', 1, 16, 1, { lo: 1, width: 1, count: 16 }],
    ['integers 1…100: five per bin', 1, 100, 1, { lo: 1, width: 5, count: 20 }],
    ['integers 0…100: 101 values, six per bin', 0, 100, 1, { lo: 0, width: 6, count: 17 }],
    ['a fractional range of integers', 0.5, 3.5, 1, { lo: 1, width: 1, count: 3 }],
    ['one integer', 7, 7, 1, { lo: 7, width: 1, count: 1 }],
    ['16 days', 0, 15 * 86_400, 86_400, { lo: 0, width: 86_400, count: 16 }],
    ['a year of days', 0, 364 * 86_400, 86_400, { lo: 0, width: 19 * 86_400, count: 20 }],
  ] as [string, number, number, number | null, ReturnType<typeof binsFor>][])('%s', (_name, lo, hi, unit, expected) => {
    const bins = binsFor(lo, hi, unit);
    expect(bins).toEqual(expected);
    // Every value in [lo, hi] falls in a bin.
    expect(bins.lo).toBeLessThanOrEqual(unit === null ? lo : Math.ceil(lo / unit) * unit);
    expect(bins.lo + bins.count * bins.width).toBeGreaterThanOrEqual(hi);
  });
});

describe('niceStep', () => {
  it.each([
    [0.4, 0.5],
    [0.5, 0.5],
    [0.51, 1],
    [1, 1],
    [1.2, 2],
    [3, 5],
    [7, 10],
    [783.8, 1000],
    [0.00013, 0.0002],
  ])('%d → %d', (raw, step) => {
    expect(niceStep(raw)).toBeCloseTo(step, 12);
  });
});

describe('fences', () => {
  it.each([
    [2.375, 7.25, -4.9375, 14.5625],
    [10, 10, 10, 10],
    [null, 5, null, null],
  ] as [number | null, number | null, number | null, number | null][])('Q1 %s, Q3 %s → [%s, %s]', (q1, q3, low, high) => {
    expect(fences(q1, q3)).toEqual({ lowFence: low, highFence: high });
  });
});

describe('linear counting', () => {
  it.each([
    [0, 2 ** 16],
    [10, 2 ** 16],
    [65_536, 2 ** 16],
    [65_537, 2 ** 17],
    [1_000_000, 2 ** 20],
    [1e10, 2 ** 26],
  ])('%i rows → a bitmap of %i bits', (rows, bits) => {
    expect(bitmapBits(rows)).toBe(bits);
  });

  it.each([
    // set bits, bitmap bits, non-null values, estimate
    [0, 1024, 0, 0],
    [1, 1024, 5, 1],
    [512, 1024, 10_000, Math.round(1024 * Math.LN2)],
    [1024, 1024, 5000, 5000],
    [900, 1024, 100, 100],
  ])('%i of %i bits set, %i values → %i', (set, bits, values, expected) => {
    expect(linearCount(set, bits, values)).toBe(expected);
  });

  it.each([
    // seen once, repeated, 1-in-k, estimate, counted exactly?
    [0, 18, 50, 18, true],
    [2_000, 4_000, 50, Math.sqrt(50) * 2_000 + 4_000, true],
    [18_750, 0, 8, Math.sqrt(8) * 18_750, false],
    [20_000, 0, 1, 20_000, true],
  ])('GEE: %i values seen once, %i repeated, 1 in %i → %d distinct', (once, repeated, every, estimate, exact) => {
    expect(sampleDistinctEstimate(once, repeated, every)).toBeCloseTo(estimate, 6);
    expect(sampleDistinctEstimate(once, repeated, every) <= EXACT_DISTINCT_MAX).toBe(exact);
  });

  const plan = (storageType: string, type: ColumnPlan['type']): ColumnPlan => ({
    index: 0,
    info: { id: 'c1', header: 'x', position: 0, logicalType: storageType === 'VARCHAR' ? 'text' : type, storageType, nullCount: 0 },
    text: storageType === 'VARCHAR',
    type,
  });

  it.each([
    // stored as, holds, rows, grouped (exact) up to
    ['VARCHAR', 'text', 1_000_000, EXACT_DISTINCT_MAX],
    ['VARCHAR', 'date', 1_000_000, EXACT_CAST_DISTINCT_MAX],
    ['VARCHAR', 'decimal', 10_000_000, EXACT_CAST_DISTINCT_MAX],
    ['VARCHAR', 'integer', 650_000, 65_000],
    ['VARCHAR', 'integer', 260_000, EXACT_DISTINCT_MAX],
    ['BIGINT', 'integer', 1_000_000, EXACT_DISTINCT_MAX],
  ] as const)('a %s column holding %s, %i rows: grouped up to %i distinct values', (storage, type, rows, max) => {
    expect(exactDistinctMax(plan(storage, type), rows)).toBe(max);
  });

  it('is within 0.1 % on real data: the benchmark\'s 1M customer ids set 614,390 bits; 925,169 are distinct', () => {
    expect(Math.abs(linearCount(614_390, 2 ** 20, 1_000_000) - 925_169) / 925_169).toBeLessThan(0.001);
  });
});
