// De-identification of a batch of one column's distinct values, as the policy steps run it (the
// worker pool's task 'pii.deidentify'): a whole-cell operator, or every span a scan finds replaced
// by its entity's operator. Each value also gets what the ledger keeps instead of it — a keyed
// digest and a masked preview — so the ledger never holds the value itself. De-identification
// fails closed: a value the operator cannot read is replaced by a type token (or redacted, for
// generalisation) and reported, never kept as it was.
import type { OperatorKey } from '../../../shared/policy/steps';
import { applyOperator } from './operators/apply';
import { ageBand, birthYear, currentYear, generaliseDate, zip3 } from './operators/generalise';
import { keyedDigest, MIN_KEY_BYTES } from './operators/keyed';
import { maskedPreview, typeToken } from './operators/masking';
import { fail, type OperatorOutcome } from './operators/outcome';
import { operatorSpecSchema, type OperatorSpec, type OperatorSpecInput } from './operators/spec';
import { RECOGNISERS } from './registry';
import { scanText } from './scan';
import type { EntityType } from '../../../shared/api/pii-types';
import type { Finding, RawFinding } from './types';

interface BatchBase {
  values: string[];
  /** The workspace key in hex (structured cloning keeps strings as they are). */
  key: string;
}

/** Every value of a column replaced by one operator; `entity` names what the column holds (previews, the fallback token). */
export interface CellBatch extends BatchBase {
  mode: 'cell';
  spec: OperatorSpecInput;
  entity: string;
  /** What a value the operator cannot read becomes: the entity's token, or '' (redacted). */
  fallback: 'token' | 'redact';
}

/** A reviewer's decision on one span of one value (code points, located in the value as it is now: `locateDecided`). */
export interface SpanOverride {
  entity: EntityType;
  start: number;
  end: number;
  decision: 'accepted' | 'rejected';
}

/** Each span a scan finds (confidence ≥ minConfidence) replaced by its entity's operator, or `default`'s. */
export interface SpanBatch extends BatchBase {
  mode: 'spans';
  operators: Partial<Record<OperatorKey, OperatorSpecInput>>;
  header: string;
  regions: string[];
  minConfidence: number;
  /**
   * Per value (parallel to `values`), the review's decisions on its spans: a batch of rows rather
   * than distinct values (two rows holding the same value may have been decided differently).
   */
  overrides?: (SpanOverride[] | null)[];
}

export type DeidBatch = CellBatch | SpanBatch;

export interface DeidOutcome {
  /** The value after the step. */
  v: string;
  /** Why the operator could not read it (the value was replaced by the fallback anyway). */
  fail?: string;
  /** HMAC-SHA-256 (hex) of the value before, under the workspace key. */
  digest: string;
  /** The value before, masked (`j***@***.org`, `call me at +** ** **** **58`). */
  preview: string;
}

/** Dates as people write them, for generalisation: ISO, d/m/y or m/d/y, and month names. */
const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$|^((?:18|19|20|21)\d{2})(\d{2})(\d{2})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/;
const MONTH_DAY_YEAR = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;

const monthOf = (name: string): number => {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? 0 : i + 1;
};

/**
 * A date to its year or month. ISO first (also with / or . between the parts, or none: 19840307); otherwise d/m/y or m/d/y (the year is the same either
 * way; the month only when one part is over 12) and dates with month names.
 */
export function generaliseAnyDate(v: string, to: 'year' | 'month'): OperatorOutcome {
  const iso = generaliseDate(v, to);
  if ('value' in iso) return iso;
  const t = v.trim();
  const ymd = YEAR_FIRST.exec(t);
  if (ymd) return generaliseDate(`${ymd[1] ?? ymd[4]}-${(ymd[2] ?? ymd[5] ?? '').padStart(2, '0')}-${(ymd[3] ?? ymd[6] ?? '').padStart(2, '0')}`, to);
  let year: string | undefined;
  let month = 0;
  let day = 0;
  const n = NUMERIC_DATE.exec(t);
  const dmy = DAY_MONTH_YEAR.exec(t);
  const mdy = MONTH_DAY_YEAR.exec(t);
  if (n) {
    const [a, b] = [Number(n[1]), Number(n[2])];
    year = n[3];
    if (a > 12 && b <= 12) [day, month] = [a, b];
    else if (b > 12 && a <= 12) [day, month] = [b, a];
    else if (a <= 12 && b <= 12) {
      if (to === 'month' && a !== b) return fail('day and month could be either way round (write the date as ISO first: a coerce_date step)');
      [day, month] = [Math.max(a, b), Math.min(a, b)];
    } else return fail('not a date in the calendar');
  } else if (dmy) [day, month, year] = [Number(dmy[1]), monthOf(dmy[2] ?? ''), dmy[3]];
  else if (mdy) [month, day, year] = [monthOf(mdy[1] ?? ''), Number(mdy[2]), mdy[3]];
  if (year === undefined) return iso;
  if (month < 1 || day < 1 || day > 31) return fail('not a date in the calendar');
  return generaliseDate(`${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, 28)).padStart(2, '0')}`, to);
}

/** The operator on one value, generalisation reading dates in more shapes than ISO. */
export function deidentifyValue(v: string, spec: OperatorSpec, key: Uint8Array): OperatorOutcome {
  if (spec.op !== 'generalise' || v.trim() === '') return applyOperator(v, spec, key);
  switch (spec.kind) {
    case 'date_year': return generaliseAnyDate(v, 'year');
    case 'date_month': return generaliseAnyDate(v, 'month');
    case 'birth_year': {
      const y = generaliseAnyDate(v, 'year');
      return 'value' in y ? birthYear(y.value, spec.asOf ?? currentYear()) : y;
    }
    case 'age_band': return ageBand(v, { width: spec.width ?? 10 });
    case 'zip3': return zip3(v);
  }
}

/** The value replaced whole; a value the operator cannot read gets the fallback and its reason. */
function cellValue(v: string, spec: OperatorSpec, key: Uint8Array, entity: string, fallback: CellBatch['fallback']): { v: string; fail?: string } {
  const out = deidentifyValue(v, spec, key);
  if ('value' in out) return { v: out.value };
  return { v: fallback === 'token' ? typeToken(entity) : '', fail: out.fail };
}

/** Code points, as finding offsets count them. */
const codePoints = (v: string): string[] => Array.from(v);

/**
 * Each span replaced by its entity's operator (right to left, so earlier offsets hold). The preview
 * is the masked spans alone, in text order, joined by " … ": the text around them never goes into
 * the ledger's preview (whatever detection missed there is only in the output, as `after`).
 */
function spanValue(v: string, findings: Finding[], specs: Partial<Record<OperatorKey, OperatorSpec>>, key: Uint8Array): { v: string; preview: string; fail?: string } {
  const cps = codePoints(v);
  const out = [...cps];
  const shown: string[] = [];
  const fails: string[] = [];
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    const spec = specs[f.entity] ?? specs.default;
    if (!spec) continue;
    const text = cps.slice(f.start, f.end).join('');
    const r = deidentifyValue(text, spec, key);
    let replacement: string;
    if ('value' in r) replacement = r.value;
    else {
      replacement = typeToken(f.entity);
      fails.push(`${f.entity}: ${r.fail}`);
    }
    out.splice(f.start, f.end - f.start, replacement);
    shown.unshift(maskedPreview(text, f.entity));
  }
  return { v: out.join(''), preview: shown.join(' … '), ...(fails.length > 0 ? { fail: fails.join('; ') } : {}) };
}

function parseSpec(s: OperatorSpecInput): OperatorSpec {
  return operatorSpecSchema.parse(s);
}

/**
 * The batch task: per value its outcome, or null where the step leaves it as it is (most values of
 * free text: only changed values cross back from the worker). A bad key or spec throws: the step
 * compiler built them, so it is a bug, not data.
 */
export function deidentifyValues(batch: DeidBatch): (DeidOutcome | null)[] {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(batch.key) || batch.key.length < MIN_KEY_BYTES * 2) throw new Error(`the key is not hex of at least ${MIN_KEY_BYTES} bytes`);
  const key = Buffer.from(batch.key, 'hex');
  if (batch.mode === 'cell') {
    const spec = parseSpec(batch.spec);
    return batch.values.map((v) => {
      const r = cellValue(v, spec, key, batch.entity, batch.fallback);
      return r.v === v && r.fail === undefined ? null : { ...r, digest: keyedDigest(v, key), preview: maskedPreview(v, batch.entity) };
    });
  }
  const specs: Partial<Record<OperatorKey, OperatorSpec>> = {};
  for (const [k, s] of Object.entries(batch.operators)) if (s) specs[k as OperatorKey] = parseSpec(s);
  const ctx = batch.header === '' ? { regions: batch.regions } : { header: batch.header, regions: batch.regions };
  const acts = (f: RawFinding) => f.confidence >= batch.minConfidence && (specs[f.entity] ?? specs.default) !== undefined;
  return batch.values.map((v, i) => {
    const overrides = batch.overrides?.[i];
    // Filtered before overlaps are resolved, so a finding inside a longer one the step ignores still counts.
    const found = overrides ? decidedFindings(v, overrides, ctx, specs, acts) : scanText(v, ctx, RECOGNISERS, acts);
    if (found.length === 0) return null;
    const r = spanValue(v, found, specs, key);
    return r.v === v && r.fail === undefined ? null : { ...r, digest: keyedDigest(v, key) };
  });
}

/** Code-point offset → UTF-16 offset in `v`. */
function utf16At(v: string, cp: number): number {
  return Array.from(v).slice(0, cp).join('').length;
}

/**
 * The findings a span step acts on in a value a reviewer decided on: the scan's, less any lying
 * inside a rejected span (whatever its entity or confidence: the reviewer said the text there is
 * not personal data), plus each accepted span the step has an operator for, whatever the
 * recognisers now give it. A longer finding that merely contains a rejected span is a different
 * claim and still counts. An accepted span that overlaps others is merged with them into one span
 * of its entity (fail closed: nothing either one covered is left).
 */
function decidedFindings(
  v: string, overrides: SpanOverride[], ctx: { header?: string; regions: string[] }, specs: Partial<Record<OperatorKey, OperatorSpec>>, acts: (f: RawFinding) => boolean,
): Finding[] {
  const rejected = overrides.filter((o) => o.decision === 'rejected').map((o) => ({ start: utf16At(v, o.start), end: utf16At(v, o.end) }));
  const keep = (f: RawFinding) => acts(f) && !rejected.some((r) => f.start >= r.start && f.end <= r.end);
  const found: Finding[] = scanText(v, ctx, RECOGNISERS, keep);
  const accepted: Finding[] = overrides
    .filter((o) => o.decision === 'accepted' && (specs[o.entity] ?? specs.default) !== undefined)
    .map((o) => ({ entity: o.entity, start: o.start, end: o.end, confidence: 1, recogniser: 'review', explanation: { notes: ['accepted by a reviewer'] } }));
  if (accepted.length === 0) return found;
  const all = [...accepted, ...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  for (const f of all) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      // Accepted spans come first among equal starts, so a merged span keeps the reviewer's entity.
      out[out.length - 1] = { ...last, end: Math.max(last.end, f.end), entity: last.recogniser === 'review' || f.recogniser !== 'review' ? last.entity : f.entity, recogniser: 'review' };
    } else out.push(f);
  }
  return out;
}

/**
 * Where each code point of `from` went in `to`, when `to` is `from` with some whitespace removed or
 * changed into other whitespace (a trim, a collapse of runs of spaces): -1 for a removed one. Null
 * when `to` is not such a change of `from`.
 */
function whitespaceShift(from: string[], to: string[]): number[] | null {
  const ws = (c: string | undefined) => c !== undefined && /^\s$/u.test(c);
  const map: number[] = [];
  let j = 0;
  for (const c of from) {
    const t = to[j];
    if (t === c || (ws(c) && ws(t))) map.push(j++);
    else if (ws(c)) map.push(-1);
    else return null;
  }
  return j === to.length ? map : null;
}

/**
 * The span moved by a whitespace-only change of its cell (whitespaceShift): from the first to the
 * last of its code points still there. Its own whitespace may have changed with the cell's (a
 * collapsed "Jo  Smith" is "Jo Smith"); anything else means the change is not understood: null.
 */
function shifted(cps: string[], d: { start: number; end: number; text: string; cell?: string }): { start: number; end: number } | null {
  if (d.cell === undefined || d.end <= d.start) return null;
  const kept = (whitespaceShift(Array.from(d.cell), cps) ?? []).slice(d.start, d.end).filter((j) => j >= 0);
  const start = kept[0];
  const last = kept[kept.length - 1];
  if (start === undefined || last === undefined) return null;
  return whitespaceShift(Array.from(d.text), cps.slice(start, last + 1)) ? { start, end: last + 1 } : null;
}

/** A letter, digit or combining mark: what a word is made of (Unicode-aware). */
const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const isWord = (c: string | undefined): boolean => c !== undefined && WORD.test(c);

/**
 * Where a decided span is in a cell as the run sees it now: at its recorded offsets when the text
 * there is still the span's text; else, when an earlier step only removed or changed whitespace
 * (trimmed, collapsed spaces) and the input version's cell is known, at its offsets mapped through
 * that change; otherwise (re-cased around it, say) wherever that text occurs as a whole token — not
 * inside a longer word: an accepted "Al" is not the start of "Also" — every occurrence for an
 * accepted span (it is masked wherever it went), the one occurrence for a rejected span (left
 * alone only where that is unambiguous). Empty when the span's text is gone.
 */
export function locateDecided(v: string, d: { start: number; end: number; text: string; decision: 'accepted' | 'rejected'; cell?: string }): { start: number; end: number }[] {
  const cps = Array.from(v);
  const want = Array.from(d.text);
  if (want.length === 0) return [];
  if (cps.slice(d.start, d.end).join('') === d.text) return [{ start: d.start, end: d.end }];
  const moved = shifted(cps, d);
  if (moved) return [moved];
  // A span edge that is part of a word must meet a non-word (or the cell's edge) on its outer side.
  const bounded = (i: number) => !(isWord(want[0]) && isWord(cps[i - 1])) && !(isWord(want[want.length - 1]) && isWord(cps[i + want.length]));
  const at: { start: number; end: number }[] = [];
  for (let i = 0; i + want.length <= cps.length; i++) {
    if (want.every((c, k) => cps[i + k] === c) && bounded(i)) at.push({ start: i, end: i + want.length });
  }
  return d.decision === 'accepted' || at.length === 1 ? at : [];
}

/** Whether a finding covers the whole (trimmed) value: what a column of that entity holds. */
export function isWhole(v: string, f: Finding): boolean {
  const lead = codePoints(v).length - codePoints(v.trimStart()).length;
  const end = codePoints(v.trimEnd()).length;
  return f.start <= lead && f.end >= end;
}

/**
 * The keyed digest and masked preview of each value: what the ledger keeps instead of a value an
 * earlier cleaning step saw in a cell a de-identification step later replaced (task 'pii.ledgerMasks').
 */
export function ledgerMasks(batch: BatchBase): { digest: string; preview: string }[] {
  const key = Buffer.from(batch.key, 'hex');
  if (key.length < MIN_KEY_BYTES) throw new Error(`the key is not hex of at least ${MIN_KEY_BYTES} bytes`);
  return batch.values.map((v) => ({ digest: keyedDigest(v, key), preview: maskedPreview(v, v.includes('@') ? 'EMAIL' : 'generic') }));
}
