// IBANs: country code, two check digits and a BBAN, printed in groups of four or compact. Valid
// only with a known country, its exact length and ISO 7064 mod-97 = 1 (one random string in 97
// passes the checksum alone; with the country and length as well, a chance match is rare, hence
// the high base confidence). Hyphenated and lower-case IBANs are left out.

import { ibanMod97 } from '../checksums';
import { contextWords, finding, matches } from '../evidence';
import type { RawFinding, Recogniser } from '../types';

// From the SWIFT IBAN registry (countries whose lengths have been stable for years).
const LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HR: 21, HU: 28, IE: 22, IL: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LI: 21, LT: 20, LU: 20, LV: 21,
  MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SE: 24, SI: 19, SK: 24, SM: 27, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

const PATTERN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{1,4}){3,8}(?![A-Za-z0-9])/g;
const WORDS = contextWords(['iban', 'account', 'bank', 'konto', 'compte', 'sepa', 'transfer']);

/** The end (UTF-16) of the country's exact length within a candidate, if it ends on a group boundary. */
function cut(text: string, start: number, candidateEnd: number, length: number): { end: number; compact: string } | undefined {
  let compact = '';
  let i = start;
  for (; i < candidateEnd && compact.length < length; i++) if (text[i] !== ' ') compact += text[i];
  if (compact.length !== length) return undefined;
  if (i < candidateEnd && text[i] !== ' ') return undefined;
  return { end: i, compact };
}

export const iban: Recogniser = {
  id: 'iban',
  entity: 'IBAN',
  // Needs two capital letters, two check digits.
  gate: (t) => t.digits >= 2 && t.upper,
  find(text, ctx) {
    const out: RawFinding[] = [];
    for (const m of matches(PATTERN, text)) {
      const length = LENGTHS[m[0].slice(0, 2)];
      if (length === undefined) continue;
      const c = cut(text, m.index, m.index + m[0].length, length);
      if (c === undefined) continue;
      const check = Number(c.compact.slice(2, 4));
      if (check < 2 || check > 98 || ibanMod97(c.compact) !== 1) continue;
      const ev = WORDS.near(text, m.index, c.end, ctx);
      out.push(finding(iban, m.index, c.end, { base: 0.9, boost: 0.1 }, ev, { pattern: `IBAN (${m[0].slice(0, 2)}, ${length} characters)`, checksum: 'mod-97' }));
    }
    return out;
  },
  examples: {
    found: ['GB82 WEST 1234 5698 7654 32', 'DE89370400440532013000', 'IBAN: FR14 2004 1010 0505 0001 3M02 606'],
    ignored: ['GB82 WEST 1234 5698 7654 33', 'DE8937040044053201300', 'XX89370400440532013000', 'GB82WEST12345698765432X'],
  },
};
