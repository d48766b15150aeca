// From groups of distinct-value ids to the clusters a result carries: values with their counts in
// a fixed order, the suggested canonical value, and the caps that keep a result small.
import { MAX_CLUSTERS, MAX_CLUSTER_VALUES, type Cluster, type ClusterValue } from '../../../shared/api/cluster-types';

/** The distinct values of a column: value i occurs in counts[i] rows. */
export interface DistinctValues {
  values: string[];
  counts: number[];
}

/** Ids of distinct values that belong together; `key` is what they share, when there is one. */
export interface Group {
  key?: string;
  ids: number[];
}

/** Code-unit order: the same everywhere (unlike locale collation), so results are reproducible. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const byCountThenValue = (a: ClusterValue, b: ClusterValue) => b.count - a.count || byText(a.value, b.value);

/** Clusters in order: most values first, then most rows, then by key. */
const clusterOrder = (a: Cluster, b: Cluster) => b.values.length - a.values.length || b.rows - a.rows || byText(a.key, b.key);

export function toCluster(group: Group, d: DistinctValues): Cluster & { clipped: boolean } {
  const all = group.ids.map((i) => ({ value: d.values[i]!, count: d.counts[i]! })).sort(byCountThenValue);
  const values = all.slice(0, MAX_CLUSTER_VALUES);
  const suggested = values[0]!.value;
  return {
    key: group.key ?? suggested,
    values,
    rows: values.reduce((s, v) => s + v.count, 0),
    suggested,
    clipped: all.length > values.length,
  };
}

/** Every group of two or more values as a cluster, ordered, capped at MAX_CLUSTERS. */
export function buildClusters(groups: Iterable<Group>, d: DistinctValues): { clusters: Cluster[]; truncated: boolean } {
  const clusters: Cluster[] = [];
  let truncated = false;
  for (const g of groups) {
    if (g.ids.length < 2) continue;
    const { clipped, ...c } = toCluster(g, d);
    truncated ||= clipped;
    clusters.push(c);
  }
  clusters.sort(clusterOrder);
  if (clusters.length > MAX_CLUSTERS) truncated = true;
  return { clusters: clusters.slice(0, MAX_CLUSTERS), truncated };
}

/** Groups ids by a key computed per id; an empty key (a value with nothing to compare) groups nothing. */
export function groupByKey(keys: readonly string[]): Group[] {
  const byKey = new Map<string, number[]>();
  keys.forEach((k, id) => {
    if (k === '') return;
    const g = byKey.get(k);
    if (g) g.push(id);
    else byKey.set(k, [id]);
  });
  return [...byKey].filter(([, ids]) => ids.length > 1).map(([key, ids]) => ({ key, ids }));
}
