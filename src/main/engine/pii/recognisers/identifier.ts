// Other identifying numbers (HIPAA's record, plan, account, licence, vehicle and device numbers),
// by the label nearest before them or the header, plus shape: 5–20 letters and digits with at
// least two digits. Where a number has a check digit it is validated and said so: VIN (reported
// even without a label when the check digit holds), NHS number (mod 11), IMEI (Luhn), Medicare
// MBI (its letter/digit structure). The explanation names the kind, e.g. notes ['medical record number'].

import { luhn, nhsCheck, vinCheck } from '../checksums';
import { finding, type Evidence } from '../evidence';
import { idTokens, labelOf, type LabelKind } from '../id-labels';
import { afterIsbnWord, looksLikeDate, looksLikeIsbn } from '../lookalikes';
import type { RawFinding, Recogniser } from '../types';

const KIND_NAMES: Partial<Record<LabelKind, string>> = {
  mrn: 'medical record number',
  health: 'health-plan or beneficiary number',
  account: 'account number',
  certificate: 'certificate or licence number',
  vehicle: 'vehicle identifier',
  plate: 'vehicle licence plate',
  device: 'device or serial number',
};

const MBI = /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d{2}$/;
// UK plates (AB12 CDE) are the one shape with a space; other plates are one token.
const UK_PLATE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2} ?[A-Z]{3}(?![\p{L}\p{N}])/gu;

interface Check {
  checksum?: string;
  note?: string;
}

function check(kind: LabelKind, compact: string): Check | undefined {
  if (kind === 'vehicle' && compact.length === 17) return vinCheck(compact) ? { checksum: 'VIN check digit', note: 'VIN' } : { note: 'VIN shape, no check digit (outside North America)' };
  if (kind === 'mrn' && nhsCheck(compact)) return { checksum: 'NHS number mod 11', note: 'NHS number' };
  if (kind === 'device' && /^\d{15}$/.test(compact) && luhn(compact)) return { checksum: 'Luhn', note: 'IMEI' };
  if (kind === 'health' && MBI.test(compact)) return { checksum: 'Medicare MBI structure', note: 'Medicare Beneficiary Identifier' };
  return undefined;
}

/** A VIN with no label at all: 17 characters, letters and digits mixed, check digit holding. */
function bareVin(compact: string): boolean {
  if (compact.length !== 17 || !vinCheck(compact) || /^(.)\1+$/.test(compact)) return false;
  const digits = compact.replace(/\D/g, '').length;
  return digits >= 2 && digits <= 15;
}

function lookalike(text: string, raw: string, start: number): boolean {
  return looksLikeDate(raw) || looksLikeIsbn(raw) || afterIsbnWord(text, start);
}

export const identifier: Recogniser = {
  id: 'identifier',
  entity: 'IDENTIFIER',
  // Needs tokens with two digits at least; a UK plate holds two.
  gate: (t) => t.digits >= 2,
  find(text, ctx) {
    const out: RawFinding[] = [];
    const candidates = idTokens(text, 5, 20, 2).map((t) => ({ start: t.start, end: t.end, raw: t.raw, compact: t.compact, digits: t.digits, spaced: false }));
    UK_PLATE.lastIndex = 0;
    for (let m = UK_PLATE.exec(text); m !== null; m = UK_PLATE.exec(text)) {
      if (m[0].includes(' ')) candidates.push({ start: m.index, end: m.index + m[0].length, raw: m[0], compact: m[0].replace(' ', ''), digits: 2, spaced: true });
    }
    for (const t of candidates) {
      if (lookalike(text, t.raw, t.start)) continue;
      const label = labelOf(text, t.start, ctx);
      const name = label === undefined ? undefined : KIND_NAMES[label.kind];
      if (label === undefined || name === undefined) {
        if (!t.spaced && bareVin(t.compact)) out.push(finding(identifier, t.start, t.end, { base: 0.55, boost: 0 }, { context: [] }, { pattern: 'VIN (17 characters)', checksum: 'VIN check digit', notes: ['vehicle identifier', 'VIN'] }));
        continue;
      }
      if (t.spaced && label.kind !== 'plate') continue;
      if (label.kind === 'plate' && t.compact.length > 10) continue;
      const c = check(label.kind, t.compact);
      const ev: Evidence = label.where === 'header' ? { context: [], header: label.word } : { context: [label.word] };
      const notes = c?.note === undefined ? [name] : [name, c.note];
      const base = c?.checksum !== undefined ? 0.55 : 0.45;
      out.push(finding(identifier, t.start, t.end, { base, boost: 0.35 }, ev, { pattern: `${name} (letters and digits)`, ...(c?.checksum === undefined ? {} : { checksum: c.checksum }), notes }));
    }
    return out.sort((a, b) => a.start - b.start);
  },
  examples: {
    header: 'MRN',
    found: ['00123456', 'MRN-4471-22', 'account no. 12345678', 'VIN 1HGCM82633A004352', '1M8GDM9AXKP042788', 'serial number SN-88213-X', 'plate: AB12 CDE'],
    ignored: ['12', 'ABCDEF', '2024-01-02', 'ISBN 978-3-16-148410-0', 'account balance 12345', '1234'],
  },
};
