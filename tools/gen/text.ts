// Text encodings of records — CSV/TSV lines, JSON objects (JSONL and JSON), and the typed CSV
// that becomes Parquet — and of whole planned chunks, so that worker threads can do the work.
import type { GenRow, Materializer, PlanChunk } from './plan';
import { COL, COLUMNS, jsonMissing, type Rendered } from './render';

export type TextFormat = 'csv' | 'tsv' | 'jsonl' | 'json' | 'parquet-csv';

const NEEDS_QUOTES = { ',': /[",\n\r]/, '\t': /["\t\n\r]/ } as const;

/** RFC 4180: a field is quoted only when it holds the delimiter, a quote or a line break. */
export function field(v: string | null, delimiter: ',' | '\t'): string {
  if (v === null) return '';
  return NEEDS_QUOTES[delimiter].test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Joined (not concatenated) so each line is one flat string: thousands of small pieces per chunk would keep the GC busy. */
function delimitedLine(v: readonly (string | null)[], delimiter: ',' | '\t'): string {
  const cells = new Array<string>(v.length);
  for (let i = 0; i < v.length; i++) cells[i] = field(v[i] ?? null, delimiter);
  return cells.join(delimiter);
}

/** Parquet's staging CSV: the balance as a plain number and the signup date as ISO, for typed columns. */
function typedLine(rec: Rendered): string {
  const v = rec.values.slice();
  v[COL.balance] = rec.balance === null ? null : rec.balance.toFixed(2);
  v[COL.signup_date] = rec.signupIso;
  return delimitedLine(v, ',');
}

const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const WHOLE = /^[1-9]\d{0,14}$/;
const ADDRESS = new Set<number>([COL.street, COL.city, COL.postcode, COL.country]);
const KEYS = COLUMNS.map((c) => JSON.stringify(c));
/** Whether JSON must escape something in `v`: a quote, a backslash or a control character. */
function needsEscape(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) return true;
  }
  return false;
}

/** JSON.stringify for a string, skipping its work for the common string that needs no escapes. */
const jsonString = (v: string) => (needsEscape(v) ? JSON.stringify(v) : `"${v}"`);

/** A value as JSON text, typed where the record's drift says so; undefined for an absent key. */
function jsonValue(rec: Rendered, i: number): string | undefined {
  const v = rec.values[i];
  const j = rec.json;
  if (v === null || v === undefined) {
    const m = jsonMissing(j.missingBits, i);
    return m === 'absent' ? undefined : m === 'empty' ? '""' : 'null';
  }
  if (i === COL.balance && !j.balanceAsString && PLAIN_NUMBER.test(v)) return v;
  if (i === COL.postcode && j.postcodeAsNumber && WHOLE.test(v)) return v;
  if (i === COL.phone && j.phoneAsNumber && WHOLE.test(v)) return v;
  return jsonString(v);
}

/**
 * One record as a JSON object: missing values as absent keys, nulls or empty strings; a few
 * values of another type; extra keys on some records; reversed key order on a few; and, when
 * `allowNesting` (JSON, not JSONL), street/city/postcode/country under `address` on some.
 */
export function jsonObject(rec: Rendered, allowNesting: boolean): string {
  const nested = allowNesting && rec.json.nested;
  const parts: string[] = [];
  const address: string[] = [];
  let addressAt = -1;
  for (let i = 0; i < COLUMNS.length; i++) {
    const v = jsonValue(rec, i);
    if (nested && ADDRESS.has(i)) {
      if (v !== undefined) address.push(`${KEYS[i]}:${v}`);
      if (i === COL.street) addressAt = parts.length;
      continue;
    }
    if (v !== undefined) parts.push(`${KEYS[i]}:${v}`);
  }
  if (addressAt >= 0 && address.length > 0) parts.splice(addressAt, 0, `"address":{${address.join(',')}}`);
  if (rec.json.shuffled) parts.reverse();
  for (const [k, v] of rec.json.extras) parts.push(`${JSON.stringify(k)}:${JSON.stringify(v)}`);
  return `{${parts.join(',')}}`;
}

export function rowText(format: TextFormat, r: GenRow): string {
  switch (format) {
    case 'csv':
      return delimitedLine(r.record.values, ',');
    case 'tsv':
      return delimitedLine(r.record.values, '\t');
    case 'jsonl':
      return jsonObject(r.record, false);
    case 'json':
      return jsonObject(r.record, true);
    case 'parquet-csv':
      return typedLine(r.record);
  }
}

/** A chunk's rows as text: one per line; JSON array members are separated by commas too. */
export function chunkText(format: TextFormat, m: Materializer, c: PlanChunk): string {
  const lines = new Array<string>(c.kind.length);
  for (let i = 0; i < c.kind.length; i++) lines[i] = rowText(format, m.row(c, i));
  return lines.join(format === 'json' ? ',\n' : '\n');
}
