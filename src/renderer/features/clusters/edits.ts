// What the user decides about suggested clusters (merge or not, and into which value), and what
// follows from it: the alias map to accept and the counts the dialog shows. Pure, so it is tested alone.
import type { AliasEntry, Cluster } from '../../../shared/api/cluster-types';
import type { ColumnInfo } from '../../../shared/api/types';
import type { ColumnSelector, Step, StepOf } from '../../../shared/policy/steps';

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

/**
 * Newly accepted clusters merged into an existing alias map (clusters accepted again on the same
 * column). The newest decision wins: a variant mapped anew leaves its old entry, and an old
 * canonical value now mapped to another value takes its variants along. Entries with the same
 * canonical value join; a value never maps to itself; entries left without variants go.
 */
export function mergeAliasMaps(existing: readonly AliasEntry[], added: readonly AliasEntry[]): AliasEntry[] {
  const moved = new Set(added.flatMap((e) => e.from));
  const entries = existing.map((e) => ({ to: e.to, from: e.from.filter((v) => !moved.has(v)) }));
  for (const a of added) for (const e of entries) if (a.from.includes(e.to)) e.to = a.to;
  const out: AliasEntry[] = [];
  for (const e of [...entries, ...added]) {
    const same = out.find((x) => x.to === e.to);
    const from = e.from.filter((v) => v !== e.to);
    if (same) same.from = [...same.from, ...from.filter((v) => !same.from.includes(v))];
    else out.push({ to: e.to, from });
  }
  return out.filter((e) => e.from.length > 0);
}

/** Whether two column selectors name the same columns the same way. */
export function sameSelector(a: ColumnSelector | undefined, b: ColumnSelector): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b);
}

/**
 * The alias step accepted clusters go into: one for these columns that applies to all their rows —
 * enabled, no row filter, case-sensitive (as the dialog's values are). None: add a new step.
 */
export function aliasStepFor(steps: readonly Step[], columns: ColumnSelector): StepOf<'category_aliases'> | null {
  const found = steps.find((s) => s.type === 'category_aliases' && s.enabled && !s.where && s.params.caseSensitive && sameSelector(s.columns, columns));
  return found?.type === 'category_aliases' ? found : null;
}
