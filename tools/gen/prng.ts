// The generator's own seeded PRNG (sfc32, seeded through cyrb128): the same seed gives the same
// stream on every machine and Node version, which Math.random and faker cannot promise.

/** Four 32-bit words from any seed text (cyrb128). */
export function seedWords(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A 32-bit integer mix (lowbias32): spreads a counter over all bits. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(words: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = words;
    // Discard the first outputs: sfc32's early values still echo the seed.
    for (let i = 0; i < 12; i++) this.u32();
  }

  /**
   * A stream derived from a base seed and a stream number and index, so that record k can be
   * regenerated at any time without keeping earlier records.
   */
  static derive(base: readonly [number, number, number, number], stream: number, index: number): Rng {
    const lo = index >>> 0;
    const hi = Math.floor(index / 0x100000000) >>> 0;
    return new Rng([
      (base[0] ^ mix32(lo + 0x9e3779b9)) >>> 0,
      (base[1] ^ mix32(hi ^ Math.imul(stream, 0x85ebca6b))) >>> 0,
      (base[2] ^ mix32(stream + 0x27d4eb2f)) >>> 0,
      (base[3] ^ mix32(lo ^ 0x165667b1)) >>> 0,
    ]);
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const v = items[Math.floor(this.next() * items.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }

  /** Picks by weight; `weights` are relative and need not sum to 1. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }

  /** n random decimal digits (up to nine per draw; the modulo bias is far below what matters here). */
  digits(n: number): string {
    let s = '';
    while (n > 0) {
      const k = Math.min(n, 9);
      s += String(this.u32() % POW10[k]!).padStart(k, '0');
      n -= k;
    }
    return s;
  }
}
