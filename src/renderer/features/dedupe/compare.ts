// Which fields differ between records, for highlighting: values compared after the same kind of
// normalising the engine does (trim, case, accents, inner spacing); a missing value differs from
// a present one, two missing ones do not.
import type { RecordValues } from '../../../shared/api/dedupe-types';

export function normalise(v: string | null): string | null {
  if (v === null) return null;
  const t = v.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/\s+/gu, ' ').trim().toLowerCase();
  return t === '' ? null : t;
}

/** Column ids (in page order) whose normalised values are not all the same across `members`. */
export function differingColumns(columns: readonly { id: string }[], members: readonly RecordValues[]): string[] {
  return columns
    .filter((_, i) => {
      const seen = new Set(members.map((m) => normalise(m.values[i] ?? null)));
      return seen.size > 1;
    })
    .map((c) => c.id);
}

/** Per member, per column: whether the value differs from the cluster's most common one (ties: the first member's). */
export function oddCells(members: readonly RecordValues[], columnCount: number): boolean[][] {
  const common: (string | null)[] = [];
  for (let i = 0; i < columnCount; i++) {
    const counts = new Map<string | null, number>();
    for (const m of members) {
      const v = normalise(m.values[i] ?? null);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    let best = normalise(members[0]?.values[i] ?? null);
    for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
    common.push(best);
  }
  return members.map((m) => common.map((c, i) => normalise(m.values[i] ?? null) !== c));
}
