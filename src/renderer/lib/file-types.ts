// Which files the importer reads (mirrors the engine's extension table) and type-to-find.
import type { FsEntry } from '../../shared/api/types';

export const IMPORTABLE_EXTENSIONS = ['.csv', '.tsv', '.tab', '.psv', '.txt', '.dat', '.json', '.jsonl', '.ndjson', '.parquet', '.pq', '.xlsx', '.xlsm'];

export function isImportable(name: string): boolean {
  const lower = name.toLowerCase();
  return IMPORTABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** What a file browser shows: folders always; files when importable, or all when asked. */
export function visibleEntries(entries: FsEntry[], mode: 'file' | 'folder', showAll: boolean): FsEntry[] {
  return entries.filter((e) => e.kind === 'dir' || (mode === 'file' && (showAll || isImportable(e.name))));
}

/**
 * Type-to-find: the first entry from the current one `from` (wrapping) whose name starts with
 * `prefix`, case-insensitively. Repeating one character ("qq") cycles through the entries with
 * that initial, as file managers do; a first keystroke keeps the current entry if it matches.
 */
export function findByPrefix(names: string[], prefix: string, from: number): number {
  if (!prefix || names.length === 0) return -1;
  const p = prefix.toLowerCase();
  const cycling = p.length > 1 && [...p].every((ch) => ch === p[0]);
  const needle = cycling ? (p[0] ?? '') : p;
  const start = Math.max(0, cycling ? from + 1 : from);
  for (let k = 0; k < names.length; k++) {
    const i = (start + k) % names.length;
    if ((names[i] ?? '').toLowerCase().startsWith(needle)) return i;
  }
  return -1;
}
