// The phonetic cluster key: Double Metaphone's primary code of each fingerprint token.
import { doubleMetaphone } from 'double-metaphone';
import { fingerprint } from '../text/keys';

const HAS_DIGIT = /\p{Nd}/u;

/**
 * The rule: take the value's fingerprint tokens (so case, accents, punctuation and word order
 * already do not matter); replace each token by its primary Double Metaphone code, except tokens
 * holding a digit (house numbers, codes: "Route 66" is not "Route 9") and tokens the algorithm
 * gives no code (non-Latin scripts), which stay as they are; then sort the distinct codes and join
 * them with one space. Sorting again matters: "fil fry" and "fry phil" have the same codes in
 * another order. An empty key (a value with no letters or digits) clusters nothing.
 */
export function metaphoneKey(value: string): string {
  const codes = new Set<string>();
  for (const token of fingerprint(value).split(' ')) {
    if (token === '') continue;
    const code = HAS_DIGIT.test(token) ? token : doubleMetaphone(token)[0];
    codes.add(code === '' ? token : code);
  }
  return [...codes].sort().join(' ');
}
