// The value shapes the cleaning steps and the detection share (RE2 syntax, for DuckDB).

export const EMAIL_RE = String.raw`[^@\s]+@[^@\s]+\.[^@\s.]+`;
/** A phone-like value: optional +, digits with spaces, dots, dashes or parentheses. */
export const PHONE_RE = String.raw`\+?[0-9][0-9 ().\-]{5,22}[0-9]`;
/** Currency marks stripped by number coercion (symbols, and ISO codes before or after). */
export const CURRENCY_RE = String.raw`^(?:[$€£¥₹₩₽₺]|[A-Z]{3}\s?)|(?:\s?[$€£¥₹₩₽₺]|\s?[A-Z]{3})$`;

/** Numbers written with `.` as the decimal mark (thousands `,`, space, `'` or none). */
export const DOT_DECIMAL = String.raw`[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:[ '][0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|[+-]?\.[0-9]+`;
/** Numbers written with `,` as the decimal mark (thousands `.`, space, `'` or none). */
export const COMMA_DECIMAL = String.raw`[+-]?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?:[ '][0-9]{3})+|[0-9]+)(?:,[0-9]+)?|[+-]?,[0-9]+`;
/** An identifier-like number (zero-padded): never treated as a number by detection. */
export const ZERO_PADDED = String.raw`0[0-9]+`;

/** Unambiguous date formats tried first (strptime), then the day/month ones. */
export const ISO_DATE_FORMATS = ['%Y-%m-%d', '%Y/%m/%d', '%Y.%m.%d', '%Y%m%d'];
export const TEXT_MONTH_FORMATS = ['%d %b %Y', '%d %B %Y', '%b %d, %Y', '%B %d, %Y', '%d-%b-%Y', '%b %d %Y', '%B %d %Y', '%d. %B %Y'];
export const DAY_FIRST_FORMATS = ['%d/%m/%Y', '%d-%m-%Y', '%d.%m.%Y'];
export const MONTH_FIRST_FORMATS = ['%m/%d/%Y', '%m-%d-%Y', '%m.%d.%Y'];
/** A numeric date whose day/month order is open: both parts 1–12 decide nothing. */
export const NUMERIC_DMY = String.raw`([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-][0-9]{4}`;
