// Levenshtein blocking: prefix filtering finds exactly the clusters that comparing every pair
// sharing a substring finds (checked by brute force), distances count characters not bytes, and
// the pair budget skips the biggest blocks and says so.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LevenshteinParams } from '../../src/shared/api/cluster-types';
import { levenshteinGroups } from '../../src/main/engine/clusters/nearest';
import { UnionFind } from '../../src/main/engine/clusters/union-find';
import type { JobContext } from '../../src/main/engine/jobs/jobs';
import { WorkerPool } from '../../src/main/engine/workers/pool';

const ctx: JobContext = {
  id: 'test',
  signal: new AbortController().signal,
  progress: () => undefined,
  throwIfCancelled: () => undefined,
  onCancel: () => () => undefined,
};

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random words from a small alphabet and copies with one or two random edits: many near pairs. */
function values(seed: number, alphabet: string[]): string[] {
  const r = rng(seed);
  const pick = () => alphabet[Math.floor(r() * alphabet.length)]!;
  const out = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const w = Array.from({ length: 2 + Math.floor(r() * 11) }, pick);
    out.add(w.join(''));
    for (let e = 0; e < 2; e++) {
      const v = [...w];
      const at = Math.floor(r() * v.length);
      const op = r();
      if (op < 0.33) v.splice(at, 1);
      else if (op < 0.66) v.splice(at, 0, pick());
      else v[at] = pick();
      if (v.length > 0) out.add(v.join(''));
    }
  }
  return [...out];
}

function distance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

function grams(s: string, k: number): Set<string> {
  const c = Array.from(s);
  if (c.length <= k) return new Set([s]);
  return new Set(Array.from({ length: c.length - k + 1 }, (_, i) => c.slice(i, i + k).join('')));
}

/** Every pair sharing a substring of k characters, compared exactly; clusters as sorted id lists. */
function bruteForce(vs: string[], p: LevenshteinParams): number[][] {
  const norm = vs.map((v) => v.trim().toLowerCase());
  const g = norm.map((s) => grams(s, p.blockChars));
  const uf = new UnionFind(vs.length);
  for (let a = 0; a < vs.length; a++) {
    for (let b = a + 1; b < vs.length; b++) {
      if (![...g[a]!].some((x) => g[b]!.has(x))) continue;
      const max = p.relative ? p.radius * Math.max(Array.from(norm[a]!).length, Array.from(norm[b]!).length) : p.radius;
      if (distance(norm[a]!, norm[b]!) <= max) uf.union(a, b);
    }
  }
  return canonical(uf.groups());
}

const canonical = (groups: number[][]) => groups.map((g) => [...g].sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);

describe('Levenshtein blocking', () => {
  let conn: DuckDBConnection;
  const pool = new WorkerPool({ inProcessBelow: Number.POSITIVE_INFINITY });
  let seq = 0;
  beforeAll(async () => {
    conn = await (await DuckDBInstance.create(':memory:')).connect();
  });
  afterAll(() => conn.closeSync());

  async function sqlGroups(vs: string[], p: LevenshteinParams, budget?: number) {
    const t = { distinct: `d${++seq}`, work: `p${seq}` };
    await conn.run(`CREATE TABLE ${t.distinct} (id INTEGER, v VARCHAR, n BIGINT)`);
    const app = await conn.createAppender(t.distinct);
    vs.forEach((v, i) => {
      app.appendInteger(i);
      app.appendVarchar(v);
      app.appendBigInt(1n);
      app.endRow();
    });
    app.closeSync();
    const out = await levenshteinGroups(conn, pool, ctx, t, p, vs.length, budget);
    return { groups: canonical(out.groups.map((g) => g.ids)), warnings: out.warnings };
  }

  const ASCII = 'abcde'.split('');
  const MIXED = ['a', 'b', 'é', 'ß', '東', '🏙'];
  it.each([
    ['ASCII, radius 1, blocks of 3', ASCII, 1, { radius: 1, relative: false, blockChars: 3 }],
    ['ASCII, radius 2, blocks of 4', ASCII, 2, { radius: 2, relative: false, blockChars: 4 }],
    ['ASCII, radius 1, blocks of 6', ASCII, 3, { radius: 1, relative: false, blockChars: 6 }],
    ['ASCII, relative 0.2, blocks of 3', ASCII, 4, { radius: 0.2, relative: true, blockChars: 3 }],
    ['accents, CJK and emoji, radius 1, blocks of 2', MIXED, 5, { radius: 1, relative: false, blockChars: 2 }],
    ['accents, CJK and emoji, relative 0.3, blocks of 3', MIXED, 6, { radius: 0.3, relative: true, blockChars: 3 }],
  ] as [string, string[], number, LevenshteinParams][])('%s: the clusters of full blocking', async (_name, alphabet, seed, p) => {
    const vs = values(seed, alphabet);
    const expected = bruteForce(vs, p);
    expect(expected.length).toBeGreaterThan(5);
    const got = await sqlGroups(vs, p);
    expect(got.groups).toEqual(expected);
    expect(got.warnings).toEqual([]);
  });

  it.each([
    ['Göteborg', 'Goteborg'],
    ['Zürich', 'Zurich'],
    ['東京都', '東京府'],
    ['Straße', 'Strasse'],
  ])('%s and %s are one character apart, not as many bytes', async (a, b) => {
    expect((await sqlGroups([a, b], { radius: 1, relative: false, blockChars: 2 })).groups).toEqual(a === 'Straße' ? [] : [[0, 1]]);
  });

  it('skips the largest blocks beyond the pair budget, and says which', async () => {
    const vs = Array.from({ length: 60 }, (_, i) => `common${String(i).padStart(2, '0')}`);
    const p: LevenshteinParams = { radius: 1, relative: false, blockChars: 6 };
    const full = await sqlGroups(vs, p);
    expect(full.groups).toHaveLength(1);
    const capped = await sqlGroups(vs, p, 100);
    expect(capped.warnings).toHaveLength(1);
    expect(capped.warnings[0]).toMatch(/blocks of more than \d+ values \(shared substrings such as "common"/);
    expect(capped.warnings[0]).toMatch(/to stay within 100 candidate pairs/);
    expect(capped.groups.flat().length).toBeLessThan(vs.length);
  });
});
