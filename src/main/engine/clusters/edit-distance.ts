// Levenshtein distance on Unicode code points, bounded: DuckDB's levenshtein() counts UTF-8 bytes
// ("é" → "e" is 2 there), so pairs with non-ASCII text are settled here.

/** Whether the edit distance between a and b (in code points) is at most `max`. */
export function withinDistance(a: string, b: string, max: number): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > max) return false;
  if (x.length === 0 || y.length === 0) return Math.max(x.length, y.length) <= max;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  let cur = new Array<number>(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    // Every later row is at least this row's minimum: stop once it is out of reach.
    if (rowMin > max) return false;
    [prev, cur] = [cur, prev];
  }
  return prev[y.length]! <= max;
}

export interface PairBatch {
  left: string[];
  right: string[];
  /** The largest distance allowed for each pair. */
  max: number[];
}

/** For each pair of the batch, 1 if it is within its distance, else 0. */
export function closePairs(batch: PairBatch): Uint8Array {
  const out = new Uint8Array(batch.left.length);
  for (let i = 0; i < out.length; i++) out[i] = withinDistance(batch.left[i]!, batch.right[i]!, batch.max[i]!) ? 1 : 0;
  return out;
}
