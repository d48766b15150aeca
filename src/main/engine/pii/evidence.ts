// Context evidence shared by the recognisers: words near a span and the column header raise
// confidence, and every finding says which words it saw. Matching is whole-word and
// case-insensitive, so 'card' counts in 'Card no.' but not in 'discarded'.

import type { Explanation, RawFinding, Recogniser, ScanContext } from './types';

/** How far (in UTF-16 units) either side of a span context words are looked for. */
export const CONTEXT_WINDOW = 40;

export interface Evidence {
  context: string[];
  header?: string;
}

export interface ContextWords {
  words: readonly string[];
  near(text: string, start: number, end: number, ctx: ScanContext): Evidence;
  /** The header's evidence alone, e.g. 'column "Zip" mentions "zip"'. */
  inHeader(ctx: ScanContext): string | undefined;
  /** Whether `near` would find any evidence: one pattern for all the words, for the many spans that have none. */
  any(text: string, start: number, end: number, ctx: ScanContext): boolean;
}

function wordBody(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s_-]*');
}

function wordPattern(word: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${wordBody(word)}(?![\\p{L}\\p{N}])`, 'iu');
}

/** 'PhoneNumber', 'phone_no', 'e-mail.address' → 'phone number', 'phone no', 'e-mail address'. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/[_./\\]+/g, ' ')
    .toLowerCase();
}

export function contextWords(words: readonly string[]): ContextWords {
  const patterns = words.map((w) => [w, wordPattern(w)] as const);
  // A scan asks about the same few headers for every cell: remember the answers.
  const headers = new Map<string, string | null>();
  const inHeader = (ctx: ScanContext): string | undefined => {
    if (ctx.header === undefined) return undefined;
    const known = headers.get(ctx.header);
    if (known !== undefined) return known ?? undefined;
    const h = normaliseHeader(ctx.header);
    const hit = patterns.map(([, re]) => re.exec(h)).find((m) => m !== null);
    const said = hit ? `column "${ctx.header}" mentions "${hit[0]}"` : undefined;
    if (headers.size >= 1000) headers.clear();
    headers.set(ctx.header, said ?? null);
    return said;
  };
  const anyWord = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(wordBody).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  return {
    words,
    inHeader,
    any(text, start, end, ctx) {
      const before = text.slice(Math.max(0, start - CONTEXT_WINDOW), start);
      const after = text.slice(end, end + CONTEXT_WINDOW);
      return anyWord.test(before) || anyWord.test(after) || inHeader(ctx) !== undefined;
    },
    near(text, start, end, ctx) {
      const before = text.slice(Math.max(0, start - CONTEXT_WINDOW), start);
      const after = text.slice(end, end + CONTEXT_WINDOW);
      // The words as written (lower-cased), so the trace quotes the text rather than our list.
      const seen = new Set<string>();
      for (const [, re] of patterns) {
        const m = re.exec(before) ?? re.exec(after);
        if (m) seen.add(m[0].toLowerCase());
      }
      const ev: Evidence = { context: [...seen] };
      const header = inHeader(ctx);
      if (header !== undefined) ev.header = header;
      return ev;
    },
  };
}

export function hasEvidence(ev: Evidence): boolean {
  return ev.context.length > 0 || ev.header !== undefined;
}

/** A recogniser's confidence before evidence, and what any evidence adds. */
export interface Scoring {
  base: number;
  boost: number;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Base confidence plus one boost for any evidence (context or header: both say the same thing,
 * so they do not add up), capped at 1 and rounded so outputs are byte-stable.
 */
export function score(s: Scoring, ev: Evidence): number {
  return round2(Math.min(1, s.base + (hasEvidence(ev) ? s.boost : 0)));
}

/**
 * A finding from a recogniser, its explanation carrying the evidence seen and how it was scored.
 * `explanation` becomes the finding's own (the score and evidence are added to it, in that order):
 * pass a fresh object, as every recogniser does with a literal — copying it cost a table scan more
 * than the rest of this function.
 */
export function finding(
  r: Pick<Recogniser, 'id' | 'entity'>,
  start: number,
  end: number,
  scoring: Scoring,
  ev: Evidence,
  explanation: Omit<Explanation, 'context' | 'header' | 'score'>,
): RawFinding {
  const confidence = score(scoring, ev);
  const e: Explanation = {};
  if (explanation.pattern !== undefined) e.pattern = explanation.pattern;
  if (explanation.checksum !== undefined) e.checksum = explanation.checksum;
  if (explanation.column !== undefined) e.column = explanation.column;
  if (explanation.notes !== undefined) e.notes = explanation.notes;
  e.score = { base: scoring.base, evidence: round2(confidence - scoring.base) };
  if (ev.context.length > 0) e.context = ev.context;
  if (ev.header !== undefined) e.header = ev.header;
  return { entity: r.entity, start, end, confidence, recogniser: r.id, explanation: e };
}

/** All matches of a global pattern, with their UTF-16 offsets. */
export function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  if (!re.global) throw new Error('matches() needs a global pattern');
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') re.lastIndex++;
    yield m;
  }
}
