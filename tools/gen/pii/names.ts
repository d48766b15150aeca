// Names, street names and words for the labelled PII data, taken from the `chance` package's data
// (MIT; its own sources: US Census / SSA first names, Florence open data, Dutch and French lists,
// behindthename surnames) and its syllable-based word maker. The recognisers ship lists derived from
// @faker-js/faker (resources/pii/), so drawing the benchmark's people and streets from an
// independent source keeps recall honest: a name the recognisers merely memorised is not a test.
// Every draw goes through our seeded Rng (chance is handed `rng.next` as its random source), so the
// data is the same for a seed on every machine as long as chance's version is pinned (it is, exactly).
import { Chance } from 'chance';
import type { Rng } from '../prng';

interface ChanceData {
  firstNames: Record<'male' | 'female', Record<string, string[]>>;
  lastNames: Record<string, string[]>;
  street_suffixes: Record<'us' | 'uk', { name: string; abbreviation: string }[]>;
}

const data = new Chance(0) as unknown as { get<K extends keyof ChanceData>(k: K): ChanceData[K] };
const firstNames = data.get('firstNames');
const lastNames = data.get('lastNames');
const suffixes = data.get('street_suffixes');

// Multi-word entries ('Anna Maria') are kept: real name columns hold them too.
const clean = (list: readonly string[] | undefined): string[] => [...new Set((list ?? []).map((s) => s.trim()).filter((s) => /^\p{Lu}/u.test(s)))];

const FIRST_LOCALES = ['en', 'it', 'nl', 'fr'] as const;
const FIRST_WEIGHTS = [6, 1.5, 1.5, 1];
const FIRST: Record<string, string[]> = Object.fromEntries(
  FIRST_LOCALES.map((l) => [l, clean([...(firstNames.male[l] ?? []), ...(firstNames.female[l] ?? [])])]),
);
const LAST_LOCALES = ['en', 'uk', 'it', 'nl', 'de', 'es', 'fr', 'jp'] as const;
const LAST_WEIGHTS = [4, 2, 1, 1, 1, 1, 0.7, 0.3];
const LAST: Record<string, string[]> = Object.fromEntries(LAST_LOCALES.map((l) => [l, clean(lastNames[l])]));

export const US_SUFFIXES = suffixes.us;
export const UK_SUFFIXES = suffixes.uk;

export function firstName(rng: Rng): string {
  return rng.pick(FIRST[rng.weighted(FIRST_LOCALES, FIRST_WEIGHTS)]!);
}

export function lastName(rng: Rng): string {
  return rng.pick(LAST[rng.weighted(LAST_LOCALES, LAST_WEIGHTS)]!);
}

/** A chance instance whose randomness is the given Rng's (one per generator; `use` swaps the Rng). */
export function chanceFor(): { use(rng: Rng): Chance.Chance } {
  let current: Rng | undefined;
  const c = new Chance(() => {
    if (current === undefined) throw new Error('chanceFor: no Rng in use');
    return current.next();
  });
  return {
    use(rng) {
      current = rng;
      return c;
    },
  };
}

/** A made-up but pronounceable word, capitalised ('Gobic'): chance's syllable maker. */
export function word(c: Chance.Chance, syllables: number): string {
  const w = c.word({ syllables });
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** The lists' sizes, for the benchmark's description of its data. */
export const NAME_LIST_SIZES = {
  first: Object.values(FIRST).reduce((n, l) => n + l.length, 0),
  last: Object.values(LAST).reduce((n, l) => n + l.length, 0),
};
