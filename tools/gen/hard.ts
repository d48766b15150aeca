// The `hard` noise profile (`npm run gen -- --noise hard`), a second labelled set so the duplicate
// finder is not tuned to one generator: near duplicates carry two to five edits, several fields at
// once (typos in names, street and city, street↔city swapped, blanked fields, day/month swapped or
// adjacent digits transposed in the birth date, date formats the standard set never writes, a
// changed phone digit, a middle initial); and some new people are look-alikes of an earlier one
// (twins, a household, a junior, a namesake in the same city), who must NOT be matched. Unlike the
// standard profile, no two people share an e-mail address.
import { MONTHS, type Name } from './locales';
import { freshBalance, type Person, type Ymd } from './person';
import type { Rng } from './prng';
import type { RenderOverrides } from './render';
import { EDIT_KINDS, applyEdit, isApplicable, typo, type EditKind } from './variant';

export const NOISE_PROFILES = ['standard', 'hard'] as const;
export type NoiseProfile = (typeof NOISE_PROFILES)[number];
/** Bump when the hard profile's output changes (cached benchmark files carry it in their names). */
export const HARD_VERSION = 2;

/** The hard profile's duplicate rates (the standard one: 7.5 % exact, 3.5 % near). */
export const HARD_RATES = { exact: 0.05, near: 0.1 } as const;
/** Share of new people drawn as a look-alike of an earlier person. */
export const LOOKALIKE_RATE = 0.08;
/** A look-alike's model is one of this many people before it, like a family registering together. */
const LOOKALIKE_WINDOW = 2000;

export const HARD_EDITS = [
  'typos', 'city_typo', 'street_typo', 'swap_fields', 'blank', 'dob_daymonth', 'dob_digits', 'dob_text', 'phone_digit', 'middle',
] as const;
export type HardEdit = (typeof HARD_EDITS)[number];
export type AnyEdit = EditKind | HardEdit;
export const ALL_HARD_EDITS: readonly AnyEdit[] = [...EDIT_KINDS, ...HARD_EDITS];

/** Edits that change the same thing: a variant takes at most one of each group. */
const EXCLUSIVE: readonly (readonly AnyEdit[])[] = [
  ['date', 'dob_text'],
  ['dob_daymonth', 'dob_digits'],
  ['street', 'street_typo'],
  ['phone', 'phone_digit'],
];

/** The columns a `blank` edit may empty: the ones a matcher leans on. */
export const BLANKABLE = ['first_name', 'email', 'phone', 'date_of_birth', 'street', 'postcode'] as const;

const pad2 = (n: number) => String(n).padStart(2, '0');
/** Birth-date spellings the standard profile never writes. */
export const HARD_DATE_FORMATS: readonly ((d: Ymd) => string)[] = [
  (d) => `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][d.m - 1]} ${d.d}, ${d.y}`,
  (d) => `${d.d}-${MONTHS[d.m - 1]}-${String(d.y).slice(2)}`,
  (d) => `${d.y}/${pad2(d.m)}/${pad2(d.d)}`,
  (d) => `${pad2(d.d)}/${pad2(d.m)}/${String(d.y).slice(2)}`,
  (d) => `${d.m}/${d.d}/${d.y}`,
];

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const valid = (d: Ymd) => d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= DAYS[d.m - 1]! && (d.m !== 2 || d.d <= 28 || d.y % 4 === 0) && d.y >= 1900 && d.y <= 2025;
const same = (a: Ymd, b: Ymd) => a.y === b.y && a.m === b.m && a.d === b.d;

/** Two adjacent digits of YYYYMMDD swapped, giving another valid date (e.g. 1987-03-15 → 1978-03-15 or 1987-03-51 → no); null when none does. */
export function transposeDateDigits(rng: Rng, d: Ymd): Ymd | null {
  const s = `${d.y}${pad2(d.m)}${pad2(d.d)}`;
  const options: Ymd[] = [];
  for (let i = 0; i < s.length - 1; i++) {
    if (s[i] === s[i + 1]) continue;
    const t = s.slice(0, i) + s[i + 1]! + s[i]! + s.slice(i + 2);
    const v = { y: Number(t.slice(0, 4)), m: Number(t.slice(4, 6)), d: Number(t.slice(6, 8)) };
    if (valid(v) && !same(v, d)) options.push(v);
  }
  return options.length > 0 ? rng.pick(options) : null;
}

/** Day and month swapped (a DD/MM vs MM/DD mix-up); null when the day is above 12 or equals the month. */
export function swapDayMonth(d: Ymd): Ymd | null {
  return d.d <= 12 && d.d !== d.m ? { y: d.y, m: d.d, d: d.m } : null;
}

const withText = (n: Name, text: string): Name => ({ ...n, text });

export function hardApplicable(p: Person, kind: AnyEdit): boolean {
  switch (kind) {
    case 'city_typo':
      return [...p.city].length >= 4;
    case 'dob_daymonth':
      return swapDayMonth(p.dob) !== null;
    case 'middle':
      return !p.first.text.includes(' ');
    case 'typos':
    case 'street_typo':
    case 'swap_fields':
    case 'blank':
    case 'dob_digits':
    case 'dob_text':
    case 'phone_digit':
      return true;
    default:
      return isApplicable(p, kind);
  }
}

export function applyHardEdit(rng: Rng, p: Person, o: RenderOverrides, kind: AnyEdit): void {
  switch (kind) {
    case 'typos': {
      const kinds = ['typo', 'transpose', 'drop'] as const;
      if ([...p.first.text].length >= 3) p.first = withText(p.first, typo(rng, p.first.text, rng.pick(kinds)));
      if ([...p.last.text].length >= 3) p.last = withText(p.last, typo(rng, p.last.text, rng.pick(kinds)));
      if ([...p.city].length >= 4 && rng.chance(0.5)) p.city = typo(rng, p.city, rng.pick(kinds));
      else p.street = { full: typo(rng, p.street.full, rng.pick(kinds)), short: typo(rng, p.street.short, rng.pick(kinds)) };
      return;
    }
    case 'city_typo':
      p.city = typo(rng, p.city, rng.pick(['typo', 'transpose', 'drop'] as const));
      return;
    case 'street_typo': {
      const k = rng.pick(['typo', 'transpose', 'drop'] as const);
      p.street = { full: typo(rng, p.street.full, k), short: typo(rng, p.street.short, k) };
      return;
    }
    case 'swap_fields':
      o.swapStreetCity = true;
      return;
    case 'blank': {
      const n = rng.weighted([1, 2], [65, 35]);
      const cols = new Set(o.blank ?? []);
      while (cols.size < n + (o.blank?.length ?? 0)) cols.add(rng.pick(BLANKABLE));
      o.blank = [...cols];
      return;
    }
    case 'dob_daymonth':
      p.dob = swapDayMonth(p.dob) ?? p.dob;
      return;
    case 'dob_digits':
      p.dob = transposeDateDigits(rng, p.dob) ?? swapDayMonth(p.dob) ?? { ...p.dob, y: p.dob.y + (p.dob.y < 2000 ? 1 : -1) };
      return;
    case 'dob_text':
      o.dobText = rng.pick(HARD_DATE_FORMATS);
      return;
    case 'phone_digit': {
      const digits = [...p.phone];
      const at = rng.int(1, digits.length - 1);
      digits[at] = String((Number(digits[at]) + rng.int(1, 9)) % 10);
      p.phone = digits.join('');
      return;
    }
    case 'middle':
      p.first = withText(p.first, `${p.first.text} ${rng.pick([...'ABCDEFGHJKLMNPRSTW'])}.`);
      return;
    default:
      applyEdit(rng, p, o, kind);
  }
}

/** A hard near duplicate of `original`: two to five distinct edits, account fields moved on as in the standard profile. */
export function nearDuplicateHard(rng: Rng, original: Person): { person: Person; overrides: RenderOverrides; edits: AnyEdit[] } {
  const person: Person = { ...original };
  const overrides: RenderOverrides = {};
  const count = rng.weighted([2, 3, 4, 5], [25, 35, 25, 15]);
  const edits: AnyEdit[] = [];
  for (let tries = 0; edits.length < count && tries < 200; tries++) {
    const kind = rng.pick(ALL_HARD_EDITS);
    if (edits.includes(kind) || !hardApplicable(person, kind)) continue;
    if (EXCLUSIVE.some((g) => g.includes(kind) && g.some((k) => edits.includes(k)))) continue;
    edits.push(kind);
    applyHardEdit(rng, person, overrides, kind);
  }
  if (rng.chance(0.5)) person.signup = { ...person.signup, y: Math.min(2025, person.signup.y + rng.int(0, 3)), d: Math.min(28, person.signup.d) };
  if (rng.chance(0.3)) person.balanceCents = freshBalance(rng, person.balanceCents);
  if (rng.chance(0.2)) person.status = rng.pick(['active', 'inactive', 'pending', 'closed'] as const);
  if (rng.chance(0.5)) person.notes = null;
  return { person, overrides, edits };
}

/**
 * An e-mail address belongs to one person. The standard profile builds addresses from names
 * alone, so in 100k rows a third of its people share theirs with someone else (a namesake), and a
 * finder that trusts equal addresses pays for it there; the hard profile gives every person's
 * address their own number, so that equal addresses mean what they mean in real data.
 */
export const ownEmail = (local: string, entity: number) => `${local}.${entity + 1}`;

export const LOOKALIKE_KINDS = ['twin', 'household', 'junior', 'namesake'] as const;
export type LookalikeKind = (typeof LOOKALIKE_KINDS)[number];

export interface Lookalike {
  kind: LookalikeKind;
  /** The earlier person (entity index) this one resembles. */
  of: number;
}

/** Whether entity `k` is a look-alike, and of whom; drawn from the entity's own look-alike stream. */
export function drawLookalike(rng: Rng, k: number): Lookalike | null {
  if (k === 0 || !rng.chance(LOOKALIKE_RATE)) return null;
  return { kind: rng.pick(LOOKALIKE_KINDS), of: k - rng.int(1, Math.min(k, LOOKALIKE_WINDOW)) };
}

function otherFirst(rng: Rng, model: Person): Name {
  const names = model.locale.first.filter((n) => n.text !== model.first.text && n.latin[0] !== model.first.latin[0]);
  return rng.pick(names.length > 0 ? names : model.locale.first.filter((n) => n.text !== model.first.text));
}

function emailFor(rng: Rng, first: Name, last: Name, dob: Ymd): string {
  switch (rng.int(0, 3)) {
    case 0:
      return `${first.key}.${last.key}`;
    case 1:
      return `${first.key[0] ?? 'x'}${last.key}${rng.int(1, 99)}`;
    case 2:
      return `${first.key}${last.key}${String(dob.y).slice(2)}`;
    default:
      return `${first.key}_${last.key}`;
  }
}

/**
 * Makes `self` (a fresh draw) a look-alike of `model`: another person who shares much of the
 * model's identity. Twins share family name, birth date and address, not the given name; a
 * household shares family name and address; a junior shares both names and the address, born
 * 20–35 years later (or earlier); a namesake shares both names and the city, nothing else.
 */
export function makeLookalike(rng: Rng, self: Person, model: Person, kind: LookalikeKind): Person {
  const p: Person = { ...self, locale: model.locale, last: model.last, domain: rng.pick(model.locale.domains) };
  if (self.locale !== model.locale) {
    p.first = rng.pick(model.locale.first);
    p.phone = model.locale.phone.lead + rng.digits(model.locale.phone.nsn - 1);
    p.phoneFormat = rng.int(0, model.locale.phone.formats.length - 1);
    p.street = model.locale.street(rng);
    const c = rng.pick(model.locale.cities);
    p.city = c.name;
    p.postcode = c.postcode(rng);
  }
  const home = () => {
    p.street = model.street;
    p.shortStreet = model.shortStreet;
    p.city = model.city;
    p.postcode = model.postcode;
    if (rng.chance(0.5)) p.phone = model.phone;
  };
  switch (kind) {
    case 'twin':
      p.first = otherFirst(rng, model);
      p.dob = model.dob;
      home();
      break;
    case 'household':
      p.first = otherFirst(rng, model);
      home();
      break;
    case 'junior': {
      p.first = model.first;
      const gap = rng.int(20, 35);
      const y = model.dob.y + gap <= 2006 ? model.dob.y + gap : model.dob.y - gap;
      p.dob = { y, m: self.dob.m, d: Math.min(28, self.dob.d) };
      home();
      break;
    }
    case 'namesake': {
      p.first = model.first;
      p.city = model.city;
      const c = model.locale.cities.find((x) => x.name === model.city);
      if (c) p.postcode = c.postcode(rng);
      break;
    }
  }
  p.emailLocal = emailFor(rng, p.first, p.last, p.dob);
  if (kind === 'junior') p.emailLocal = `${p.emailLocal}.jr`;
  return p;
}
