// Generalisation: a date to its year or month, an age to a band with everyone over 89 as "90+",
// a ZIP code to its first three digits (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)).
import { fail, ok, type OperatorOutcome } from './outcome';

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?$/;

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * An ISO date, year-month or timestamp reduced to its year (`1984`) or month (`1984-03`). The
 * date is read as written, with no time-zone conversion: that would need a zone to convert to,
 * and the calendar date in the cell is what the data says. Anything else fails, and is reported.
 */
export function generaliseDate(v: string, to: 'year' | 'month'): OperatorOutcome {
  const m = ISO_DATE.exec(v.trim());
  if (!m) return fail('not an ISO date (YYYY-MM-DD, YYYY-MM or an ISO timestamp)');
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return fail('not a date in the calendar');
  return ok(to === 'year' ? (m[1] ?? '') : `${m[1] ?? ''}-${m[2] ?? ''}`);
}

/**
 * A birth date to its year, with everyone 90 or older in `asOf` pooled into one category
 * (`<=1936` as of 2026): HIPAA Safe Harbor keeps no element of a date, the year included, that
 * shows an age over 89. `year` is the birth date's year already read (by whatever shape it had).
 */
export function birthYear(year: string, asOf: number): OperatorOutcome {
  if (!/^\d{4}$/.test(year)) return fail('not a year');
  const oldest = asOf - 90;
  return ok(Number(year) <= oldest ? `<=${oldest}` : year);
}

/** The year birth years are counted at when a step does not say: the year of the run (UTC). */
export const currentYear = (): number => new Date().getUTCFullYear();

/** Older than any recorded person; a larger number is a data error to report, not an age to band. */
const MAX_AGE = 150;

/**
 * An age in whole years as a band `width` wide (`30-39`), all ages over 89 as `90+` — a band that
 * reached past 89 stops at 89. Fractions of a year count as the year begun (89.9 is 89).
 */
export function ageBand(age: string | number, { width = 10 }: { width?: number } = {}): OperatorOutcome {
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`a band is a whole number of years wide, not ${width}`);
  const text = typeof age === 'number' ? String(age) : age.trim();
  if (!/^\d+(?:\.\d+)?$/.test(text)) return fail('not an age in years');
  const years = Math.floor(Number(text));
  if (years > MAX_AGE) return fail(`not a plausible age (over ${MAX_AGE})`);
  if (years >= 90) return ok('90+');
  const low = Math.floor(years / width) * width;
  return ok(width === 1 ? String(low) : `${low}-${Math.min(low + width - 1, 89)}`);
}

/**
 * Three-digit ZIP areas of 20,000 people or fewer (2000 census, as HHS lists them): Safe Harbor
 * allows only "000" for these.
 */
export const RESTRICTED_ZIP3 = new Set(['036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893']);

/**
 * A ZIP or ZIP+4 (`02139`, `02139-4307`, `021394307`) as its first three digits, or `000` in a
 * restricted area. Read as text so leading zeros stay; a four-digit value fails rather than be
 * guessed at, since it is usually a ZIP whose leading zero a spreadsheet dropped.
 */
export function zip3(zip: string): OperatorOutcome {
  const t = zip.trim();
  if (/^\d{4}$/.test(t)) return fail('4 digits: a ZIP code whose leading zero was lost? Pad it in a cleaning step first');
  if (!/^\d{5}(?:-?\d{4})?$/.test(t)) return fail('not a ZIP code (12345 or 12345-6789)');
  const area = t.slice(0, 3);
  return ok(RESTRICTED_ZIP3.has(area) ? '000' : area);
}
