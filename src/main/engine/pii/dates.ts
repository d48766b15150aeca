// Calendar dates in text, shared by the date recognisers (DATE_OF_BIRTH, DATE): numeric
// (1980-03-12, 12/03/1980, 12.03.1980) or with a month name (12 March 1980, March 12, 1980), each a
// real calendar date (no 30 February) with a year from 1900 to 2099. Whether a date is PII is the
// recogniser's business (evidence); this module only finds them.

import { CONTEXT_WINDOW, matches } from './evidence';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const PATTERNS: readonly { name: string; re: RegExp; parts: (m: RegExpExecArray) => [string, string, string][] }[] = [
  { name: 'yyyy-mm-dd', re: /(?<![\w.\-/])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\w]|[.\-/]\d)/g, parts: (m) => [[m[1] ?? '', m[3] ?? '', m[4] ?? '']] },
  // dd/mm/yyyy and mm/dd/yyyy cannot be told apart; either reading that is a real date will do.
  { name: 'dd/mm/yyyy or mm/dd/yyyy', re: /(?<![\w.\-/])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\w]|[.\-/]\d)/g, parts: (m) => [[m[4] ?? '', m[3] ?? '', m[1] ?? ''], [m[4] ?? '', m[1] ?? '', m[3] ?? '']] },
  { name: 'd month yyyy', re: new RegExp(String.raw`(?<![\p{L}\p{N}])(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH})\s+(\d{4})(?![\p{L}\p{N}])`, 'giu'), parts: (m) => [[m[3] ?? '', monthNumber(m[2]), m[1] ?? '']] },
  { name: 'month d, yyyy', re: new RegExp(String.raw`(?<![\p{L}\p{N}])(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![\p{L}\p{N}])`, 'giu'), parts: (m) => [[m[3] ?? '', monthNumber(m[1]), m[2] ?? '']] },
];

function monthNumber(name: string | undefined): string {
  return String(MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1);
}

// The year bound is fixed, not read from the clock: the same data must give the same findings
// whenever it is scanned (runs are reproducible), and the recognisers require evidence anyway.
const LAST_YEAR = 2099;

/** A real calendar date with a year from 1900 to 2099. */
export function realDate(y: string, m: string, d: string): boolean {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1900 || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface DateSpan {
  start: number;
  end: number;
  /** The shape, for the explanation: 'yyyy-mm-dd', 'd month yyyy', … */
  pattern: string;
}

export const DATE_CHECK = 'a real calendar date, year 1900–2099';

// DATE_OF_BIRTH and DATE both read the dates of the same cell, one after the other: the last
// answer is kept so the four patterns run once per cell. Callers must not modify the array.
let last: { text: string; dates: readonly DateSpan[] } | undefined;

/** Every real date in the text (UTF-16 offsets), in order of start. */
export function findDates(text: string): readonly DateSpan[] {
  if (last?.text === text) return last.dates;
  const dates = scanDates(text);
  last = { text, dates };
  return dates;
}

function scanDates(text: string): DateSpan[] {
  // Every shape needs a digit; most cells of most columns have none or are plain numbers.
  if (!/\d/.test(text)) return [];
  const out: DateSpan[] = [];
  for (const p of PATTERNS) {
    for (const m of matches(p.re, text)) {
      if (p.parts(m).some(([y, mo, d]) => realDate(y, mo, d))) out.push({ start: m.index, end: m.index + m[0].length, pattern: p.name });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// A sentence ends at '.', '!' or '?' before spaces and a capital letter, or at a line break. A '.'
// after an abbreviation ("Dr.", "D.O.B.", "Mrs.", "approx.") ends nothing: its word is one or two
// letters, dotted initials, or one of these.
const SENTENCE_END = /[.!?]\s+(?=\p{Lu})|[\r\n]+/gu;
const WORD_BEFORE = /[^\s([{"“']+$/u;
const SHORT_OR_DOTTED = /^(?:\p{L}\.)*\p{L}{1,2}$/u;
const ABBREVIATIONS = new Set(['mrs', 'mme', 'mlle', 'prof', 'rev', 'capt', 'sgt', 'approx', 'est', 'etc', 'vs', 'inc', 'ltd', 'corp', 'dept', 'tel', 'fax', 'ref', 'nos', 'geb', 'sept', ...MONTHS]);

/** Where the sentences around [lo, hi) of text end: the last end before `from` and the first after `to`. */
function sentenceBounds(text: string, lo: number, hi: number, from: number, to: number): [number, number] {
  let start = lo;
  const part = text.slice(lo, hi);
  for (const m of part.matchAll(SENTENCE_END)) {
    const at = lo + m.index;
    if (m[0][0] === '.') {
      const word = WORD_BEFORE.exec(text.slice(Math.max(0, at - 16), at))?.[0].toLowerCase() ?? '';
      if (SHORT_OR_DOTTED.test(word) || ABBREVIATIONS.has(word)) continue;
    }
    if (at + m[0].length <= from) start = at + m[0].length;
    else if (at >= to) return [start, at];
  }
  return [start, hi];
}

/**
 * The text a date's evidence is read from: the date with what lies between it and its neighbours
 * (at most the context window either side) within its own sentence, so "born 1980-03-12, admitted
 * 2024-01-02" gives the birth word to the first date only, and "Date of service 11/18/2017. DOB 10
 * Sep 2008" gives "DOB" to the second. Offsets of the returned date are into the returned text.
 */
export function ownContext(text: string, dates: readonly DateSpan[], i: number): { text: string; start: number; end: number } {
  const d = dates[i]!;
  const [lo, hi] = sentenceBounds(
    text,
    Math.max(0, d.start - CONTEXT_WINDOW, dates[i - 1]?.end ?? 0),
    Math.min(text.length, d.end + CONTEXT_WINDOW, dates[i + 1]?.start ?? text.length),
    d.start,
    d.end,
  );
  return { text: text.slice(lo, hi), start: d.start - lo, end: d.end - lo };
}
