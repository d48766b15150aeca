// Value keys that group near-identical text, in SQL (over a column) and in JavaScript (over one
// value), defined once so the profile's "near-identical groups" and the cluster suggestions agree.

/**
 * OpenRefine's fingerprint key as a DuckDB expression over `expr` (a VARCHAR): trimmed, lower-cased,
 * accents stripped, punctuation and control characters removed, split on whitespace, distinct
 * tokens sorted and joined by one space. NULL stays NULL.
 */
export function fingerprintSql(expr: string): string {
  const cleaned = `regexp_replace(strip_accents(lower(trim(${expr}))), '[\\p{P}\\p{S}\\p{Cc}]', '', 'g')`;
  return `array_to_string(list_sort(list_distinct(list_filter(string_split_regex(${cleaned}, '\\s+'), t -> t <> ''))), ' ')`;
}

const PUNCT = /[\p{P}\p{S}\p{Cc}]/gu;
const MARKS = /\p{M}/gu;

/** The same fingerprint key in JavaScript (for one value, e.g. a user's edit in the UI). */
export function fingerprint(value: string): string {
  const cleaned = value.trim().toLowerCase().normalize('NFD').replace(MARKS, '').normalize('NFC').replace(PUNCT, '');
  return [...new Set(cleaned.split(/\s+/).filter((t) => t !== ''))].sort().join(' ');
}

/**
 * OpenRefine's n-gram fingerprint: the value lower-cased, accents stripped, punctuation, control
 * characters and whitespace removed, then its distinct character n-grams sorted and concatenated.
 */
export function ngramFingerprint(value: string, n = 2): string {
  const s = value.toLowerCase().normalize('NFD').replace(MARKS, '').replace(PUNCT, '').replace(/\s+/gu, '');
  const chars = [...s];
  if (chars.length < n) return chars.join('');
  const grams = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) grams.add(chars.slice(i, i + n).join(''));
  return [...grams].sort().join('');
}
