// What a duplicate clustering got wrong, in the generator's terms, so the finder can be tuned:
// duplicates left apart from their original, by the edits they carry (the plan knows them), and
// false pairs, by cause — a look-alike joined to the person it resembles (twin, household, junior,
// namesake: the hard profile's) or something else. Counted per row and per cluster, never per pair.
import type { LookalikeKind } from '../gen/hard';
import type { GenRow } from '../gen/plan';

export type RowMeta = Pick<GenRow, 'rowId' | 'clusterId' | 'kind' | 'edits' | 'lookalike'>;

export interface EditMisses {
  edit: string;
  /** Near duplicates carrying this edit. */
  rows: number;
  /** Of those, how many are not in their original's predicted cluster. */
  missed: number;
}

export interface ErrorBreakdown {
  exactRows: number;
  /** Exact copies not clustered with their original (should be none). */
  exactMissed: number;
  nearRows: number;
  nearMissed: number;
  /** By edit kind, most missed first. */
  byEdit: EditMisses[];
  /** By how many edits a near duplicate carries. */
  byEditCount: { edits: number; rows: number; missed: number }[];
  /** False pairs (from the predicted clusters' make-up) by cause; `other` is everything not between a look-alike and its model. */
  falsePairs: { cause: LookalikeKind | 'other'; pairs: number }[];
  /** Look-alikes (people made to resemble an earlier one) and how many were wrongly joined to their model. */
  lookalikes: { kind: LookalikeKind; people: number; joined: number }[];
  /** A few examples for a person to look at: row ids. */
  /** Missed: a near duplicate and its original's row id. False joins: the row ids of the originals of the people wrongly put together. */
  examples: { missed: { rowId: number; originalRowId: number; edits: string[] }[]; falseJoins: { originalRowIds: number[]; cause: string }[] };
}

const pairsOf = (n: number) => (n * (n - 1)) / 2;

/** `predicted[i]` is the predicted cluster of row id i + 1; `meta` lists every row in row-id order. */
export function errorBreakdown(predicted: readonly string[], meta: Iterable<RowMeta>): ErrorBreakdown {
  const originalRow = new Map<number, number>();
  const lookalikeOf = new Map<number, { kind: LookalikeKind; of: number }>();
  const edits = new Map<string, EditMisses>();
  const counts = new Map<number, { edits: number; rows: number; missed: number }>();
  const b = { exactRows: 0, exactMissed: 0, nearRows: 0, nearMissed: 0 };
  const missedExamples: ErrorBreakdown['examples']['missed'] = [];
  /** predicted cluster → true cluster → rows */
  const make = new Map<string, Map<number, number>>();
  for (const r of meta) {
    const p = predicted[r.rowId - 1];
    if (p === undefined) throw new Error(`errorBreakdown: no predicted cluster for row ${r.rowId}`);
    let m = make.get(p);
    if (!m) make.set(p, (m = new Map()));
    m.set(r.clusterId, (m.get(r.clusterId) ?? 0) + 1);
    if (r.kind === 'original') {
      originalRow.set(r.clusterId, r.rowId);
      if (r.lookalike) lookalikeOf.set(r.clusterId, { kind: r.lookalike.kind, of: r.lookalike.of + 1 });
      continue;
    }
    const o = originalRow.get(r.clusterId);
    if (o === undefined) throw new Error(`errorBreakdown: row ${r.rowId} is a duplicate of cluster ${r.clusterId}, which has no earlier original`);
    const missed = predicted[o - 1] !== p;
    if (r.kind === 'exact') {
      b.exactRows++;
      if (missed) b.exactMissed++;
      continue;
    }
    b.nearRows++;
    if (missed) b.nearMissed++;
    if (missed && missedExamples.length < 10) missedExamples.push({ rowId: r.rowId, originalRowId: o, edits: [...r.edits] });
    for (const e of r.edits) {
      const x = edits.get(e) ?? { edit: e, rows: 0, missed: 0 };
      x.rows++;
      if (missed) x.missed++;
      edits.set(e, x);
    }
    const c = counts.get(r.edits.length) ?? { edits: r.edits.length, rows: 0, missed: 0 };
    c.rows++;
    if (missed) c.missed++;
    counts.set(r.edits.length, c);
  }
  const joins = falseJoins(make, lookalikeOf, originalRow);
  return {
    ...b,
    byEdit: [...edits.values()].sort((x, y) => y.missed / y.rows - x.missed / x.rows || y.rows - x.rows),
    byEditCount: [...counts.values()].sort((x, y) => x.edits - y.edits),
    falsePairs: joins.falsePairs,
    lookalikes: joins.lookalikes,
    examples: { missed: missedExamples, falseJoins: joins.examples },
  };
}

function falseJoins(
  make: Map<string, Map<number, number>>,
  lookalikeOf: Map<number, { kind: LookalikeKind; of: number }>,
  originalRow: Map<number, number>,
): Pick<ErrorBreakdown, 'falsePairs' | 'lookalikes'> & { examples: ErrorBreakdown['examples']['falseJoins'] } {
  const byCause = new Map<LookalikeKind | 'other', number>();
  const joined = new Map<LookalikeKind, number>();
  const examples: ErrorBreakdown['examples']['falseJoins'] = [];
  for (const members of make.values()) {
    if (members.size < 2) continue;
    let size = 0;
    let same = 0;
    for (const n of members.values()) {
      size += n;
      same += pairsOf(n);
    }
    let other = pairsOf(size) - same;
    let cause: string = 'other';
    for (const [cluster, n] of members) {
      const l = lookalikeOf.get(cluster);
      const m = l ? members.get(l.of) : undefined;
      if (!l || m === undefined) continue;
      byCause.set(l.kind, (byCause.get(l.kind) ?? 0) + n * m);
      joined.set(l.kind, (joined.get(l.kind) ?? 0) + 1);
      other -= n * m;
      cause = l.kind;
    }
    byCause.set('other', (byCause.get('other') ?? 0) + other);
    if (examples.length < 10) examples.push({ originalRowIds: [...members.keys()].map((c) => originalRow.get(c) ?? -1), cause });
  }
  const people = new Map<LookalikeKind, number>();
  for (const l of lookalikeOf.values()) people.set(l.kind, (people.get(l.kind) ?? 0) + 1);
  return {
    falsePairs: [...byCause].map(([cause, pairs]) => ({ cause, pairs })).filter((x) => x.pairs > 0).sort((x, y) => y.pairs - x.pairs),
    lookalikes: [...people].map(([kind, n]) => ({ kind, people: n, joined: joined.get(kind) ?? 0 })).sort((x, y) => x.kind.localeCompare(y.kind)),
    examples,
  };
}
