// Fellegi-Sunter match weights estimated without labels: expectation-maximisation over the
// distinct comparison patterns (a few hundred, however many pairs), with the non-match
// probabilities u held fixed (estimated beforehand from random record pairs and value
// frequencies, as Splink does) and the match probabilities m and the prior λ estimated. Pairs a
// reviewer decided keep their label (1 or 0) in every iteration instead of an estimate.

/** One distinct pattern of levels (null: missing, neutral), how many pairs have it, and their label if decided. */
export interface Pattern {
  levels: (number | null)[];
  count: number;
  label?: 0 | 1;
}

export interface EmResult {
  /** m[c][level]. */
  m: number[][];
  lambda: number;
  iterations: number;
  converged: boolean;
}

export const EM_DEFAULTS = { maxIterations: 200, tolerance: 1e-7, floor: 1e-6 } as const;

/** The starting m: "else" unlikely (0.05), the exact level likely (0.7), the other levels sharing the rest. */
export function initialM(levelCounts: number[], exact: number[]): number[][] {
  return levelCounts.map((n, c) => {
    if (n <= 1) return [1];
    if (n === 2) return [0.1, 0.9];
    const e = exact[c] ?? n - 1;
    return Array.from({ length: n }, (_, l) => (l === 0 ? 0.05 : l === e ? 0.7 : 0.25 / (n - 2)));
  });
}

function normalise(xs: number[], floor: number): number[] {
  const clamped = xs.map((x) => Math.max(floor, x));
  const s = clamped.reduce((a, b) => a + b, 0);
  return clamped.map((x) => x / s);
}

/** The probability that a pattern is a match under (m, u, λ). */
export function matchProbability(levels: (number | null)[], m: number[][], u: number[][], lambda: number): number {
  let lm = Math.log(lambda);
  let lu = Math.log(1 - lambda);
  for (let c = 0; c < levels.length; c++) {
    const l = levels[c];
    if (l === null || l === undefined) continue;
    lm += Math.log(m[c]![l]!);
    lu += Math.log(u[c]![l]!);
  }
  return 1 / (1 + Math.exp(lu - lm));
}

export interface EmOptions extends Partial<typeof EM_DEFAULTS> {
  /** Starting m (default: initialM with the last level as exact). */
  m?: number[][];
  /** Starting λ (default 0.1). */
  lambda?: number;
  /** Comparisons left out (as if missing everywhere): those a training rule's pairs agree on by construction. */
  ignore?: boolean[];
  /** Keep m as given and estimate λ only. */
  lambdaOnly?: boolean;
  /**
   * Every pair the patterns were drawn from, counted or not (all N(N−1)/2 record pairs): λ is then
   * the prior of a random pair, as u is, with the pairs no rule made taken as non-matches.
   */
  totalPairs?: number;
}

/** Estimates m and λ with u fixed. `u[c]` has one entry per level of comparison c. */
export function estimate(patterns: Pattern[], u: number[][], opts: EmOptions = {}): EmResult {
  const o = { ...EM_DEFAULTS, ...opts };
  const levelCounts = u.map((x) => x.length);
  let m = opts.m ?? initialM(levelCounts, levelCounts.map((n) => n - 1));
  let lambda = opts.lambda ?? 0.1;
  const ignore = opts.ignore ?? [];
  if (ignore.some(Boolean)) patterns = patterns.map((p) => ({ ...p, levels: p.levels.map((l, c) => (ignore[c] ? null : l)) }));
  const total = patterns.reduce((a, p) => a + p.count, 0);
  if (total === 0) return { m, lambda, iterations: 0, converged: true };
  let iterations = 0;
  let converged = false;
  while (iterations < o.maxIterations) {
    iterations++;
    const num = levelCounts.map((n) => new Array<number>(n).fill(0));
    const den = levelCounts.map(() => 0);
    let matched = 0;
    for (const p of patterns) {
      const pm = p.label ?? matchProbability(p.levels, m, u, lambda);
      const w = pm * p.count;
      matched += w;
      for (let c = 0; c < p.levels.length; c++) {
        const l = p.levels[c];
        if (l === null || l === undefined) continue;
        num[c]![l]! += w;
        den[c]! += w;
      }
    }
    const next = opts.lambdaOnly ? m : num.map((row, c) => (den[c]! > 0 ? normalise(row.map((x) => x / den[c]!), o.floor) : m[c]!));
    const pairs = Math.max(total, opts.totalPairs ?? 0);
    const nextLambda = Math.min(1 - o.floor, Math.max(Number.MIN_VALUE, matched / pairs));
    // Below one expected match among all the pairs, λ only shrinks by a steady factor towards 0 (a
    // small table with no duplicates): its log never settles, but there is nothing left to estimate.
    let delta = Math.max(lambda, nextLambda) * pairs < 1 ? 0 : Math.abs(Math.log(nextLambda) - Math.log(lambda));
    for (let c = 0; c < next.length; c++) for (let l = 0; l < next[c]!.length; l++) delta = Math.max(delta, Math.abs(next[c]![l]! - m[c]![l]!));
    m = next;
    lambda = nextLambda;
    if (delta < o.tolerance) {
      converged = true;
      break;
    }
  }
  return { m, lambda, iterations, converged };
}

/**
 * u per comparison from counts of levels among random record pairs (Laplace-smoothed), with the
 * exact level's u replaced by the chance that two random records share a value (from the value
 * frequencies: exact even where the sample saw no such pair), the other levels scaled to the rest.
 */
export function estimateU(sampleCounts: number[][], exactLevel: number[], exactU: (number | null)[], floor = EM_DEFAULTS.floor): number[][] {
  return sampleCounts.map((counts, c) => {
    const n = counts.reduce((a, b) => a + b, 0);
    const smoothed = counts.map((k) => (k + 0.5) / (n + 0.5 * counts.length));
    const ex = exactU[c];
    const e = exactLevel[c]!;
    if (ex === null || ex === undefined || counts.length < 2) return normalise(smoothed, floor);
    const exact = Math.min(0.999, Math.max(floor, ex));
    const others = smoothed.reduce((a, x, i) => (i === e ? a : a + x), 0);
    return normalise(smoothed.map((x, i) => (i === e ? exact : (x / others) * (1 - exact))), floor);
  });
}
