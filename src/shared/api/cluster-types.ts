// Suggested value clusters ("Cluster & edit"): the methods, their parameters (with the zod schema
// that validates a request), and the result a cluster job returns.
import { z } from 'zod';

export const CLUSTER_METHODS = ['fingerprint', 'ngram', 'metaphone', 'levenshtein'] as const;
export type ClusterMethod = (typeof CLUSTER_METHODS)[number];

/** What each method is called where people read it. */
export const CLUSTER_METHOD_LABEL: Record<ClusterMethod, string> = {
  fingerprint: 'Fingerprint',
  ngram: 'N-gram fingerprint',
  metaphone: 'Phonetic (Double Metaphone)',
  levenshtein: 'Nearest neighbour (Levenshtein)',
};

export const NGRAM_N = { min: 1, max: 10, default: 2 } as const;
export const RADIUS_EDITS = { min: 1, max: 20, default: 1 } as const;
export const RADIUS_RATIO = { min: 0.01, max: 0.99, default: 0.2 } as const;
export const BLOCK_CHARS = { min: 2, max: 20, default: 6 } as const;

export type FingerprintParams = Record<string, never>;
export type MetaphoneParams = Record<string, never>;
export interface NgramParams {
  /** Characters per gram. */
  n: number;
}
export interface LevenshteinParams {
  /** Largest distance that links two values: whole edits, or with `relative` a fraction of the longer value's length. */
  radius: number;
  relative: boolean;
  /** Two values are compared only when they share a substring of this many characters (or are shorter and equal to one). */
  blockChars: number;
}

export interface ClusterParamsByMethod {
  fingerprint: FingerprintParams;
  ngram: NgramParams;
  metaphone: MetaphoneParams;
  levenshtein: LevenshteinParams;
}
export type ClusterParams = ClusterParamsByMethod[ClusterMethod];

export interface ClusterValue {
  value: string;
  /** Rows holding exactly this value. */
  count: number;
}

export interface Cluster {
  /** What the values share: the key for key collision, the most frequent value for Levenshtein. */
  key: string;
  /** Count descending, then value (code-unit order). */
  values: ClusterValue[];
  /** Rows holding any of the values. */
  rows: number;
  /** The most frequent value; ties go to the value that sorts first. */
  suggested: string;
}

export interface ClusterResult {
  datasetId: string;
  version: number;
  columnId: string;
  method: ClusterMethod;
  params: ClusterParams;
  /** Distinct non-empty values in the column (NULL and blank values are never clustered). */
  distinctValues: number;
  clusters: Cluster[];
  /** True when clusters (or values of a very large cluster) were left out to keep the result small. */
  truncated: boolean;
  /** What the user should know about how complete the suggestions are (e.g. blocks left out). */
  warnings: string[];
  seconds: number;
}

/** One accepted cluster: its variants and the value they become (a category_aliases map entry). */
export interface AliasEntry {
  from: string[];
  to: string;
}

/** The most clusters one result carries, and the most values one cluster lists. */
export const MAX_CLUSTERS = 5000;
export const MAX_CLUSTER_VALUES = 1000;

const target = {
  datasetId: z.string().regex(/^d[0-9]+$/, 'a dataset id looks like d12'),
  version: z.int().positive(),
  columnId: z.string().regex(/^c[0-9]+$/, 'a column id looks like c3'),
};
/** A method's parameter object; an unknown key names what the method does take. */
function paramsOf<S extends z.core.$ZodLooseShape>(method: ClusterMethod, shape: S) {
  const known = Object.keys(shape);
  const takes = known.length === 0 ? 'takes no parameters' : `takes only ${known.join(', ')}`;
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `${method} ${takes} (got ${iss.keys.join(', ')})` : undefined),
  });
}
const noParams = (method: ClusterMethod) => paramsOf(method, {}).default({});
const between = (what: string, r: { min: number; max: number }) =>
  z.number(`${what} must be a number`).min(r.min, `${what} must be at least ${r.min}`).max(r.max, `${what} must be at most ${r.max}`);

const levenshteinParams = paramsOf('levenshtein', {
    radius: z.number('the radius must be a number').positive('the radius must be greater than 0').optional(),
    relative: z.boolean().default(false),
    blockChars: between('blockChars', BLOCK_CHARS).int('blockChars must be a whole number').default(BLOCK_CHARS.default),
  })
  .default({ relative: false, blockChars: BLOCK_CHARS.default })
  .superRefine((p, ctx) => {
    if (p.radius === undefined) return;
    const r = p.relative ? RADIUS_RATIO : RADIUS_EDITS;
    const what = p.relative
      ? `with relative: true the radius is a fraction of the longer value's length, from ${r.min} to ${r.max}`
      : `the radius counts whole edits: a whole number from ${r.min} to ${r.max} (or set relative: true for a fraction)`;
    const ok = p.radius >= r.min && p.radius <= r.max && (p.relative || Number.isInteger(p.radius));
    if (!ok) ctx.addIssue({ code: 'custom', path: ['radius'], message: `${what}; got ${p.radius}` });
  })
  .transform((p): LevenshteinParams => ({
    radius: p.radius ?? (p.relative ? RADIUS_RATIO.default : RADIUS_EDITS.default),
    relative: p.relative,
    blockChars: p.blockChars,
  }));

/** `cluster.start`'s input: the column, the method and that method's parameters (defaults filled in). */
export const clusterRequestSchema = z.discriminatedUnion(
  'method',
  [
    z.strictObject({ ...target, method: z.literal('fingerprint'), params: noParams('fingerprint') }),
    z.strictObject({
      ...target,
      method: z.literal('ngram'),
      params: paramsOf('ngram', { n: between('n', NGRAM_N).int('n must be a whole number').default(NGRAM_N.default) }).default({
        n: NGRAM_N.default,
      }),
    }),
    z.strictObject({ ...target, method: z.literal('metaphone'), params: noParams('metaphone') }),
    z.strictObject({ ...target, method: z.literal('levenshtein'), params: levenshteinParams }),
  ],
  { error: () => `method must be one of ${CLUSTER_METHODS.join(', ')}` },
);
export type ClusterRequest = z.output<typeof clusterRequestSchema>;
