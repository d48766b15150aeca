// Profile figures as text, the same in the app and the CLI: numbers with separators, dates and
// timestamps (kept as Unix seconds) as ISO 8601 in UTC, times as hh:mm:ss.
import type { ColumnProfile, FigureBasis, NumericKind } from '../api/profile-types';
import type { LogicalType } from '../api/types';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const compact = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });

export function formatNumber(n: number): string {
  return Math.abs(n) >= 1e15 || (Math.abs(n) < 1e-4 && n !== 0) ? n.toExponential(3) : grouped.format(n);
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** The unit a type's values come in (integers, whole days as Unix seconds), so a histogram bin never splits one; null when continuous. */
export function valueUnit(type: LogicalType): number | null {
  if (type === 'integer') return 1;
  if (type === 'date') return 86_400;
  return null;
}

/** A value of a numeric profile (min, quantiles, mean, fences, bin edges) as text. */
export function formatValue(v: number | null, kind: NumericKind): string {
  if (v === null || !Number.isFinite(v)) return '—';
  switch (kind) {
    case 'number':
      return formatNumber(v);
    case 'date':
      return iso(v).slice(0, 10);
    case 'timestamp':
      return iso(v).replace('T', ' ').replace(/\.000Z$/, 'Z');
    case 'time':
      return iso(v).slice(11, 19);
  }
}

/** A spread (standard deviation) in the kind's natural unit: days for dates and timestamps. */
export function formatSpread(v: number | null, kind: NumericKind): string {
  if (v === null || !Number.isFinite(v)) return '—';
  if (kind === 'date' || kind === 'timestamp') return `${compact.format(v / 86_400)} days`;
  if (kind === 'time') return `${compact.format(v / 3600)} h`;
  return formatNumber(v);
}

export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '—';
  const p = (100 * part) / whole;
  if (p === 0) return '0 %';
  if (p < 0.1) return '<0.1 %';
  return `${p < 10 ? p.toFixed(1) : Math.round(p)} %`;
}

/** How a figure was computed, in words. */
export const BASIS_TEXT: Record<FigureBasis, string> = {
  'all-rows': 'every row',
  sample: 'the sample',
  estimate: 'every row, estimated',
};

/** A value shown on one line: empty and edge-space values are quoted so they can be seen. */
export function shownValue(v: string): string {
  if (v === '') return '(empty)';
  // eslint-disable-next-line no-control-regex -- control characters are what we make visible
  return /^\s|\s$|[\x00-\x1f]/.test(v) ? JSON.stringify(v) : v;
}

/** The anomalies a column shows, as short flags (the overview's and the CLI's last column). */
export type ProfileFlag = 'all-null' | 'failing' | 'outliers' | 'whitespace' | 'case' | 'near' | 'constant';

export const FLAG_TEXT: Record<ProfileFlag, string> = {
  'all-null': 'all values missing',
  failing: 'values failing the type',
  outliers: 'outliers beyond the IQR fences',
  whitespace: 'leading, trailing or doubled whitespace',
  case: 'the same value in different case',
  near: 'near-identical values',
  constant: 'one value only',
};

export function profileFlags(c: ColumnProfile, rowCount: number): ProfileFlag[] {
  const flags: ProfileFlag[] = [];
  if (rowCount > 0 && c.nulls === rowCount) flags.push('all-null');
  if (c.failing > 0) flags.push('failing');
  if (c.numeric && c.numeric.outliersLow + c.numeric.outliersHigh > 0) flags.push('outliers');
  if (c.whitespace.edges + c.whitespace.doubled > 0) flags.push('whitespace');
  if (c.caseVariants.groups > 0) flags.push('case');
  if (c.nearGroups && c.nearGroups.groups > 0) flags.push('near');
  if (c.distinct === 1) flags.push('constant');
  return flags;
}
