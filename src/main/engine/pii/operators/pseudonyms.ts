// Format-preserving pseudonyms: valid-looking stand-ins that keep a value's shape (a Luhn-valid
// card of the same issuer family, a phone with its country code, an identifier with its letters,
// digits and separators where they were). Deterministic under the key and, within one shape, a
// bijection (feistel.ts), so different people never share a pseudonym.
import { getCountries, getCountryCallingCode } from 'libphonenumber-js';
import { permuteDigits, permuteSymbols } from './feistel';
import { base32, hmac, normaliseForHash } from './keyed';
import { fail, ok, type OperatorOutcome } from './outcome';

/** The Luhn check digit that completes `body`. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export const isLuhnValid = (digits: string): boolean => /^\d{2,}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === digits.slice(-1);

/** The digits in `v` replaced, in order, by `digits`; every other character stays where it was. */
const refill = (v: string, digits: string): string => {
  let i = 0;
  return v.replace(/\d/g, () => digits[i++] ?? '');
};

/**
 * How many leading digits name the issuer family, and no more: Visa is "4"; Amex, Mastercard
 * 51–55, Diners, UnionPay need two; Mastercard 2221–2720, Discover 6011 and JCB 3528–3589 need four.
 */
function issuerPrefixLength(d: string): number {
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  if (d.startsWith('4')) return 1;
  if ((p4 >= 2221 && p4 <= 2720) || p4 === 6011 || (p4 >= 3528 && p4 <= 3589)) return 4;
  if (p3 >= 644 && p3 <= 649) return 3;
  if ([30, 34, 36, 37, 38, 39, 51, 52, 53, 54, 55, 62, 65].includes(p2)) return 2;
  return 1;
}

/** A fake card: same length, issuer family and separators; the rest keyed digits; Luhn-valid. */
export function fakeCard(v: string, key: Uint8Array): OperatorOutcome {
  if (!/^\s*\d[\d .-]*\d\s*$/.test(v)) return fail('not a card number: only digits, spaces, "-" and "." may appear');
  const digits = v.replace(/\D/g, '');
  if (digits.length < 12 || digits.length > 19) return fail(`not a card number: ${digits.length} digits (cards have 12 to 19)`);
  const prefix = digits.slice(0, issuerPrefixLength(digits));
  const body = prefix + permuteDigits(digits.slice(prefix.length, -1), key, `card\u0000${prefix}`);
  return ok(refill(v, body + luhnCheckDigit(body)));
}

let callingCodes: Set<string> | undefined;
/** Calling codes are prefix-free, so the first of 1–3 leading digits that is one is the country's. */
function countryCodeOf(digits: string): string {
  callingCodes ??= new Set(getCountries().map((c) => getCountryCallingCode(c)));
  for (let n = 1; n <= 3; n++) if (callingCodes.has(digits.slice(0, n))) return digits.slice(0, n);
  return '';
}

/**
 * A fake phone: every character where it was, digits replaced — except, so it stays plausible,
 * the country code after a leading "+" (or the trunk "0"s of a national number).
 */
export function fakePhone(v: string, key: Uint8Array): OperatorOutcome {
  const body = v.trim().replace(/\s*(?:ext\.?|x|#)\s*\d{1,6}$/i, '');
  if (!/^\+?[\d\s()./-]+$/.test(body)) return fail('not a phone number: only digits, spaces, "+", "(", ")", ".", "/", "-" and an extension may appear');
  const digits = v.replace(/\D/g, '');
  if (digits.length < 5 || digits.length > 20) return fail(`not a phone number: ${digits.length} digits (5 to 20 expected)`);
  const kept = body.startsWith('+') ? countryCodeOf(digits) : (/^0+/.exec(digits)?.[0] ?? '');
  if (kept.length === digits.length) return fail('not a phone number: nothing after the prefix');
  return ok(refill(v, kept + permuteDigits(digits.slice(kept.length), key, `phone\u0000${kept}`)));
}

/** `user-<token>@example.invalid`: `.invalid` is reserved (RFC 2606), so no mail can ever reach a real person. */
export function fakeEmail(v: string, key: Uint8Array): OperatorOutcome {
  const t = v.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(t)) return fail('not an e-mail address');
  const token = base32(hmac(key, `email\u0000${normaliseForHash(t, 'email')}`)).slice(0, 16);
  return ok(`user-${token}@example.invalid`);
}

/** Longer than any identifier; the permutation's big-number arithmetic grows with the square of it. */
const MAX_ID_SYMBOLS = 256;

/**
 * A fake identifier of the same shape: letters stay letters (case kept), digits stay digits, the
 * rest stays put. Case and separators are not part of the identity, so `ab-12` and `AB12` get the
 * same letters and digits. Letters or digits outside A–Z/0–9 fail rather than leak through unchanged.
 */
export function fakeDigits(v: string, key: Uint8Array): OperatorOutcome {
  if (/[^\P{L}A-Za-z]|[^\P{N}0-9]/u.test(v)) return fail('has letters or digits outside A–Z and 0–9, which would be kept as they are');
  const chars = Array.from(v);
  const at = chars.flatMap((c, i) => (/[A-Za-z0-9]/.test(c) ? [i] : []));
  if (at.length === 0) return fail('no letters or digits to replace');
  if (at.length > MAX_ID_SYMBOLS) return fail(`too long for an identifier: ${at.length} letters and digits (at most ${MAX_ID_SYMBOLS})`);
  const isDigit = (c: string): boolean => c >= '0' && c <= '9';
  const symbols = at.map((i) => {
    const c = chars[i] ?? '0';
    return isDigit(c) ? c.charCodeAt(0) - 48 : c.toUpperCase().charCodeAt(0) - 65;
  });
  const radices = at.map((i) => (isDigit(chars[i] ?? '0') ? 10 : 26));
  const out = permuteSymbols(symbols, radices, key, 'digits');
  at.forEach((i, k) => {
    const c = chars[i] ?? '0';
    const s = out[k] ?? 0;
    chars[i] = isDigit(c) ? String(s) : String.fromCharCode((c === c.toUpperCase() ? 65 : 97) + s);
  });
  return ok(chars.join(''));
}
