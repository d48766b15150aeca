// The overview's rows in the order the user sorted them, the figures each row shows, and where
// the keyboard moves the selection.
import type { ColumnProfile, DatasetProfile } from '../../../shared/api/profile-types';
import { profileFlags } from '../../../shared/profile/format';

export type ProfileSortKey = 'position' | 'name' | 'type' | 'missing' | 'distinct' | 'failing' | 'flags';
export interface ProfileSort {
  key: ProfileSortKey;
  direction: 'asc' | 'desc';
}

/** Nulls and empty strings: the share of rows without a value. */
export const missingOf = (c: ColumnProfile): number => c.nulls + c.empty;

const KEY: Record<ProfileSortKey, (c: ColumnProfile, rows: number) => number | string> = {
  position: (c) => c.position,
  name: (c) => c.header.toLowerCase(),
  type: (c) => c.inferredType,
  missing: (c) => missingOf(c),
  distinct: (c) => c.distinct,
  failing: (c) => c.failing,
  flags: (c, rows) => profileFlags(c, rows).length,
};

/** Columns sorted by `sort`; ties keep column order. */
export function sortedColumns(p: DatasetProfile, sort: ProfileSort): ColumnProfile[] {
  const key = KEY[sort.key];
  const dir = sort.direction === 'asc' ? 1 : -1;
  return Object.values(p.columns).sort((a, b) => {
    const ka = key(a, p.rowCount);
    const kb = key(b, p.rowCount);
    const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb));
    return c !== 0 ? dir * c : a.position - b.position;
  });
}

/** "(blank)" for an empty header, as the grid shows it. */
export const columnLabel = (c: ColumnProfile): string => (c.header === '' ? '(blank)' : c.header);

/** The row a key moves the selection to (clamped), or null for keys that do not move it. */
export function nextRow(key: string, index: number, count: number, page: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const to = ({ ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: last } as Record<string, number>)[key];
  return to === undefined ? null : Math.min(last, Math.max(0, to));
}
