// The union schema of a set of JSON records, and the columns it becomes. Both the import (fed
// by DuckDB aggregates over the whole file) and the preview (fed by parsed sample records) use
// it, so the two agree. Rules: nested objects are flattened to dotted headers with the key path
// kept as an array; arrays, and keys that are an object in one record and something else in
// another, stay JSON text; scalars widen (integer+double → double, any other mix → text).
import { headerWarnings } from './csv';
import type { ImportWarning } from '../../../shared/api/types';
import type { JValue } from './json-value';

export type JsonKind = 'null' | 'boolean' | 'integer' | 'double' | 'string' | 'array' | 'object';
export type ColumnKind = 'bigint' | 'double' | 'boolean' | 'text' | 'json';

export interface SchemaNode {
  /** The key as stored in the records (a repeated key carries a mark; see json-value.ts). */
  key: string;
  /** Per kind, in how many records this key held it. */
  kinds: Map<JsonKind, number>;
  /** Children in order of first occurrence. */
  children: Map<string, SchemaNode>;
}

export interface PlannedColumn {
  /** Keys as stored, for the JSON pointer that extracts the value. */
  storagePath: string[];
  /** Keys as written in the source: the column's path, restored on export. */
  path: string[];
  header: string;
  kind: ColumnKind;
}

export interface Plan {
  columns: PlannedColumn[];
  warnings: ImportWarning[];
}

/** Deeper objects stay JSON text rather than becoming ever longer dotted headers. */
export const MAX_FLATTEN_DEPTH = 16;
/** More columns than this is a map keyed by data (ids, dates), not a record: refuse it. */
export const MAX_COLUMNS = 10_000;

export const newNode = (key: string): SchemaNode => ({ key, kinds: new Map(), children: new Map() });

export function childNode(node: SchemaNode, key: string): SchemaNode {
  let c = node.children.get(key);
  if (!c) {
    c = newNode(key);
    node.children.set(key, c);
  }
  return c;
}

export function observe(node: SchemaNode, kind: JsonKind, count = 1): void {
  node.kinds.set(kind, (node.kinds.get(kind) ?? 0) + count);
}

/** DuckDB's json_type names → kinds. */
export function kindFromDuckdb(t: string): JsonKind {
  switch (t) {
    case 'NULL':
      return 'null';
    case 'BOOLEAN':
      return 'boolean';
    case 'UBIGINT':
    case 'BIGINT':
      return 'integer';
    case 'DOUBLE':
      return 'double';
    case 'VARCHAR':
      return 'string';
    case 'ARRAY':
      return 'array';
    case 'OBJECT':
      return 'object';
    default:
      return 'string';
  }
}

export function kindOfValue(v: JValue): JsonKind {
  switch (v.t) {
    case 'null':
      return 'null';
    case 'bool':
      return 'boolean';
    case 'num':
      return v.int ? 'integer' : 'double';
    case 'str':
      return 'string';
    case 'arr':
      return 'array';
    case 'obj':
      return 'object';
  }
}

/** Adds one parsed record (the preview path) to the schema; `root` counts records as objects. */
export function observeRecord(root: SchemaNode, record: JValue, depth = 0): void {
  observe(root, kindOfValue(record));
  if (record.t !== 'obj' || depth > MAX_FLATTEN_DEPTH) return;
  for (const [k, v] of record.entries) observeRecord(childNode(root, k), v, depth + 1);
}

const SCALARS: JsonKind[] = ['boolean', 'integer', 'double', 'string'];

function scalarKind(kinds: Set<JsonKind>): ColumnKind {
  const s = SCALARS.filter((k) => kinds.has(k));
  if (s.length === 0) return 'text';
  if (s.every((k) => k === 'integer')) return 'bigint';
  if (s.every((k) => k === 'integer' || k === 'double')) return 'double';
  if (s.length === 1 && s[0] === 'boolean') return 'boolean';
  return 'text';
}

const total = (n: SchemaNode): number => [...n.kinds.values()].reduce((a, b) => a + b, 0);

/** Turns the schema into columns, in order of first occurrence, and says what it did. */
export function planColumns(root: SchemaNode, renames: ReadonlyMap<string, string>): Plan {
  const columns: PlannedColumn[] = [];
  const missing: string[] = [];
  const widened: string[] = [];
  const conflicts: string[] = [];
  const walk = (node: SchemaNode, storagePath: string[], path: string[], parentObjects: number) => {
    const kinds = new Set([...node.kinds.keys()].filter((k) => k !== 'null'));
    const header = path.join('.');
    if (total(node) < parentObjects) missing.push(header);
    const flatten = kinds.has('object') && kinds.size === 1 && node.children.size > 0 && storagePath.length < MAX_FLATTEN_DEPTH;
    if (flatten) {
      for (const c of node.children.values()) walk(c, [...storagePath, c.key], [...path, renames.get(c.key) ?? c.key], node.kinds.get('object') ?? 0);
      return;
    }
    let kind: ColumnKind;
    if (kinds.has('object') || kinds.has('array')) {
      kind = 'json';
      if (kinds.has('object') && kinds.size > 1) conflicts.push(header);
    } else {
      kind = scalarKind(kinds);
      if (kind === 'text' && kinds.size > 1) widened.push(header);
    }
    columns.push({ storagePath, path, header, kind });
  };
  const records = root.kinds.get('object') ?? 0;
  for (const c of root.children.values()) walk(c, [c.key], [renames.get(c.key) ?? c.key], records);
  return { columns, warnings: planWarnings(columns, missing, widened, conflicts) };
}

function sample(list: string[]): string {
  const shown = list.slice(0, 5).map((h) => `"${h}"`).join(', ');
  return list.length > 5 ? `${shown} and ${list.length - 5} more` : shown;
}

function planWarnings(columns: PlannedColumn[], missing: string[], widened: string[], conflicts: string[]): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const nested = columns.filter((c) => c.path.length > 1);
  if (nested.length > 0) {
    warnings.push({
      code: 'NESTED_FLATTENED',
      message: `${nested.length} nested field${nested.length === 1 ? ' was' : 's were'} flattened to dotted headers (e.g. ${sample(nested.map((c) => c.header))}); each keeps its key path for export.`,
      details: { count: nested.length },
    });
  }
  if (missing.length > 0 || widened.length > 0 || conflicts.length > 0) {
    const parts = [
      missing.length > 0 ? `${missing.length} key${missing.length === 1 ? ' is' : 's are'} missing from some records (${sample(missing)})` : '',
      widened.length > 0 ? `${widened.length} key${widened.length === 1 ? ' holds' : 's hold'} values of different types and became text (${sample(widened)})` : '',
      conflicts.length > 0 ? `${conflicts.length} key${conflicts.length === 1 ? ' is' : 's are'} an object in some records and not in others and kept as JSON text (${sample(conflicts)})` : '',
    ].filter(Boolean);
    warnings.push({
      code: 'SCHEMA_DRIFT',
      message: `The records do not all have the same shape: ${parts.join('; ')}.`,
      details: { missing: missing.slice(0, 100), widened: widened.slice(0, 100), conflicts: conflicts.slice(0, 100) },
    });
  }
  warnings.push(...headerWarnings(columns.map((c) => c.header)));
  return warnings;
}

/** A JSON pointer (RFC 6901) for a key path: handles any key, even empty or with / and ~. */
export function pointer(storagePath: string[]): string {
  return storagePath.map((k) => `/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
