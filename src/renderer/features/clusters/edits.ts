// What the user decides about suggested clusters (merge or not, and into which value), and what
// follows from it: the alias map to accept and the counts the dialog shows. Pure, so it is tested alone.
import type { AliasEntry, Cluster } from '../../../shared/api/cluster-types';
import type { ColumnInfo } from '../../../shared/api/types';
import type { ColumnSelector } from '../../../shared/policy/steps';

export interface ClusterEdit {
  merge: boolean;
  /** The value the cluster's values become. */
  to: string;
}

export function initialEdits(clusters: readonly Cluster[]): ClusterEdit[] {
  return clusters.map((c) => ({ merge: false, to: c.suggested }));
}

/** The map entries of the clusters to merge: every listed value but the new one becomes it. */
export function aliasMap(clusters: readonly Cluster[], edits: readonly ClusterEdit[]): AliasEntry[] {
  const map: AliasEntry[] = [];
  clusters.forEach((c, i) => {
    const e = edits[i];
    if (!e?.merge || e.to === '') return;
    const from = c.values.map((v) => v.value).filter((v) => v !== e.to);
    if (from.length > 0) map.push({ from, to: e.to });
  });
  return map;
}

export interface EditSummary {
  /** Clusters ticked for merging. */
  merging: number;
  /** Rows whose value would change. */
  rows: number;
  /** Ticked clusters without a new value (they cannot be accepted). */
  missingValue: number;
}

export function summarize(clusters: readonly Cluster[], edits: readonly ClusterEdit[]): EditSummary {
  let merging = 0;
  let rows = 0;
  let missingValue = 0;
  clusters.forEach((c, i) => {
    const e = edits[i];
    if (!e?.merge) return;
    merging++;
    if (e.to === '') missingValue++;
    else rows += c.values.reduce((n, v) => (v.value === e.to ? n : n + v.count), 0);
  });
  return { merging, rows, missingValue };
}

/** Sets every cluster's merge flag. */
export function mergeAll(edits: readonly ClusterEdit[], merge: boolean): ClusterEdit[] {
  return edits.map((e) => ({ ...e, merge }));
}

/** Changes one cluster; choosing or typing a new value also ticks it for merging. */
export function editOne(edits: readonly ClusterEdit[], index: number, change: Partial<ClusterEdit>): ClusterEdit[] {
  return edits.map((e, i) => (i === index ? { ...e, ...('to' in change ? { merge: true } : {}), ...change } : e));
}

/** The aliases step's columns: the header (recipes travel by name), or the id when other columns share that header. */
export function aliasColumns(column: ColumnInfo, all: readonly ColumnInfo[]): ColumnSelector {
  const shared = all.filter((c) => c.header === column.header).length > 1;
  return shared ? { ids: [column.id] } : { names: [column.header] };
}
