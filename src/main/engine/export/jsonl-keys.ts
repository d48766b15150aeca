// The object each JSONL line (and each element of a JSON export's array) holds: columns flattened from nested JSON (ColumnInfo.path) go back
// into nested objects; every other column is a top-level key named by its header. Keys must be
// unique within an object, so two columns that would write the same key (duplicate headers, or a
// key that is both a value and an object) are refused, naming the columns: renaming them silently
// would hand the reader data under names it never had. Export such a dataset to CSV, Parquet or XLSX.
// Every line has every key: a missing value is null, and a nested object whose values are all
// missing is an object of nulls (a dataset keeps no trace of whether a key was absent or null).
import { AppError } from '../../../shared/api/result';
import type { ColumnInfo } from '../../../shared/api/types';

export type KeyNode = { key: string; column: ColumnInfo } | { key: string; children: KeyNode[] };

const describe = (c: ColumnInfo) => `column ${c.position + 1} (${JSON.stringify(c.header)})`;

function firstColumn(n: KeyNode): ColumnInfo {
  return 'column' in n ? n.column : firstColumn(n.children[0]!);
}

/** The key tree of the objects a JSONL (or JSON) export writes; `format` names the export in a refusal. */
export function keyTree(columns: ColumnInfo[], format: 'JSONL' | 'JSON' = 'JSONL'): KeyNode[] {
  const root: KeyNode[] = [];
  for (const c of columns) {
    const keys = c.path && c.path.length > 0 ? c.path : [c.header];
    let level = root;
    keys.forEach((key, depth) => {
      const existing = level.find((n) => n.key === key);
      const leaf = depth === keys.length - 1;
      if (!existing) {
        const node: KeyNode = leaf ? { key, column: c } : { key, children: [] };
        level.push(node);
        if (!leaf && 'children' in node) level = node.children;
        return;
      }
      if (leaf || 'column' in existing) {
        const other = firstColumn(existing);
        const where = keys.slice(0, depth + 1).map((k) => JSON.stringify(k)).join(' → ');
        throw new AppError(
          'UNSUPPORTED',
          `Cannot export to ${format}: ${describe(other)} and ${describe(c)} would both write the key ${where}, and keys must be unique in a JSON object. Nothing was written; export to CSV, Parquet or XLSX, which keep both.`,
          { columns: [other.position + 1, c.position + 1], columnIds: [other.id, c.id], key: keys.slice(0, depth + 1) },
        );
      }
      level = existing.children;
    });
  }
  return root;
}
