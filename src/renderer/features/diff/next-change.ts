// Where "next change" lands inside one row: the nearest changed column after (or before) the
// selected one, in display order. Crossing to another row is the engine's job (diff.next).

/** The index of the next changed column after `col` (or before it, going back), or null. */
export function changedColumnInRow(changed: ReadonlySet<string>, columns: readonly { id: string }[], col: number, direction: 'next' | 'previous'): number | null {
  if (direction === 'next') {
    for (let i = col + 1; i < columns.length; i++) if (changed.has(columns[i]?.id ?? '')) return i;
  } else {
    for (let i = Math.min(col, columns.length) - 1; i >= 0; i--) if (changed.has(columns[i]?.id ?? '')) return i;
  }
  return null;
}

/** Entering a row: its first changed column going forward, its last going back (0 when none shows). */
export function entryColumn(changed: ReadonlySet<string>, columns: readonly { id: string }[], direction: 'next' | 'previous'): number {
  const hit = direction === 'next' ? changedColumnInRow(changed, columns, -1, 'next') : changedColumnInRow(changed, columns, columns.length, 'previous');
  return hit ?? 0;
}
