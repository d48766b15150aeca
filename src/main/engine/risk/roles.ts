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
const POSTAL_RE = /^[A-Z\d]{2,5}(?:[ -][A-Z\d]{2,4})?$/i;
const SEX_VALUES = new Set(['m', 'f', 'male', 'female', 'man', 'woman', 'u', 'x', 'unknown', 'other', 'non-binary', 'nonbinary', 'diverse', 'd', 'w']);

const words = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'iu');
const HEADER = {
  birth: words('dob|d o b|birth|births|born|birthday|birthdate|date of birth|birth date|geburtsdatum|fecha de nacimiento|date de naissance'),
  year: words('year|yob|yr'),
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
const isYear = (v: string) => YEAR_RE.test(v) && Number(v) >= 1850 && Number(v) <= 2100;
const isAge = (v: string) => AGE_RE.test(v) && Number(v) <= 150;

/** Most values (beyond a few typos) must hold the shape for the role to stand. */
const MOST = 0.9;

/**
 * The column's role from its header and non-missing sample values (trimmed). Shapes that are
 * distinctive on their own (ISO dates, UK postcodes, sex codes) need no header; shapes that are
 * not (5-digit numbers, small integers, 4-digit years) need the header to say so.
 */
export function detectRole(header: string, values: readonly string[]): RiskColumnRole {
  const h = normaliseHeader(header);
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  const birth = HEADER.birth.test(h);
  if (present.length > 0 && share(present, isIsoDate) >= MOST) return birth ? 'birth_date' : 'date';
  if (present.length > 0 && share(present, isYear) >= MOST && (birth || HEADER.year.test(h))) return birth ? 'birth_year' : 'categorical';
  if (HEADER.age.test(h) && present.length > 0 && share(present, isAge) >= MOST) return 'age';
  const postalHeader = HEADER.zip.test(h) || HEADER.postcode.test(h);
  if (present.length > 0 && postalHeader && share(present, (v) => US_ZIP_RE.test(v)) >= MOST) return 'zip';
  if (present.length > 0 && share(present, (v) => UK_POSTCODE_RE.test(v)) >= MOST) return 'uk_postcode';
  if (postalHeader && present.length > 0 && share(present, (v) => POSTAL_RE.test(v)) >= MOST) return 'postcode';
  if (HEADER.sex.test(h)) return 'sex';
  if (present.length > 0 && share(present, (v) => SEX_VALUES.has(v.toLowerCase())) >= 0.95 && new Set(present.map((v) => v.toLowerCase())).size <= 6) return 'sex';
  return 'categorical';
}
