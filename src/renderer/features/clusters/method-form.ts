// The method picker's state as the inputs hold it (text, so typing is never fought), what each
// method does in a sentence, and the request the form becomes (the engine validates it).
import {
  BLOCK_CHARS,
  CLUSTER_METHODS,
  NGRAM_N,
  RADIUS_EDITS,
  RADIUS_RATIO,
  type ClusterMethod,
  type ClusterParamsByMethod,
} from '../../../shared/api/cluster-types';

export interface MethodForm {
  method: ClusterMethod;
  n: string;
  radius: string;
  relative: boolean;
  blockChars: string;
}

export const DEFAULT_FORM: MethodForm = {
  method: 'fingerprint',
  n: String(NGRAM_N.default),
  radius: String(RADIUS_EDITS.default),
  relative: false,
  blockChars: String(BLOCK_CHARS.default),
};

export const METHOD_HELP: Record<ClusterMethod, string> = {
  fingerprint: 'Values that are equal once trimmed, lower-cased, stripped of accents and punctuation, with their words sorted ("Smith, John" = "john smith").',
  ngram: 'Values made of the same character n-grams once spaces and punctuation are gone ("New-York" = "new york"); n = 1 also catches swapped letters.',
  metaphone: 'Values whose words sound alike in English (Double Metaphone: "Smyth" = "Smith", "Jon" = "John"). Words with digits must match exactly.',
  levenshtein: 'Values within a few edits of each other (ignoring case), compared only when they share a run of characters. Chains of close values become one cluster.',
};

export { CLUSTER_METHODS };

/** Switching to a relative radius (or back) resets the radius to that kind's default. */
export function setRelative(f: MethodForm, relative: boolean): MethodForm {
  return { ...f, relative, radius: String(relative ? RADIUS_RATIO.default : RADIUS_EDITS.default) };
}

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** The `method` and `params` of a cluster.start request. */
export function toRequest(f: MethodForm): { [M in ClusterMethod]: { method: M; params: ClusterParamsByMethod[M] } }[ClusterMethod] {
  switch (f.method) {
    case 'fingerprint':
      return { method: 'fingerprint', params: {} };
    case 'metaphone':
      return { method: 'metaphone', params: {} };
    case 'ngram':
      return { method: 'ngram', params: { n: num(f.n) } };
    case 'levenshtein':
      return { method: 'levenshtein', params: { radius: num(f.radius), relative: f.relative, blockChars: num(f.blockChars) } };
  }
}

/** The method and parameters in words, for the results' heading. */
export function describeRun(f: MethodForm): string {
  switch (f.method) {
    case 'ngram':
      return `N-gram fingerprint, n = ${f.n}`;
    case 'levenshtein':
      return `Levenshtein, radius ${f.radius}${f.relative ? ' of the length' : ''}, blocks of ${f.blockChars}`;
    default:
      return f.method === 'fingerprint' ? 'Fingerprint' : 'Phonetic (Double Metaphone)';
  }
}
