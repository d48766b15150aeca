// Payment card numbers: 12–19 digits (optionally grouped by one kind of separator) that pass Luhn
// and fall in a known issuer's IIN range with one of its lengths. Luhn alone would pass one order
// number in ten; the issuer table is what keeps those out.

import { luhn } from '../checksums';
import { contextWords, finding, hasEvidence, matches } from '../evidence';
import type { RawFinding, Recogniser } from '../types';

const PATTERN = /(?<![\w-])\d(?:[ -]?\d){11,18}(?![\w]|-\d)/g;
const WORDS = contextWords(['card', 'credit', 'debit', 'cc', 'visa', 'mastercard', 'amex', 'american express', 'discover', 'jcb', 'diners', 'unionpay', 'maestro', 'pan', 'payment']);

// Words that name a number as something other than a card; they lower confidence unless a card word is also near.
const NOT_A_CARD = contextWords(['order', 'invoice', 'tracking', 'reference', 'ref', 'sku', 'serial', 'barcode', 'ean', 'isbn', 'imei', 'parcel']);

interface Issuer {
  name: string;
  /** Inclusive prefix ranges, compared on the number's first digits of the same length. */
  ranges: readonly (readonly [string, string])[];
  lengths: readonly number[];
}

// The more specific ranges come first: Discover's co-branded 622126–622925 before UnionPay's 62.
const ISSUERS: readonly Issuer[] = [
  { name: 'Amex', ranges: [['34', '34'], ['37', '37']], lengths: [15] },
  { name: 'Diners Club', ranges: [['300', '305'], ['3095', '3095'], ['36', '36'], ['38', '39']], lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'JCB', ranges: [['3528', '3589']], lengths: [16, 17, 18, 19] },
  { name: 'Visa', ranges: [['4', '4']], lengths: [13, 16, 19] },
  { name: 'Dankort', ranges: [['5019', '5019']], lengths: [16] },
  { name: 'Maestro', ranges: [['5018', '5018'], ['5020', '5020'], ['5038', '5038'], ['5893', '5893'], ['6304', '6304'], ['6759', '6759'], ['6761', '6763']], lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { name: 'Mastercard', ranges: [['51', '55'], ['2221', '2720']], lengths: [16] },
  { name: 'Discover', ranges: [['6011', '6011'], ['622126', '622925'], ['644', '649'], ['65', '65']], lengths: [16, 17, 18, 19] },
  { name: 'UnionPay', ranges: [['62', '62']], lengths: [16, 17, 18, 19] },
];

export function cardIssuer(digits: string): string | undefined {
  for (const issuer of ISSUERS) {
    if (!issuer.lengths.includes(digits.length)) continue;
    const hit = issuer.ranges.some(([lo, hi]) => {
      const p = digits.slice(0, lo.length);
      return p >= lo && p <= hi;
    });
    if (hit) return issuer.name;
  }
  return undefined;
}

export const creditCard: Recogniser = {
  id: 'credit-card',
  entity: 'CREDIT_CARD',
  // Needs twelve digits at least (the shortest Maestro).
  gate: (t) => t.digits >= 12,
  find(text, ctx) {
    const out: RawFinding[] = [];
    for (const m of matches(PATTERN, text)) {
      // One kind of separator: '4111-1111 1111-1111' is two things side by side, not a card.
      if (/ /.test(m[0]) && /-/.test(m[0])) continue;
      // Cards are printed in groups of 3–6 (4-4-4-4, 4-6-5, 4-4-4-4-3); '4 5 6 7 …' is a row of digits.
      if (m[0].split(/[ -]/).some((g) => g.length < 3 || g.length > 6) && /[ -]/.test(m[0])) continue;
      const digits = m[0].replace(/[ -]/g, '');
      const issuer = cardIssuer(digits);
      if (issuer === undefined || !luhn(digits)) continue;
      const end = m.index + m[0].length;
      const ev = WORDS.near(text, m.index, end, ctx);
      const notes = [`issuer ${issuer}`];
      let base = 0.8;
      const against = NOT_A_CARD.near(text, m.index, end, ctx);
      if (!hasEvidence(ev) && hasEvidence(against)) {
        base = 0.5;
        notes.push(`named as something else: ${[...against.context, ...(against.header === undefined ? [] : [against.header])].join(', ')}`);
      }
      out.push(finding(creditCard, m.index, end, { base, boost: 0.15 }, ev, { pattern: 'card number (12–19 digits)', checksum: 'Luhn', notes }));
    }
    return out;
  },
  examples: {
    found: ['4111 1111 1111 1111', 'card 5555-5555-5555-4444', '378282246310005', '2223003122003222'],
    ignored: ['4111 1111 1111 1112', '4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1', '41 11 11 11 11 11 11 11', '1234567812345670', '9999999999999995', '4111-1111 1111-1111'],
  },
};
