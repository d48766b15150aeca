// Data-entry noise: how one person becomes one dirty record (missing values, case and
// whitespace noise, mixed date formats, country aliases, JSON schema drift). Every draw comes
// from the record's own stream and never depends on the output format, so all formats of one
// seed hold the same records and share one ground truth.
import { MISSING_TOKENS, MONTHS, STATUSES, formatPhone } from './locales';
import type { Person, Ymd } from './person';
import type { Rng } from './prng';

export const COLUMNS = [
  'customer_id', 'first_name', 'last_name', 'email', 'phone', 'date_of_birth', 'street',
  'city', 'postcode', 'country', 'signup_date', 'balance', 'status', 'notes',
] as const;
export type ColumnName = (typeof COLUMNS)[number];
export const COL = Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as Record<ColumnName, number>;

/** Chance that a cell is missing, per column (overall about 8% of cells; notes are empty half the time). */
const MISSING_BY_NAME: Record<ColumnName, number> = {
  customer_id: 0, first_name: 0.02, last_name: 0.015, email: 0.08, phone: 0.1, date_of_birth: 0.06, street: 0.05,
  city: 0.03, postcode: 0.05, country: 0.04, signup_date: 0.02, balance: 0.03, status: 0.02, notes: 0,
};
const MISSING = COLUMNS.map((c) => MISSING_BY_NAME[c]);
/** Of the missing cells, the share written as a placeholder ("N/A", "NULL", …) rather than left empty. */
const TOKEN_SHARE = 0.12;

/** How a missing value appears in JSON: the key left out, null, or an empty string. */
export type JsonMissing = 'absent' | 'null' | 'empty';
const JSON_MISSING: readonly JsonMissing[] = ['absent', 'null', 'null', 'empty'];

/** Two bits per column of one draw say how that column's missing value appears in JSON. */
export function jsonMissing(bits: number, column: number): JsonMissing {
  return JSON_MISSING[(bits >>> (2 * column)) & 3]!;
}

export interface JsonShape {
  /** Decoded by `jsonMissing` for the cells that are null. */
  missingBits: number;
  balanceAsString: boolean;
  postcodeAsNumber: boolean;
  phoneAsNumber: boolean;
  extras: [string, unknown][];
  shuffled: boolean;
  /** JSON only: street/city/postcode/country under an `address` object. */
  nested: boolean;
}

export interface Rendered {
  /** One cell per column; null is a missing value (an empty CSV field). */
  values: (string | null)[];
  /** Typed values for typed formats (Parquet): the balance in units and the signup date (ISO). */
  balance: number | null;
  signupIso: string | null;
  json: JsonShape;
}

/** Render-time choices that a near duplicate may force. */
export interface RenderOverrides {
  dobFormat?: number;
  nameCase?: 'upper' | 'lower';
  /** The hard profile's: a birth-date spelling of its own, street and city swapped, columns left empty. */
  dobText?: (d: Ymd) => string;
  swapStreetCity?: boolean;
  blank?: readonly ColumnName[];
}

const STATUS_TITLE = Object.fromEntries(STATUSES.map((s) => [s, s[0]!.toUpperCase() + s.slice(1)])) as Record<Person['status'], string>;

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const pad2 = (n: number) => PAD2[n]!;
const iso = (d: Ymd) => `${d.y}-${pad2(d.m)}-${pad2(d.d)}`;

export const DATE_FORMATS = [
  iso,
  (d: Ymd) => `${pad2(d.d)}/${pad2(d.m)}/${d.y}`,
  (d: Ymd) => `${pad2(d.m)}/${pad2(d.d)}/${d.y}`,
  (d: Ymd) => `${pad2(d.d)}.${pad2(d.m)}.${d.y}`,
  (d: Ymd) => `${d.y}${pad2(d.m)}${pad2(d.d)}`,
  (d: Ymd) => `${d.d} ${MONTHS[d.m - 1]} ${d.y}`,
];
const DOB_FORMAT_WEIGHTS = [80, 6, 5, 4, 2, 3];
const DOB_FORMAT_INDEX = DATE_FORMATS.map((_, i) => i);

function caseNoise(rng: Rng, s: string, upper: number, lower: number): string {
  const r = rng.next();
  if (r < upper) return s.toUpperCase();
  if (r < upper + lower) return s.toLowerCase();
  return s;
}

function whitespaceNoise(rng: Rng, s: string, p: number): string {
  if (!rng.chance(p)) return s;
  switch (rng.int(0, 5)) {
    case 0:
      return ` ${s}`;
    case 1:
      return `${s} `;
    case 2:
      return `  ${s}  `;
    case 3:
      return s.includes(' ') ? s.replace(' ', '  ') : `${s}  `;
    case 4:
      return `${s}\u00a0`;
    default:
      return `\t${s}`;
  }
}

/** "1234567.80" → "1,234,567.80" (by hand: locale data differs between Node builds). */
function grouped(plain: string): string {
  const [int = '', frac = ''] = plain.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  return `${sign}${digits.replace(/\B(?=(\d{3})+$)/g, ',')}.${frac}`;
}

function money(rng: Rng, cents: number): string {
  const abs = Math.abs(cents);
  const plain = `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${pad2(abs % 100)}`;
  const r = rng.next();
  if (r < 0.02) return grouped(plain);
  if (r < 0.03) return `$${plain}`;
  if (r < 0.04) return `${plain} EUR`;
  if (r < 0.06) return String(Number(plain));
  return plain;
}

function signupText(rng: Rng, p: Person): string {
  const s = p.signup;
  const r = rng.next();
  if (r < 0.85) return iso(s);
  if (r < 0.95) return `${iso(s)}T${pad2(s.hh)}:${pad2(s.mi)}:${pad2(s.ss)}Z`;
  return `${pad2(s.m)}/${pad2(s.d)}/${s.y}`;
}

function countryText(rng: Rng, p: Person): string {
  const name = rng.chance(0.08) ? rng.pick(p.locale.aliases) : p.locale.country;
  return caseNoise(rng, name, 0.04, 0.05);
}

function jsonShape(rng: Rng): JsonShape {
  const extras: [string, unknown][] = [];
  if (rng.chance(0.03)) {
    switch (rng.int(0, 3)) {
      case 0:
        extras.push(['loyalty_tier', rng.pick(['gold', 'silver', 'bronze'])]);
        break;
      case 1:
        extras.push(['marketing_opt_in', rng.chance(0.5)]);
        break;
      case 2:
        extras.push(['tags', rng.chance(0.5) ? ['vip'] : ['newsletter', 'b2b']]);
        break;
      default:
        extras.push(['middle_name', rng.pick(['A.', 'Marie', 'J', 'Lee'])]);
    }
  }
  return {
    missingBits: rng.u32(),
    balanceAsString: rng.chance(0.015),
    postcodeAsNumber: rng.chance(0.04),
    phoneAsNumber: rng.chance(0.02),
    extras,
    shuffled: rng.chance(0.02),
    nested: rng.chance(0.25),
  };
}

/** Renders a person as a dirty record; `id` is the customer_id the record carries. */
function nameCase(rng: Rng, s: string, o: RenderOverrides): string {
  if (o.nameCase === 'upper') return s.toUpperCase();
  if (o.nameCase === 'lower') return s.toLowerCase();
  return caseNoise(rng, s, 0.03, 0.02);
}

const NO_OVERRIDES: RenderOverrides = {};

export function render(rng: Rng, p: Person, id: string, o: RenderOverrides = NO_OVERRIDES): Rendered {
  const email = `${p.emailLocal}@${p.domain}`;
  const dobFormat = o.dobFormat ?? rng.weighted(DOB_FORMAT_INDEX, DOB_FORMAT_WEIGHTS);
  const raw: string[] = [
    id,
    whitespaceNoise(rng, nameCase(rng, p.first.text, o), 0.015),
    whitespaceNoise(rng, nameCase(rng, p.last.text, o), 0.015),
    rng.chance(0.03) ? email.replace(/^./, (c) => c.toUpperCase()).replace(/@(.)/, (_, c: string) => `@${c.toUpperCase()}`) : email,
    formatPhone(p.phone, p.locale.phone.formats[p.phoneFormat]!),
    (o.dobText ?? DATE_FORMATS[dobFormat]!)(p.dob),
    whitespaceNoise(rng, p.shortStreet ? p.street.short : p.street.full, 0.01),
    whitespaceNoise(rng, caseNoise(rng, p.city, 0.02, 0.03), 0.01),
    rng.chance(0.05) ? p.postcode.replace(' ', '').toLowerCase() : p.postcode,
    whitespaceNoise(rng, countryText(rng, p), 0.01),
    signupText(rng, p),
    money(rng, p.balanceCents),
    caseNoise(rng, STATUS_TITLE[p.status], 0.15, 0.3),
    p.notes ?? '',
  ];
  const values: (string | null)[] = raw;
  let balanceGone = false;
  let signupGone = false;
  for (let i = 0; i < COLUMNS.length; i++) {
    const isMissing = i === COL.notes ? p.notes === null : rng.chance(MISSING[i]!);
    if (isMissing) {
      values[i] = i !== COL.notes && rng.chance(TOKEN_SHARE) ? rng.pick(MISSING_TOKENS) : null;
      if (i === COL.balance) balanceGone = true;
      if (i === COL.signup_date) signupGone = true;
    }
  }
  // After every draw, so that the standard profile's records (which never set these) stay as they were.
  if (o.swapStreetCity) [values[COL.street], values[COL.city]] = [values[COL.city] ?? null, values[COL.street] ?? null];
  for (const c of o.blank ?? []) values[COL[c]] = null;
  return {
    values,
    balance: balanceGone ? null : p.balanceCents / 100,
    signupIso: signupGone ? null : iso(p.signup),
    json: jsonShape(rng),
  };
}
