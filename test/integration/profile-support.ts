// Reference statistics for the profile tests, written out plainly so the expected figures are
// computed independently of DuckDB.

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);

/** Linear interpolation between closest ranks (DuckDB's quantile_cont, pandas' default). */
export function quantileCont(values: readonly number[], q: number): number {
  const s = sorted(values);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return s[lo]! + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]!) - s[lo]!);
}

/** The value at rank ceil(n·q) (DuckDB's quantile_disc): always a value that occurs. */
export function quantileDisc(values: readonly number[], q: number): number {
  const s = sorted(values);
  return s[Math.max(0, Math.ceil(s.length * q) - 1)]!;
}

export const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

export function stddevSamp(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1));
}

/** An ISO date as Unix seconds (UTC midnight). */
export const days = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 1000;
