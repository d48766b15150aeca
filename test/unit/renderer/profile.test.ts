// The profile's display rules as tables: formatting of values by kind, anomaly flags, the
// overview's sort orders (500 columns included) and histogram bin labels.
import { describe, expect, it } from 'vitest';
import type { ColumnProfile, DatasetProfile, NumericProfile } from '../../../src/shared/api/profile-types';
import { formatPercent, formatSpread, formatValue, profileFlags, shownValue, valueUnit } from '../../../src/shared/profile/format';
import { binLabel } from '../../../src/renderer/features/profile/charts';
import { nextRow, sortedColumns } from '../../../src/renderer/features/profile/overview';

function column(over: Partial<ColumnProfile> & { position: number }): ColumnProfile {
  return {
    columnId: `c${over.position + 1}`,
    header: `col${over.position + 1}`,
    storageType: 'VARCHAR',
    logicalType: 'text',
    inferredType: 'text',
    nulls: 0,
    empty: 0,
    distinct: 10,
    distinctExact: true,
    failing: 0,
    failingExamples: [],
    length: null,
    numeric: null,
    boolean: null,
    topValues: [],
    patternCount: 0,
    patterns: [],
    whitespace: { edges: 0, doubled: 0, examples: [] },
    caseVariants: { groups: 0, rows: 0, examples: [] },
    nearGroups: null,
    ...over,
  };
}

function profile(columns: ColumnProfile[], rowCount = 100): DatasetProfile {
  return {
    datasetId: 'd1',
    version: 1,
    rowCount,
    computedAt: '2026-01-01T00:00:00.000Z',
    seconds: 1,
    sample: { rows: rowCount, every: 1, complete: true },
    basis: {} as DatasetProfile['basis'],
    columns: Object.fromEntries(columns.map((c) => [c.columnId, c])),
  };
}

describe('formatValue', () => {
  it.each([
    [1234567.891, 'number', '1,234,567.891'],
    [-50, 'number', '-50'],
    [2.375, 'number', '2.375'],
    [1e20, 'number', '1.000e+20'],
    [0.00001, 'number', '1.000e-5'],
    [1704067200, 'date', '2024-01-01'],
    [1704103200, 'timestamp', '2024-01-01 10:00:00Z'],
    [36_000, 'time', '10:00:00'],
    [null, 'number', '—'],
    [Number.NaN, 'date', '—'],
  ] as [number | null, NumericProfile['kind'], string][])('%s as %s → %s', (v, kind, text) => {
    expect(formatValue(v, kind)).toBe(text);
  });

  it.each([
    [86_400 * 3.5, 'date', '3.5 days'],
    [7200, 'time', '2 h'],
    [12.25, 'number', '12.25'],
  ] as [number, NumericProfile['kind'], string][])('a spread of %s as %s → %s', (v, kind, text) => {
    expect(formatSpread(v, kind)).toBe(text);
  });

  it.each([
    [1, 16, '6.3 %'],
    [0, 16, '0 %'],
    [1, 10_000, '<0.1 %'],
    [30, 100, '30 %'],
    [3, 0, '—'],
  ])('%i of %i → %s', (part, whole, text) => {
    expect(formatPercent(part, whole)).toBe(text);
  });

  it.each([
    ['', '(empty)'],
    [' Bob', '" Bob"'],
    ['a\tb', '"a\\tb"'],
    ['Ann', 'Ann'],
  ])('shows %j as %s', (v, text) => {
    expect(shownValue(v)).toBe(text);
  });
});

describe('profileFlags', () => {
  const numeric = (low: number, high: number) => ({ outliersLow: low, outliersHigh: high }) as NumericProfile;
  it.each([
    ['nothing to flag', {}, []],
    ['all missing', { nulls: 100, distinct: 0 }, ['all-null']],
    ['failing values and outliers', { failing: 3, numeric: numeric(1, 0) }, ['failing', 'outliers']],
    ['whitespace, case and near-identical values', { whitespace: { edges: 1, doubled: 0, examples: [] }, caseVariants: { groups: 1, rows: 1, examples: [] }, nearGroups: { groups: 2, rows: 3, examples: [] } }, ['whitespace', 'case', 'near']],
    ['one value', { distinct: 1 }, ['constant']],
  ] as [string, Partial<ColumnProfile>, string[]][])('%s', (_name, over, flags) => {
    expect(profileFlags(column({ position: 0, ...over }), 100)).toEqual(flags);
  });
});

describe('sortedColumns', () => {
  const p = profile([
    column({ position: 0, header: 'b', nulls: 5, distinct: 3, failing: 2 }),
    column({ position: 1, header: 'A', nulls: 0, distinct: 50, failing: 0 }),
    column({ position: 2, header: 'c', nulls: 5, empty: 5, distinct: 3, failing: 2, whitespace: { edges: 1, doubled: 0, examples: [] } }),
  ]);
  it.each([
    ['position', 'asc', ['b', 'A', 'c']],
    ['name', 'asc', ['A', 'b', 'c']],
    ['missing', 'desc', ['c', 'b', 'A']],
    ['distinct', 'desc', ['A', 'b', 'c']],
    ['failing', 'desc', ['b', 'c', 'A']],
    ['flags', 'desc', ['c', 'b', 'A']],
  ] as const)('by %s %s', (key, direction, order) => {
    expect(sortedColumns(p, { key, direction }).map((c) => c.header)).toEqual(order);
  });

  it('sorts 500 columns, ties in column order', () => {
    const many = profile(Array.from({ length: 500 }, (_, i) => column({ position: i, distinct: i % 7 })));
    const sorted = sortedColumns(many, { key: 'distinct', direction: 'desc' });
    expect(sorted).toHaveLength(500);
    expect(sorted.slice(0, 3).map((c) => c.position)).toEqual([6, 13, 20]);
  });
});

describe('nextRow (keyboard in the overview)', () => {
  it.each([
    ['ArrowDown', 3, 10, 4],
    ['ArrowDown', 9, 10, 9],
    ['ArrowDown', -1, 10, 0],
    ['ArrowUp', 0, 10, 0],
    ['ArrowUp', 5, 10, 4],
    ['PageDown', 2, 10, 7],
    ['PageDown', 8, 10, 9],
    ['PageUp', 3, 10, 0],
    ['Home', 7, 10, 0],
    ['End', 0, 500, 499],
    ['Enter', 3, 10, null],
    ['ArrowDown', 0, 0, null],
  ] as [string, number, number, number | null][])('%s from row %i of %i → %s', (key, index, count, to) => {
    expect(nextRow(key, index, count, 5)).toBe(to);
  });
});

describe('binLabel', () => {
  const n = (kind: NumericProfile['kind']) => ({ kind }) as NumericProfile;
  it.each([
    ['whole numbers, shown inclusive', 'number', 1, 6, valueUnit('integer'), '1 – 5'],
    ['one whole number', 'number', 7, 8, valueUnit('integer'), '7'],
    ['continuous', 'number', 0.5, 1, valueUnit('decimal'), '0.5 – 1'],
    ['one day', 'date', 1704067200, 1704153600, valueUnit('date'), '2024-01-01'],
    ['a week', 'date', 1704067200, 1704672000, valueUnit('date'), '2024-01-01 – 2024-01-07'],
  ] as [string, NumericProfile['kind'], number, number, number | null, string][])('%s', (_name, kind, lo, hi, unit, label) => {
    expect(binLabel(n(kind), lo, hi, unit)).toBe(label);
  });
});
