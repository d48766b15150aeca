// What a quasi-identifier column holds — a birth date, an age, a ZIP code, a UK postcode, a sex —
// decided from its header and a sample of its values. The role picks the generalisation hierarchy
// the risk search climbs, and which columns the risk panel proposes.
import type { RiskColumnRole } from '../../../shared/api/pii-types';
import { normaliseHeader } from '../pii/evidence';

/** Roles the risk panel proposes as quasi-identifiers (dates are proposed only as birth dates). */
export const SUGGESTED_ROLES: ReadonlySet<RiskColumnRole> = new Set(['birth_date', 'birth_year', 'age', 'zip', 'uk_postcode', 'postcode', 'sex']);

export const ISO_DATE_RE = /^\d{4}-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?$/;
export const YEAR_RE = /^\d{4}$/;
export const AGE_RE = /^\d{1,3}(?:\.\d+)?$/;
export const US_ZIP_RE = /^\d{5}(?:-?\d{4})?$/;
/** A UK postcode with or without its space: outward code (area letters, district), inward code. */
export const UK_POSTCODE_RE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
/** Any postal code shape: letters, digits, one inner space or dash. */
const POSTAL_RE = /^[A-Z\d]{2,8}(?:[ -][A-Z\d]{2,4})?$/i;
/** Written dates the risk hierarchy reads besides ISO: 10/09/1991, 25.06.1980, 19760416, 4 May 1968. */
const OTHER_DATE_RE = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|(?:18|19|20)\d{6}|\d{1,2} [A-Za-z]{3}\.? \d{4})$/;
const SEX_VALUES = new Set(['m', 'f', 'male', 'female', 'man', 'woman', 'u', 'x', 'unknown', 'other', 'non-binary', 'nonbinary', 'diverse', 'd', 'w']);

const words = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'iu');
const HEADER = {
  birth: words('dob|yob|d o b|birth|births|born|birthday|birthdate|date of birth|birth date|geburtsdatum|fecha de nacimiento|date de naissance'),
  year: words('year|yr'),
  age: words('age|age years|age in years|alter|edad'),
  zip: words('zip|zipcode|zip code|zip5|zip 5'),
  postcode: words('postcode|post code|postal|postal code|postalcode|plz|postleitzahl|code postal|cp|cap|eircode|pin code|pincode'),
  sex: words('sex|gender|geschlecht|sexe|sexo'),
};

/** Share of the values matching `test` (0 for none). */
function share(values: readonly string[], test: (v: string) => boolean): number {
  if (values.length === 0) return 0;
  return values.filter(test).length / values.length;
}

const isIsoDate = (v: string) => ISO_DATE_RE.test(v) && !Number.isNaN(Date.parse(`${v.slice(0, 7)}-01`));
const isDate = (v: string) => isIsoDate(v) || OTHER_DATE_RE.test(v);
const isYear = (v: string) => YEAR_RE.test(v) && Number(v) >= 1850 && Number(v) <= 2100;
const isAge = (v: string) => AGE_RE.test(v) && Number(v) <= 150;

/** Without a header that says so, most values (beyond a few typos) must hold the shape. */
const MOST = 0.9;
/** With one, half of them: exports are messy (missing-value tokens, other formats). */
const HALF = 0.5;

/**
 * The column's role from its header and non-missing sample values (trimmed). Shapes that are
 * distinctive on their own (ISO dates, UK postcodes, sex codes) need no header; shapes that are
 * not (5-digit numbers, small integers, 4-digit years) need the header to say so.
 */
export function detectRole(header: string, values: readonly string[]): RiskColumnRole {
  const h = normaliseHeader(header);
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  if (present.length === 0) return HEADER.sex.test(h) ? 'sex' : 'categorical';
  const birth = HEADER.birth.test(h);
  const dates = share(present, isDate);
  if (birth && dates >= HALF) return 'birth_date';
  if (dates >= MOST) return 'date';
  if (share(present, isYear) >= (birth ? HALF : MOST) && (birth || HEADER.year.test(h))) return birth ? 'birth_year' : 'categorical';
  if (HEADER.age.test(h) && share(present, isAge) >= HALF) return 'age';
  const postalHeader = HEADER.zip.test(h) || HEADER.postcode.test(h);
  if (postalHeader && share(present, (v) => US_ZIP_RE.test(v)) >= MOST) return 'zip';
  if (share(present, (v) => UK_POSTCODE_RE.test(v)) >= (postalHeader ? HALF : MOST)) return 'uk_postcode';
  if (postalHeader && share(present, (v) => POSTAL_RE.test(v)) >= HALF) return 'postcode';
  if (HEADER.sex.test(h)) return 'sex';
  if (share(present, (v) => SEX_VALUES.has(v.toLowerCase())) >= 0.95 && new Set(present.map((v) => v.toLowerCase())).size <= 6) return 'sex';
  return 'categorical';
}
