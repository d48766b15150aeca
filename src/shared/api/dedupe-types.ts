// Duplicate detection ("Find duplicates"): column roles, blocking rules, the match model
// (Fellegi-Sunter weights), the settings a run takes (with the zod schema that validates them),
// and what a run returns and stores: counts, histograms, pairs, clusters and the review queue.
import { z } from 'zod';

/** What a column holds, for matching. `ignore` columns are never compared (e.g. a record key). */
export const DEDUPE_ROLES = [
  'given_name',
  'family_name',
  'full_name',
  'date',
  'email',
  'phone',
  'address',
  'postcode',
  'city',
  'identifier',
  'category',
  'text',
  'numeric',
  'ignore',
] as const;
export type DedupeRole = (typeof DEDUPE_ROLES)[number];

export const DEDUPE_ROLE_LABEL: Record<DedupeRole, string> = {
  given_name: 'Given name',
  family_name: 'Family name',
  full_name: 'Full name',
  date: 'Date',
  email: 'E-mail',
  phone: 'Phone',
  address: 'Address',
  postcode: 'Postcode',
  city: 'City',
  identifier: 'Identifier',
  category: 'Category',
  text: 'Free text',
  numeric: 'Number',
  ignore: 'Not compared',
};

/** One column's role: what was inferred (and why) and what is used (the user's correction, if any). */
export interface ColumnRole {
  columnId: string;
  header: string;
  /** The role used. */
  role: DedupeRole;
  /** The role inferred from the header, the type and the values. */
  inferred: DedupeRole;
  /** Why it was inferred (e.g. "header says e-mail; 98 % of sampled values are e-mail addresses"). */
  reason: string;
  /** True when the user (settings.roles, or --exclude) chose `role`. */
  overridden: boolean;
}

/** A way of choosing candidate pairs: records are compared only when a rule pairs them. */
export interface BlockingRule {
  /** Stable id, e.g. `family_phonetic+birth_year`, `email`, `postcode+given_initial`, `sorted_name`. */
  id: string;
  /** Where people read it, e.g. "Same family-name sound and birth year". */
  label: string;
  /** The columns its key is made from. */
  columnIds: string[];
  /** `key`: records sharing a key value; `neighbourhood`: records within a window after sorting by a key. */
  kind: 'key' | 'neighbourhood';
  /** Candidate pairs this rule alone makes (before removing pairs other rules made too). */
  pairs: number;
  /** False when left out: by the user, or because it would make too many pairs (see `reason`). */
  used: boolean;
  reason?: string;
}

/** One level of a comparison (level 0 is always "no match"; NULL on either side is neutral and not a level). */
export interface ComparisonLevel {
  /** e.g. "exact", "Jaro-Winkler ≥ 0.92", "within 1 year", "first and last name swapped", "else". */
  label: string;
  /** P(level | the pair is a match). */
  m: number;
  /** P(level | the pair is not a match). */
  u: number;
  /** log2(m / u): the match weight this level adds. */
  weight: number;
  /** True when the weight is adjusted per value by its frequency (common values weigh less). */
  termFrequency?: boolean;
}

export interface Comparison {
  /** e.g. `given_name`, `name_swap`, `dob`. */
  id: string;
  label: string;
  columnIds: string[];
  role: DedupeRole;
  levels: ComparisonLevel[];
}

/** The match model: estimated without labels (EM), optionally refined by review decisions. */
export interface DedupeModel {
  comparisons: Comparison[];
  /** Prior probability that two records drawn at random match (the prior of every pair's score). */
  lambda: number;
  /** EM iterations run, and whether they converged. */
  iterations: number;
  converged: boolean;
  /** Review decisions that fed the estimate (0 when none were used). */
  decisionsUsed: number;
}

export const DEDUPE_SURVIVORSHIP = ['most_complete', 'newest', 'first', 'merge'] as const;
export type Survivorship = (typeof DEDUPE_SURVIVORSHIP)[number];

export const DEDUPE_DEFAULTS = {
  threshold: 0.9,
  review: { lower: 0.5, upper: 0.95 },
  /** A rule making more candidate pairs than this many per row is left out automatically. */
  maxPairsPerRow: 5,
} as const;

const columnId = z.string().regex(/^c[0-9]+$/, 'a column id looks like c3');
const probability = (what: string) =>
  z.number(`${what} must be a number`).gt(0, `${what} must be greater than 0`).lt(1, `${what} must be less than 1`);

/** A run's settings; everything is optional (zero configuration). */
export const dedupeSettingsSchema = z
  .strictObject({
    /** Role corrections by column id (the rest are inferred). */
    roles: z.record(columnId, z.enum(DEDUPE_ROLES)).default({}),
    /** The column holding record ids: reported, never compared. */
    idColumn: columnId.optional(),
    /** Columns never compared. */
    exclude: z.array(columnId).max(10_000).default([]),
    /** Pairs at or above this probability are duplicates. */
    threshold: probability('the threshold').default(DEDUPE_DEFAULTS.threshold),
    /** Pairs in [lower, upper) go to the review queue. */
    review: z
      .strictObject({ lower: probability('the review band’s lower bound'), upper: probability('the review band’s upper bound') })
      .refine((r) => r.lower < r.upper, 'the review band’s lower bound must be below its upper bound')
      .default(DEDUPE_DEFAULTS.review),
    /** Blocking rules to use, by id; absent = the automatic choice. */
    rules: z.array(z.string().min(1).max(200)).max(50).optional(),
    /** Whether stored review decisions steer the run (accepted pairs match, rejected pairs do not) and feed the weights. */
    useDecisions: z.boolean().default(true),
  })
  .default({ roles: {}, exclude: [], threshold: DEDUPE_DEFAULTS.threshold, review: DEDUPE_DEFAULTS.review, useDecisions: true });
export type DedupeSettings = z.output<typeof dedupeSettingsSchema>;
export type DedupeSettingsInput = z.input<typeof dedupeSettingsSchema>;

/** What a run would do, before running it: roles and blocking rules with their pair counts. */
export interface DedupePlan {
  datasetId: string;
  version: number;
  rows: number;
  roles: ColumnRole[];
  rules: BlockingRule[];
  /** Distinct candidate pairs the used rules make together. */
  candidatePairs: number;
  warnings: string[];
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface DedupeCounts {
  rows: number;
  /** Rows equal to an earlier row on every compared column after normalising (trim, case, accents, spacing). */
  exactDuplicateRows: number;
  candidatePairs: number;
  /** Pairs at or above the threshold (after review decisions). */
  matchedPairs: number;
  /** Undecided pairs in the review band. */
  reviewPairs: number;
  decidedPairs: number;
  /** Clusters of two or more records. */
  clusters: number;
  rowsInClusters: number;
  /** Rows a survivorship step would remove: rowsInClusters − clusters. */
  duplicateRows: number;
  largestCluster: number;
  /** Clusters whose members do not all match each other (joined through chains): worth a look. */
  chainedClusters: number;
}

/** A stored run of duplicate detection on one version (the latest is kept). */
export interface DedupeSummary {
  datasetId: string;
  version: number;
  /** When, by whom. */
  ranAt: string;
  ranBy: string;
  settings: DedupeSettings;
  roles: ColumnRole[];
  rules: BlockingRule[];
  model: DedupeModel;
  counts: DedupeCounts;
  /** Cluster size → number of clusters (sizes ≥ 2). */
  clusterSizes: { size: number; clusters: number }[];
  /** Scored pairs by match probability, 20 bins of 0.05. */
  probabilities: HistogramBin[];
  /** SHA-256 of the decisions and of the model a run used: stored with the run so it can be reproduced. */
  digests: { decisions: string; model: string; decisionCount: number };
  warnings: string[];
  seconds: number;
}

export const PAIR_DECISIONS = ['match', 'non_match'] as const;
export type PairDecision = (typeof PAIR_DECISIONS)[number];

/** One comparison's part in a pair's score (a bar of the waterfall chart). */
export interface PairContribution {
  comparisonId: string;
  label: string;
  /** The level reached (its label), or null when a value is missing (neutral). */
  level: string | null;
  weight: number;
}

export interface DedupePair {
  rowIdL: number;
  rowIdR: number;
  probability: number;
  /** The prior's weight plus every contribution: log2 odds of a match. */
  weight: number;
  priorWeight: number;
  contributions: PairContribution[];
  decision: PairDecision | null;
}

export interface RecordValues {
  rowId: number;
  /** In the order of the page's `columns`. */
  values: (string | null)[];
}

export interface DedupeReviewItem {
  pair: DedupePair;
  left: RecordValues;
  right: RecordValues;
  /** Columns whose values differ (after normalising), for highlighting. */
  differing: string[];
}

export interface DedupeReviewPage {
  columns: { id: string; header: string }[];
  /** Pairs in the review band (undecided ones, or all of them). */
  total: number;
  offset: number;
  items: DedupeReviewItem[];
}

export interface DedupeCluster {
  clusterId: number;
  size: number;
  /** The weakest link's probability. */
  minProbability: number;
  /** False when some members only match through others (a chain). */
  fullyLinked: boolean;
  members: RecordValues[];
}

export interface DedupeClusterPage {
  columns: { id: string; header: string }[];
  /** Clusters of two or more records (of the chosen kind). */
  total: number;
  offset: number;
  clusters: DedupeCluster[];
}
