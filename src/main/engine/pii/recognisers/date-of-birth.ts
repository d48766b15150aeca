// Dates of birth: a real calendar date (no 30 February) with a year from 1900 to 2099, written
// numerically (1980-03-12, 12/03/1980, 12.03.1980) or with a month name (12 March 1980, March 12,
// 1980), reported only with birth evidence — a context word or a header. Other dates are not PII on
// their own, so no DATE finding is made here.

import { contextWords, finding, hasEvidence, matches } from '../evidence';
import type { RawFinding, Recogniser } from '../types';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const PATTERNS: readonly { name: string; re: RegExp; parts: (m: RegExpExecArray) => [string, string, string][] }[] = [
  { name: 'yyyy-mm-dd', re: /(?<![\w.\-/])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\w]|[.\-/]\d)/g, parts: (m) => [[m[1] ?? '', m[3] ?? '', m[4] ?? '']] },
  // dd/mm/yyyy and mm/dd/yyyy cannot be told apart; either reading that is a real date will do.
  { name: 'dd/mm/yyyy or mm/dd/yyyy', re: /(?<![\w.\-/])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\w]|[.\-/]\d)/g, parts: (m) => [[m[4] ?? '', m[3] ?? '', m[1] ?? ''], [m[4] ?? '', m[1] ?? '', m[3] ?? '']] },
  { name: 'd month yyyy', re: new RegExp(String.raw`(?<![\p{L}\p{N}])(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH})\s+(\d{4})(?![\p{L}\p{N}])`, 'giu'), parts: (m) => [[m[3] ?? '', monthNumber(m[2]), m[1] ?? '']] },
  { name: 'month d, yyyy', re: new RegExp(String.raw`(?<![\p{L}\p{N}])(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![\p{L}\p{N}])`, 'giu'), parts: (m) => [[m[3] ?? '', monthNumber(m[1]), m[2] ?? '']] },
];
const WORDS = contextWords(['dob', 'd.o.b', 'date of birth', 'birth date', 'birthdate', 'birthday', 'born', 'birth', 'geburtsdatum', 'geboren', 'date de naissance', 'né le', 'née le', 'fecha de nacimiento']);

function monthNumber(name: string | undefined): string {
  return String(MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1);
}

// The year bound is fixed, not read from the clock: the same data must give the same findings
// whenever it is scanned (runs are reproducible), and birth evidence is required anyway.
const LAST_YEAR = 2099;

/** A real calendar date with a year from 1900 to 2099. */
export function realBirthDate(y: string, m: string, d: string): boolean {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1900 || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const dateOfBirth: Recogniser = {
  id: 'date-of-birth',
  entity: 'DATE_OF_BIRTH',
  find(text, ctx) {
    const out: RawFinding[] = [];
    for (const p of PATTERNS) {
      for (const m of matches(p.re, text)) {
        if (!p.parts(m).some(([y, mo, d]) => realBirthDate(y, mo, d))) continue;
        const end = m.index + m[0].length;
        const ev = WORDS.near(text, m.index, end, ctx);
        if (!hasEvidence(ev)) continue;
        out.push(finding(dateOfBirth, m.index, end, { base: 0.5, boost: 0.35 }, ev, { pattern: `date (${p.name})`, checksum: 'a real calendar date, year 1900–2099' }));
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
  examples: {
    header: 'Date of birth',
    found: ['1980-03-12', '12/03/1980', '31.12.1999', '12 March 1980', 'Sept. 3rd, 1975'],
    ignored: ['1980-02-30', '31/31/1980', '1850-01-01', '2100-01-01', '1980-13-01', '12 Foo 1980', '1980-03-12-7'],
  },
};
