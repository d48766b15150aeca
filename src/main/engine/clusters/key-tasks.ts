// Cluster keys computed in JavaScript, as pure functions over a batch of distinct values: what the
// worker pool runs (and what runs in-process for small batches).
import { ngramFingerprint } from '../text/keys';
import { metaphoneKey } from './phonetic';

export interface NgramBatch {
  values: string[];
  n: number;
}

/** OpenRefine's n-gram fingerprint of each value, in order. */
export function ngramKeys(batch: NgramBatch): string[] {
  return batch.values.map((v) => ngramFingerprint(v, batch.n));
}

/** The phonetic key of each value, in order. */
export function metaphoneKeys(batch: { values: string[] }): string[] {
  return batch.values.map(metaphoneKey);
}
