// Phone and fax numbers, found and validated by libphonenumber-js (full metadata, so a number must
// match its region's number plan, not only its length), read with each of the scan's regions in
// turn. Look-alikes libphonenumber accepts are refused here: dates, grouped amounts, ISBNs, card
// numbers, digits glued to letters. A bare digit run is reported only with evidence.

import { findPhoneNumbersInText, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { luhn } from '../checksums';
import { contextWords, finding, hasEvidence, score } from '../evidence';
import { afterIsbnWord, afterVersionWord, insideUuid, looksLikeAmount, looksLikeDate, looksLikeIsbn } from '../lookalikes';
import type { RawFinding, Recogniser } from '../types';

const WORDS = contextWords(['phone', 'telephone', 'tel', 'mobile', 'cell', 'call', 'fax', 'contact', 'ph', 'mob', 'sms', 'whatsapp', 'telefon', 'téléphone', 'tél', 'landline']);
const FAX = contextWords(['fax', 'facsimile', 'telefax']);

function lookalike(text: string, start: number, end: number): string | undefined {
  const raw = text.slice(start, end);
  const digits = raw.replace(/\D/g, '');
  if (/[\p{L}\p{N}_-]/u.test(text[start - 1] ?? '') || /[\p{L}\p{N}_]/u.test(text[end] ?? '')) return 'part of a longer token';
  if (/^[.\-/]\d/.test(text.slice(end, end + 2))) return 'part of a longer token';
  if (looksLikeDate(raw)) return 'a date';
  // 3-2-4 digits is the US SSN's shape; open numbering plans (DE, AT) would read it as a phone.
  if (/^\d{3}-\d{2}-\d{4}$/.test(raw)) return 'SSN-shaped';
  if (looksLikeAmount(raw)) return 'an amount';
  if (looksLikeIsbn(raw) || afterIsbnWord(text, start)) return 'an ISBN';
  if (afterVersionWord(text, start)) return 'a version';
  if (!raw.startsWith('+') && digits.length >= 12 && luhn(digits)) return 'a card-like number';
  if (insideUuid(text, start, end)) return 'part of a UUID';
  return undefined;
}

function regionsOf(regions: readonly string[]): (CountryCode | undefined)[] {
  const ok = regions.filter((r): r is CountryCode => isSupportedCountry(r));
  // Without regions only numbers in international form (+CC …) can be read.
  return ok.length > 0 ? ok : [undefined];
}

export const phone: Recogniser = {
  id: 'phone',
  entity: 'PHONE',
  find(text, ctx) {
    if (!/\d{2}/.test(text.replace(/[\s().-]/g, ''))) return [];
    const seen = new Set<string>();
    const out: RawFinding[] = [];
    for (const region of regionsOf(ctx.regions)) {
      const found = findPhoneNumbersInText(text, region === undefined ? {} : { defaultCountry: region });
      for (const f of found) {
        const key = `${f.startsAt}:${f.endsAt}`;
        // The first region that reads a span wins, so the caller's order of regions is the tie-break.
        if (seen.has(key) || !f.number.isValid()) continue;
        seen.add(key);
        if (lookalike(text, f.startsAt, f.endsAt) !== undefined) continue;
        const raw = text.slice(f.startsAt, f.endsAt);
        const international = raw.startsWith('+') || raw.startsWith('00');
        const formatted = /[\s().-]/.test(raw);
        const ev = WORDS.near(text, f.startsAt, f.endsAt, ctx);
        if (!international && !formatted && !hasEvidence(ev)) continue;
        const base = international ? 0.75 : formatted ? 0.6 : 0.5;
        const notes = [`${f.number.country ?? 'international'} number ${f.number.number}`];
        const fax = FAX.near(text, f.startsAt, f.endsAt, ctx);
        if (fax.context.length > 0 || fax.header !== undefined) notes.push('fax number (by context)');
        const pattern = international ? 'phone (international form)' : formatted ? 'phone (national, formatted)' : 'phone (bare digits)';
        out.push(finding(phone, f.startsAt, f.endsAt, score(base, ev, 0.25), ev, { pattern, checksum: `libphonenumber valid (${f.number.country ?? region ?? 'international'})`, notes }));
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
  examples: {
    found: ['+44 20 7946 0958', '(201) 555-0123', 'Fax: 020 7946 0958'],
    ignored: ['2024-01-02', '1,234,567.89', '2015550123', '4111 1111 1111 1111', 'ISBN 0-306-40615-2', 'v201-555-0123'],
  },
};
