// Fellegi-Sunter estimation: EM recovers m and λ from unlabelled pairs drawn from known m, u and
// λ (u given, as the engine gives it from random pairs), reviewed labels are honoured, u comes
// from sample counts and value frequencies, session medians resist one outlier, and connected
// components name clusters by their smallest row id.
import { describe, expect, it } from 'vitest';
import { components } from '../../src/main/engine/dedupe/cluster';
import { estimate, estimateU, initialM, matchProbability, type Pattern } from '../../src/main/engine/dedupe/em';
import { medianOf } from '../../src/main/engine/dedupe/find';

/** mulberry32: a small deterministic generator. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function draw(r: () => number, probs: number[]): number {
  let x = r();
  for (let i = 0; i < probs.length; i++) {
    x -= probs[i]!;
    if (x < 0) return i;
  }
  return probs.length - 1;
}

/** `n` pairs drawn from the model, aggregated into patterns (a share `missing` of values missing). */
function synthetic(seed: number, n: number, lambda: number, m: number[][], u: number[][], missing = 0): Pattern[] {
  const r = rng(seed);
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const match = r() < lambda;
    const levels = (match ? m : u).map((p) => (r() < missing ? null : draw(r, p)));
    const key = JSON.stringify(levels);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, count]) => ({ levels: JSON.parse(k) as (number | null)[], count }));
}

const M = [
  [0.05, 0.15, 0.8],
  [0.1, 0.9],
  [0.02, 0.08, 0.2, 0.7],
  [0.3, 0.7],
];
const U = [
  [0.9, 0.08, 0.02],
  [0.7, 0.3],
  [0.95, 0.03, 0.015, 0.005],
  [0.6, 0.4],
];

describe('EM recovers known m and λ', () => {
  it.each([
    [1, 0.1, 0],
    [2, 0.3, 0],
    [3, 0.05, 0.1],
    [4, 0.2, 0.25],
  ])('seed %i, λ = %f, %f of values missing', (seed, lambda, missing) => {
    const patterns = synthetic(seed, 200_000, lambda, M, U, missing);
    const got = estimate(patterns, U, { m: initialM(U.map((x) => x.length), U.map((x) => x.length - 1)) });
    expect(got.converged).toBe(true);
    expect(got.lambda).toBeCloseTo(lambda, 1.5);
    for (let c = 0; c < M.length; c++) for (let l = 0; l < M[c]!.length; l++) expect(Math.abs(got.m[c]![l]! - M[c]![l]!)).toBeLessThan(0.03);
  });

  it('estimates λ alone over every record pair when m is fixed', () => {
    // Sharp comparisons, as for people: 1,000 matches among the candidate pairs; 10^7 record pairs in all.
    const m = [[0.05, 0.95], [0.1, 0.9], [0.1, 0.9]];
    const u = [[0.999, 0.001], [0.999, 0.001], [0.99, 0.01]];
    const patterns = synthetic(5, 20_000, 0.05, m, u);
    const got = estimate(patterns, u, { m, lambda: 1e-3, lambdaOnly: true, totalPairs: 1e7 });
    expect(got.m).toEqual(m);
    expect(got.lambda * 1e7).toBeGreaterThan(800);
    expect(got.lambda * 1e7).toBeLessThan(1200);
  });

  it('settles when no pair looks like a match (a small table without duplicates), instead of running out of rounds', () => {
    // Ten records (45 pairs), three candidate pairs agreeing on a weak level (m/u = 7.5): each round
    // λ becomes 3 × 7.5 / 45 = half of itself, heading for 0 by a steady factor.
    const m = [[0.25, 0.75]];
    const u = [[0.9, 0.1]];
    const got = estimate([{ levels: [1], count: 3 }], u, { m, lambda: 0.01, lambdaOnly: true, totalPairs: 45 });
    expect(got.converged).toBe(true);
    expect(got.iterations).toBeLessThan(200);
    expect(got.lambda * 45).toBeLessThan(1);
  });

  it('leaves ignored comparisons untrained and keeps labels fixed', () => {
    const patterns: Pattern[] = [
      { levels: [2, 1, 3, 1], count: 10, label: 1 },
      { levels: [0, 0, 0, 0], count: 10, label: 0 },
    ];
    const start = initialM([3, 2, 4, 2], [2, 1, 3, 1]);
    const got = estimate(patterns, U, { m: start, ignore: [false, true, false, false] });
    expect(got.m[1]).toEqual(start[1]);
    expect(got.lambda).toBeCloseTo(0.5, 6);
    expect(got.m[0]![2]).toBeGreaterThan(0.99);
  });

  it('gives a match probability from the pattern', () => {
    expect(matchProbability([2, 1, 3, 1], M, U, 0.5)).toBeGreaterThan(0.99);
    expect(matchProbability([0, 0, 0, 0], M, U, 0.5)).toBeLessThan(0.05);
    expect(matchProbability([null, null, null, null], M, U, 0.25)).toBeCloseTo(0.25, 10);
  });
});

describe('u and the session median', () => {
  it('takes the exact level from value frequencies and scales the rest', () => {
    const u = estimateU([[9_000, 900, 100]], [2], [0.001]);
    expect(u[0]![2]).toBeCloseTo(0.001, 10);
    expect(u[0]![0]! + u[0]![1]!).toBeCloseTo(0.999, 10);
    expect(u[0]![0]! / u[0]![1]!).toBeCloseTo(9_000.5 / 900.5, 6);
  });

  it('smooths levels the sample never saw', () => {
    const u = estimateU([[1000, 0]], [1], [null]);
    expect(u[0]![1]).toBeGreaterThan(0);
    expect(u[0]![1]).toBeLessThan(0.001);
  });

  it('takes the per-level median of sessions, renormalised', () => {
    expect(medianOf([[0.1, 0.9], [0.2, 0.8], [0.9, 0.1]])).toEqual([0.2, 0.8]);
    const m = medianOf([[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]]);
    expect(m.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('connected components', () => {
  it.each([
    [[], [], {}],
    [[1], [2], { 1: 1, 2: 1 }],
    [[5, 3, 9], [7, 5, 10], { 3: 3, 5: 3, 7: 3, 9: 9, 10: 9 }],
    [[1, 2, 3], [2, 3, 4], { 1: 1, 2: 1, 3: 1, 4: 1 }],
    [[10, 4], [20, 20], { 4: 4, 10: 4, 20: 4 }],
  ])('%j–%j', (l, r, expected) => {
    expect(Object.fromEntries(components(l, r))).toEqual(expected);
  });
});
