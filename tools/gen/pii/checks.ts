// The generator's own checksums (Luhn, IBAN mod-97, VIN check digit, ISBN) and identity-number
// rules, written apart from the engine's so a bug in the recognisers' checks cannot hide itself by
// also shaping the data they are measured on.

/** The Luhn check digit that completes `body`. */
export function luhnDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function luhnValid(digits: string): boolean {
  return /^\d+$/.test(digits) && luhnDigit(digits.slice(0, -1)) === Number(digits.at(-1));
}

/** ISO 13616: letters as 10–35, the first four characters moved to the end, the whole mod 97 (BigInt). */
export function ibanRemainder(compact: string): number {
  const moved = compact.slice(4) + compact.slice(0, 4);
  const numeric = [...moved].map((ch) => (/[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch)).join('');
  return Number(BigInt(numeric) % 97n);
}

/** The two check digits of an IBAN for a country and BBAN. */
export function ibanCheck(country: string, bban: string): string {
  return String(98 - ibanRemainder(`${country}00${bban}`)).padStart(2, '0');
}

export function ssnValid(digits: string): boolean {
  const area = Number(digits.slice(0, 3));
  return /^\d{9}$/.test(digits) && area !== 0 && area !== 666 && area < 900 && digits.slice(3, 5) !== '00' && digits.slice(5) !== '0000';
}

const NINO_FIRST = 'ABCEGHJKLMNOPRSTWXYZ';
const NINO_SECOND = 'ABCEGHJKLMNPRSTWXYZ';
const NINO_EXCLUDED = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);
export const NINO = { first: NINO_FIRST, second: NINO_SECOND, excluded: NINO_EXCLUDED };

export function ninoValid(compact: string): boolean {
  const m = /^([A-Z])([A-Z])\d{6}[A-D]$/.exec(compact);
  return m !== null && NINO_FIRST.includes(m[1]!) && NINO_SECOND.includes(m[2]!) && !NINO_EXCLUDED.has(m[1]! + m[2]!);
}

const VIN_VALUES: Record<string, number> = Object.fromEntries(
  [...'ABCDEFGHJKLMNPRSTUVWXYZ'].map((ch, i) => [ch, [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9][i]!]),
);
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** The check character (position 9) of a North American VIN. */
export function vinCheck(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin[i]!;
    sum += (/\d/.test(ch) ? Number(ch) : (VIN_VALUES[ch] ?? 0)) * VIN_WEIGHTS[i]!;
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export function isbn13Digit(body12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isbn10Digit(body9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * Number(body9[i]);
  const r = (11 - (sum % 11)) % 11;
  return r === 10 ? 'X' : String(r);
}
