// The cluster dialog's decisions as data: which clusters merge into what, the alias map that
// follows, the counts shown, the method form's requests, and the accepted-map store.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/shared/api/cluster-types';
import { aliasMap, editOne, initialEdits, mergeAll, summarize } from '../../../src/renderer/features/clusters/edits';
import { DEFAULT_FORM, setRelative, toRequest } from '../../../src/renderer/features/clusters/method-form';
import { acceptedKey, useAcceptedClusters } from '../../../src/renderer/features/clusters/accepted-store';

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

describe('useAcceptedClusters', () => {
  beforeEach(() => useAcceptedClusters.setState({ byColumn: {} }));

  it('keeps maps per dataset and column, a newer entry replacing one it overlaps', () => {
    const s = useAcceptedClusters.getState();
    s.accept('d1', 'c2', [{ from: ['paris'], to: 'Paris' }, { from: ['NYC'], to: 'New York' }]);
    s.accept('d1', 'c3', [{ from: ['x'], to: 'X' }]);
    s.accept('d1', 'c2', [{ from: ['PARIS', 'paris'], to: 'Paris' }]);
    expect(useAcceptedClusters.getState().byColumn).toEqual({
      [acceptedKey('d1', 'c2')]: [{ from: ['NYC'], to: 'New York' }, { from: ['PARIS', 'paris'], to: 'Paris' }],
      [acceptedKey('d1', 'c3')]: [{ from: ['x'], to: 'X' }],
    });
    s.clear('d1', 'c3');
    expect(Object.keys(useAcceptedClusters.getState().byColumn)).toEqual([acceptedKey('d1', 'c2')]);
  });
});
