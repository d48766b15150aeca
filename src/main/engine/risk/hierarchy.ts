// Generalisation hierarchies per column role, as SQL over a value `v` (VARCHAR; NULL = missing).
// Each level is coarser than the one before; the last is always suppression. A value a level
// cannot read (not a date, not a ZIP) stays as it is — as the policy's operator leaves the
// values it fails on — so a suggestion never counts on a change the policy would not make.
import type { RiskColumnRole } from '../../../shared/api/pii-types';
import { literal } from '../db/sql';
import { RESTRICTED_ZIP3 } from '../pii/operators/generalise';

export interface Level {
  /** The generalisation kind a policy step names (RiskGeneralisation.kind). */
  kind: string;
  width?: number;
  /** In words, after the header: "→ year". */
  words: string;
  /** The generalised value as SQL over the VARCHAR expression `v`. */
  sql(v: string): string;
}

const t = (v: string) => `trim(${v})`;
const otherwise = (v: string, cond: string, then: string) => `CASE WHEN ${cond} THEN ${then} ELSE ${v} END`;

/** As generaliseDate reads it: an ISO date, year-month or timestamp, checked against the calendar. */
function isoDate(v: string): string {
  const x = t(v);
  return `(regexp_full_match(${x}, '\\d{4}-\\d{2}(-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?)?')
    AND try_cast(CASE WHEN length(${x}) = 7 THEN ${x} || '-01' ELSE substr(${x}, 1, 10) END AS DATE) IS NOT NULL)`;
}
const yearOf = (v: string) => `CAST(substr(${t(v)}, 1, 4) AS INTEGER)`;
const band = (y: string, w: number) => `CAST((${y} // ${w}) * ${w} AS VARCHAR) || '-' || CAST((${y} // ${w}) * ${w} + ${w - 1} AS VARCHAR)`;

const suppress: Level = { kind: 'suppress', words: 'suppressed', sql: () => `'*'` };

const dateLevels: Level[] = [
  { kind: 'date_month', words: 'month', sql: (v) => otherwise(v, isoDate(v), `substr(${t(v)}, 1, 7)`) },
  { kind: 'date_year', words: 'year', sql: (v) => otherwise(v, isoDate(v), `substr(${t(v)}, 1, 4)`) },
  { kind: 'date_band', width: 5, words: '5-year band', sql: (v) => otherwise(v, isoDate(v), band(yearOf(v), 5)) },
  { kind: 'date_band', width: 10, words: '10-year band', sql: (v) => otherwise(v, isoDate(v), band(yearOf(v), 10)) },
  suppress,
];

const isYear = (v: string) => `regexp_full_match(${t(v)}, '\\d{4}')`;
const yearLevels: Level[] = [
  { kind: 'year_band', width: 5, words: '5-year band', sql: (v) => otherwise(v, isYear(v), band(`CAST(${t(v)} AS INTEGER)`, 5)) },
  { kind: 'year_band', width: 10, words: '10-year band', sql: (v) => otherwise(v, isYear(v), band(`CAST(${t(v)} AS INTEGER)`, 10)) },
  suppress,
];

/** As ageBand reads it: whole years (fractions count as the year begun), at most 150; 90+ as one. */
function ageLevel(width: number): Level {
  return {
    kind: 'age_band',
    width,
    words: `${width}-year band (90+ grouped)`,
    sql: (v) => {
      const ok = `(regexp_full_match(${t(v)}, '\\d+(\\.\\d+)?') AND try_cast(${t(v)} AS DOUBLE) <= 150)`;
      const y = `CAST(floor(CAST(${t(v)} AS DOUBLE)) AS INTEGER)`;
      const lo = `((${y} // ${width}) * ${width})`;
      return otherwise(v, ok, `CASE WHEN ${y} >= 90 THEN '90+' ELSE CAST(${lo} AS VARCHAR) || '-' || CAST(least(${lo} + ${width - 1}, 89) AS VARCHAR) END`);
    },
  };
}

const restricted = `[${[...RESTRICTED_ZIP3].sort().map(literal).join(', ')}]`;
const isZip = (v: string) => `regexp_full_match(${t(v)}, '\\d{5}(-?\\d{4})?')`;
const zip3 = (v: string) => `CASE WHEN list_contains(${restricted}, substr(${t(v)}, 1, 3)) THEN '000' ELSE substr(${t(v)}, 1, 3) END`;
const ukNorm = (v: string) => `upper(replace(${t(v)}, ' ', ''))`;
const isUk = (v: string) => `regexp_full_match(${ukNorm(v)}, '[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}')`;
/** The outward code is all but the last three characters of the postcode without its space. */
const ukOutward = (v: string) => `left(${ukNorm(v)}, length(${ukNorm(v)}) - 3)`;
const ukArea = (v: string) => `regexp_extract(${ukNorm(v)}, '^[A-Z]{1,2}')`;
const alnum = (v: string) => `upper(regexp_replace(${t(v)}, '[^0-9A-Za-z]', '', 'g'))`;

const zipLevels: Level[] = [
  { kind: 'zip3', words: 'first 3 digits (restricted areas → 000)', sql: (v) => otherwise(v, isZip(v), zip3(v)) },
  { kind: 'zip1', words: 'first digit', sql: (v) => otherwise(v, isZip(v), `substr(${t(v)}, 1, 1)`) },
  suppress,
];
const ukLevels: Level[] = [
  { kind: 'postcode_outward', words: 'outward code', sql: (v) => otherwise(v, isUk(v), ukOutward(v)) },
  { kind: 'postcode_area', words: 'postcode area', sql: (v) => otherwise(v, isUk(v), ukArea(v)) },
  suppress,
];
/** Postal codes of several countries: UK and US codes by their own rules, others by their first characters. */
const postalLevels: Level[] = [
  {
    kind: 'postal_district',
    words: 'district (UK outward code, US first 3 digits with restricted areas → 000, others first 3 characters)',
    sql: (v) => `CASE WHEN ${v} IS NULL THEN NULL WHEN ${isUk(v)} THEN ${ukOutward(v)} WHEN ${isZip(v)} THEN ${zip3(v)} ELSE left(${alnum(v)}, 3) END`,
  },
  {
    kind: 'postal_area',
    words: 'area (UK area letters, US first digit, others first character)',
    sql: (v) => `CASE WHEN ${v} IS NULL THEN NULL WHEN ${isUk(v)} THEN ${ukArea(v)} WHEN ${isZip(v)} THEN substr(${t(v)}, 1, 1) ELSE left(${alnum(v)}, 1) END`,
  },
  suppress,
];

/** The levels above the raw value, finest first; the last is suppression. */
export function levelsFor(role: RiskColumnRole): Level[] {
  switch (role) {
    case 'birth_date':
    case 'date':
      return dateLevels;
    case 'birth_year':
      return yearLevels;
    case 'age':
      return [ageLevel(5), ageLevel(10), ageLevel(20), suppress];
    case 'zip':
      return zipLevels;
    case 'uk_postcode':
      return ukLevels;
    case 'postcode':
      return postalLevels;
    case 'sex':
    case 'categorical':
      return [suppress];
  }
}
