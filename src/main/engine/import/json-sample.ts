// The import preview of a JSON or JSONL file: the first records of the probe's sample, parsed in
// JS (keeping repeated keys), planned with the same rules as the import, shown as text.
import { AppError } from '../../../shared/api/result';
import type { Encoding } from '../../../shared/api/types';
import { newNode, observeRecord, planColumns, type ColumnKind, type Plan } from './json-schema';
import { JsonText, JsonTextError, jsonText, parseJsonValue, renameDuplicateKeys, type JValue } from './json-value';

/** How DuckDB's read_json should see the file, and how our syntax checker walks it. */
export interface JsonShape {
  duckFormat: 'array' | 'unstructured' | 'newline_delimited';
  layout: 'document' | 'lines';
}

const KIND_NAMES: Record<string, string> = { '"': 'a string', t: 'a boolean', f: 'a boolean', n: 'null' };

/**
 * JSON lines: one record per non-blank line. A JSON file: a top-level array of objects, or
 * objects one after another; a single top-level object is one record (APIs often return one
 * object, and refusing it would help nobody). Any other top level is refused.
 */
export function jsonShape(file: string, format: 'json' | 'jsonl', text: string): JsonShape {
  if (format === 'jsonl') return { duckFormat: 'newline_delimited', layout: 'lines' };
  const at = text.search(/\S/);
  const first = at < 0 ? '' : text[at]!;
  if (first === '[') return { duckFormat: 'array', layout: 'document' };
  if (first === '{') return { duckFormat: 'unstructured', layout: 'document' };
  if (first === '') throw new AppError('BAD_FILE', `${file} holds only white space: there is nothing to import.`, { file });
  const what = KIND_NAMES[first] ?? (/[-0-9]/.test(first) ? 'a number' : `the character '${first}'`);
  const line = text.slice(0, at).split('\n').length;
  throw new AppError('BAD_FILE', `${file}: line ${line}: the top level is ${what}; a JSON import needs an array of objects (or objects one after another).`, { file, line });
}

export interface SampleView {
  plan: Plan;
  rows: (string | null)[][];
  kinds: ColumnKind[];
}

/** Parses up to `max` records from the sample; a record cut by the sample's end is left out. */
export function sampleRecords(file: string, text: string, shape: JsonShape, complete: boolean, max: number, bom: number): JValue[] {
  const records: JValue[] = [];
  const fail = (pos: number, reason: string): never => {
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const byteOffset = Buffer.byteLength(before) + bom;
    throw new AppError('BAD_FILE', `${file}: line ${line} (byte offset ${byteOffset}): ${reason}.`, { file, line, byteOffset });
  };
  if (shape.layout === 'lines') {
    const lines = text.split('\n');
    if (!complete) lines.pop();
    let pos = 0;
    for (const line of lines) {
      if (records.length >= max) break;
      if (line.trim() !== '') {
        try {
          records.push(parseJsonValue(line));
        } catch (err) {
          if (err instanceof JsonTextError) fail(pos + err.pos, err.message);
          throw err;
        }
      }
      pos += line.length + 1;
    }
    return records;
  }
  const p = new JsonText(text);
  try {
    p.skipWs();
    const inArray = shape.duckFormat === 'array';
    if (inArray) p.pos++;
    while (records.length < max) {
      p.skipWs();
      if (p.atEnd) break;
      if (inArray && text[p.pos] === ']' && records.length === 0) break;
      records.push(p.value());
      p.skipWs();
      if (!inArray) continue;
      const c = text[p.pos++];
      if (c === ']') break;
      if (c !== ',' && c !== undefined) throw new JsonTextError(p.pos - 1, 'expected a comma or ] after a record');
    }
  } catch (err) {
    if (!(err instanceof JsonTextError)) throw err;
    if (complete || records.length === 0) fail(err.pos, err.message);
  }
  return records;
}

function lookup(record: JValue, storagePath: string[]): JValue | undefined {
  let v: JValue | undefined = record;
  for (const k of storagePath) {
    if (v?.t !== 'obj') return undefined;
    v = v.entries.find(([key]) => key === k)?.[1];
  }
  return v;
}

function display(v: JValue | undefined, kind: ColumnKind): string | null {
  if (v === undefined || v.t === 'null') return null;
  if (kind === 'json' || v.t === 'obj' || v.t === 'arr') return jsonText(v);
  if (v.t === 'str') return v.v;
  if (v.t === 'bool') return v.v ? 'true' : 'false';
  return kind === 'double' ? String(Number(v.raw)) : v.raw;
}

/** Plans columns from sample records and renders them as the preview rows. */
export function viewSample(file: string, records: JValue[], recordLines: (i: number) => string): SampleView {
  const root = newNode('');
  const renames = new Map<string, string>();
  const renamed = records.map((r, i) => {
    if (r.t !== 'obj') {
      const what = r.t === 'arr' ? 'an array' : r.t === 'num' ? 'a number' : r.t === 'str' ? 'a string' : r.t === 'bool' ? 'a boolean' : 'null';
      throw new AppError('BAD_FILE', `${file}: ${recordLines(i)} is ${what}, not an object; every record must be an object.`, { file, record: i + 1 });
    }
    const x = renameDuplicateKeys(r, renames);
    observeRecord(root, x);
    return x;
  });
  const plan = planColumns(root, renames);
  return {
    plan,
    kinds: plan.columns.map((c) => c.kind),
    rows: renamed.map((r) => plan.columns.map((c) => display(lookup(r, c.storagePath), c.kind))),
  };
}

export const bomLength = (encoding: Encoding): number => (encoding === 'utf-8-bom' ? 3 : 0);
