// The cluster dialog's decisions as data: which clusters merge into what, the alias map that
// follows, the counts shown, the method form's requests, and how the aliases step names its column.
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/shared/api/cluster-types';
import type { ColumnInfo } from '../../../src/shared/api/types';
import { aliasColumns, aliasMap, editOne, initialEdits, mergeAliasMaps, mergeAll, sameSelector, summarize } from '../../../src/renderer/features/clusters/edits';
import { DEFAULT_FORM, setRelative, toRequest } from '../../../src/renderer/features/clusters/method-form';

const cluster = (values: [string, number][]): Cluster => ({
  key: values[0]![0].toLowerCase(),
  values: values.map(([value, count]) => ({ value, count })),
  rows: values.reduce((n, [, c]) => n + c, 0),
  suggested: values[0]![0],
});
const NY = cluster([['New York', 5], ['new york ', 2], ['NEW YORK', 1]]);
const PARIS = cluster([['Paris', 3], ['paris', 3]]);
const CLUSTERS = [NY, PARIS];

describe('cluster edits', () => {
  it('start unticked, each with its suggestion', () => {
    expect(initialEdits(CLUSTERS)).toEqual([{ merge: false, to: 'New York' }, { merge: false, to: 'Paris' }]);
  });

  it.each([
    ['nothing ticked', (e: ReturnType<typeof initialEdits>) => e, [], { merging: 0, rows: 0, missingValue: 0 }],
    ['all ticked, suggestions kept', (e: ReturnType<typeof initialEdits>) => mergeAll(e, true), [
      { from: ['new york ', 'NEW YORK'], to: 'New York' },
      { from: ['paris'], to: 'Paris' },
    ], { merging: 2, rows: 6, missingValue: 0 }],
    ['another value picked (ticks the cluster)', (e: ReturnType<typeof initialEdits>) => editOne(e, 1, { to: 'paris' }), [
      { from: ['Paris'], to: 'paris' },
    ], { merging: 1, rows: 3, missingValue: 0 }],
    ['a new value typed: every value changes', (e: ReturnType<typeof initialEdits>) => editOne(e, 0, { to: 'New York City' }), [
      { from: ['New York', 'new york ', 'NEW YORK'], to: 'New York City' },
    ], { merging: 1, rows: 8, missingValue: 0 }],
    ['ticked with the new value cleared', (e: ReturnType<typeof initialEdits>) => editOne(mergeAll(e, true), 0, { to: '' }), [
      { from: ['paris'], to: 'Paris' },
    ], { merging: 2, rows: 3, missingValue: 1 }],
    ['unticked after editing', (e: ReturnType<typeof initialEdits>) => editOne(editOne(e, 0, { to: 'NY' }), 0, { merge: false }), [], { merging: 0, rows: 0, missingValue: 0 }],
  ] as const)('%s', (_name, change, map, summary) => {
    const edits = change(initialEdits(CLUSTERS));
    expect(aliasMap(CLUSTERS, edits)).toEqual(map);
    expect(summarize(CLUSTERS, edits)).toEqual(summary);
  });
});

describe('method form', () => {
  it.each([
    [{ ...DEFAULT_FORM }, { method: 'fingerprint', params: {} }],
    [{ ...DEFAULT_FORM, method: 'metaphone' as const }, { method: 'metaphone', params: {} }],
    [{ ...DEFAULT_FORM, method: 'ngram' as const, n: '3' }, { method: 'ngram', params: { n: 3 } }],
    [{ ...DEFAULT_FORM, method: 'ngram' as const, n: '' }, { method: 'ngram', params: { n: Number.NaN } }],
    [{ ...DEFAULT_FORM, method: 'levenshtein' as const }, { method: 'levenshtein', params: { radius: 1, relative: false, blockChars: 6 } }],
    [setRelative({ ...DEFAULT_FORM, method: 'levenshtein' as const }, true), { method: 'levenshtein', params: { radius: 0.2, relative: true, blockChars: 6 } }],
  ])('%j → %j', (form, request) => {
    expect(toRequest(form)).toEqual(request);
  });
});

describe('aliasColumns', () => {
  const col = (id: string, header: string, position: number): ColumnInfo => ({ id, header, position, logicalType: 'text', storageType: 'VARCHAR', nullCount: 0 });
  const ALL = [col('c1', 'City', 0), col('c2', 'name', 1), col('c3', 'Name', 2), col('c4', 'name', 3), col('c5', '', 4)];
  it.each([
    ['a unique header, by name', 'c1', { names: ['City'] }],
    ['a header differing only by case from another, by name', 'c3', { names: ['Name'] }],
    ['a duplicated header, by id', 'c4', { ids: ['c4'] }],
    ['a blank header, by (empty) name', 'c5', { names: [''] }],
  ])('%s', (_name, id, selector) => {
    expect(aliasColumns(ALL.find((c) => c.id === id)!, ALL)).toEqual(selector);
  });
});

describe('clusters accepted again on the same column', () => {
  it.each([
    ['a new canonical value is appended', [{ to: 'Paris', from: ['paris'] }], [{ to: 'London', from: ['london'] }], [{ to: 'Paris', from: ['paris'] }, { to: 'London', from: ['london'] }]],
    ['the same canonical value gains variants, none twice', [{ to: 'Paris', from: ['paris'] }], [{ to: 'Paris', from: ['paris', 'PARIS'] }], [{ to: 'Paris', from: ['paris', 'PARIS'] }]],
    ['a variant mapped anew leaves its old entry', [{ to: 'Paris', from: ['paris', 'Pariss'] }], [{ to: 'Paris, France', from: ['Pariss'] }], [{ to: 'Paris', from: ['paris'] }, { to: 'Paris, France', from: ['Pariss'] }]],
    ['an old canonical value mapped anew takes its variants along', [{ to: 'Paris', from: ['paris', 'Pariss'] }], [{ to: 'paris', from: ['Paris'] }], [{ to: 'paris', from: ['Pariss', 'Paris'] }]],
    ['an entry left without variants goes', [{ to: 'NY', from: ['ny'] }, { to: 'Paris', from: ['paris'] }], [{ to: 'New York', from: ['ny'] }], [{ to: 'Paris', from: ['paris'] }, { to: 'New York', from: ['ny'] }]],
  ])('%s', (_label, existing, added, merged) => {
    expect(mergeAliasMaps(existing, added)).toEqual(merged);
  });

  it.each([
    [{ names: ['city'] }, { names: ['city'] }, true],
    [{ names: ['city'] }, { ids: ['c3'] }, false],
    [undefined, { names: ['city'] }, false],
  ])('selector %j names the same columns as %j: %s', (a, b, same) => {
    expect(sameSelector(a, b)).toBe(same);
  });
});
