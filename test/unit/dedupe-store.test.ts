// The pure parts of dedupe storage and runs, as tables of cases: differing columns, a pair's
// contributions rebuilt from the model, pairs normalised, settings checked against the columns,
// and the roles the finder is given.
import { describe, expect, it } from 'vitest';
import { dedupeSettingsSchema, type DedupeModel, type DedupeSettingsInput } from '../../src/shared/api/dedupe-types';
import type { ColumnInfo } from '../../src/shared/api/types';
import { normalisePair } from '../../src/main/engine/dedupe/decisions';
import { checkSettings, finderRoles } from '../../src/main/engine/dedupe/run';
import { differing, pairOf } from '../../src/main/engine/dedupe/store';
import { MISSING_LEVEL } from '../../src/main/engine/dedupe/types';

const COLS = [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }];

describe('differing', () => {
  it.each<[string, (string | null)[], (string | null)[], string[]]>([
    ['identical', ['a', 'b', 'c'], ['a', 'b', 'c'], []],
    ['case and edge spaces only', [' Ann ', 'SMITH', 'x'], ['ann', 'smith ', 'X'], []],
    ['inner spaces count', ['Ann  Lee', 'b', 'c'], ['Ann Lee', 'b', 'c'], ['c1']],
    ['missing against text', [null, 'b', ''], ['a', 'b', null], ['c1', 'c3']],
    ['both missing', [null, null, null], [null, null, null], []],
    ['accents count', ['José', 'b', 'c'], ['Jose', 'b', 'c'], ['c1']],
  ])('%s', (_what, l, r, expected) => {
    expect(differing(COLS, { rowId: 1, values: l }, { rowId: 2, values: r })).toEqual(expected);
  });
});

const MODEL: DedupeModel = {
  lambda: 0.2,
  iterations: 5,
  converged: true,
  decisionsUsed: 0,
  comparisons: [
    { id: 'name', label: 'Name', columnIds: ['c1'], role: 'full_name', levels: [{ label: 'else', m: 0.1, u: 0.8, weight: -3 }, { label: 'exact', m: 0.9, u: 0.2, weight: 2.17 }] },
    { id: 'dob', label: 'Date of birth', columnIds: ['c2'], role: 'date', levels: [{ label: 'else', m: 0.1, u: 0.9, weight: -3.17 }, { label: 'within 1 year', m: 0.3, u: 0.05, weight: 2.58 }, { label: 'exact', m: 0.6, u: 0.05, weight: 3.58 }] },
  ],
};

describe('pairOf', () => {
  it.each<[string, unknown, unknown, (string | null)[], number[]]>([
    ['levels as arrays', [1, 2], [2.17, 3.58], ['exact', 'exact'], [2.17, 3.58]],
    ['levels as DuckDB list values', { items: [0, 1] }, { items: [-3, 2.58] }, ['else', 'within 1 year'], [-3, 2.58]],
    ['a missing value is neutral', [MISSING_LEVEL, 2], [0, 3.58], [null, 'exact'], [0, 3.58]],
    ['fewer levels than comparisons', [1], [2.17], ['exact', null], [2.17, 0]],
  ])('%s', (_what, levels, weights, labels, ws) => {
    const p = pairOf({ row_id_l: 3n, row_id_r: 9n, probability: 0.7, weight: 1.5, levels, weights, decision: null }, MODEL);
    expect(p.contributions.map((c) => c.level)).toEqual(labels);
    expect(p.contributions.map((c) => c.weight)).toEqual(ws);
    expect(p.contributions.map((c) => [c.comparisonId, c.label])).toEqual([['name', 'Name'], ['dob', 'Date of birth']]);
    expect(p).toMatchObject({ rowIdL: 3, rowIdR: 9, probability: 0.7, weight: 1.5, decision: null });
    expect(p.priorWeight).toBeCloseTo(Math.log2(0.2 / 0.8), 12);
  });

  it.each([['match'], ['non_match']] as const)('carries a %s decision', (decision) => {
    expect(pairOf({ row_id_l: 1, row_id_r: 2, probability: 1, weight: 9, levels: [], weights: [], decision }, MODEL).decision).toBe(decision);
  });
});

describe('normalisePair', () => {
  it.each([[1, 2, [1, 2]], [9, 3, [3, 9]]])('(%i, %i) → %j', (a, b, expected) => {
    const p = normalisePair(a, b);
    expect([p.rowIdL, p.rowIdR]).toEqual(expected);
  });
  it('refuses one row twice', () => {
    expect(() => normalisePair(4, 4)).toThrow('A pair needs two different rows; both are row 4.');
  });
});

const columns: ColumnInfo[] = ['id', 'name', 'email'].map((header, i) => ({ id: `c${i + 1}`, header, position: i, logicalType: 'text', storageType: 'VARCHAR', nullCount: 0 }));
const settings = (s: DedupeSettingsInput) => dedupeSettingsSchema.parse(s);

describe('checkSettings', () => {
  it.each<[string, DedupeSettingsInput, string | null]>([
    ['nothing named', {}, null],
    ['known columns', { roles: { c2: 'full_name' }, idColumn: 'c1', exclude: ['c3'] }, null],
    ['an unknown role column', { roles: { c4: 'email' } }, 'settings.roles names column c4, which v1 does not have. Its columns are: c1 "id", c2 "name", c3 "email".'],
    ['an unknown id column', { idColumn: 'c10' }, 'settings.idColumn names column c10'],
    ['an unknown excluded column', { exclude: ['c1', 'c5'] }, 'settings.exclude names column c5'],
  ])('%s', (_what, s, message) => {
    const check = () => checkSettings(columns, settings(s), 'v1');
    if (message === null) expect(check).not.toThrow();
    else expect(check).toThrow(message);
  });
});

describe('finderRoles', () => {
  it.each<[string, DedupeSettingsInput, Record<string, string>]>([
    ['no corrections', {}, {}],
    ['corrections kept', { roles: { c2: 'full_name' } }, { c2: 'full_name' }],
    ['the id column is ignored', { idColumn: 'c1' }, { c1: 'ignore' }],
    ['excluded columns are ignored, whatever role they were given', { roles: { c3: 'email', c2: 'full_name' }, exclude: ['c3'] }, { c2: 'full_name', c3: 'ignore' }],
    ['an id column given a role is still ignored', { roles: { c1: 'identifier' }, idColumn: 'c1' }, { c1: 'ignore' }],
  ])('%s', (_what, s, expected) => {
    expect(finderRoles(settings(s))).toEqual(expected);
  });
});
