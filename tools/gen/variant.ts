// Near duplicates: the same person entered again with one to three realistic differences
// (typos, transpositions, dropped letters, case, swapped names, nicknames, another phone format,
// abbreviated street, another e-mail, another date format, stripped accents).
import { KEY_NEIGHBOURS, toLatin } from './locales';
import { freshBalance, type Person } from './person';
import type { Rng } from './prng';
import { DATE_FORMATS, type RenderOverrides } from './render';

export const EDIT_KINDS = [
  'typo', 'transpose', 'drop', 'case', 'swap', 'nickname', 'phone', 'street', 'email', 'date', 'accents', 'postcode',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

const LATIN = /^[\p{Script=Latin} '.-]+$/u;

/** One character edit of a word; Latin letters get keyboard-neighbour substitutions. */
export function typo(rng: Rng, s: string, kind: 'typo' | 'transpose' | 'drop'): string {
  const chars = [...s];
  if (chars.length < 3) return kind === 'drop' ? s : `${s}${chars[chars.length - 1] ?? ''}`;
  const i = rng.int(1, chars.length - 2);
  if (kind === 'transpose') {
    const a = chars[i]!;
    const b = chars[i + 1]!;
    if (a === b) return chars.toSpliced(i, 1).join('');
    chars[i] = b;
    chars[i + 1] = a;
    return chars.join('');
  }
  if (kind === 'drop') return chars.toSpliced(i, 1).join('');
  const c = chars[i]!;
  const lower = c.toLowerCase();
  const near = KEY_NEIGHBOURS[lower];
  if (!near) return chars.toSpliced(i, 0, c).join('');
  const sub = rng.pick([...near]);
  chars[i] = c === lower ? sub : sub.toUpperCase();
  return chars.join('');
}

interface Variant {
  person: Person;
  overrides: RenderOverrides;
  edits: EditKind[];
}

/** Character edits need a word of three characters or more (a one-letter change to 健 or 李 is no typo). */
const editable = (s: string) => [...s].length >= 3;

function applicable(p: Person, kind: EditKind): boolean {
  switch (kind) {
    case 'typo':
    case 'transpose':
    case 'drop':
      return editable(p.first.text) || editable(p.last.text);
    case 'nickname':
      return (p.locale.nicknames[p.first.text]?.length ?? 0) > 0 || LATIN.test(p.first.text);
    case 'accents':
      return p.first.text !== p.first.latin || p.last.text !== p.last.latin || p.city !== toLatin(p.city);
    case 'street':
      return true;
    case 'postcode':
      return /\d.*\d/.test(p.postcode);
    default:
      return true;
  }
}

function edit(rng: Rng, p: Person, o: RenderOverrides, kind: EditKind): void {
  switch (kind) {
    case 'typo':
    case 'transpose':
    case 'drop':
      if (editable(p.first.text) && (!editable(p.last.text) || rng.chance(0.5))) p.first = { ...p.first, text: typo(rng, p.first.text, kind) };
      else p.last = { ...p.last, text: typo(rng, p.last.text, kind) };
      return;
    case 'case':
      o.nameCase = rng.chance(0.6) ? 'upper' : 'lower';
      return;
    case 'swap':
      [p.first, p.last] = [p.last, p.first];
      return;
    case 'nickname': {
      const nicks = p.locale.nicknames[p.first.text];
      p.first = { ...p.first, text: nicks?.length ? rng.pick(nicks) : `${[...p.first.text][0] ?? ''}.` };
      return;
    }
    case 'phone': {
      const n = p.locale.phone.formats.length;
      p.phoneFormat = (p.phoneFormat + rng.int(1, n - 1)) % n;
      return;
    }
    case 'street':
      if (p.street.full !== p.street.short) p.shortStreet = !p.shortStreet;
      else p.street = { full: typo(rng, p.street.full, 'drop'), short: p.street.short };
      return;
    case 'email':
      if (rng.chance(0.5)) p.domain = rng.pick([...p.locale.domains, 'gmail.com', 'outlook.com'].filter((d) => d !== p.domain));
      else p.emailLocal = typo(rng, p.emailLocal, rng.pick(['typo', 'drop'] as const));
      return;
    case 'date':
      o.dobFormat = rng.int(1, DATE_FORMATS.length - 1);
      return;
    case 'accents':
      p.first = { ...p.first, text: p.first.latin };
      p.last = { ...p.last, text: p.last.latin };
      p.city = toLatin(p.city) || p.city;
      return;
    case 'postcode': {
      const digits = [...p.postcode].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
      const at = digits[rng.int(0, digits.length - 2)]!;
      const next = digits[digits.indexOf(at) + 1]!;
      const chars = [...p.postcode];
      [chars[at], chars[next]] = [chars[next]!, chars[at]!];
      p.postcode = chars.join('');
      return;
    }
  }
}

export { applicable as isApplicable, edit as applyEdit };

/** A near duplicate of `original`: identity kept, one to three edits, some account fields moved on. */
export function nearDuplicate(rng: Rng, original: Person): Variant {
  const person: Person = { ...original };
  const overrides: RenderOverrides = {};
  const count = rng.weighted([1, 2, 3], [45, 40, 15]);
  const edits: EditKind[] = [];
  while (edits.length < count) {
    const kind = rng.pick(EDIT_KINDS);
    if (edits.includes(kind) || !applicable(person, kind)) continue;
    edits.push(kind);
    edit(rng, person, overrides, kind);
  }
  if (rng.chance(0.5)) person.signup = { ...person.signup, y: Math.min(2025, person.signup.y + rng.int(0, 3)), d: Math.min(28, person.signup.d) };
  if (rng.chance(0.3)) person.balanceCents = freshBalance(rng, person.balanceCents);
  if (rng.chance(0.2)) person.status = rng.pick(['active', 'inactive', 'pending', 'closed'] as const);
  if (rng.chance(0.5)) person.notes = null;
  return { person, overrides, edits };
}
