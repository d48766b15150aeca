// US Social Security numbers: 3-2-4 digits with valid area (not 000, 666, 900–999), group (not 00)
// and serial (not 0000); the advertising and sample numbers SSA voided are refused. Nine bare
// digits are reported only with evidence — too many product codes look the same.

import { contextWords, finding, hasEvidence, matches } from '../evidence';
import { afterIsbnWord } from '../lookalikes';
import type { RawFinding, Recogniser } from '../types';

const PATTERN = /(?<![\w-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\w-]|[.,]\d)/g;
const WORDS = contextWords(['ssn', 'ssns', 'social security', 'social', 'ss#', 'ss no', 'taxpayer']);
// 078-05-1120 (the Woolworth wallet card) and 123-45-6789 (SSA's own advertising example) were voided.
const VOIDED = new Set(['078051120', '123456789', '219099999']);

export function validSsn(area: string, group: string, serial: string): string | undefined {
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900) return `area ${area} is never issued`;
  if (group === '00') return 'group 00 is never issued';
  if (serial === '0000') return 'serial 0000 is never issued';
  const all = area + group + serial;
  if (/^(\d)\1{8}$/.test(all)) return 'one repeated digit';
  if (VOIDED.has(all)) return 'a voided advertising number';
  return undefined;
}

export const usSsn: Recogniser = {
  id: 'us-ssn',
  entity: 'US_SSN',
  // Needs nine digits.
  gate: (t) => t.digits >= 9,
  find(text, ctx) {
    const out: RawFinding[] = [];
    for (const m of matches(PATTERN, text)) {
      const [raw, area = '', sep = '', group = '', serial = ''] = m;
      if (validSsn(area, group, serial) !== undefined) continue;
      const end = m.index + raw.length;
      if (afterIsbnWord(text, m.index)) continue;
      const ev = WORDS.near(text, m.index, end, ctx);
      if (sep === '' && !hasEvidence(ev)) continue;
      const base = sep === '-' ? 0.6 : sep === ' ' ? 0.5 : 0.45;
      const shape = sep === '-' ? 'ddd-dd-dddd' : sep === ' ' ? 'ddd dd dddd' : 'ddddddddd';
      out.push(finding(usSsn, m.index, end, { base, boost: 0.35 }, ev, { pattern: `ssn (${shape})`, checksum: 'area/group/serial ranges' }));
    }
    return out;
  },
  examples: {
    found: ['SSN: 536-22-8726', '536 22 8726'],
    ignored: ['000-12-3456', '666-12-3456', '912-12-3456', '536-00-8726', '536-22-0000', '078-05-1120', '536228726', '536-22-8726-1'],
  },
};
