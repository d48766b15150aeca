// The phone recogniser's shortcut (readRun) must return exactly what libphonenumber's text scanner
// returns for the same digit run and region: checked on a table of runs that exercise each step of
// the argument in phone-runs.ts (whole-run numbers, slash dates, pieces long enough to be numbers,
// ':' and long runs the scanner must read itself) and on seeded random runs.
import { findPhoneNumbersInText, type CountryCode, type NumberFound } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { innerCandidates, readRun } from '../../src/main/engine/pii/recognisers/phone-runs';

const REGIONS: (CountryCode | undefined)[] = ['US', 'GB', 'DE', 'FR', 'BR', 'AR', 'JP', 'SM', 'GG', undefined];

const key = (found: NumberFound[]) => found.map((f) => [f.startsAt, f.endsAt, f.number.number, f.number.country ?? null]);
const scanner = (run: string, region: CountryCode | undefined) => key(findPhoneNumbersInText(run, region === undefined ? {} : { defaultCountry: region }));

const RUNS = [
  // whole-run numbers, national and international
  '2015550123', '(201) 555-0123', '201.555.0123', '020 7946 0958', '07930 302786', '+44 20 7946 0958', '+1 201 555 0123', '0044 20 7946 0958',
  '011 44 20 7946 0958', '06 49 80 27 47', '(0395) 7988901', '0395/7988901', '8 (985) 860-24-75', '+81 96-5916-4599', '+5516581654820',
  '(11) 98765-4321', '0 11 15-4321-8765', '+800 1234 5678', '+378 0549 123456',
  // a valid number inside a run that is not one
  '12345 - 332-445-1234', '651-234-2345/332-445-1234', '(650) 223 3345 (754) 223 3321', '3324451234 8002341234', '12345. 332-445-1234',
  '020 7946 0958 020 7946 0959', '1 2015550123', '99 2015550123',
  // look-alikes the scanner drops or never reads whole
  '03/26/1948', '030/12/345678', '28.09.1944', '12/31/99 2015550123', '211-227 (2003)', '1999-2004', '10:30:00', '2024-01-02 10:30', '2015550123:12',
  '((201) 555-0123', '201) 555-0123', '2015550123 -- ---- 12',
  // a long run's windows may start or end in punctuation
  ' 2015550123', '-020 7946 0958', ') 2015550123', '2015550123 -', '020 7946 0958 (',
  // long runs: more than 21 blocks, digit blocks over 20 digits
  '1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3', '123456789012345678901234567890', '+4420794609581234567890123',
];

describe('readRun is the text scanner', () => {
  it.each(RUNS)('%s', (run) => {
    for (const region of REGIONS) expect(key(readRun(run, region)), `${run} in ${region ?? 'no region'}`).toEqual(scanner(run, region));
  });

  it('on seeded random runs of digits and phone punctuation', () => {
    let s = 20261204;
    const rand = () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const alphabet = '01234567890123456789012345678901234 ()./-:';
    let differing = 0;
    for (let i = 0; i < 1500; i++) {
      let run = rand() < 0.3 ? '+' : rand() < 0.2 ? '(' : '';
      run += String(Math.floor(rand() * 10));
      for (let j = 6 + Math.floor(rand() * 24); j > 0; j--) run += alphabet[Math.floor(rand() * alphabet.length)];
      run += String(Math.floor(rand() * 10));
      for (const region of ['US', 'GB', 'DE'] as const) if (JSON.stringify(key(readRun(run, region))) !== JSON.stringify(scanner(run, region))) differing++;
    }
    expect(differing).toBe(0);
  });

  it('the memo carries a + run\'s parse to the next region, with the same answer', () => {
    const memo = {};
    expect(key(readRun('+44 20 7946 0958', 'US', memo))).toEqual(scanner('+44 20 7946 0958', 'US'));
    expect(memo).toHaveProperty('plus');
    expect(key(readRun('+44 20 7946 0958', 'GB', memo))).toEqual(scanner('+44 20 7946 0958', 'GB'));
  });
});

describe('innerCandidates', () => {
  it.each([
    ['(0395) 7988901', ['', '(0395) 7988901', '(0395', '7988901']],
    ['651-234-2345/332-445-1234', ['651-234-2345', '332-445-1234']],
    ['12345 - 332-445-1234', ['12345', '332-445-1234', '12345', '', '332-445-1234']],
    ['06.03.13', ['06', '03', '13']],
  ])('%s', (run, pieces) => {
    expect(innerCandidates(run)).toEqual(pieces);
  });
});
