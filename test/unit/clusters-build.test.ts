// Union-find, grouping by key, and cluster building (order, suggestion ties, caps), as tables.
import { describe, expect, it } from 'vitest';
import { MAX_CLUSTERS, MAX_CLUSTER_VALUES } from '../../src/shared/api/cluster-types';
import { buildClusters, groupByKey, type DistinctValues } from '../../src/main/engine/clusters/build';
import { UnionFind } from '../../src/main/engine/clusters/union-find';

describe('UnionFind', () => {
  it.each([
    ['no links', 4, [], []],
    ['one pair', 4, [[0, 1]], [[0, 1]]],
    ['a chain', 5, [[0, 1], [1, 2], [3, 2]], [[0, 1, 2, 3]]],
    ['two sets, links repeated', 6, [[0, 5], [5, 0], [2, 3], [3, 2]], [[0, 5], [2, 3]]],
    ['merging two sets', 6, [[0, 1], [2, 3], [4, 5], [1, 3]], [[0, 1, 2, 3], [4, 5]]],
    ['a self link', 2, [[1, 1]], []],
  ] as [string, number, [number, number][], number[][]][])('%s', (_name, n, links, groups) => {
    const uf = new UnionFind(n);
    for (const [a, b] of links) uf.union(a, b);
    expect(uf.groups().map((g) => g.join(',')).sort()).toEqual(groups.map((g) => g.join(',')).sort());
  });

  it('stays shallow on a long chain', () => {
    const uf = new UnionFind(100_000);
    for (let i = 1; i < 100_000; i++) uf.union(i - 1, i);
    expect(uf.groups()).toHaveLength(1);
    expect(uf.find(99_999)).toBe(uf.find(0));
  });
});

describe('groupByKey', () => {
  it.each([
    [['a', 'b', 'a', 'c', 'b', 'a'], [['a', [0, 2, 5]], ['b', [1, 4]]]],
    [['', '', 'x'], []],
    [['x', 'y'], []],
  ] as [string[], [string, number[]][]][])('%j', (keys, groups) => {
    expect(groupByKey(keys).map((g) => [g.key, g.ids])).toEqual(groups);
  });
});

describe('buildClusters', () => {
  const d: DistinctValues = { values: ['paris', 'Paris', 'PARIS', 'Lyon', 'lyon', 'Nice'], counts: [3, 3, 1, 5, 1, 9] };

  it('orders values by count then code unit, suggests the first, sums rows', () => {
    const { clusters } = buildClusters([{ key: 'paris', ids: [2, 0, 1] }], d);
    expect(clusters).toEqual([
      { key: 'paris', values: [{ value: 'Paris', count: 3 }, { value: 'paris', count: 3 }, { value: 'PARIS', count: 1 }], rows: 7, suggested: 'Paris' },
    ]);
  });

  it('orders clusters by values, then rows, then key; names keyless clusters by their suggestion; drops singletons', () => {
    const { clusters, truncated } = buildClusters([{ ids: [3, 4] }, { ids: [5] }, { key: 'paris', ids: [0, 1, 2] }, { key: 'b', ids: [0, 4] }, { key: 'a', ids: [1, 4] }], d);
    expect(clusters.map((c) => [c.key, c.rows])).toEqual([['paris', 7], ['Lyon', 6], ['a', 4], ['b', 4]]);
    expect(truncated).toBe(false);
  });

  it(`keeps at most ${MAX_CLUSTERS} clusters and ${MAX_CLUSTER_VALUES} values in one, and says so`, () => {
    const n = 2 * MAX_CLUSTERS + 2;
    const many: DistinctValues = { values: Array.from({ length: n }, (_, i) => `v${i}`), counts: Array.from({ length: n }, () => 1) };
    const pairs = Array.from({ length: MAX_CLUSTERS + 1 }, (_, i) => ({ ids: [2 * i, 2 * i + 1] }));
    expect(buildClusters(pairs, many)).toMatchObject({ truncated: true, clusters: { length: MAX_CLUSTERS } });
    const big = buildClusters([{ ids: Array.from({ length: MAX_CLUSTER_VALUES + 5 }, (_, i) => i) }], many);
    expect(big.truncated).toBe(true);
    expect(big.clusters[0]!.values).toHaveLength(MAX_CLUSTER_VALUES);
    expect(big.clusters[0]!.rows).toBe(MAX_CLUSTER_VALUES);
  });
});
