// Puts a column's figures together — from the scan over every row and from the sample — and
// records for the whole profile which figures are exact and which come from the sample.
import type { ColumnProfile, FigureBasis, NumericProfile, ProfileFigure, ValueCount, VariantSummary, WhitespaceCounts, PatternCount } from '../../../shared/api/profile-types';
import type { SampleDistribution } from './numeric';
import { numericKind, type ColumnPlan } from './plan';
import type { ScanFigures } from './scan';

/** How each figure is computed, given whether the sample is every row and every distinct count exact. */
export function basisFor(complete: boolean, distinctExact: boolean): Record<ProfileFigure, FigureBasis> {
  const sample: FigureBasis = complete ? 'all-rows' : 'sample';
  return {
    counts: 'all-rows',
    distinct: distinctExact ? 'all-rows' : 'estimate',
    lengths: 'all-rows',
    moments: 'all-rows',
    outliers: 'all-rows',
    quantiles: sample,
    histogram: sample,
    inferredType: sample,
    topValues: sample,
    patterns: sample,
    whitespace: sample,
    caseVariants: sample,
    nearGroups: sample,
    failingExamples: sample,
  };
}

/** What the sample's values gave, per column (plan index). */
export interface TextFigures {
  topValues: Map<number, ValueCount[]>;
  patternCounts: Map<number, number>;
  patterns: Map<number, PatternCount[]>;
  whitespace: Map<number, WhitespaceCounts>;
  caseVariants: Map<number, VariantSummary>;
  nearGroups: Map<number, VariantSummary>;
  failingExamples: Map<number, ValueCount[]>;
}

function numericProfile(p: ColumnPlan, scan: ScanFigures, dist: SampleDistribution | undefined): NumericProfile | null {
  const kind = numericKind(p.type);
  if (kind === null) return null;
  return {
    kind,
    count: scan.count ?? 0,
    min: scan.min,
    max: scan.max,
    mean: scan.mean,
    stddev: scan.stddev,
    p5: dist?.p5 ?? null,
    q1: dist?.q1 ?? null,
    median: dist?.median ?? null,
    q3: dist?.q3 ?? null,
    p95: dist?.p95 ?? null,
    lowFence: dist?.lowFence ?? null,
    highFence: dist?.highFence ?? null,
    outliersLow: scan.outliersLow,
    outliersHigh: scan.outliersHigh,
    histogram: dist?.histogram ?? [],
  };
}

const noVariants = (): VariantSummary => ({ groups: 0, rows: 0, examples: [] });

export function columnProfile(p: ColumnPlan, scan: ScanFigures, s: TextFigures, dist: SampleDistribution | undefined): ColumnProfile {
  const i = p.index;
  return {
    columnId: p.info.id,
    header: p.info.header,
    position: p.info.position,
    storageType: p.info.storageType,
    logicalType: p.info.logicalType,
    inferredType: p.type,
    nulls: scan.nulls,
    empty: scan.empty,
    distinct: scan.distinct,
    distinctExact: scan.distinctExact,
    failing: scan.failing,
    failingExamples: s.failingExamples.get(i) ?? [],
    length: scan.length,
    numeric: numericProfile(p, scan, dist),
    boolean: scan.boolean,
    topValues: s.topValues.get(i) ?? [],
    patternCount: s.patternCounts.get(i) ?? 0,
    patterns: s.patterns.get(i) ?? [],
    whitespace: s.whitespace.get(i) ?? { edges: 0, doubled: 0, examples: [] },
    caseVariants: s.caseVariants.get(i) ?? noVariants(),
    nearGroups: p.type === 'text' ? (s.nearGroups.get(i) ?? noVariants()) : null,
  };
}
