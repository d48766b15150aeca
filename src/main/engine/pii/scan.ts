// Runs every recogniser over a text, resolves overlapping findings deterministically and reports
// offsets in code points; `scanCells` is the same over a batch of cells, for the worker pool.
//
// Overlap rule: (1) a finding whose span lies inside another finding's longer span is dropped —
// the longer reading explains more of the text, and masking it masks the inner one too (an e-mail
// inside a URL, phone-like digits inside an IBAN); (2) of the rest, findings are taken greedily
// by confidence, then length, then start, then the registry's order, skipping any that overlap one
// already taken. Equal spans from two recognisers are decided by (2).

import { RECOGNISERS } from './registry';
import type { Finding, RawFinding, Recogniser, ScanContext, TextFacts } from './types';

/** Drops findings inside a longer one, in one sweep (by start, longest first) rather than pairwise. */
function dropContained(found: readonly RawFinding[]): RawFinding[] {
  const byStart = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawFinding[] = [];
  let maxEnd = -1;
  let maxEndStart = -1;
  for (const f of byStart) {
    // Every earlier finding starts at or before f; the one reaching furthest contains f if it ends
    // at or after it, and is longer unless it is the very same span.
    if (maxEnd > f.end || (maxEnd === f.end && maxEndStart < f.start)) continue;
    out.push(f);
    if (f.end > maxEnd) {
      maxEnd = f.end;
      maxEndStart = f.start;
    }
  }
  return out;
}

/** Whether [start, end) overlaps any interval of `kept` (sorted by start, pairwise disjoint). */
function overlapsKept(kept: readonly RawFinding[], f: RawFinding): { at: number; overlaps: boolean } {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((kept[mid]?.start ?? 0) < f.start) lo = mid + 1;
    else hi = mid;
  }
  const before = kept[lo - 1];
  const after = kept[lo];
  return { at: lo, overlaps: (before !== undefined && before.end > f.start) || (after !== undefined && after.start < f.end) };
}

export function resolveOverlaps(found: readonly RawFinding[], order: readonly string[] = RECOGNISERS.map((r) => r.id)): RawFinding[] {
  const rank = (f: RawFinding): number => {
    const i = order.indexOf(f.recogniser);
    return i < 0 ? order.length : i;
  };
  const candidates = dropContained(found);
  candidates.sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start || rank(a) - rank(b));
  const kept: RawFinding[] = [];
  for (const f of candidates) {
    const { at, overlaps } = overlapsKept(kept, f);
    if (!overlaps) kept.splice(at, 0, f);
  }
  return kept;
}

/** UTF-16 offset → code point offset, for every offset of the text (none needed without surrogates). */
function codePointIndex(text: string): ((i: number) => number) | undefined {
  if (!/[\uD800-\uDFFF]/.test(text)) return undefined;
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++, cp++) {
    map[i] = cp;
    // A surrogate pair is one code point; a lone surrogate counts as one, as string iteration counts it.
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) map[++i] = cp;
  }
  map[text.length] = cp;
  return (i) => map[i] ?? cp;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The facts every recogniser's gate reads, in one pass over the text. */
export function textFacts(text: string): TextFacts {
  let digits = 0;
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c >= 65 && c <= 90) upper = true;
  }
  return { text, digits, upper };
}

/**
 * `keep` drops findings before overlaps are resolved: a caller that acts only on some findings
 * (a confidence floor, entities with an operator) must not lose an inner finding to a longer one
 * it will then ignore — a card number inside a URL the step leaves alone.
 */
export function scanText(text: string, ctx: ScanContext, recognisers: readonly Recogniser[] = RECOGNISERS, keep?: (f: RawFinding) => boolean): Finding[] {
  if (text.trim() === '') return [];
  const facts = textFacts(text);
  const found: RawFinding[] = [];
  for (const r of recognisers) {
    if (r.gate !== undefined && !r.gate(facts)) continue;
    for (const f of r.find(text, ctx)) if (keep === undefined || keep(f)) found.push(f);
  }
  const kept = resolveOverlaps(found, recognisers.map((r) => r.id));
  const toCp = codePointIndex(text);
  return toCp === undefined ? kept : kept.map((f) => ({ ...f, start: toCp(f.start), end: toCp(f.end) }));
}

export interface ScanCellsInput {
  values: string[];
  /** One header for the whole batch (one column's cells)… */
  header?: string;
  /** …or one per value (cells of several columns); wins over `header`. */
  headers?: (string | null)[];
  regions: string[];
}

/** Findings per cell, in the order of `values`: the worker pool's 'pii.scanCells' task. */
export function scanCells(input: ScanCellsInput): Finding[][] {
  return input.values.map((v, i) => {
    const header = input.headers?.[i] ?? input.header;
    return scanText(v, header === undefined || header === null ? { regions: input.regions } : { header, regions: input.regions });
  });
}
