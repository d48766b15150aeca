// Generalisation hierarchies per column role, as SQL over a value `v` (VARCHAR; NULL = missing).
// Each level is coarser than the one before; the last is always suppression. A value a level
// cannot read (not a date, not a ZIP, a day/month order in doubt) stays as it is — as the
// policy's operator leaves the values it fails on — so a suggestion never counts on a change
// that could not be made. Dates are read in the common written forms as well as ISO, since a
// policy normalises them to ISO before it generalises.
import type { RiskColumnRole } from '../../../shared/api/pii-types';
import { literal } from '../db/sql';
import { RESTRICTED_ZIP3 } from '../pii/operators/generalise';

export interface Level {
  /** The generalisation kind a policy step names (RiskGeneralisation.kind). */
  kind: string;
  width?: number;
  /** In words, after the header: "→ year". */
  words: string;
  /**
   * The generalised value as SQL over the raw value `v` (VARCHAR) and `prev`, the previous
   * level's value (the raw value for the first level), so that costly parsing happens once.
   */
  sql(v: string, prev: string): string;
}

const t = (v: string) => `trim(${v})`;
const otherwise = (v: string, cond: string, then: string) => `CASE WHEN ${cond} THEN ${then} ELSE ${v} END`;

/** As generaliseDate reads it: an ISO date, year-month or timestamp, checked against the calendar. */
export function isoDateSql(v: string): string {
  const x = t(v);
  return `(regexp_full_match(${x}, '\\d{4}-\\d{2}(-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?)?')
    AND try_cast(CASE WHEN length(${x}) = 7 THEN ${x} || '-01' ELSE substr(${x}, 1, 10) END AS DATE) IS NOT NULL)`;
}

/** Day and month (or month and day) with a four-digit year: the year is certain, the month only when one number exceeds 12. */
const DMY = `'^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})$'`;

/**
 * The date as ISO year-month, where the month is certain: ISO dates, YYYYMMDD, "4 May 1968", and
 * day/month/year (either order) when one of the first two numbers exceeds 12 or both are equal.
 */
function monthOf(v: string): string {
  const x = t(v);
  const part = (i: number) => `CAST(regexp_extract(${x}, ${DMY}, ${i}) AS INTEGER)`;
  const ym = (y: string, m: string) => `CASE WHEN ${m} BETWEEN 1 AND 12 THEN ${y} || '-' || lpad(CAST(${m} AS VARCHAR), 2, '0') END`;
  return `CASE WHEN ${isoDateSql(v)} THEN substr(${x}, 1, 7)
    WHEN regexp_full_match(${x}, '(18|19|20)\\d{6}') AND try_strptime(${x}, '%Y%m%d') IS NOT NULL THEN substr(${x}, 1, 4) || '-' || substr(${x}, 5, 2)
    WHEN try_strptime(${x}, '%d %b %Y') IS NOT NULL THEN strftime(try_strptime(${x}, '%d %b %Y'), '%Y-%m')
    WHEN regexp_matches(${x}, ${DMY}) AND (${part(1)} > 12 OR ${part(1)} = ${part(2)}) THEN ${ym(`regexp_extract(${x}, ${DMY}, 3)`, part(2))}
    WHEN regexp_matches(${x}, ${DMY}) AND ${part(2)} > 12 THEN ${ym(`regexp_extract(${x}, ${DMY}, 3)`, part(1))}
  END`;
}

/**
 * A band of years from a year (`1984`) or a finer band (`1980-1984`): the previous level's value,
 * so the dates are parsed once. Anything else (a value no level could read) stays as it is.
 */
const band = (y: string, w: number) => `CAST((${y} // ${w}) * ${w} AS VARCHAR) || '-' || CAST((${y} // ${w}) * ${w} + ${w - 1} AS VARCHAR)`;
const yearBand = (prev: string, w: number) => otherwise(prev, `regexp_full_match(${t(prev)}, '\\d{4}(-\\d{4})?')`, band(`CAST(substr(${t(prev)}, 1, 4) AS INTEGER)`, w));

const suppress: Level = { kind: 'suppress', words: 'suppressed', sql: () => `'*'` };

const dateLevels: Level[] = [
  { kind: 'date_month', words: 'month', sql: (v) => `coalesce(${monthOf(v)}, ${v})` },
  {
    kind: 'date_year',
    words: 'year',
    // From the month where it was read; from the raw value where only the day/month order was in doubt.
    sql: (v, prev) => `CASE WHEN regexp_full_match(${prev}, '\\d{4}-(0[1-9]|1[0-2])') THEN substr(${prev}, 1, 4)
      WHEN regexp_matches(${t(v)}, ${DMY}) THEN regexp_extract(${t(v)}, ${DMY}, 3) ELSE ${prev} END`,
  },
  { kind: 'date_band', width: 5, words: '5-year band', sql: (_v, prev) => yearBand(prev, 5) },
  { kind: 'date_band', width: 10, words: '10-year band', sql: (_v, prev) => yearBand(prev, 10) },
  suppress,
];

const yearLevels: Level[] = [
  { kind: 'year_band', width: 5, words: '5-year band', sql: (_v, prev) => yearBand(prev, 5) },
  { kind: 'year_band', width: 10, words: '10-year band', sql: (_v, prev) => yearBand(prev, 10) },
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
