// The generator's hard profile (the second labelled set for duplicate detection): each new kind of
// edit does what it says, near duplicates carry two to five compatible edits, look-alikes share
// what their kind says with an earlier, different person — and the standard profile's output is
// byte-for-byte what it was before the hard profile existed (the benchmark figures rest on it).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../tools/gen/generate';
import {
  ALL_HARD_EDITS, BLANKABLE, HARD_DATE_FORMATS, HARD_EDITS, LOOKALIKE_KINDS, LOOKALIKE_RATE, applyHardEdit, drawLookalike, hardApplicable,
  makeLookalike, nearDuplicateHard, swapDayMonth, transposeDateDigits, type HardEdit, type LookalikeKind,
} from '../../tools/gen/hard';
import { drawPerson, type Person, type Ymd } from '../../tools/gen/person';
import { planCounts, rows } from '../../tools/gen/plan';
import { Rng, seedWords } from '../../tools/gen/prng';
import { MISSING_TOKENS } from '../../tools/gen/locales';
import { COL, render, type RenderOverrides } from '../../tools/gen/render';
import { tempDir } from '../support/engine';

const base = seedWords('hard-test');
const dir = tempDir('ds-gen-hard-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

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
const ymd = (d: Ymd) => `${d.y}${String(d.m).padStart(2, '0')}${String(d.d).padStart(2, '0')}`;
const people = (stream: number, n: number) => Array.from({ length: n }, (_, i) => drawPerson(Rng.derive(base, stream, i)));

describe('birth-date noise', () => {
  it.each<[Ymd, Ymd | null]>([
    [{ y: 1987, m: 3, d: 5 }, { y: 1987, m: 5, d: 3 }],
    [{ y: 1990, m: 12, d: 1 }, { y: 1990, m: 1, d: 12 }],
    [{ y: 1990, m: 4, d: 13 }, null],
    [{ y: 1990, m: 7, d: 7 }, null],
  ])('swapDayMonth(%j) = %j', (d, want) => {
    expect(swapDayMonth(d)).toEqual(want);
  });

  it.each<[Ymd]>([[{ y: 1987, m: 3, d: 15 }], [{ y: 1961, m: 11, d: 30 }], [{ y: 2004, m: 12, d: 9 }], [{ y: 1975, m: 10, d: 21 }]])(
    'transposeDateDigits(%j) swaps two adjacent digits and stays a valid, different date',
    (d) => {
      const rng = new Rng(seedWords(ymd(d)));
      for (let i = 0; i < 30; i++) {
        const t = transposeDateDigits(rng, d)!;
        expect(t).not.toBeNull();
        const [a, b] = [ymd(d), ymd(t)];
        const diff = [...a].map((c, j) => (c === b[j] ? -1 : j)).filter((j) => j >= 0);
        expect(diff).toHaveLength(2);
        expect(diff[1]! - diff[0]!).toBe(1);
        expect([a[diff[0]!], a[diff[1]!]]).toEqual([b[diff[1]!], b[diff[0]!]]);
        expect(new Date(Date.UTC(t.y, t.m - 1, t.d)).getUTCDate()).toBe(t.d);
        expect(t.m).toBeLessThanOrEqual(12);
      }
    },
  );

  it('says null when no adjacent swap is a valid date (2004-02-09: 204, 2040, months 42/20/00, day 90)', () => {
    expect(transposeDateDigits(new Rng(seedWords('x')), { y: 2004, m: 2, d: 9 })).toBeNull();
  });

  it('writes the other spellings exactly', () => {
    expect(HARD_DATE_FORMATS.map((f) => f({ y: 1987, m: 3, d: 5 }))).toEqual(['March 5, 1987', '5-Mar-87', '1987/03/05', '05/03/87', '3/5/1987']);
  });
});

/** What one hard edit alone must have done, seen from the person, the overrides and the rendered record. */
/** An empty cell or a placeholder: render's own missing values, which any column may get. */
const gone = (v: string | null | undefined) => v === null || v === undefined || MISSING_TOKENS.includes(v);
const EFFECTS: Record<HardEdit, (o: Person, v: Person, ov: RenderOverrides, rec: (string | null)[]) => boolean> = {
  typos: (o, v) =>
    ([...o.first.text].length < 3 || levenshtein(o.first.text, v.first.text) <= 2) &&
    ([...o.last.text].length < 3 || levenshtein(o.last.text, v.last.text) <= 2) &&
    (o.city !== v.city || o.street.full !== v.street.full),
  city_typo: (o, v) => o.city !== v.city && levenshtein(o.city, v.city) <= 2,
  street_typo: (o, v) => o.street.full !== v.street.full && levenshtein(o.street.full, v.street.full) <= 2,
  swap_fields: (o, v, ov, rec) => ov.swapStreetCity === true && (gone(rec[COL.street]) || rec[COL.street]!.trim().toLowerCase() === v.city.toLowerCase()),
  blank: (o, v, ov, rec) => (ov.blank?.length ?? 0) >= 1 && (ov.blank?.length ?? 0) <= 2 && ov.blank!.every((c) => BLANKABLE.includes(c as never) && rec[COL[c]] === null),
  dob_daymonth: (o, v) => v.dob.y === o.dob.y && v.dob.m === o.dob.d && v.dob.d === o.dob.m && o.dob.m !== o.dob.d,
  // Adjacent digits swapped; when no swap is a valid date, day and month swapped, else the year off by one.
  dob_digits: (o, v) => ymd(o.dob) !== ymd(v.dob) && (levenshtein(ymd(o.dob), ymd(v.dob)) <= 2 || ymd(v.dob) === ymd(swapDayMonth(o.dob) ?? o.dob) || Math.abs(v.dob.y - o.dob.y) === 1),
  dob_text: (o, v, ov, rec) => gone(rec[COL.date_of_birth]) || HARD_DATE_FORMATS.some((f) => f(v.dob) === rec[COL.date_of_birth]),
  phone_digit: (o, v) => o.phone.length === v.phone.length && [...o.phone].filter((c, i) => c !== v.phone[i]).length === 1 && o.phone[0] === v.phone[0],
  middle: (o, v) => new RegExp(`^${o.first.text} [A-Z]\\.$`).test(v.first.text),
};

describe('hard edits', () => {
  const originals = people(2, 600);
  it.each(HARD_EDITS.map((k) => [k]))('%s alone has its effect', (kind) => {
    let applied = 0;
    originals.forEach((o, i) => {
      if (!hardApplicable(o, kind)) return;
      applied++;
      const rng = Rng.derive(base, 5, i);
      const v: Person = { ...o };
      const ov: RenderOverrides = {};
      applyHardEdit(rng, v, ov, kind);
      const rec = render(rng, v, 'C1', ov).values;
      expect(EFFECTS[kind](o, v, ov, rec), `${kind} on ${o.first.text} ${o.last.text}: ${JSON.stringify(rec)}`).toBe(true);
    });
    expect(applied).toBeGreaterThan(kind === 'dob_daymonth' ? 100 : 500);
  });

  it('street and city swap places in the record; blanked columns are empty', () => {
    const p = originals[0]!;
    const plain = render(Rng.derive(base, 9, 0), p, 'C1').values;
    const swapped = render(Rng.derive(base, 9, 0), p, 'C1', { swapStreetCity: true, blank: ['email', 'phone'] }).values;
    expect([swapped[COL.street], swapped[COL.city]]).toEqual([plain[COL.city], plain[COL.street]]);
    expect([swapped[COL.email], swapped[COL.phone]]).toEqual([null, null]);
    expect(swapped[COL.first_name]).toBe(plain[COL.first_name]);
  });
});

describe('nearDuplicateHard()', () => {
  const samples = people(3, 3000).map((original, i) => ({ original, v: nearDuplicateHard(Rng.derive(base, 4, i), original) }));
  it('applies two to five distinct edits, at most one per exclusive group, drawn from every kind', () => {
    const seen = new Set<string>();
    for (const { v } of samples) {
      expect(v.edits.length).toBeGreaterThanOrEqual(2);
      expect(v.edits.length).toBeLessThanOrEqual(5);
      expect(new Set(v.edits).size).toBe(v.edits.length);
      for (const g of [['date', 'dob_text'], ['dob_daymonth', 'dob_digits'], ['street', 'street_typo'], ['phone', 'phone_digit']]) {
        expect(v.edits.filter((e) => g.includes(e)).length).toBeLessThanOrEqual(1);
      }
      v.edits.forEach((e) => seen.add(e));
    }
    expect([...seen].sort()).toEqual([...ALL_HARD_EDITS].sort());
  });
  it('keeps the locale and moves account fields on only as the standard profile does', () => {
    for (const { original, v } of samples) {
      expect(v.person.locale).toBe(original.locale);
      if (!v.edits.some((e) => e.startsWith('dob_'))) expect(v.person.dob).toEqual(original.dob);
    }
  });
});

/** What each kind of look-alike shares with its model, and what it must not. */
const LOOKS: Record<LookalikeKind, (s: Person, m: Person) => boolean> = {
  twin: (s, m) => s.last === m.last && s.dob === m.dob && s.street === m.street && s.city === m.city && s.postcode === m.postcode && s.first.text !== m.first.text,
  household: (s, m) => s.last === m.last && s.street === m.street && s.postcode === m.postcode && s.first.text !== m.first.text,
  junior: (s, m) => s.first === m.first && s.last === m.last && s.street === m.street && Math.abs(s.dob.y - m.dob.y) >= 20 && Math.abs(s.dob.y - m.dob.y) <= 35,
  namesake: (s, m) => s.first === m.first && s.last === m.last && s.city === m.city && ymd(s.dob) !== ymd(m.dob),
};

describe('look-alikes', () => {
  it.each(LOOKALIKE_KINDS.map((k) => [k]))('a %s shares what it should with its model, in the model’s locale', (kind) => {
    const models = people(6, 400);
    const selves = people(7, 400);
    models.forEach((m, i) => {
      const s = makeLookalike(Rng.derive(base, 8, i), selves[i]!, m, kind);
      expect(LOOKS[kind](s, m), `${kind}: ${m.first.text} ${m.last.text} ${ymd(m.dob)} → ${s.first.text} ${s.last.text} ${ymd(s.dob)}`).toBe(true);
      expect(s.locale).toBe(m.locale);
    });
  });

  it(`about ${LOOKALIKE_RATE * 100} % of people are look-alikes of someone shortly before them, of every kind`, () => {
    const drawn = Array.from({ length: 20_000 }, (_, k) => drawLookalike(Rng.derive(base, 10, k), k));
    const some = drawn.filter((d) => d !== null);
    expect(some.length / drawn.length).toBeGreaterThan(LOOKALIKE_RATE * 0.9);
    expect(some.length / drawn.length).toBeLessThan(LOOKALIKE_RATE * 1.1);
    drawn.forEach((d, k) => {
      if (!d) return;
      expect(d.of).toBeLessThan(k);
      expect(k - d.of).toBeLessThanOrEqual(2000);
    });
    expect(new Set(some.map((d) => d.kind)).size).toBe(LOOKALIKE_KINDS.length);
    expect(drawn[0]).toBeNull();
  });

  it('in the plan, a look-alike is its own customer (own cluster), and its duplicates are look-alikes too', () => {
    const all = [...rows('plan-hard', 6000, 4096, 'hard')];
    const originals = all.filter((r) => r.kind === 'original');
    const lookalikes = originals.filter((r) => r.lookalike !== null);
    expect(lookalikes.length).toBeGreaterThan(originals.length * 0.06);
    for (const r of lookalikes) expect(r.clusterId).not.toBe(r.lookalike!.of + 1);
    const byCluster = new Map(originals.map((r) => [r.clusterId, r]));
    for (const r of all.filter((x) => x.kind !== 'original')) expect(r.lookalike).toEqual(byCluster.get(r.clusterId)!.lookalike);
    for (const r of all.filter((x) => x.kind === 'exact')) expect(r.record.values).toEqual(byCluster.get(r.clusterId)!.record.values);
  });

  it('no two people share an e-mail address (the standard profile’s namesakes do)', () => {
    const owners = (noise: 'standard' | 'hard') => {
      const by = new Map<string, Set<number>>();
      for (const r of rows('emails', 6000, 4096, noise)) {
        const e = r.record.values[COL.email]?.toLowerCase();
        if (r.kind !== 'original' || !e?.includes('@')) continue;
        by.set(e, (by.get(e) ?? new Set()).add(r.clusterId));
      }
      return [...by.values()].filter((s) => s.size > 1).length;
    };
    expect(owners('hard')).toBe(0);
    expect(owners('standard')).toBeGreaterThan(50);
  });
});

describe('the profiles as files', () => {
  const digest = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

  // Digests of 6,000 rows of seed "golden" written by the generator before the hard profile existed (main at b7733b0).
  it.each([
    ['csv', '58dda9a040d0ce7a7d1bbadda331cefad4cf303bf8f7410700559dce9cbbc12c'],
    ['jsonl', '44d19774baa6a932ea17fc4f282128454d58502fef9083f8c2ba5b8aa38bd162'],
    ['json', 'a005adcc4bfd1ca8ed4609d6f647be90fdcb22117c5a92339ef2a172dc6e72df'],
  ])('the standard profile still writes the same %s, byte for byte', async (format, want) => {
    const out = path.join(dir, `golden.${format}`);
    await generate({ rows: 6000, seed: 'golden', out, workers: 0 });
    expect(digest(out)).toBe(want);
    expect(digest(`${out}.truth.csv`)).toBe('6f9d470ff8db2f3494c876c6df78f6426a47ff1c237932fa98cfca96b04b56d3');
  });

  it('the hard profile is deterministic whatever the threads, with its own rates and a truth for every row', async () => {
    const a = path.join(dir, 'hard-a.csv');
    const b = path.join(dir, 'hard-b.csv');
    const sa = await generate({ rows: 20_000, seed: 'h', out: a, noise: 'hard', workers: 0 });
    await generate({ rows: 20_000, seed: 'h', out: b, noise: 'hard', workers: 2 });
    expect(digest(a)).toBe(digest(b));
    expect(digest(`${a}.truth.csv`)).toBe(digest(`${b}.truth.csv`));
    expect(sa.noise).toBe('hard');
    expect(sa.counts).toEqual(planCounts('h', 20_000, 'hard'));
    expect(sa.counts.exact / 20_000).toBeGreaterThan(0.04);
    expect(sa.counts.exact / 20_000).toBeLessThan(0.06);
    expect(sa.counts.near / 20_000).toBeGreaterThan(0.09);
    expect(sa.counts.near / 20_000).toBeLessThan(0.11);
    expect(fs.readFileSync(`${a}.truth.csv`, 'utf8').trimEnd().split('\n')).toHaveLength(20_001);
    expect(digest(a)).not.toBe(digest((await generate({ rows: 20_000, seed: 'h', out: path.join(dir, 'std.csv'), workers: 0 })).file));
  }, 60_000);
});
