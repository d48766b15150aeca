// The generator's PRNG and its helpers: a fixed stream per seed (pinned, so a change that would
// silently alter every generated file fails here), ranges respected, derived streams independent.
import { describe, expect, it } from 'vitest';
import { customerId } from '../../tools/gen/plan';
import { Rng, seedWords } from '../../tools/gen/prng';

describe('seeded PRNG', () => {
  it('gives the same first values for a seed on every machine', () => {
    const r = new Rng(seedWords('42'));
    expect(Array.from({ length: 4 }, () => r.u32())).toEqual(PINNED_42);
  });

  it.each(['1', 'abc', 'ümlaut-种子'])('seed %j: two generators agree for 10,000 draws', (seed) => {
    const draw = (r: Rng) => Array.from({ length: 10_000 }, () => r.u32());
    expect(draw(new Rng(seedWords(seed)))).toEqual(draw(new Rng(seedWords(seed))));
  });

  it('different seeds and derived streams differ', () => {
    const base = seedWords('s');
    const first = (r: Rng) => [r.u32(), r.u32(), r.u32()].join(',');
    const streams = new Set([
      first(new Rng(seedWords('s'))),
      first(new Rng(seedWords('t'))),
      ...Array.from({ length: 100 }, (_, i) => first(Rng.derive(base, 2, i))),
      first(Rng.derive(base, 3, 0)),
      first(Rng.derive(base, 2, 2 ** 32)),
    ]);
    expect(streams.size).toBe(104);
  });

  it.each([
    [0, 9],
    [1, 1],
    [-5, 5],
    [1940, 2006],
  ])('int(%i, %i) stays in range and reaches both ends', (lo, hi) => {
    const r = new Rng(seedWords(`${lo}:${hi}`));
    const values = Array.from({ length: 20_000 }, () => r.int(lo, hi));
    expect(Math.min(...values)).toBe(lo);
    expect(Math.max(...values)).toBe(hi);
    expect(values.every(Number.isInteger)).toBe(true);
  });

  it.each([1, 4, 9, 10, 11, 20])('digits(%i) gives that many decimal digits', (n) => {
    const r = new Rng(seedWords('d'));
    const bad = Array.from({ length: 200 }, () => r.digits(n)).filter((d) => !new RegExp(`^\\d{${n}}$`).test(d));
    expect(bad).toEqual([]);
  });

  it('weighted() follows its weights', () => {
    const r = new Rng(seedWords('w'));
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 40_000; i++) counts[r.weighted(['a', 'b', 'c'] as const, [1, 2, 7])]++;
    expect(counts.a / 40_000).toBeCloseTo(0.1, 1);
    expect(counts.b / 40_000).toBeCloseTo(0.2, 1);
    expect(counts.c / 40_000).toBeCloseTo(0.7, 1);
  });
});

describe('customer ids', () => {
  it('never repeat over a large range and always have the same shape', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200_000; n++) seen.add(customerId(n));
    for (let n = 500_000_000; n < 500_050_000; n++) seen.add(customerId(n));
    expect(seen.size).toBe(250_000);
    expect([...seen].filter((id) => !/^C\d{9}$/.test(id))).toEqual([]);
  });
});

const PINNED_42 = [2626566973, 1247484098, 2614520402, 2258495261];
