// The labelled PII generator: the same seed gives the same bytes, truth offsets (code points) cut
// exactly the labelled value, positives pass the checks a real value passes (checked with the
// engine's validators and libphonenumber as a second opinion) and hard negatives fail them.
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { ibanMod97, isbn10, isbn13, luhn } from '../../src/main/engine/pii/checksums';
import { cardIssuer } from '../../src/main/engine/pii/recognisers/credit-card';
import { realBirthDate } from '../../src/main/engine/pii/recognisers/date-of-birth';
import { validSsn } from '../../src/main/engine/pii/recognisers/us-ssn';
import { ENTITY_TYPES } from '../../src/shared/api/pii-types';
import { ibanCheck, luhnDigit, luhnValid, ninoValid, vinCheck } from '../../tools/gen/pii/checks';
import { tableCsv, truthCsv } from '../../tools/gen/pii/main';
import { generatePiiTable, piiRow, type Truth } from '../../tools/gen/pii/table';

const SEED = 'pii-gen-test';
const table = generatePiiTable(600, SEED);
const cell = (t: Truth) => table.rows[t.row - 1]![table.headers.indexOf(t.column)]!;
const of = (label: string) => table.truth.filter((t) => t.label === label);
const digits = (s: string) => s.replace(/\D/g, '');

describe('PII generator: determinism', () => {
  it('gives the same bytes for the same seed, and other bytes for another', () => {
    const again = generatePiiTable(600, SEED);
    expect(tableCsv(again)).toBe(tableCsv(table));
    expect(truthCsv(again)).toBe(truthCsv(table));
    expect(tableCsv(generatePiiTable(600, 'other'))).not.toBe(tableCsv(table));
  });

  it('regenerates any row alone, whatever the row count', () => {
    const short = generatePiiTable(50, SEED);
    expect(short.rows).toEqual(table.rows.slice(0, 50));
    for (const r of [1, 77, 600]) expect(piiRow(SEED, r).cells.map((c) => c?.text ?? null)).toEqual(table.rows[r - 1]);
  });

  it('is pinned: a change to the data shows here (bump PII_GENERATOR_VERSION and re-pin)', () => {
    const t = generatePiiTable(200, 'pin');
    expect(createHash('sha256').update(tableCsv(t)).update(truthCsv(t)).digest('hex')).toBe(PINNED);
  });
});

describe('PII generator: truth', () => {
  it('labels every entity type and hard negatives, in table columns and in free text', () => {
    for (const e of ENTITY_TYPES) {
      expect(of(e).some((t) => t.split === 'column'), `${e} in a column`).toBe(true);
      expect(of(e).some((t) => t.split === 'text'), `${e} in free text`).toBe(true);
    }
    expect(of('NEGATIVE').length).toBeGreaterThan(3000);
  });

  it('offsets are code points: slicing the cell by code points gives the labelled value', () => {
    let astral = 0;
    for (const t of table.truth) {
      const text = cell(t);
      expect([...text].slice(t.start, t.end).join('')).toBe(t.value);
      expect(t.value).toBe(t.value.trim());
      expect(t.end).toBeGreaterThan(t.start);
      if (/[\u{10000}-\u{10FFFF}]/u.test([...text].slice(0, t.start).join(''))) astral++;
    }
    // Emoji before a span are what tell code points from UTF-16 units: make sure the data has them.
    expect(astral).toBeGreaterThan(10);
  });

  it('spans within a cell do not overlap, and whole-cell columns are labelled whole', () => {
    const byCell = new Map<string, Truth[]>();
    for (const t of table.truth) byCell.set(`${t.row}|${t.column}`, [...(byCell.get(`${t.row}|${t.column}`) ?? []), t]);
    for (const spans of byCell.values()) {
      const sorted = [...spans].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
      const first = sorted[0]!;
      if (first.split === 'column') expect(first.value).toBe(cell(first));
    }
  });
});

describe('PII generator: positives are valid', () => {
  it.each([
    ['CREDIT_CARD', (v: string) => luhn(digits(v)) && luhnValid(digits(v)) && cardIssuer(digits(v)) !== undefined],
    ['IBAN', (v: string) => ibanMod97(v.replace(/ /g, '')) === 1],
    ['US_SSN', (v: string) => validSsn(digits(v).slice(0, 3), digits(v).slice(3, 5), digits(v).slice(5)) === undefined],
    ['UK_NINO', (v: string) => ninoValid(v.replace(/ /g, ''))],
    ['IP_ADDRESS', (v: string) => isIP(v) !== 0],
    ['MAC_ADDRESS', (v: string) => /^(?:[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})$/i.test(v)],
    ['EMAIL', (v: string) => /^[a-z0-9._+]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(v)],
    ['URL', (v: string) => /^(?:https?:\/\/|www\.)\S+\.\S+$/.test(v)],
  ] as const)('%s', (label, valid) => {
    const bad = of(label).filter((t) => !valid(t.value)).map((t) => t.value);
    expect(bad).toEqual([]);
    expect(of(label).length).toBeGreaterThan(100);
  });

  it('PHONE: libphonenumber says every number is valid in its region', () => {
    for (const t of of('PHONE')) {
      const region = /^(?:fax )?([A-Z]{2}) /.exec(t.kind)?.[1] as CountryCode;
      expect(parsePhoneNumberWithError(t.value, region).isValid(), `${t.value} (${t.kind})`).toBe(true);
    }
  });

  it('DATE_OF_BIRTH: real calendar dates with a plausible birth year', () => {
    for (const t of of('DATE_OF_BIRTH')) {
      const y = /(19|20)\d\d/.exec(t.value)?.[0] ?? '';
      expect(Number(y), t.value).toBeGreaterThanOrEqual(1930);
      expect(Number(y), t.value).toBeLessThanOrEqual(2010);
      const iso = /^(\d{4})-(\d\d)-(\d\d)$/.exec(t.value);
      if (iso) expect(realBirthDate(iso[1]!, iso[2]!, iso[3]!)).toBe(true);
    }
  });

  it('IDENTIFIER: VINs carry a right check digit', () => {
    const vins = of('IDENTIFIER').filter((t) => t.kind === 'VIN');
    expect(vins.length).toBeGreaterThan(20);
    for (const t of vins) expect(t.value[8]).toBe(vinCheck(t.value));
  });

  it('the generator checksums agree with published examples', () => {
    expect(ibanCheck('GB', 'WEST12345698765432')).toBe('82');
    expect(ibanCheck('DE', '370400440532013000')).toBe('89');
    expect(luhnDigit('411111111111111')).toBe(1);
    expect(vinCheck('1M8GDM9AXKP042788')).toBe('X');
    expect(ninoValid('AB123456C')).toBe(true);
    expect(ninoValid('GB123456C')).toBe(false);
  });
});

describe('PII generator: hard negatives fail the checks', () => {
  const neg = (kind: string) => of('NEGATIVE').filter((t) => t.kind === kind);

  it.each([
    ['order number (fails Luhn)', (v: string) => digits(v).length === 16 && !luhn(digits(v))],
    ['ISBN-13', (v: string) => isbn13(digits(v))],
    ['ISBN-10', (v: string) => isbn10(v.replace(/-/g, ''))],
    ['UUID', (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(v)],
    ['9-digit product code', (v: string) => /^\d{9}$/.test(v)],
    ['version string', (v: string) => /^\d+\.\d+\.\d+\.\d+$/.test(v) && v.split('.').every((p) => Number(p) <= 255)],
    ['random digits', (v: string) => /^\d{6,16}$/.test(v) && !(v.length >= 12 && luhn(v))],
    ['amount', (v: string) => /^\d{1,3}(?:,\d{3})+(?:\.\d\d)?$/.test(v)],
    ['capitalised common words', (v: string) => /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?$/u.test(v)],
    ['business date', (v: string) => /\d{4}/.test(v)],
    ['IBAN-shaped, wrong check digits', (v: string) => /^DE\d\d/.test(v) && ibanMod97(v.replace(/ /g, '')) !== 1],
    ['SSN-shaped, area never issued', (v: string) => validSsn(v.slice(0, 3), v.slice(4, 6), v.slice(7)) !== undefined],
    ['NINO-shaped, prefix never issued', (v: string) => /^[A-Z]{2}\d{6}[A-D]$/.test(v) && !ninoValid(v)],
  ] as const)('%s', (kind, shape) => {
    const list = neg(kind);
    expect(list.length).toBeGreaterThan(50);
    expect(list.filter((t) => !shape(t.value)).map((t) => t.value)).toEqual([]);
  });
});

const PINNED = '5e3ced5b1914702d34853ce3fb5a2bd88b437d2e1a32207032daecd32e4fdc1b';
