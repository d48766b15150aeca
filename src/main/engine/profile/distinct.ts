// Distinct values over every row without a hash table per column: each value's 64-bit hash sets
// one bit of an M-bit map (DuckDB's bitstring_agg), and linear counting turns the share of bits
// left unset into an estimate, n ≈ −M·ln(unset / M). With M ≥ the row count its standard error is
// under 0.1 % at M = 2^20 (DuckDB's own approx_count_distinct is off by 10–30 % at a few thousand
// values), at the cost of M/8 bytes per column. Small tables are counted exactly instead.

const MIN_BITS_LOG2 = 16;
/** 2^26 bits = 8 MiB per column; beyond ~10^8 rows the estimate's error grows past 1 %. */
const MAX_BITS_LOG2 = 26;

/** The bitmap size for a table of `rowCount` rows: the power of two at or above it, within bounds. */
export function bitmapBits(rowCount: number): number {
  const log2 = Math.ceil(Math.log2(Math.max(2, rowCount)));
  return 2 ** Math.min(MAX_BITS_LOG2, Math.max(MIN_BITS_LOG2, log2));
}

/** The SQL aggregate: how many of the M bits the column's non-null values set. */
export function setBitsSql(expr: string, bits: number): string {
  return `bit_count(bitstring_agg(CASE WHEN ${expr} IS NOT NULL THEN (hash(${expr}) & ${bits - 1})::BIGINT END, 0, ${bits - 1}))`;
}

/** Linear counting: the distinct values that set `set` of `bits` bits (never more than `values`). */
export function linearCount(set: number, bits: number, values: number): number {
  if (set <= 0) return 0;
  if (set >= bits) return values;
  return Math.min(values, Math.round(-bits * Math.log(1 - set / bits)));
}
