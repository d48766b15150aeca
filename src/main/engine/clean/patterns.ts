// The value shapes the cleaning steps and the detection share (RE2 syntax, for DuckDB).

export const EMAIL_RE = String.raw`[^@\s]+@[^@\s]+\.[^@\s.]+`;
/** A phone-like value: optional +, digits with spaces, dots, dashes or parentheses (its length is checked apart: a counted repetition here made RE2 6× slower). */
export const PHONE_RE = String.raw`\+?[0-9][0-9 ().\-]*[0-9]`;
/** Currency marks stripped by number coercion (symbols, and ISO codes before or after). */
export const CURRENCY_RE = String.raw`^(?:[$€£¥₹₩₽₺]|[A-Z]{3}\s?)|(?:\s?[$€£¥₹₩₽₺]|\s?[A-Z]{3})$`;

/** Numbers written with `.` as the decimal mark (thousands `,`, space, `'` or none). */
export const DOT_DECIMAL = String.raw`[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:[ '][0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|[+-]?\.[0-9]+`;
/** Numbers written with `,` as the decimal mark (thousands `.`, space, `'` or none). */
export const COMMA_DECIMAL = String.raw`[+-]?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?:[ '][0-9]{3})+|[0-9]+)(?:,[0-9]+)?|[+-]?,[0-9]+`;
/** An identifier-like number (zero-padded): never treated as a number by detection. */
export const ZERO_PADDED = String.raw`0[0-9]+`;

/**
 * Date shapes and the strptime formats that read them. Each value is matched against the shapes
 * (cheap regular expressions) and parsed with its shape's formats only: trying a list of formats
 * on every value costs ~16 µs per value that is not a date (measured), which dominates a column scan.
 */
export const DATE_SHAPES: { re: string; formats: string[] }[] = [
  { re: String.raw`[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}`, formats: ['%Y-%m-%d'] },
  { re: String.raw`[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}`, formats: ['%Y/%m/%d'] },
  { re: String.raw`[0-9]{4}\.[0-9]{1,2}\.[0-9]{1,2}`, formats: ['%Y.%m.%d'] },
  { re: String.raw`[0-9]{8}`, formats: ['%Y%m%d'] },
  { re: String.raw`[0-9]{1,2}\.? [A-Za-z]{3,9}\.? [0-9]{4}`, formats: ['%d %b %Y', '%d %B %Y', '%d. %B %Y', '%d. %b %Y'] },
  { re: String.raw`[A-Za-z]{3,9}\.? [0-9]{1,2},? [0-9]{4}`, formats: ['%b %d, %Y', '%B %d, %Y', '%b %d %Y', '%B %d %Y'] },
  { re: String.raw`[0-9]{1,2}-[A-Za-z]{3}-[0-9]{4}`, formats: ['%d-%b-%Y'] },
];
/** A numeric date whose day/month order is open: both parts 1–12 decide nothing. */
export const NUMERIC_DMY = String.raw`([0-9]{1,2})([/.\-])([0-9]{1,2})[/.\-][0-9]{4}`;
export const DAY_FIRST_FORMATS = ['%d/%m/%Y', '%d-%m-%Y', '%d.%m.%Y'];
export const MONTH_FIRST_FORMATS = ['%m/%d/%Y', '%m-%d-%Y', '%m.%d.%Y'];
