// Near duplicates: each kind of edit does what it says to the person it starts from, and every
// near duplicate carries one to three distinct edits.
import { describe, expect, it } from 'vitest';
import { drawPerson, type Person } from '../../tools/gen/person';
import { Rng, seedWords } from '../../tools/gen/prng';
import { EDIT_KINDS, nearDuplicate, typo, type EditKind } from '../../tools/gen/variant';

const base = seedWords('variant-test');

function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

describe('typo()', () => {
  it.each([
    ['transpose', 'Johnson', 2],
    ['transpose', 'Müller', 2],
    ['transpose', 'Дмитрий', 2],
    ['drop', 'Katharina', 1],
    ['drop', 'Łukasz', 1],
    ['typo', 'Elizabeth', 1],
    ['typo', 'Siobhán', 1],
  ] as const)('%s on %s changes it by at most %i edits', (kind, word, maxDistance) => {
    const rng = new Rng(seedWords(word));
    for (let i = 0; i < 50; i++) {
      const out = typo(rng, word, kind);
      const d = levenshtein(word, out);
      expect(d).toBeGreaterThanOrEqual(kind === 'transpose' ? 0 : 1);
      expect(d).toBeLessThanOrEqual(maxDistance);
      expect([...out][0]).toBe([...word][0]);
    }
  });
});

/** What each edit kind must have done, seen from the original and the variant. */
const EFFECTS: Record<EditKind, (o: Person, v: Person) => boolean> = {
  typo: (o, v) => levenshtein(o.first.text + o.last.text, v.first.text + v.last.text) === 1,
  transpose: (o, v) => levenshtein(o.first.text + o.last.text, v.first.text + v.last.text) <= 2,
  drop: (o, v) => (o.first.text + o.last.text).length - (v.first.text + v.last.text).length === 1,
  case: (o, v) => o.first.text === v.first.text && o.last.text === v.last.text,
  swap: (o, v) => o.first.text === v.last.text && o.last.text === v.first.text,
  nickname: (o, v) => o.first.text !== v.first.text && o.last.text === v.last.text,
  phone: (o, v) => o.phone === v.phone && o.phoneFormat !== v.phoneFormat,
  street: (o, v) => o.shortStreet !== v.shortStreet || o.street.full !== v.street.full,
  email: (o, v) => `${o.emailLocal}@${o.domain}` !== `${v.emailLocal}@${v.domain}`,
  date: (o, v) => o.dob === v.dob,
  accents: (o, v) => v.first.text === o.first.latin && v.last.text === o.last.latin,
  postcode: (o, v) => [...o.postcode].sort().join('') === [...v.postcode].sort().join(''),
};

describe('nearDuplicate()', () => {
  const samples = Array.from({ length: 4000 }, (_, i) => {
    const original = drawPerson(Rng.derive(base, 2, i));
    return { original, variant: nearDuplicate(Rng.derive(base, 3, i), original) };
  });

  it('applies one to three distinct edits and keeps the person behind them', () => {
    for (const { original, variant } of samples) {
      expect(variant.edits.length).toBeGreaterThanOrEqual(1);
      expect(variant.edits.length).toBeLessThanOrEqual(3);
      expect(new Set(variant.edits).size).toBe(variant.edits.length);
      expect(variant.person.dob).toEqual(original.dob);
      expect(variant.person.locale).toBe(original.locale);
    }
  });

  it.each(EDIT_KINDS.map((k) => [k]))('a lone %s edit has its effect', (kind) => {
    const alone = samples.filter((s) => s.variant.edits.length === 1 && s.variant.edits[0] === kind);
    expect(alone.length).toBeGreaterThan(10);
    const wrong = alone.filter((s) => !EFFECTS[kind](s.original, s.variant.person));
    expect(wrong.map((s) => [s.original.first.text, s.original.last.text, s.variant.person.first.text, s.variant.person.last.text])).toEqual([]);
  });

  it('forces a different date format or name case through render overrides', () => {
    for (const { variant } of samples) {
      if (variant.edits.includes('date')) expect(variant.overrides.dobFormat).toBeGreaterThan(0);
      if (variant.edits.includes('case')) expect(['upper', 'lower']).toContain(variant.overrides.nameCase);
    }
  });
});
