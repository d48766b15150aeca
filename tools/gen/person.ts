// A customer as they really are (before any data-entry noise): drawn from one PRNG stream per
// entity, so the same entity can be drawn again for a later duplicate without being kept.
import { LOCALES, LOCALE_WEIGHTS, STATUSES, STATUS_WEIGHTS, type Locale, type Name, type Street } from './locales';
import type { Rng } from './prng';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export type Status = (typeof STATUSES)[number];

export interface Person {
  locale: Locale;
  first: Name;
  last: Name;
  emailLocal: string;
  domain: string;
  /** The national significant number, digits only. */
  phone: string;
  phoneFormat: number;
  dob: Ymd;
  street: Street;
  shortStreet: boolean;
  city: string;
  postcode: string;
  signup: Ymd & { hh: number; mi: number; ss: number };
  /** In cents. Outliers are real values too: a mistyped or sentinel balance. */
  balanceCents: number;
  status: Status;
  notes: string | null;
}

/** Balances at or beyond this (in either direction) are outliers; normal ones stay far below. */
export const OUTLIER_ABS = 100_000;
export const OUTLIER_RATE = 0.015;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) => (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS[m - 1]!);

export function randomDate(rng: Rng, fromYear: number, toYear: number): Ymd {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  return { y, m, d: rng.int(1, daysIn(y, m)) };
}

function emailLocal(rng: Rng, first: Name, last: Name, dob: Ymd): string {
  const f = first.key;
  const l = last.key;
  const form = rng.int(0, 7);
  switch (form) {
    case 0:
      return `${f}.${l}`;
    case 1:
      return `${f[0] ?? 'x'}${l}`;
    case 2:
      return `${f}${l}`;
    case 3:
      return `${f}_${l}`;
    case 4:
      return `${f}.${l}${String(dob.y).slice(2)}`;
    case 5:
      return `${l}.${f}`;
    case 6:
      return `${f}${rng.int(1, 999)}`;
    default:
      return `${f}.${l}${rng.int(1, 99)}`;
  }
}

function balanceCents(rng: Rng): number {
  if (rng.chance(OUTLIER_RATE)) {
    switch (rng.int(0, 3)) {
      case 0:
        return rng.int(1_000_000, 99_000_000) * 100 + rng.int(0, 99);
      case 1:
        return -(rng.int(OUTLIER_ABS, 9_000_000) * 100);
      case 2:
        return 99_999_999_999;
      default:
        return rng.int(OUTLIER_ABS + 1, 950_000) * 100;
    }
  }
  if (rng.chance(0.07)) return -rng.int(1, 50_000);
  // A product of uniforms: many small balances, a long tail up to 25,000.
  return Math.floor(rng.next() * rng.next() * rng.next() * 2_500_000);
}

type Drawn = Omit<Person, 'notes' | 'status' | 'balanceCents'>;

const NOTE_KINDS = 16;

/** Free-text notes, some holding personal data (a second e-mail, a card, a phone, a spouse). */
function notes(rng: Rng, p: Drawn): string | null {
  if (rng.chance(0.5)) return null;
  switch (rng.int(0, NOTE_KINDS - 1)) {
    case 0:
      return 'VIP customer';
    case 1:
      return 'Prefers e-mail contact';
    case 2:
      return `Called on ${p.signup.y + 1}-0${rng.int(1, 9)}-1${rng.int(0, 9)}, asked about invoice #${rng.int(10000, 99999)}`;
    case 3:
      return `Moved from ${rng.pick(p.locale.cities).name}`;
    case 4:
      return 'Do not call';
    case 5:
      return `Alt. contact: ${p.emailLocal}@${rng.pick(p.locale.domains)}`;
    case 6:
      return `Spouse: ${rng.pick(p.locale.first).text} ${p.last.text}`;
    case 7:
      return 'Said "call me after 5pm", please';
    case 8:
      return `Complaint, refund issued; see ticket ${rng.int(100, 999)}`;
    case 9:
      return `Card ending ${rng.digits(4)}, expires ${rng.int(1, 12)}/${rng.int(26, 31)}`;
    case 10:
      return `Phone (work): +${p.locale.phone.cc} ${rng.digits(p.locale.phone.nsn)}`;
    case 11:
      return 'Kunde wünscht Rückruf';
    case 12:
      return `Client fidèle depuis ${p.signup.y}`;
    case 13:
      return 'お得意様 — 丁寧に対応';
    case 14:
      return 'First line of the note\nsecond line after a break';
    default:
      return 'Paid in cash; receipt, stamp, signature';
  }
}

/** Draws one person; consumes a fixed prefix of `rng` (rendering continues from it). */
export function drawPerson(rng: Rng): Person {
  const locale = rng.weighted(LOCALES, LOCALE_WEIGHTS);
  const first = rng.pick(locale.first);
  const last = rng.pick(locale.last);
  const dob = randomDate(rng, 1940, 2006);
  const emailLocalPart = emailLocal(rng, first, last, dob);
  const domain = rng.pick(locale.domains);
  const phone = locale.phone.lead + rng.digits(locale.phone.nsn - 1);
  const phoneFormat = rng.int(0, locale.phone.formats.length - 1);
  const street = locale.street(rng);
  const shortStreet = rng.chance(0.15);
  const c = rng.pick(locale.cities);
  const postcode = c.postcode(rng);
  const day = randomDate(rng, 2012, 2025);
  const signup = { y: day.y, m: day.m, d: day.d, hh: rng.int(0, 23), mi: rng.int(0, 59), ss: rng.int(0, 59) };
  // Built as one literal: object spread is a slow path in V8, and this runs once per row.
  const p: Person = {
    locale, first, last, emailLocal: emailLocalPart, domain, phone, phoneFormat, dob, street, shortStreet,
    city: c.name, postcode, signup, balanceCents: 0, status: 'active', notes: null,
  };
  p.balanceCents = balanceCents(rng);
  p.status = rng.weighted(STATUSES, STATUS_WEIGHTS);
  p.notes = notes(rng, p);
  return p;
}

/** A balance for a re-registration (a near duplicate whose balance moved on). */
export function freshBalance(rng: Rng, old: number): number {
  if (Math.abs(old) >= OUTLIER_ABS * 100) return old;
  return Math.max(-50_000, old + rng.int(-20_000, 40_000));
}
