// Driving licence numbers, only where a label says so ("Driver's License: …", "DL#", a "Driving
// licence" column): the UK DVLA's 16 characters with their structure checked (surname, birth
// decade, month — +50 for women —, day, year, initials, check letters), and the shapes US states
// use (letters and digits, 5–16 of them, at least four digits: A1234567, 123456789, A123-456-78-901-0),
// and New York's 9 digits written in groups of three (123 456 789).

import { finding, type Evidence } from '../evidence';
import { idTokens, labelOf } from '../id-labels';
import { looksLikeDate } from '../lookalikes';
import type { RawFinding, Recogniser } from '../types';

// MORGA753116SM9IJ, also written MORGA 753116 SM9IJ; the two check characters may be digits (SCHUT759215BL97T).
const DVLA = /(?<![\p{L}\p{N}])[A-Z9]{5} ?\d(?:[05][1-9]|[16][0-2])(?:0[1-9]|[12]\d|3[01])\d ?[A-Z9]{2}\d[A-Z0-9]{2}(?![\p{L}\p{N}])/gu;
// 123 456 789: three groups of three digits, not part of a longer run of groups (a phone's 212 555 0123).
const GROUPED = /(?<!\p{N}[ -]?|[\p{L}.,/])\d{3}([ -])\d{3}\1\d{3}(?![ -]?\p{N}|\p{L}|[.,/]\d)/gu;

/** The surname part: letters, then 9s padding a short name, never a letter after a 9. */
function dvlaSurname(s: string): boolean {
  return /^[A-Z]+9*$/.test(s.slice(0, 5));
}

export const driverLicense: Recogniser = {
  id: 'driver-license',
  entity: 'DRIVER_LICENSE',
  // Needs tokens with four digits at least; a DVLA number holds six.
  gate: (t) => t.digits >= 4,
  find(text, ctx) {
    const out: RawFinding[] = [];
    const taken: [number, number][] = [];
    DVLA.lastIndex = 0;
    for (let m = DVLA.exec(text); m !== null; m = DVLA.exec(text)) {
      if (!dvlaSurname(m[0])) continue;
      const label = labelOf(text, m.index, ctx);
      if (label?.kind !== 'driver') continue;
      const ev: Evidence = label.where === 'header' ? { context: [], header: label.word } : { context: [label.word] };
      out.push(finding(driverLicense, m.index, m.index + m[0].length, { base: 0.6, boost: 0.35 }, ev, { pattern: 'UK DVLA licence (16 characters)', checksum: 'DVLA structure (surname, birth month and day)' }));
      taken.push([m.index, m.index + m[0].length]);
    }
    GROUPED.lastIndex = 0;
    for (let m = GROUPED.exec(text); m !== null; m = GROUPED.exec(text)) {
      const label = labelOf(text, m.index, ctx);
      if (label?.kind !== 'driver') continue;
      const ev: Evidence = label.where === 'header' ? { context: [], header: label.word } : { context: [label.word] };
      out.push(finding(driverLicense, m.index, m.index + m[0].length, { base: 0.45, boost: 0.35 }, ev, { pattern: 'New York licence (9 digits in groups of three)' }));
      taken.push([m.index, m.index + m[0].length]);
    }
    for (const t of idTokens(text, 5, 16, 4)) {
      if (taken.some(([s, e]) => t.start < e && s < t.end) || looksLikeDate(t.raw)) continue;
      const label = labelOf(text, t.start, ctx);
      if (label?.kind !== 'driver') continue;
      const ev: Evidence = label.where === 'header' ? { context: [], header: label.word } : { context: [label.word] };
      out.push(finding(driverLicense, t.start, t.end, { base: 0.45, boost: 0.35 }, ev, { pattern: 'licence number (letters and digits, US state shapes)' }));
    }
    return out.sort((a, b) => a.start - b.start);
  },
  examples: {
    header: "Driver's licence",
    found: ['MORGA753116SM9IJ', 'MORGA 753116 SM9IJ', 'A1234567', 'DL# 123456789', 'A123-456-78-901-0', '371 119 864'],
    ignored: ['MORGA', 'ABC12', 'ABCDEFG', 'passport 123456789', '12/03/1980', 'N/A', '212 555 0123', '1 371 119 864'],
  },
};
