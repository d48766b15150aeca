// Test support for the de-identification steps: a small table of made-up people (names from
// faker under a fixed seed, the rest built to pass the recognisers' checksums), the raw values a
// preset must remove, and a search for any of them in a text.
import { faker } from '@faker-js/faker';
import { luhnCheckDigit } from '../../src/main/engine/pii/operators/pseudonyms';

export const PEOPLE_HEADER = ['first_name', 'last_name', 'email', 'phone', 'ssn', 'date_of_birth', 'zip', 'age', 'card', 'notes'];

export interface People {
  rows: string[][];
  /** The raw values per column. */
  raw: Record<string, string[]>;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function card(i: number): string {
  const body = `4${pad(100_000_000_000_00 + i * 7_919_113, 14)}`;
  const digits = body + luhnCheckDigit(body);
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function people(n = 30): People {
  faker.seed(4_514);
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const email = `${first}.${last}${i}@example.org`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
    const phone = `+1 202-555-01${pad(i)}`;
    const ssn = `${100 + i * 7}-${pad(10 + i)}-${pad(1000 + i * 13, 4)}`;
    const [y, m, d] = [1940 + i, 1 + (i % 12), 13 + (i % 15)];
    const dob = i % 4 === 0 ? `${m}/${d}/${y}` : `${y}-${pad(m)}-${pad(d)}`;
    const zip = i % 5 === 0 ? '89012' : String(10_001 + i * 317);
    const age = String(20 + i * 3);
    const c = card(i);
    rows.push([first, last, email, phone, ssn, dob, zip, age, c, `Call ${phone} or mail ${email} about card ${c}; SSN ${ssn}.`]);
  }
  const raw: Record<string, string[]> = {};
  PEOPLE_HEADER.forEach((h, j) => {
    raw[h] = rows.map((r) => r[j] as string);
  });
  return { rows, raw };
}

const escape = (s: string) => s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

/**
 * The raw values of these columns that occur in `text` as whole words (a name inside another
 * word is not it). 64-hex ledger digests are taken out first: digits could occur in them by chance.
 */
export function leaked(text: string, raw: Record<string, string[]>, columns: string[]): string[] {
  const clean = text.replace(/[0-9a-f]{64}/g, '');
  return columns.flatMap((c) => (raw[c] ?? []).filter((v) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(v)}(?![\\p{L}\\p{N}])`, 'u').test(clean)).map((v) => `${c}: ${v}`));
}
