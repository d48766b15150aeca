// Postal codes: UK postcodes by the full Royal Mail shape (letters restricted per position),
// Canadian postal codes, and US ZIP / ZIP+4 — the last only with evidence (a header or context
// word, or a state abbreviation just before), since a bare five-digit number is usually not a ZIP.

import { contextWords, finding, hasEvidence, matches, type Evidence } from '../evidence';
import type { RawFinding, Recogniser, ScanContext } from '../types';

// Outward code: A9, A99, A9A, AA9, AA99, AA9A (position 1 not Q V X; 2 not I J Z; the trailing
// letter of A9A from ABCDEFGHJKPSTUW, of AA9A from ABEHMNPRVWXY); inward: 9AA without C I K M O V.
const UK = /(?<![\p{L}\p{N}])(?:GIR ?0AA|[A-PR-UWYZ](?:\d[\dA-HJKPSTUW]?|[A-HK-Y]\d[\dABEHMNPRV-Y]?) ?\d[ABD-HJLNP-UW-Z]{2})(?![\p{L}\p{N}])/gu;
// Lower-case postcodes ('sw1a 1aa') are read only in a column whose header says postcode.
const UK_ANY_CASE = new RegExp(UK.source, 'giu');
const CA = /(?<![\p{L}\p{N}])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d(?![\p{L}\p{N}])/gu;
const ZIP = /(?<![\w.,-])(\d{5})(?:-\d{4})?(?![\w]|[.,-]\d)/g;
const STATE_BEFORE = /\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]|PR),?\s+$/;
const WORDS = contextWords(['zip', 'zipcode', 'zip code', 'postal', 'postcode', 'post code', 'postal code', 'plz', 'code postal']);

function zipEvidence(text: string, start: number, end: number, ctx: ScanContext): Evidence {
  const ev = WORDS.near(text, start, end, ctx);
  const state = STATE_BEFORE.exec(text.slice(Math.max(0, start - 8), start));
  if (state) ev.context = [...ev.context, `state ${state[0].replace(/[,\s]/g, '')}`];
  return ev;
}

export const postalCode: Recogniser = {
  id: 'postal-code',
  entity: 'POSTAL_CODE',
  // Needs every shape (UK, CA, US) holds a digit.
  gate: (t) => t.digits >= 1,
  find(text, ctx) {
    const out: RawFinding[] = [];
    const postcodeColumn = WORDS.inHeader(ctx) !== undefined;
    for (const m of matches(postcodeColumn ? UK_ANY_CASE : UK, text)) {
      const end = m.index + m[0].length;
      const ev = WORDS.near(text, m.index, end, ctx);
      const spaced = m[0].includes(' ');
      out.push(finding(postalCode, m.index, end, { base: spaced ? 0.65 : 0.5, boost: 0.3 }, ev, { pattern: spaced ? 'UK postcode' : 'UK postcode (no space)', notes: ['UK'] }));
    }
    for (const m of matches(CA, text)) {
      const end = m.index + m[0].length;
      const ev = WORDS.near(text, m.index, end, ctx);
      out.push(finding(postalCode, m.index, end, { base: 0.6, boost: 0.3 }, ev, { pattern: 'Canadian postal code', notes: ['CA'] }));
    }
    for (const m of matches(ZIP, text)) {
      if (m[1] === '00000') continue;
      const end = m.index + m[0].length;
      const ev = zipEvidence(text, m.index, end, ctx);
      if (!hasEvidence(ev)) continue;
      const plus4 = m[0].length === 10;
      out.push(finding(postalCode, m.index, end, { base: plus4 ? 0.6 : 0.5, boost: 0.35 }, ev, { pattern: plus4 ? 'US ZIP+4' : 'US ZIP', notes: ['US'] }));
    }
    return out.sort((a, b) => a.start - b.start);
  },
  examples: {
    found: ['SW1A 1AA', 'EC1A 1BB', 'Springfield, IL 62704', 'zip 02139-4307', 'K1A 0B1'],
    ignored: ['62704', 'QA1 1AA', 'SW1A 1CA', '12345-678', 'zip 00000', 'AB12'],
  },
};
