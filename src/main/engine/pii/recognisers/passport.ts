// Passport numbers, only where a label says so ("Passport No: 123456789", a "Passport" column):
// US (9 digits, or a letter and 8 digits), UK (9 digits), and the generic 1–2 letters + 6–9 digits
// most countries use, or 8–9 letters and digits (DE: C01X00T47). The label must be the nearest
// one before the number (id-labels.ts), so a driver's licence next to it is not a passport.

import { finding, type Evidence } from '../evidence';
import { idTokens, labelOf } from '../id-labels';
import { looksLikeDate } from '../lookalikes';
import type { RawFinding, Recogniser } from '../types';

function shape(compact: string): string | undefined {
  if (/^\d{9}$/.test(compact)) return 'US or UK passport (9 digits)';
  if (/^[A-Z]\d{8}$/.test(compact)) return 'US passport (letter + 8 digits)';
  if (/^[A-Z]{1,2}\d{6,9}$/.test(compact)) return 'passport (1–2 letters + 6–9 digits)';
  if (/^[A-Z0-9]{8,9}$/.test(compact) && /[A-Z]/.test(compact) && /\d.*\d/.test(compact)) return 'passport (8–9 letters and digits)';
  return undefined;
}

export const passport: Recogniser = {
  id: 'passport',
  entity: 'PASSPORT',
  // Needs tokens with two digits at least.
  gate: (t) => t.digits >= 2,
  find(text, ctx) {
    const out: RawFinding[] = [];
    for (const t of idTokens(text, 7, 11, 2)) {
      if (t.raw.includes('/') || looksLikeDate(t.raw)) continue;
      const s = shape(t.compact);
      if (s === undefined) continue;
      const label = labelOf(text, t.start, ctx);
      if (label?.kind !== 'passport') continue;
      const ev: Evidence = label.where === 'header' ? { context: [], header: label.word } : { context: [label.word] };
      out.push(finding(passport, t.start, t.end, { base: 0.5, boost: 0.35 }, ev, { pattern: s }));
    }
    return out;
  },
  examples: {
    header: 'Passport No',
    found: ['123456789', 'A12345678', 'passport: GB1234567', 'C01X00T47'],
    ignored: ['12345', 'ABCDEFGHI', 'DL A1234567', '2024-01-02', 'account 123456789'],
  },
};
