// Hard negatives: values that look like PII and are not — the scan must leave them alone. Each is
// built to fail exactly the check that tells it apart (an order number that fails Luhn, a version
// string that is not an address in context, an ISBN), never to pass every check a real one would.
import type { Rng } from '../prng';
import { NINO, ibanCheck, isbn10Digit, isbn13Digit, luhnDigit, luhnValid } from './checks';
import type { Value } from './values';
import { formatDate, ymd } from './values';

const hex = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');

/** 16 digits that start like a card (4…, 5…) and fail Luhn: an order or invoice number. */
export function orderNumber(rng: Rng): Value {
  const body = `${rng.pick(['4', '5', '6'])}${rng.digits(14)}`;
  const digits = body + String((luhnDigit(body) + rng.int(1, 9)) % 10);
  return { text: rng.chance(0.5) ? digits : digits.replace(/(\d{4})(?=\d)/g, '$1-'), kind: 'order number (fails Luhn)' };
}

/** Nine bare digits: a product code, shaped like an SSN without its dashes. */
export function productCode(rng: Rng): Value {
  return { text: `${rng.int(1, 8)}${rng.digits(8)}`, kind: '9-digit product code' };
}

/** A four-part version string, each part a valid IPv4 octet. */
export function version(rng: Rng): Value {
  return { text: `${rng.int(1, 20)}.${rng.int(0, 12)}.${rng.int(0, 9)}.${rng.int(0, 250)}`, kind: 'version string' };
}

export function isbn(rng: Rng): Value {
  if (rng.chance(0.6)) {
    const body = `978${rng.int(0, 1)}${rng.digits(8)}`;
    const d = body + String(isbn13Digit(body));
    return { text: rng.chance(0.6) ? `${d.slice(0, 3)}-${d[3]}-${d.slice(4, 6)}-${d.slice(6, 12)}-${d[12]}` : d, kind: 'ISBN-13' };
  }
  const body = `${rng.int(0, 1)}${rng.digits(8)}`;
  const d = body + isbn10Digit(body);
  return { text: `${d[0]}-${d.slice(1, 4)}-${d.slice(4, 9)}-${d[9]}`, kind: 'ISBN-10' };
}

export function uuid(rng: Rng): Value {
  return { text: `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${rng.pick(['8', '9', 'a', 'b'])}${hex(rng, 3)}-${hex(rng, 12)}`, kind: 'UUID' };
}

/** A shipping, event or invoice date: a date, but nobody's. */
export function businessDate(rng: Rng): Value {
  return { text: formatDate(rng, ymd(rng, 1995, 2025)).text, kind: 'business date' };
}

// Capitalised words that are also given names or surnames; in a tag column or a product line they are not people.
const COMMON = ['Grant', 'Will', 'Hope', 'Summer', 'Bill', 'Rose', 'Mark', 'Jack', 'Faith', 'Rich', 'Frank', 'Sterling', 'Baker', 'Brown', 'Green', 'May', 'Joy', 'Dawn', 'Chase', 'Page', 'Price', 'Young', 'Long', 'Hill', 'Park', 'Ray', 'Sunny', 'Golden', 'Royal', 'Victoria', 'Crystal', 'Amber', 'Pearl', 'Forest', 'Rock', 'Lane', 'Wood'];
const NOUNS = ['Sale', 'Application', 'Call', 'View', 'Edition', 'Plan', 'Promotion', 'Collection', 'Report', 'Series', 'Bundle', 'Project'];

export function capitalised(rng: Rng): Value {
  return { text: rng.chance(0.5) ? rng.pick(COMMON) : `${rng.pick(COMMON)} ${rng.pick(NOUNS)}`, kind: 'capitalised common words' };
}

/** Digits in a column that holds no PII (batch, lot, counter); never a Luhn-valid 12–19 digit run, which would be a card in all but name. */
export function digitString(rng: Rng): Value {
  for (;;) {
    const d = `${rng.int(1, 9)}${rng.digits(rng.int(5, 15))}`;
    if (d.length >= 12 && luhnValid(d)) continue;
    return { text: d, kind: 'random digits' };
  }
}

/** Money amounts with grouping and cents: digits and punctuation like a phone number's. */
export function amount(rng: Rng): Value {
  const n = rng.int(1000, 9_999_999);
  const s = n.toLocaleString('en-US');
  return { text: rng.chance(0.7) ? `${s}.${String(rng.int(0, 99)).padStart(2, '0')}` : s, kind: 'amount' };
}

/**
 * Shaped like a checksum-validated identifier but failing its check: an IBAN with wrong check
 * digits, an SSN in an area never issued (000, 666), a NINO with a prefix HMRC never issues. Only
 * the validation tells these from the real thing, so they keep the validators honest.
 */
export function invalidLookalike(rng: Rng): Value {
  const kind = rng.pick(['IBAN', 'SSN', 'NINO']);
  if (kind === 'IBAN') {
    const bban = rng.digits(18);
    const good = Number(ibanCheck('DE', bban));
    const bad = String(((good - 2 + rng.int(1, 96)) % 97) + 2).padStart(2, '0');
    return { text: `DE${bad}${bban}`.replace(/(.{4})(?=.)/g, '$1 '), kind: 'IBAN-shaped, wrong check digits' };
  }
  if (kind === 'SSN') return { text: `${rng.pick(['000', '666'])}-${String(rng.int(1, 99)).padStart(2, '0')}-${String(rng.int(1, 9999)).padStart(4, '0')}`, kind: 'SSN-shaped, area never issued' };
  const prefix = rng.chance(0.5) ? rng.pick([...NINO.excluded]) : `${rng.pick(['D', 'F', 'I', 'Q', 'U', 'V'])}${rng.pick([...NINO.second])}`;
  return { text: `${prefix}${rng.digits(6)}${rng.pick(['A', 'B', 'C', 'D'])}`, kind: 'NINO-shaped, prefix never issued' };
}
