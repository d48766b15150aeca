// The column profile (pass 1) as it crosses the API: per column counts, type, distribution,
// text shape and anomalies, with a record of which figures cover every row and which the sample.
import type { LogicalType } from './types';

/** How a figure was computed: over every row, over the sample, or estimated over every row. */
export type FigureBasis = 'all-rows' | 'sample' | 'estimate';

/** The figures of a profile, by group; `DatasetProfile.basis` says how each was computed. */
export const PROFILE_FIGURES = [
  'counts', // rows, nulls, empty strings, values failing the type
  'distinct', // exact, or estimated per column (ColumnProfile.distinctExact)
  'lengths',
  'moments', // min, max, mean, standard deviation, true/false counts
  'quantiles', // p5, quartiles, median, p95 — and the IQR fences built from them
  'outliers', // rows outside the fences
  'histogram',
  'inferredType',
  'topValues',
  'patterns',
  'whitespace',
  'caseVariants',
  'nearGroups',
  'failingExamples',
] as const;
export type ProfileFigure = (typeof PROFILE_FIGURES)[number];

/** The deterministic sample: rows whose row_id is a multiple of `every` (every row when 1). */
export interface ProfileSample {
  rows: number;
  every: number;
  /** True when the sample is every row, so every figure is exact. */
  complete: boolean;
}

export interface ValueCount {
  value: string;
  count: number;
}

export interface PatternCount {
  pattern: string;
  count: number;
  /** The most frequent value with this pattern. */
  example: string;
}

/** Distinct values that share a key (the same lower-cased text, or the same fingerprint). */
export interface VariantGroup {
  key: string;
  /** Most frequent first. */
  values: ValueCount[];
}

export interface VariantSummary {
  /** Groups of two or more distinct values sharing a key. */
  groups: number;
  /** Rows whose value is not the most frequent one of its group (the likely misspellings). */
  rows: number;
  /** The largest groups. */
  examples: VariantGroup[];
}

export interface WhitespaceCounts {
  /** Values starting or ending with whitespace (whitespace-only values included). */
  edges: number;
  /** Values with two or more whitespace characters in a row between other characters. */
  doubled: number;
  examples: ValueCount[];
}

/** What the numbers of a numeric profile measure: dates and timestamps as Unix seconds, times as seconds of the day. */
export type NumericKind = 'number' | 'date' | 'timestamp' | 'time';

export interface HistogramBin {
  /** Inclusive lower edge; the last bin also includes its upper edge. */
  lo: number;
  hi: number;
  count: number;
}

export interface NumericProfile {
  kind: NumericKind;
  /** Values that hold the type (cast successfully). */
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  stddev: number | null;
  p5: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  p95: number | null;
  /** Tukey's fences: Q1 − 1.5·IQR and Q3 + 1.5·IQR. */
  lowFence: number | null;
  highFence: number | null;
  /** Rows below the low fence and above the high fence. */
  outliersLow: number;
  outliersHigh: number;
  /** Values between the fences (outliers are counted above, not binned). */
  histogram: HistogramBin[];
}

export interface BooleanProfile {
  trueCount: number;
  falseCount: number;
}

export interface LengthStats {
  min: number;
  max: number;
  mean: number;
}

export interface ColumnProfile {
  columnId: string;
  header: string;
  position: number;
  storageType: string;
  /** The type recorded at import. */
  logicalType: LogicalType;
  /** The type most non-empty values hold (more than half of the sample); text when none does. */
  inferredType: LogicalType;
  nulls: number;
  /** Empty strings (text columns). */
  empty: number;
  distinct: number;
  /** False when the column held many distinct values and they were estimated (±0.1 %). */
  distinctExact: boolean;
  /** Non-empty values that do not cast to the inferred type (0 for text). */
  failing: number;
  failingExamples: ValueCount[];
  /** Characters per non-null value (text columns stored as text). */
  length: LengthStats | null;
  numeric: NumericProfile | null;
  boolean: BooleanProfile | null;
  topValues: ValueCount[];
  /** Distinct patterns in the sample. */
  patternCount: number;
  patterns: PatternCount[];
  whitespace: WhitespaceCounts;
  caseVariants: VariantSummary;
  /** Distinct values sharing a fingerprint key (text columns only). */
  nearGroups: VariantSummary | null;
}

export interface DatasetProfile {
  datasetId: string;
  version: number;
  rowCount: number;
  computedAt: string;
  seconds: number;
  sample: ProfileSample;
  basis: Record<ProfileFigure, FigureBasis>;
  /** Keyed by column id, in column order. */
  columns: Record<string, ColumnProfile>;
}
