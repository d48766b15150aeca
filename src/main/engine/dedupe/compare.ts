// What each role is normalised to (one SQL expression per compared column: the feature table) and
// how two records' values are compared: an ordered list of levels per role, each a SQL condition,
// level 0 always "else" and a missing value on either side neutral (NULL, stored as MISSING_LEVEL).
// DuckDB's built-in jaro_winkler_similarity, damerau_levenshtein and list functions do the work.
import type { DedupeRole } from '../../../shared/api/dedupe-types';
import { ident } from '../db/sql';
import { dateSql } from '../clean/ops-types';
import type { Binds } from '../clean/params';

/** The feature column holding a compared column's normalised value. */
export const feat = (columnId: string): string => ident(`x_${columnId}`);

/** Lower case, no accents, every run of non-letters/digits one space, trimmed; NULL when empty. */
export const normText = (v: string): string => `nullif(trim(regexp_replace(lower(strip_accents(${v})), '[^\\p{L}\\p{N}]+', ' ', 'g')), '')`;

/** Common street words and their abbreviations: both sides are written the short way. */
export const STREET_ABBREVIATIONS: [string, string][] = [
  ['street', 'st'], ['road', 'rd'], ['avenue', 'ave'], ['av', 'ave'], ['drive', 'dr'], ['lane', 'ln'], ['court', 'ct'],
  ['place', 'pl'], ['boulevard', 'blvd'], ['square', 'sq'], ['terrace', 'ter'], ['crescent', 'cres'], ['close', 'cl'],
  ['highway', 'hwy'], ['parkway', 'pkwy'], ['apartment', 'apt'], ['suite', 'ste'], ['north', 'n'], ['south', 's'],
  ['east', 'e'], ['west', 'w'], ['mount', 'mt'], ['saint', 'st'], ['strasse', 'str'], ['straße', 'str'], ['ulica', 'ul'],
  ['aleja', 'al'], ['rue', 'r'], ['calle', 'c'], ['via', 'v'],
];

/** The normalised feature of a column with this role (`v` is its value as trimmed text, NULL when empty). */
export function featureSql(b: Binds, role: DedupeRole, v: string): string {
  switch (role) {
    case 'email':
      return `lower(${v})`;
    case 'phone':
      // The last nine digits: the national number, whatever the country prefix or trunk zero.
      return `CASE WHEN length(regexp_replace(${v}, '[^0-9]', '', 'g')) >= 6 THEN right(regexp_replace(${v}, '[^0-9]', '', 'g'), 9) END`;
    case 'date':
      return `CAST(${dateSql(b, v, 'either')} AS DATE)`;
    case 'postcode':
    case 'identifier':
      return `nullif(upper(regexp_replace(${v}, '[^\\p{L}\\p{N}]+', '', 'g')), '')`;
    case 'numeric':
      return `TRY_CAST(regexp_replace(${v}, '[^0-9.eE+\\-]', '', 'g') AS DOUBLE)`;
    case 'address': {
      // Word by word (one pass; a chain of regular expressions cost ~30 µs a value).
      const cases = STREET_ABBREVIATIONS.map(([long, short]) => `WHEN ${b.bind(long)} THEN ${b.bind(short)}`).join(' ');
      return `nullif(array_to_string(list_transform(string_split(${normText(v)}, ' '), w -> CASE w ${cases} ELSE w END), ' '), '')`;
    }
    default:
      return normText(v);
  }
}

export interface Level {
  label: string;
  /** SQL condition over the pair's features (l., r.); tried from the last level down. */
  when: string;
}

export interface ComparisonDef {
  id: string;
  label: string;
  role: DedupeRole;
  columnIds: string[];
  /** levels[0] is "else" (when is ignored). */
  levels: Level[];
  /** The feature that is missing makes the comparison neutral. */
  feature: string;
  /** Whether the exact level's weight is adjusted by the value's frequency. */
  termFrequency: boolean;
  /** A condition under which the comparison says nothing (neutral, like a missing value). */
  neutralWhen?: string;
  /**
   * Levels that repeat an earlier level when the names agree too (e-mail addresses are made from
   * names, so people who share a name share addresses far more often than random pairs do):
   * `base[level]` is the level it repeats (itself for ordinary levels); EM sees base levels only,
   * m is the base level's, and u is measured among pairs of records that share the name (`namesAgree`).
   */
  base?: number[];
  namesAgree?: string;
}

const TF_ROLES = new Set<DedupeRole>(['given_name', 'family_name', 'full_name', 'city', 'postcode', 'category']);

/** Both sides' given and family names swapped (and not simply equal). */
const swapped = (a: string, b: string, swap: { a: string; b: string }) => `${a} = ${swap.b} AND ${swap.a} = ${b} AND ${a} <> ${b}`;
const jw = (a: string, b: string) => `jaro_winkler_similarity(${a}, ${b})`;
const dl = (a: string, b: string) => `damerau_levenshtein(${a}, ${b})`;
/** At most one edit (or one swap of neighbours), with cheap tests first: lengths within one, and the start or the end unchanged. */
const oneEdit = (a: string, b: string, keep: number) =>
  `(abs(length(${a}) - length(${b})) <= 1 AND (left(${a}, ${keep}) = left(${b}, ${keep}) OR right(${a}, ${keep}) = right(${b}, ${keep})) AND ${dl(a, b)} <= 1)`;
/** The feature column holding a compared column's distinct words (roles compared by word overlap). */
export const words = (columnId: string): string => ident(`t_${columnId}`);
/** The feature column holding an e-mail address's local part (before the @). */
export const localPart = (columnId: string): string => ident(`e_${columnId}`);
/** Roles whose comparison reads the words feature. */
export const WORD_ROLES = new Set<DedupeRole>(['full_name', 'address', 'text']);
/** Whether the Jaccard similarity of two distinct-word lists reaches t: |A∩B| ≥ t(|A|+|B|)/(1+t), one intersection, no division. */
const wordsShared = (a: string, b: string, t: number) => `len(list_intersect(${a}, ${b})) * ${1 + t} >= ${t} * (len(${a}) + len(${b}))`;

/** The levels of a role, over features `a` (left) and `b` (right); `swap` gives the other name part of each side. */
function levelsOf(role: DedupeRole, a: string, b: string, ta: string, tb: string, swap?: { a: string; b: string }, local?: { a: string; b: string }): Level[] {
  const exact = { label: 'exact', when: `${a} = ${b}` };
  const elseLevel = { label: 'else', when: 'true' };
  switch (role) {
    case 'given_name':
    case 'family_name': {
      const levels: Level[] = [
        elseLevel,
        ...(role === 'given_name' ? [{ label: 'same initial', when: `(length(${a}) = 1 OR length(${b}) = 1) AND ${a}[1] = ${b}[1]` }] : []),
        { label: 'Jaro-Winkler ≥ 0.88', when: `${jw(a, b)} >= 0.88` },
        { label: 'Jaro-Winkler ≥ 0.94 or one edit', when: `${jw(a, b)} >= 0.94 OR ${oneEdit(a, b, 1)}` },
        exact,
      ];
      // The swap is one piece of evidence: a level of the given name; the family name is then neutral (neutralWhen).
      if (swap && role === 'given_name') levels.push({ label: 'first and last names swapped', when: swapped(a, b, swap) });
      return levels;
    }
    case 'full_name':
      return [
        elseLevel,
        { label: 'half the words shared or Jaro-Winkler ≥ 0.88', when: `${wordsShared(ta, tb, 0.5)} OR ${jw(a, b)} >= 0.88` },
        { label: 'same words in another order', when: `list_sort(${ta}) = list_sort(${tb})` },
        exact,
      ];
    case 'date':
      return [
        elseLevel,
        { label: 'within a year', when: `abs(datediff('day', ${a}, ${b})) <= 366` },
        {
          label: 'one digit off, or day and month swapped',
          when: `(year(${a}) = year(${b}) AND month(${a}) = day(${b}) AND day(${a}) = month(${b})) OR ((year(${a}) = year(${b}) OR (month(${a}) = month(${b}) AND day(${a}) = day(${b}))) AND ${dl(`strftime(${a}, '%Y%m%d')`, `strftime(${b}, '%Y%m%d')`)} <= 1)`,
        },
        exact,
      ];
    case 'email':
      return [
        // No Jaro-Winkler band: addresses of different people are alike by construction (made from
        // names, on a few domains); EM gave it m at the floor, and it was a third of comparing's cost.
        elseLevel,
        { label: 'same local part or one edit', when: `${local ? `${local.a} = ${local.b}` : `split_part(${a}, '@', 1) = split_part(${b}, '@', 1)`} OR ${oneEdit(a, b, 4)}` },
        exact,
      ];
    case 'phone':
      return [elseLevel, { label: 'one digit off or two swapped', when: oneEdit(a, b, 4) }, { label: 'same number', when: `${a} = ${b}` }];
    case 'address':
      return [
        elseLevel,
        { label: 'half the words shared', when: wordsShared(ta, tb, 0.5) },
        { label: 'Jaro-Winkler ≥ 0.92 or most words shared', when: `${wordsShared(ta, tb, 0.8)} OR ${jw(a, b)} >= 0.92` },
        exact,
      ];
    case 'postcode':
      return [
        elseLevel,
        { label: 'same first three characters', when: `left(${a}, 3) = left(${b}, 3)` },
        { label: 'one edit or two swapped', when: oneEdit(a, b, 2) },
        exact,
      ];
    case 'city':
      return [elseLevel, { label: 'Jaro-Winkler ≥ 0.9', when: `${jw(a, b)} >= 0.9` }, exact];
    case 'identifier':
      return [elseLevel, { label: 'one edit or two swapped', when: oneEdit(a, b, 3) }, exact];
    case 'numeric':
      return [elseLevel, { label: 'within 10 %', when: `abs(${a} - ${b}) <= 0.1 * greatest(abs(${a}), abs(${b}))` }, { label: 'equal', when: `${a} = ${b}` }];
    case 'text':
      return [
        elseLevel,
        { label: 'half the words shared', when: wordsShared(ta, tb, 0.5) },
        { label: 'most words shared', when: wordsShared(ta, tb, 0.8) },
        exact,
      ];
    case 'category':
    case 'ignore':
      return [elseLevel, exact];
  }
}

/** The comparisons for the compared columns (role ≠ ignore): one per column, names aware of each other for swaps. */
export function comparisons(cols: { columnId: string; header: string; role: DedupeRole }[]): ComparisonDef[] {
  const used = cols.filter((c) => c.role !== 'ignore');
  const given = used.filter((c) => c.role === 'given_name');
  const family = used.filter((c) => c.role === 'family_name');
  const pair = given.length === 1 && family.length === 1 ? { given: given[0]!.columnId, family: family[0]!.columnId } : null;
  const full = used.filter((c) => c.role === 'full_name');
  // One address, one piece of evidence: when the street address agrees exactly, the postcode and
  // city say nothing more (a household, or twins, would otherwise count their address three times).
  const address = used.filter((c) => c.role === 'address');
  const sameAddress = address.length === 1 ? `l.${feat(address[0]!.columnId)} = r.${feat(address[0]!.columnId)}` : null;
  const namesAgree = pair
    ? `l.${feat(pair.family)} = r.${feat(pair.family)} AND l.${feat(pair.given)} = r.${feat(pair.given)}`
    : full.length === 1
      ? `l.${feat(full[0]!.columnId)} = r.${feat(full[0]!.columnId)}`
      : null;
  return used.map((c): ComparisonDef => {
    const f = feat(c.columnId);
    const [a, b] = [`l.${f}`, `r.${f}`];
    let swap: { a: string; b: string } | undefined;
    if (pair && c.columnId === pair.given) swap = { a: `l.${feat(pair.family)}`, b: `r.${feat(pair.family)}` };
    if (pair && c.columnId === pair.family) swap = { a: `l.${feat(pair.given)}`, b: `r.${feat(pair.given)}` };
    const local = c.role === 'email' ? { a: `l.${localPart(c.columnId)}`, b: `r.${localPart(c.columnId)}` } : undefined;
    const levels = levelsOf(c.role, a, b, `l.${words(c.columnId)}`, `r.${words(c.columnId)}`, swap, local);
    const def: ComparisonDef = {
      id: c.columnId,
      label: c.header,
      role: c.role,
      columnIds: [c.columnId],
      levels,
      feature: f,
      termFrequency: TF_ROLES.has(c.role),
      ...(swap && c.role === 'family_name' ? { neutralWhen: swapped(a, b, swap) } : {}),
      ...(sameAddress && (c.role === 'postcode' || c.role === 'city') ? { neutralWhen: sameAddress } : {}),
    };
    if (c.role !== 'email' || !namesAgree) return def;
    // The two strongest levels again, for pairs whose names agree as well.
    const n = levels.length;
    const extra = [n - 2, n - 1].map((k) => ({ label: `${levels[k]!.label}, names agree`, when: `${namesAgree} AND (${levels[k]!.when})` }));
    return { ...def, levels: [...levels, ...extra], base: [...levels.map((_, i) => i), n - 2, n - 1], namesAgree };
  });
}

/** The exact level's index (the one whose label is "exact", "same number" or "equal"). */
export function exactLevel(c: Pick<ComparisonDef, 'levels'>): number {
  const i = c.levels.findIndex((l) => l.label === 'exact' || l.label === 'same number' || l.label === 'equal');
  return i < 0 ? c.levels.length - 1 : i;
}

/** The level of a pair (aliases l, r over the feature table), NULL when either side is missing. */
export function levelSql(c: ComparisonDef): string {
  const whens = c.levels
    .map((lv, i) => ({ lv, i }))
    .slice(1)
    .reverse()
    .map(({ lv, i }) => `WHEN ${lv.when} THEN ${i}`);
  const neutral = c.neutralWhen ? ` OR (${c.neutralWhen})` : '';
  return `CASE WHEN l.${c.feature} IS NULL OR r.${c.feature} IS NULL${neutral} THEN NULL ${whens.join(' ')} ELSE 0 END`;
}
