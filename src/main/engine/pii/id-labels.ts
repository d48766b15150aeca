// The labels that name an identification number ("Passport No:", "MRN", "Account #", "VIN",
// "Serial"), shared by the PASSPORT, DRIVER_LICENSE and IDENTIFIER recognisers so that a number
// belongs to the label nearest before it — "Passport 123456789, DL A1234567" gives one of each —
// or else to the column header. One alternation per text window, not one pattern per word.

import { normaliseHeader } from './evidence';
import type { ScanContext } from './types';

export const LABELS = {
  passport: ['passport', 'passport no', 'passport number', 'passport #', 'pass no', 'reisepass', 'passeport', 'pasaporte', 'passaporto', 'paspoort'],
  driver: [
    "driver's license", "driver's licence", 'drivers license', 'drivers licence', 'driver license', 'driver licence', 'driving licence',
    'driving license', 'dl', 'dl#', 'dl no', 'dln', 'führerschein', 'permis de conduire', 'licencia de conducir', 'carnet de conducir', 'patente di guida', 'rijbewijs',
  ],
  mrn: ['mrn', 'medical record', 'medical record number', 'med rec', 'medrec', 'chart number', 'chart no', 'patient id', 'patient number', 'patient no', 'hospital number', 'hospital no', 'nhs number', 'nhs no', 'health record'],
  health: [
    'health plan', 'health plan id', 'member id', 'member number', 'member no', 'membership number', 'beneficiary', 'beneficiary id', 'policy number',
    'policy no', 'insurance id', 'insurance number', 'insurance no', 'subscriber id', 'medicaid', 'medicare', 'mbi', 'group number', 'plan id', 'versichertennummer',
  ],
  account: ['account', 'account number', 'account no', 'acct', 'acct no', 'a/c', 'customer number', 'customer id', 'customer no', 'client id', 'client number', 'kontonummer', 'numéro de compte', 'número de cuenta'],
  certificate: ['certificate', 'certificate number', 'cert no', 'licence no', 'license no', 'license number', 'licence number', 'license #', 'npi', 'dea', 'registration number', 'permit number', 'permit no'],
  vehicle: ['vin', 'vehicle identification number', 'vehicle id', 'chassis number', 'chassis no', 'fahrgestellnummer'],
  plate: ['licence plate', 'license plate', 'number plate', 'plate', 'plate number', 'plate no', 'registration plate', 'reg no', 'vehicle registration', 'kennzeichen', 'immatriculation', 'matrícula', 'targa', 'kenteken'],
  device: ['serial', 'serial number', 'serial no', 's/n', 'sn', 'device id', 'device', 'imei', 'udid', 'asset tag', 'asset id', 'equipment id', 'implant'],
} as const;

export type LabelKind = keyof typeof LABELS;

const KINDS = Object.keys(LABELS) as LabelKind[];

function alternative(word: string): string {
  return word
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/'/g, "['’]?")
    .replace(/ /g, '[\\s_.-]*');
}

// One named group per kind, longest words first inside each, so "driver's license" is read before "license".
const LABEL = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${KINDS.map((k) => `(?<${k}>${[...LABELS[k]].sort((a, b) => b.length - a.length).map(alternative).join('|')})`).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

export interface Label {
  kind: LabelKind;
  /** The label as written (lower case), or the header's evidence. */
  word: string;
  where: 'context' | 'header';
}

function kindOf(m: RegExpExecArray): LabelKind | undefined {
  return KINDS.find((k) => m.groups?.[k] !== undefined);
}

/** How far before a number its label may be. */
const WINDOW = 40;
// Between a label and its number only fillers ("no.", "#", ":") and a few words; never an amount's words or a sentence end.
const NOT_BETWEEN = /[\d!?;]|\.\s|(?<![\p{L}])(?:balance|total|amount|sum|due|paid|price|cost|fee|qty|quantity|count|years?|days?|age|since|opened|created|expires?|valid|until|expiry)(?![\p{L}])/iu;

const FILLERS = /^(?:[.:#=\s-]|(?:no|nr|num|number)(?![\p{L}]))+/iu;

const headerCache = new Map<string, Label | null>();

function headerLabel(header: string): Label | undefined {
  const cached = headerCache.get(header);
  if (cached !== undefined) return cached ?? undefined;
  const h = normaliseHeader(header);
  let found: Label | undefined;
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(h); m !== null; m = LABEL.exec(h)) {
    const kind = kindOf(m);
    if (kind !== undefined) found = { kind, word: `column "${header}" mentions "${m[0]}"`, where: 'header' };
  }
  if (headerCache.size > 1000) headerCache.clear();
  headerCache.set(header, found ?? null);
  return found;
}

/** The label a number at [start, end) belongs to: the nearest one before it in the text, else the header's. */
export function labelOf(text: string, start: number, ctx: ScanContext): Label | undefined {
  const from = Math.max(0, start - WINDOW);
  const before = text.slice(from, start);
  let last: RegExpExecArray | undefined;
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(before); m !== null; m = LABEL.exec(before)) last = m;
  if (last !== undefined) {
    const kind = kindOf(last);
    // "no. 123" is not a sentence end: fillers right after the label ("Driving licence no.:") are skipped first.
    const between = before.slice(last.index + last[0].length).replace(FILLERS, '');
    if (kind !== undefined && !NOT_BETWEEN.test(between)) return { kind, word: last[0].toLowerCase(), where: 'context' };
    if (kind !== undefined) return undefined;
  }
  return ctx.header === undefined ? undefined : headerLabel(ctx.header);
}

export interface IdToken {
  start: number;
  end: number;
  raw: string;
  /** The letters and digits only, upper case. */
  compact: string;
  digits: number;
}

// Letters and digits, with single inner hyphens or slashes; not glued to a longer token or a decimal.
const CANDIDATE = /(?<![\p{L}\p{N}_\-./])[A-Za-z0-9](?:[A-Za-z0-9]|[-/](?=[A-Za-z0-9])){3,29}(?![\p{L}\p{N}_]|[-./,][\p{L}\p{N}])/gu;

/** Candidate identifiers with min..max letters and digits, at least `minDigits` of them digits. */
export function idTokens(text: string, min: number, max: number, minDigits: number): IdToken[] {
  const out: IdToken[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const compact = m[0].replace(/[-/]/g, '').toUpperCase();
    if (compact.length < min || compact.length > max) continue;
    let digits = 0;
    for (let i = 0; i < compact.length; i++) if (compact.charCodeAt(i) >= 48 && compact.charCodeAt(i) <= 57) digits++;
    if (digits < minDigits) continue;
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], compact, digits });
  }
  return out;
}
