// Rewrites the column names in a Parquet file's footer, in place: the top-level schema elements
// and every column chunk's path_in_schema. Only the footer changes (the data pages hold no names),
// so the file is cut at the old footer and the new one written after the data.
import fs from 'node:fs';
import { T, decodeStruct, encodeStruct, field, type TStruct, type TValue } from './thrift-compact';

const MAGIC = Buffer.from('PAR1', 'ascii');

// Field ids from parquet.thrift.
const FILE_SCHEMA = 2;
const FILE_ROW_GROUPS = 4;
const FILE_KEY_VALUE = 5;
const SCHEMA_NAME = 4;
const SCHEMA_CHILDREN = 5;
const ROW_GROUP_COLUMNS = 1;
const CHUNK_META = 3;
const META_PATH = 3;
const KEY_VALUE_KEY = 1;

export interface Rename {
  from: string;
  to: string;
}

function fail(file: string, what: string): Error {
  return new Error(`${file}: cannot set the column names (${what})`);
}

function list(v: TValue | undefined): TValue[] {
  return v && (v.type === T.LIST || v.type === T.SET) ? v.items : [];
}
function struct(v: TValue | undefined): TStruct | undefined {
  return v?.type === T.STRUCT ? v : undefined;
}
/** A field of a value that should be a struct (undefined when it is not). */
function member(v: TValue | undefined, id: number): TValue | undefined {
  const s = struct(v);
  return s && field(s, id);
}
function children(el: TStruct): number {
  const v = field(el, SCHEMA_CHILDREN);
  return v && (v.type === T.I32 || v.type === T.I16 || v.type === T.I64) ? Number(v.value) : 0;
}
function setText(s: TStruct, id: number, text: string): void {
  const f = s.fields.find((x) => x.id === id);
  if (!f || f.value.type !== T.BINARY) throw new Error(`field ${id} is not a string`);
  f.value = { type: T.BINARY, value: Buffer.from(text, 'utf8') };
}
function text(v: TValue | undefined): string | undefined {
  return v?.type === T.BINARY ? v.value.toString('utf8') : undefined;
}

/** Renames the top-level columns of the footer; `renames` are in column order. */
export function renameInFooter(meta: TStruct, renames: Rename[], file = 'parquet'): void {
  for (const kv of list(field(meta, FILE_KEY_VALUE))) {
    // Arrow's serialized schema repeats the names; DuckDB does not write it, and we must not leave it stale.
    if (text(member(kv, KEY_VALUE_KEY)) === 'ARROW:schema') throw fail(file, 'it carries an Arrow schema');
  }
  const schema = list(field(meta, FILE_SCHEMA)).map((v) => {
    const el = struct(v);
    if (!el) throw fail(file, 'a schema element is not a struct');
    return el;
  });
  const root = schema[0];
  if (!root || children(root) !== renames.length) throw fail(file, `expected ${renames.length} columns`);
  const skip = (i: number): number => {
    let next = i + 1;
    for (let k = 0; k < children(schema[i]!); k++) next = skip(next);
    return next;
  };
  const byName = new Map<string, string>();
  let at = 1;
  for (const r of renames) {
    const el = schema[at];
    if (!el || text(field(el, SCHEMA_NAME)) !== r.from) throw fail(file, `column ${r.from} not where expected`);
    setText(el, SCHEMA_NAME, r.to);
    byName.set(r.from, r.to);
    at = skip(at);
  }
  for (const rg of list(field(meta, FILE_ROW_GROUPS))) {
    for (const chunk of list(member(rg, ROW_GROUP_COLUMNS))) {
      const path = list(member(member(chunk, CHUNK_META), META_PATH));
      const first = path[0];
      const to = byName.get(text(first) ?? '');
      if (!first || to === undefined) throw fail(file, 'a column chunk names an unknown column');
      path[0] = { type: T.BINARY, value: Buffer.from(to, 'utf8') };
    }
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  fs.readSync(fd, buf, 0, length, position);
  return buf;
}

export function readFooter(file: string): TStruct {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tail = readAt(fd, size - 8, 8);
    if (size < 12 || !tail.subarray(4).equals(MAGIC)) throw fail(file, 'not a Parquet file');
    return decodeStruct(readAt(fd, size - 8 - tail.readUInt32LE(0), tail.readUInt32LE(0))).struct;
  } finally {
    fs.closeSync(fd);
  }
}

export function renameParquetColumns(file: string, renames: Rename[]): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const size = fs.fstatSync(fd).size;
    const tail = readAt(fd, size - 8, 8);
    if (size < 12 || !tail.subarray(4).equals(MAGIC)) throw fail(file, 'not a Parquet file');
    const footerLength = tail.readUInt32LE(0);
    const footerStart = size - 8 - footerLength;
    const { struct: meta, length } = decodeStruct(readAt(fd, footerStart, footerLength));
    if (length !== footerLength) throw fail(file, 'the footer has trailing bytes');
    renameInFooter(meta, renames, file);
    const footer = encodeStruct(meta);
    const len = Buffer.alloc(4);
    len.writeUInt32LE(footer.length);
    const out = Buffer.concat([footer, len, MAGIC]);
    fs.ftruncateSync(fd, footerStart);
    fs.writeSync(fd, out, 0, out.length, footerStart);
  } finally {
    fs.closeSync(fd);
  }
}
