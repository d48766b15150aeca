// Which files the importer reads (mirrors the engine's extension table) and type-to-find.
import type { FsEntry } from '../../shared/api/types';

export const IMPORTABLE_EXTENSIONS = ['.csv', '.tsv', '.tab', '.psv', '.txt', '.dat', '.json', '.jsonl', '.ndjson', '.parquet', '.pq', '.xlsx', '.xlsm'];

export function isImportable(name: string): boolean {
  const lower = name.toLowerCase();
  return IMPORTABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** What a file browser shows: folders always; files when importable (bundles: .zip), or all when asked. */
export function visibleEntries(entries: FsEntry[], mode: 'file' | 'folder' | 'bundle', showAll: boolean): FsEntry[] {
  const wanted = (name: string) => (mode === 'bundle' ? name.toLowerCase().endsWith('.zip') : isImportable(name));
  return entries.filter((e) => e.kind === 'dir' || (mode !== 'folder' && (showAll || wanted(e.name))));
}

/** In bundle mode, what "Open bundle" opens: the selected .zip, else the folder shown when it is a bundle (holds manifest.json), else the selected folder. */
export function bundleTarget(listingPath: string | undefined, entries: FsEntry[], selected: FsEntry | undefined): string | undefined {
  if (selected?.kind === 'file' && selected.name.toLowerCase().endsWith('.zip')) return selected.path;
  if (listingPath !== undefined && entries.some((e) => e.kind === 'file' && e.name === 'manifest.json')) return listingPath;
  return selected?.kind === 'dir' ? selected.path : undefined;
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
