// UK National Insurance numbers: two prefix letters, six digits, suffix A–D. HMRC never issues D F
// I Q U V in either prefix letter, O as the second, nor the prefixes BG GB NK KN TN NT ZZ; temporary
// numbers (TN…) and administrative ones are therefore refused.

import { contextWords, finding, matches } from '../evidence';
import type { RawFinding, Recogniser } from '../types';

const PATTERN = /(?<![\p{L}\p{N}])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])( ?)(\d{2})\2(\d{2})\2(\d{2})\2([A-D])(?![\p{L}\p{N}])/gu;
const EXCLUDED = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);
const WORDS = contextWords(['nino', 'ni number', 'ni no', 'national insurance', 'insurance number', 'nin']);

export const ukNino: Recogniser = {
  id: 'uk-nino',
  entity: 'UK_NINO',
  // Needs two capital letters and six digits.
  gate: (t) => t.digits >= 6 && t.upper,
  find(text, ctx) {
    const out: RawFinding[] = [];
    for (const m of matches(PATTERN, text)) {
      if (EXCLUDED.has(m[1] ?? '')) continue;
      const end = m.index + m[0].length;
      const ev = WORDS.near(text, m.index, end, ctx);
      out.push(finding(ukNino, m.index, end, { base: 0.65, boost: 0.3 }, ev, { pattern: m[2] === ' ' ? 'NINO (AB 12 34 56 C)' : 'NINO (AB123456C)', checksum: 'prefix and suffix letters' }));
    }
    return out;
  },
  examples: {
    found: ['AB123456C', 'NI number: JG 10 37 56 A'],
    ignored: ['QQ123456C', 'DA123456A', 'AO123456A', 'GB123456A', 'ZZ123456D', 'AB123456E', 'AB 123456 C', 'AB1234567C'],
  },
};
