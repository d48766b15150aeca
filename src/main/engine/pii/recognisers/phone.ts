// Phone and fax numbers, found and validated by libphonenumber-js (full metadata, so a number must
// match its region's number plan, not only its length), read with each of the scan's regions in
// turn. Look-alikes libphonenumber accepts are refused here: dates, grouped amounts, ISBNs, card
// numbers, digits glued to letters. A bare digit run is reported only with evidence.

import { isSupportedCountry, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { luhn } from '../checksums';
import { contextWords, finding, hasEvidence } from '../evidence';
import { afterIsbnWord, afterVersionWord, insideUuid, looksLikeAmount, looksLikeDate, looksLikeIsbn } from '../lookalikes';
import type { RawFinding, Recogniser, ScanContext } from '../types';
import { readRun, type RunMemo } from './phone-runs';

const WORDS = contextWords(['phone', 'telephone', 'tel', 'mobile', 'cell', 'call', 'fax', 'contact', 'ph', 'mob', 'sms', 'whatsapp', 'landline', 'telefon', 'mobil', 'handy', 'téléphone', 'tél', 'portable', 'teléfono', 'móvil', 'telefono', 'cellulare']);
const FAX = contextWords(['fax', 'facsimile', 'telefax']);
const VERSION_HEADER = contextWords(['version', 'ver', 'build', 'release', 'firmware']);

/** Four dot-separated numbers up to 255: an IPv4 address (or a version), never a phone number. */
const DOTTED_QUAD = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

// Regions whose national numbers are always written with the trunk prefix 0 ('07930 302786',
// never '7930 302786'); digits read as such a number without it are something else.
const TRUNK_ZERO = new Set(['GB', 'IE', 'DE', 'AT', 'CH', 'FR', 'NL', 'BE', 'AU', 'NZ']);

function trunkPrefixMissing(raw: string, number: PhoneNumber): boolean {
  return !/^\s*(?:\+|00)/.test(raw) && number.country !== undefined && TRUNK_ZERO.has(number.country) && !/^\(?0/.test(raw);
}

/**
 * North American numbers are written 3-3-4 (area code, exchange, line), with or without the
 * separators: digits grouped otherwise ('9808-006614') are an account or reference number that
 * happens to be a valid NANP number. libphonenumber-js cannot check grouping (its leniency stops at VALID).
 */
function nanpGroupingBroken(raw: string, number: PhoneNumber): boolean {
  if (number.countryCallingCode !== '1' || raw.startsWith('+')) return false;
  const groups = raw.replace(/^1[\s.-]?/, '').split(/\D+/).filter(Boolean).map((g) => g.length);
  if (groups.length < 2) return false;
  const cuts = new Set<number>();
  let at = 0;
  for (const g of groups.slice(0, -1)) cuts.add((at += g));
  return [...cuts].some((c) => c !== 3 && c !== 6);
}

function lookalike(text: string, start: number, end: number): string | undefined {
  const raw = text.slice(start, end);
  const digits = raw.replace(/\D/g, '');
  if (/[\p{L}\p{N}_-]/u.test(text[start - 1] ?? '') || /[\p{L}\p{N}_]/u.test(text[end] ?? '')) return 'part of a longer token';
  if (/^[.\-/:]\d/.test(text.slice(end, end + 2))) return 'part of a longer token';
  if (DOTTED_QUAD.test(raw)) return 'an IPv4 address';
  if (looksLikeDate(raw)) return 'a date';
  if (/^(?:19|20)\d\d[-/.]\d\d?[-/.]\d\d?(?:\s|T|$)/.test(raw)) return 'a date and time';
  // 3-2-4 digits is the US SSN's shape; open numbering plans (DE, AT) would read it as a phone.
  if (/^\d{3}-\d{2}-\d{4}$/.test(raw)) return 'SSN-shaped';
  if (looksLikeAmount(raw)) return 'an amount';
  // One dot between digits is a decimal point (51.5074, 40.7128 -74.0060); dotted phones have two or more.
  if (raw.split(/\s+/).some((t) => /^-?\d+\.\d+$/.test(t))) return 'a decimal number';
  if (/^(?:19|20)\d\d\s?[-–]\s?(?:(?:19|20)\d\d|\d\d)$/.test(raw)) return 'a range of years';
  if (looksLikeIsbn(raw) || afterIsbnWord(text, start)) return 'an ISBN';
  if (afterVersionWord(text, start)) return 'a version';
  if (!raw.startsWith('+') && digits.length >= 12 && luhn(digits)) return 'a card-like number';
  if (insideUuid(text, start, end)) return 'part of a UUID';
  return undefined;
}

// Runs of digits and phone punctuation (and ':', so clock times stay whole) holding at least six
// digits: libphonenumber reads only these, which keeps long prose cheap to scan.
const DIGIT_RUN = /[+(]?\d[\d ()./:-]*\d/g;
// A long run (numbers pasted as one line) is read in overlapping windows so libphonenumber's cost
// stays linear; a number touching a window's cut edge is left to the window that holds it whole.
const WINDOW = 256;
const OVERLAP = 64;

interface Run {
  offset: number;
  chunk: string;
  cutStart: boolean;
  cutEnd: boolean;
  memo: RunMemo;
}

/**
 * Runs no finding can come out of, known without asking libphonenumber (its cost dominates a
 * table scan: ids, ISO dates and amounts are digit runs too). In digit groups joined by single
 * hyphens (C000013579, 1991-09-10, 123-45-6789) every shorter span touches a digit or a hyphen-digit
 * and is refused as part of a longer token, so only the whole run could be reported — and not when
 * it is a look-alike itself. In an amount with one to three decimals (3424.01) every span is a
 * decimal, touches the dot and a digit, or has at most three digits: none can be reported.
 */
function hopeless(text: string, m: RegExpExecArray): boolean {
  if (/^\d+\.\d{1,3}$/.test(m[0])) return true;
  // A clock time (10:30:00, as in ISO timestamps): libphonenumber reads no ':' inside a number, so
  // it would only see the two-digit groups, and no number plan has numbers of two digits.
  if (/^\d{1,2}(?::\d{1,2})+$/.test(m[0])) return true;
  return /^\d+(?:-\d+)*$/.test(m[0]) && lookalike(text, m.index, m.index + m[0].length) !== undefined;
}

function* digitRuns(text: string): Generator<Run> {
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m !== null; m = DIGIT_RUN.exec(text)) {
    if (m[0].replace(/\D/g, '').length < 6 || hopeless(text, m)) continue;
    if (m[0].length <= WINDOW) {
      yield { offset: m.index, chunk: m[0], cutStart: false, cutEnd: false, memo: {} };
      continue;
    }
    for (let from = 0; ; from += WINDOW - OVERLAP) {
      const to = Math.min(m[0].length, from + WINDOW);
      yield { offset: m.index + from, chunk: m[0].slice(from, to), cutStart: from > 0, cutEnd: to < m[0].length, memo: {} };
      if (to === m[0].length) break;
    }
  }
}

function regionsOf(regions: readonly string[]): (CountryCode | undefined)[] {
  const ok = regions.filter((r): r is CountryCode => isSupportedCountry(r));
  // Without regions only numbers in international form (+CC …) can be read.
  return ok.length > 0 ? ok : [undefined];
}

function report(text: string, start: number, end: number, number: PhoneNumber, regions: readonly (CountryCode | undefined)[], ri: number, ctx: ScanContext): RawFinding | undefined {
  const region = regions[ri];
  const raw = text.slice(start, end);
  const international = raw.startsWith('+') || raw.startsWith('00');
  const formatted = /[\s().-]/.test(raw);
  const ev = WORDS.near(text, start, end, ctx);
  if (!international && !formatted && !hasEvidence(ev)) return undefined;
  // The explanation is stored with the findings: it names the numbering plan, never the number.
  const notes = [`${number.country ?? 'international'} number`];
  let base = international ? 0.75 : formatted ? 0.6 : 0.5;
  // A national number only the second or later region can read is less likely: open numbering
  // plans (DE, AT) read many digit groups as valid numbers.
  if (!international && ri > 0) {
    base -= 0.1;
    notes.push(`valid only as a ${region ?? '?'} number, not ${regions[0] ?? '?'}`);
  }
  const fax = FAX.near(text, start, end, ctx);
  if (fax.context.length > 0 || fax.header !== undefined) notes.push('fax number (by context)');
  const pattern = international ? 'phone (international form)' : formatted ? 'phone (national, formatted)' : 'phone (bare digits)';
  return finding(phone, start, end, { base, boost: 0.25 }, ev, { pattern, checksum: `libphonenumber valid (${number.country ?? region ?? 'international'})`, notes });
}

export const phone: Recogniser = {
  id: 'phone',
  entity: 'PHONE',
  // Needs only digit runs of six digits or more are read.
  gate: (t) => t.digits >= 6,
  find(text, ctx) {
    const seen = new Set<string>();
    const out: RawFinding[] = [];
    // A version column's dotted numbers are versions (the IP recogniser makes the same call).
    if (VERSION_HEADER.inHeader(ctx) !== undefined) return [];
    const regions = regionsOf(ctx.regions);
    const runs = [...digitRuns(text)];
    // A run a region has already reported whole needs no other region: whatever a later region
    // reads inside it lies inside that finding, and scanText drops findings inside a longer one.
    const whole = new Set<Run>();
    for (const [ri, region] of regions.entries()) {
      for (const run of runs) {
        if (whole.has(run)) continue;
        const { offset, chunk, cutStart, cutEnd } = run;
        // readRun is findPhoneNumbersInText, most runs answered with one parse (phone-runs.ts).
        for (const f of readRun(chunk, region, run.memo)) {
          if ((cutStart && f.startsAt === 0) || (cutEnd && f.endsAt === chunk.length)) continue;
          const start = offset + f.startsAt;
          const end = offset + f.endsAt;
          const key = `${start}:${end}`;
          // The first region that reads a span wins, so the caller's order of regions is the tie-break.
          // (Every match is valid already: findPhoneNumbersInText's default leniency, VALID, checks isValid().)
          if (seen.has(key)) continue;
          seen.add(key);
          if (lookalike(text, start, end) !== undefined || nanpGroupingBroken(text.slice(start, end), f.number) || trunkPrefixMissing(text.slice(start, end), f.number)) continue;
          const r = report(text, start, end, f.number, regions, ri, ctx);
          if (!r) continue;
          out.push(r);
          if (f.startsAt === 0 && f.endsAt === chunk.length) whole.add(run);
        }
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
  examples: {
    found: ['+44 20 7946 0958', '(201) 555-0123', 'Fax: 020 7946 0958'],
    ignored: ['2024-01-02', '2024-01-02 10:30:00', 'at 51.5074, -0.1278', 'from 1999-2004', 'e = 2.71828', '1,234,567.89', '2015550123', '4111 1111 1111 1111', 'ISBN 0-306-40615-2', 'v201-555-0123', 'ref 9808-006614', 'ref 7930-302786', 'blocked 194.199.97.230'],
  },
};
