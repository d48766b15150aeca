// PII recognisers: the shared contract every recogniser meets, tables of positives (exact entity,
// offsets, confidence and explanation), negatives and hard negatives that must give nothing,
// spans inside free text, code point offsets, overlap resolution, and the worker task.
import { describe, expect, it } from 'vitest';
import { ibanMod97, isbn10, isbn13, luhn } from '../../src/main/engine/pii/checksums';
import { RECOGNISERS } from '../../src/main/engine/pii/registry';
import { cardIssuer } from '../../src/main/engine/pii/recognisers/credit-card';
import { validSsn } from '../../src/main/engine/pii/recognisers/us-ssn';
import { resolveOverlaps, scanText } from '../../src/main/engine/pii/scan';
import type { EntityType, Explanation, Finding, ScanContext } from '../../src/main/engine/pii/types';
import { WorkerPool } from '../../src/main/engine/workers/pool';
import { runTask } from '../../src/main/engine/workers/tasks';

const REGIONS = ['US', 'GB'];
const ctx = (header?: string, regions = REGIONS): ScanContext => (header === undefined ? { regions } : { header, regions });
/** The text a finding covers, cut by code points as the offsets are. */
const cut = (text: string, f: Pick<Finding, 'start' | 'end'>): string => [...text].slice(f.start, f.end).join('');

describe.each(RECOGNISERS.map((r) => [r.id, r] as const))('recogniser contract: %s', (_id, r) => {
  const c = ctx(r.examples.header);

  it('has a unique id and at least two examples of each kind', () => {
    expect(RECOGNISERS.filter((o) => o.id === r.id)).toHaveLength(1);
    expect(r.examples.found.length).toBeGreaterThanOrEqual(2);
    expect(r.examples.ignored.length).toBeGreaterThanOrEqual(2);
  });

  it.each(r.examples.found)('finds %j, well-formed and deterministic', (text) => {
    const found = r.find(text, c);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.entity).toBe(r.entity);
      expect(f.recogniser).toBe(r.id);
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(text.length);
      expect(f.end).toBeGreaterThan(f.start);
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(Math.round(f.confidence * 100) / 100).toBe(f.confidence);
      expect(f.explanation.pattern).toBeTruthy();
      expect(text.slice(f.start, f.end)).toBe(text.slice(f.start, f.end).trim());
    }
    expect(r.find(text, c)).toEqual(found);
  });

  it.each(r.examples.ignored)('ignores %j', (text) => {
    expect(r.find(text, c)).toEqual([]);
  });

  it('finds nothing in empty or blank text', () => {
    expect(r.find('', c)).toEqual([]);
    expect(r.find('   ', c)).toEqual([]);
  });
});

interface Positive {
  text: string;
  header?: string;
  regions?: string[];
  entity: EntityType;
  span: string;
  start: number;
  min: number;
  max: number;
  explanation?: Partial<Explanation>;
}

const POSITIVES: Positive[] = [
  { text: 'jane.doe@example.com', entity: 'EMAIL', span: 'jane.doe@example.com', start: 0, min: 0.85, max: 0.85, explanation: { pattern: 'email (local@host.tld)' } },
  { text: 'email: bob@mail.example.org.', entity: 'EMAIL', span: 'bob@mail.example.org', start: 7, min: 0.95, max: 0.95, explanation: { context: ['email'] } },
  { text: '+1 (201) 555-0123', entity: 'PHONE', span: '+1 (201) 555-0123', start: 0, min: 0.75, max: 0.75, explanation: { checksum: 'libphonenumber valid (US)', pattern: 'phone (international form)' } },
  { text: '020 7946 0958', regions: ['GB', 'US'], entity: 'PHONE', span: '020 7946 0958', start: 0, min: 0.6, max: 0.6, explanation: { checksum: 'libphonenumber valid (GB)' } },
  { text: '2015550123', header: 'Mobile', entity: 'PHONE', span: '2015550123', start: 0, min: 0.75, max: 0.75, explanation: { header: 'column "Mobile" mentions "mobile"', pattern: 'phone (bare digits)' } },
  { text: 'fax 020 7946 0958', regions: ['GB'], entity: 'PHONE', span: '020 7946 0958', start: 4, min: 0.85, max: 0.85, explanation: { context: ['fax'], notes: ['GB number +442079460958', 'fax number (by context)'] } },
  { text: '030 12345678', header: 'Telefon', regions: ['DE'], entity: 'PHONE', span: '030 12345678', start: 0, min: 0.85, max: 0.85, explanation: { checksum: 'libphonenumber valid (DE)' } },
  { text: '536-22-8726', entity: 'US_SSN', span: '536-22-8726', start: 0, min: 0.6, max: 0.6, explanation: { checksum: 'area/group/serial ranges', pattern: 'ssn (ddd-dd-dddd)' } },
  { text: 'Social Security No. 536-22-8726', entity: 'US_SSN', span: '536-22-8726', start: 20, min: 0.95, max: 0.95, explanation: { context: ['social security', 'social'] } },
  { text: '536228726', header: 'SSN', entity: 'US_SSN', span: '536228726', start: 0, min: 0.8, max: 0.8, explanation: { header: 'column "SSN" mentions "ssn"' } },
  { text: '4111111111111111', entity: 'CREDIT_CARD', span: '4111111111111111', start: 0, min: 0.8, max: 0.8, explanation: { checksum: 'Luhn', notes: ['issuer Visa'] } },
  { text: 'Amex 3782 822463 10005 exp 12/27', entity: 'CREDIT_CARD', span: '3782 822463 10005', start: 5, min: 0.95, max: 0.95, explanation: { context: ['amex'], notes: ['issuer Amex'] } },
  { text: '6011-0009-9013-9424', entity: 'CREDIT_CARD', span: '6011-0009-9013-9424', start: 0, min: 0.8, max: 0.8, explanation: { notes: ['issuer Discover'] } },
  { text: 'GB82 WEST 1234 5698 7654 32', entity: 'IBAN', span: 'GB82 WEST 1234 5698 7654 32', start: 0, min: 0.9, max: 0.9, explanation: { checksum: 'mod-97', pattern: 'IBAN (GB, 22 characters)' } },
  { text: 'pay to NL91ABNA0417164300 today', entity: 'IBAN', span: 'NL91ABNA0417164300', start: 7, min: 0.9, max: 0.9 },
  { text: 'IBAN DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX', entity: 'IBAN', span: 'DE89 3704 0044 0532 0130 00', start: 5, min: 1, max: 1, explanation: { context: ['iban'] } },
  { text: 'client ip 192.168.10.254', entity: 'IP_ADDRESS', span: '192.168.10.254', start: 10, min: 0.9, max: 0.9, explanation: { context: ['ip', 'client'], checksum: 'octets ≤ 255' } },
  { text: '::ffff:192.0.2.128', entity: 'IP_ADDRESS', span: '::ffff:192.0.2.128', start: 0, min: 0.8, max: 0.8, explanation: { pattern: 'IPv6' } },
  { text: 'aa-bb-cc-dd-ee-0f', entity: 'MAC_ADDRESS', span: 'aa-bb-cc-dd-ee-0f', start: 0, min: 0.8, max: 0.8, explanation: { pattern: 'MAC (xx-xx-xx-xx-xx-xx)' } },
  { text: 'Visit https://example.org/x).', entity: 'URL', span: 'https://example.org/x', start: 6, min: 0.6, max: 0.6, explanation: { notes: ['host example.org'] } },
  { text: 'website: www.example.co.uk', entity: 'URL', span: 'www.example.co.uk', start: 9, min: 0.7, max: 0.7, explanation: { context: ['website'] } },
  { text: '10 Downing Street, London SW1A 2AA', entity: 'POSTAL_CODE', span: 'SW1A 2AA', start: 26, min: 0.65, max: 0.65, explanation: { notes: ['UK'] } },
  { text: 'M11AE', header: 'Postcode', entity: 'POSTAL_CODE', span: 'M11AE', start: 0, min: 0.8, max: 0.8, explanation: { pattern: 'UK postcode (no space)' } },
  { text: '90210', header: 'ZIP', entity: 'POSTAL_CODE', span: '90210', start: 0, min: 0.85, max: 0.85, explanation: { header: 'column "ZIP" mentions "zip"', notes: ['US'] } },
  { text: 'Cambridge, MA 02139-4307', entity: 'POSTAL_CODE', span: '02139-4307', start: 14, min: 0.95, max: 0.95, explanation: { context: ['state MA'], pattern: 'US ZIP+4' } },
  { text: 'JG103756A', entity: 'UK_NINO', span: 'JG103756A', start: 0, min: 0.65, max: 0.65 },
  { text: 'national insurance: AB 12 34 56 C', entity: 'UK_NINO', span: 'AB 12 34 56 C', start: 20, min: 0.95, max: 0.95, explanation: { context: ['national insurance'], pattern: 'NINO (AB 12 34 56 C)' } },
];

describe('positives', () => {
  it.each(POSITIVES)('$entity in $text', (p) => {
    const found = scanText(p.text, ctx(p.header, p.regions ?? REGIONS));
    expect(found).toHaveLength(1);
    const [f] = found as [Finding];
    expect(f.entity).toBe(p.entity);
    expect({ start: f.start, end: f.end }).toEqual({ start: p.start, end: p.start + [...p.span].length });
    expect(cut(p.text, f)).toBe(p.span);
    expect(f.confidence).toBeGreaterThanOrEqual(p.min);
    expect(f.confidence).toBeLessThanOrEqual(p.max);
    if (p.explanation) expect(f.explanation).toMatchObject(p.explanation);
  });
});

const NEGATIVES: [string, string?][] = [
  ['hello world'],
  ['not-an-email@'],
  ['user@localhost'],
  ['12345'],
  ['12-34'],
  ['192.168.1'],
  ['999.1.1.1'],
  ['4111 1111 1111 1112'],
  ['GB82 WEST 1234 5698 7654 3'],
  ['DE89 3704 0044 0532 0130 01'],
  ['AB123456'],
  ['TN123456A'],
  ['SW1A'],
  ['example.com'],
  ['12:30:45'],
  ['quantity 42, price 19.99'],
  ['62704', 'Amount'],
];

// Each of these looks like something a recogniser looks for; none is PII.
const HARD_NEGATIVES: [string, string, string?][] = [
  ['16-digit order number failing Luhn', 'Order 1234567812345678'],
  ['16-digit order number failing Luhn (grouped)', '4111-1111-1111-1112'],
  ['Luhn-valid number of no issuer', '9999999999999995'],
  ['9-digit product code', '123456789'],
  ['9-digit product code in text', 'SKU 536228726 in stock'],
  ['9-digit product code in a product column', '536228726', 'Product code'],
  ['version after "version"', 'version 1.2.3.4'],
  ['version after "v"', 'v1.2.3.4'],
  ['version in a version column', '10.0.19041.1', 'OS build'],
  ['ISBN-13 with hyphens', 'ISBN 978-3-16-148410-0'],
  ['ISBN-13 bare hyphens', '978-3-16-148410-0'],
  ['ISBN-13 compact', '9783161484100'],
  ['ISBN-10 with hyphens', '0-306-40615-2'],
  ['ISBN-10 after ISBN', 'ISBN 0306406152'],
  ['UUID', '123e4567-e89b-12d3-a456-426614174000'],
  ['UUID in text', 'request f47ac10b-58cc-4372-a567-0e02b2c3d479 failed'],
  ['ISO date', '2024-01-02'],
  ['date and time', '2024-01-02 10:30:00'],
  ['European date', '02.01.2024'],
  ['compact date', '20240102'],
  ['amount', '1,234,567.89'],
  ['amount with currency', 'EUR 1.234.567,89'],
  ['amount with dollar', '$12,345.00'],
  ['plain amount', '1500.00'],
  ['big plain amount', '123456789.50'],
  ['advertising SSN', '078-05-1120'],
  ['coordinates', 'Coordinates 40.7128 -74.0060'],
  ['decimal constant', 'x = 3.14159 * 2.71828'],
  ['range of years', 'The years 1999-2004 and 2010-2015'],
  ['build number', 'Build 20240102.1'],
  ['ISBN-13 in a part number', 'part no. 978-0-306-40615-7'],
  ['SSN area 666', '666-12-3456'],
];

describe('negatives', () => {
  it.each(NEGATIVES)('%j gives nothing', (text, header) => {
    expect(scanText(text, ctx(header, ['US', 'GB', 'DE']))).toEqual([]);
  });
});

describe('hard negatives', () => {
  it.each(HARD_NEGATIVES)('%s: %j gives nothing', (_what, text, header) => {
    expect(scanText(text, ctx(header, ['US', 'GB', 'DE']))).toEqual([]);
  });
});

describe('free text', () => {
  it('finds each span inside longer text, in order', () => {
    const text = 'Hi, call me at +44 20 7946 0958 or mail jane@example.org; card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, from 10.1.2.3.';
    const found = scanText(text, ctx());
    expect(found.map((f) => [f.entity, cut(text, f)])).toEqual([
      ['PHONE', '+44 20 7946 0958'],
      ['EMAIL', 'jane@example.org'],
      ['CREDIT_CARD', '4111 1111 1111 1111'],
      ['IBAN', 'GB82 WEST 1234 5698 7654 32'],
      ['IP_ADDRESS', '10.1.2.3'],
    ]);
    expect(found[0]).toMatchObject({ start: 15, end: 31, confidence: 1, explanation: { context: ['call'] } });
  });

  it('reads national numbers with the regions given, and only international ones without', () => {
    const text = 'office (201) 555-0123, London +44 20 7946 0958';
    expect(scanText(text, ctx(undefined, ['US'])).map((f) => cut(text, f))).toEqual(['(201) 555-0123', '+44 20 7946 0958']);
    expect(scanText(text, ctx(undefined, [])).map((f) => cut(text, f))).toEqual(['+44 20 7946 0958']);
    expect(scanText(text, ctx(undefined, ['XX'])).map((f) => cut(text, f))).toEqual(['+44 20 7946 0958']);
  });

  it('needs evidence for a bare ZIP and a bare nine-digit SSN, and says where it came from', () => {
    expect(scanText('ref 02139', ctx())).toEqual([]);
    expect(scanText('ZIP code 02139', ctx())).toMatchObject([{ entity: 'POSTAL_CODE', start: 9, end: 14, explanation: { context: ['zip', 'zip code'] } }]);
    expect(scanText('536228726', ctx('customer_ssn'))).toMatchObject([{ entity: 'US_SSN', explanation: { header: 'column "customer_ssn" mentions "ssn"' } }]);
  });

  it('trusts a national number less when only a later region reads it, and says so', () => {
    const [asFirst] = scanText('020 7946 0958', ctx(undefined, ['GB', 'US']));
    const [asSecond] = scanText('020 7946 0958', ctx(undefined, ['US', 'GB']));
    expect(asFirst).toMatchObject({ confidence: 0.6, explanation: { score: { base: 0.6, evidence: 0 }, notes: ['GB number +442079460958'] } });
    expect(asSecond).toMatchObject({ confidence: 0.5, explanation: { score: { base: 0.5, evidence: 0 }, notes: ['GB number +442079460958', 'valid only as a GB number, not US'] } });
    const [international] = scanText('+44 20 7946 0958', ctx(undefined, ['US', 'GB']));
    expect(international?.confidence).toBe(0.75);
  });

  it('explains its confidence as base plus evidence', () => {
    expect(scanText('SSN 536-22-8726', ctx())[0]?.explanation.score).toEqual({ base: 0.6, evidence: 0.35 });
    expect(scanText('536-22-8726', ctx())[0]?.explanation.score).toEqual({ base: 0.6, evidence: 0 });
    expect(scanText('card 4111111111111111', ctx())[0]).toMatchObject({ confidence: 0.95, explanation: { score: { base: 0.8, evidence: 0.15 } } });
  });

  it('reads a lower-case postcode only in a postcode column', () => {
    expect(scanText('sw1a 1aa', ctx())).toEqual([]);
    expect(scanText('sw1a 1aa', ctx('Post code'))).toMatchObject([{ entity: 'POSTAL_CODE', start: 0, end: 8, confidence: 0.95 }]);
  });

  it('raises confidence for a header in camel or snake case', () => {
    const [plain] = scanText('+1 201 555 0123', ctx());
    const [boosted] = scanText('+1 201 555 0123', ctx('contactPhoneNumber'));
    expect(plain?.confidence).toBe(0.75);
    expect(boosted?.confidence).toBe(1);
    expect(boosted?.explanation.header).toBe('column "contactPhoneNumber" mentions "phone"');
  });
});

describe('code point offsets', () => {
  it.each([
    ['astral emoji before the span', '😀😀 mail a@b.com', 'a@b.com', 8],
    ['flag (two astral code points) before', '🇬🇧 SW1A 1AA', 'SW1A 1AA', 3],
    ['astral letter inside the header text', '𝒜 call +44 20 7946 0958 𝒵', '+44 20 7946 0958', 7],
    ['combining accent (BMP) before', 'Jose\u0301: 4111111111111111', '4111111111111111', 7],
    ['no surrogates', 'ip 10.0.0.1', '10.0.0.1', 3],
  ])('%s', (_what, text, span, start) => {
    const found = scanText(text, ctx());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start, end: start + [...span].length });
    expect(cut(text, found[0] as Finding)).toBe(span);
  });

  it('counts a lone surrogate as one code point', () => {
    const text = '\uD83D x@example.com';
    expect(scanText(text, ctx())).toMatchObject([{ start: 2, end: 15 }]);
  });
});

const raw = (recogniser: string, start: number, end: number, confidence: number): Finding => ({ entity: 'IDENTIFIER', start, end, confidence, recogniser, explanation: {} });

describe('overlap resolution', () => {
  it('keeps a URL over the e-mail inside it', () => {
    const text = 'see https://example.org/share?to=bob@example.com now';
    expect(scanText(text, ctx()).map((f) => [f.entity, cut(text, f)])).toEqual([['URL', 'https://example.org/share?to=bob@example.com']]);
    expect(RECOGNISERS.find((r) => r.id === 'email')?.find(text, ctx())).toHaveLength(1);
  });

  it('keeps an IBAN over phone-like digits inside it', () => {
    const text = 'NL91 ABNA 0417 1643 00';
    const phoneAlone = RECOGNISERS.find((r) => r.id === 'phone')?.find(text, ctx(undefined, ['DE'])) ?? [];
    expect(phoneAlone.map((f) => text.slice(f.start, f.end))).toEqual(['0417 1643 00']);
    expect(scanText(text, ctx(undefined, ['DE'])).map((f) => f.entity)).toEqual(['IBAN']);
  });

  it.each([
    ['a longer span swallows the one inside it, whatever its confidence', [raw('a', 0, 10, 0.5), raw('b', 2, 6, 0.9)], [['a', 0, 10]]],
    ['partial overlap: higher confidence wins', [raw('a', 0, 6, 0.6), raw('b', 4, 12, 0.9)], [['b', 4, 12]]],
    ['partial overlap, equal confidence: longer wins', [raw('a', 0, 6, 0.8), raw('b', 4, 12, 0.8)], [['b', 4, 12]]],
    ['partial overlap, equal confidence and length: earlier wins', [raw('b', 4, 10, 0.8), raw('a', 0, 6, 0.8)], [['a', 0, 6]]],
    ['equal spans: higher confidence wins', [raw('a', 0, 6, 0.5), raw('b', 0, 6, 0.7)], [['b', 0, 6]]],
    ['equal spans and confidence: registry order wins', [raw('b', 0, 6, 0.7), raw('a', 0, 6, 0.7)], [['a', 0, 6]]],
    ['disjoint spans are all kept, by start', [raw('b', 8, 9, 0.1), raw('a', 0, 6, 0.7)], [['a', 0, 6], ['b', 8, 9]]],
  ] as const)('%s', (_what, found, expected) => {
    const order = ['a', 'b'];
    const kept = resolveOverlaps(found, order).map((f) => [f.recogniser, f.start, f.end]);
    expect(kept).toEqual(expected);
    expect(resolveOverlaps([...found].reverse(), order).map((f) => [f.recogniser, f.start, f.end])).toEqual(expected);
  });
});

const scanCellsHere = (values: string[], regions: string[]): Finding[][] => runTask({ task: 'pii.scanCells', input: { values, regions } }) as Finding[][];

describe("worker task 'pii.scanCells'", () => {
  it('gives findings per cell, in order, with one header for the batch', () => {
    const out = runTask({ task: 'pii.scanCells', input: { values: ['02139', '', 'nothing here', 'zip 90210 or 10001'], header: 'Zip', regions: ['US'] } }) as Finding[][];
    expect(out.map((cell) => cell.map((f) => [f.entity, f.start, f.end]))).toEqual([[['POSTAL_CODE', 0, 5]], [], [], [['POSTAL_CODE', 4, 9], ['POSTAL_CODE', 13, 18]]]);
  });

  it('takes one header per cell, and its output survives structured cloning', () => {
    const input = { values: ['536228726', '536228726', '😀 +44 20 7946 0958'], headers: ['SSN', 'Product code', null], regions: ['GB'] };
    const out = runTask({ task: 'pii.scanCells', input }) as Finding[][];
    expect(out.map((cell) => cell.map((f) => `${f.entity}@${f.start}-${f.end}`))).toEqual([['US_SSN@0-9'], [], ['PHONE@2-18']]);
    expect(structuredClone(out)).toEqual(out);
  });

  it('gives the same findings in a worker thread as in-process', async () => {
    const pool = new WorkerPool({ maxThreads: 1, inProcessBelow: 1 });
    try {
      const values = ['SSN 536-22-8726', 'call +44 20 7946 0958', 'none', '😀 jane@example.org'];
      const input = (b: string[]) => ({ values: b, regions: ['GB'] });
      const there = (await pool.map('pii.scanCells', values, { input, where: 'workers' })).flat();
      expect(pool.tasksRunInWorkers).toBeGreaterThan(0);
      expect(there).toEqual(scanCellsHere(values, ['GB']));
      expect(there.map((cell) => cell.map((f) => f.entity))).toEqual([['US_SSN'], ['PHONE'], [], ['EMAIL']]);
    } finally {
      await pool.close();
    }
  });
});

describe('validation', () => {
  it.each([
    ['4111111111111111', 'Visa'],
    ['4222222222222', 'Visa'],
    ['5555555555554444', 'Mastercard'],
    ['2221000000000009', 'Mastercard'],
    ['2720990000000007', 'Mastercard'],
    ['378282246310005', 'Amex'],
    ['6011111111111117', 'Discover'],
    ['6221260000000000', 'Discover'],
    ['3530111333300000', 'JCB'],
    ['36227206271667', 'Diners Club'],
    ['6200000000000005', 'UnionPay'],
    ['6759649826438453', 'Maestro'],
    ['5019717010103742', 'Dankort'],
    ['3566002020360505', 'JCB'],
    ['30569309025904', 'Diners Club'],
  ])('card %s is %s and passes Luhn', (n, issuer) => {
    expect(cardIssuer(n)).toBe(issuer);
    expect(luhn(n)).toBe(true);
  });

  it.each(['2220990000000000', '2721000000000000', '5655555555554444', '41111111111111', '37828224631000', '1234567812345670'])('card %s has no issuer', (n) => {
    expect(cardIssuer(n)).toBeUndefined();
  });

  it('Luhn fails on one changed digit and on non-digits', () => {
    expect(luhn('4111111111111112')).toBe(false);
    expect(luhn('41111111111111a1')).toBe(false);
    expect(luhn('')).toBe(false);
  });

  it('IBAN mod-97 is 1 only for valid IBANs', () => {
    expect(ibanMod97('GB82WEST12345698765432')).toBe(1);
    expect(ibanMod97('GB82WEST12345698765423')).not.toBe(1);
  });

  it('ISBN checksums', () => {
    expect(isbn13('9783161484100')).toBe(true);
    expect(isbn13('9783161484101')).toBe(false);
    expect(isbn10('030640615X')).toBe(false);
    expect(isbn10('0306406152')).toBe(true);
    expect(isbn10('080442957X')).toBe(true);
  });

  it.each([
    ['000', '12', '3456', 'area 000 is never issued'],
    ['666', '12', '3456', 'area 666 is never issued'],
    ['900', '12', '3456', 'area 900 is never issued'],
    ['999', '12', '3456', 'area 999 is never issued'],
    ['536', '00', '3456', 'group 00 is never issued'],
    ['536', '12', '0000', 'serial 0000 is never issued'],
    ['078', '05', '1120', 'a voided advertising number'],
    ['111', '11', '1111', 'one repeated digit'],
    ['899', '99', '9999', undefined],
    ['001', '01', '0001', undefined],
  ])('SSN %s-%s-%s → %s', (a, g, s, why) => {
    expect(validSsn(a, g, s)).toBe(why);
  });
});

describe('long text', () => {
  it('finds every number in a long run (read in windows) exactly once, with exact spans', () => {
    const numbers = Array.from({ length: 60 }, (_, i) => `020 7946 0${String(100 + i * 7).padStart(3, '0')}`);
    const text = `Fax list: ${numbers.join(' / ')}`;
    const found = scanText(text, ctx(undefined, ['GB']));
    expect(found.map((f) => cut(text, f))).toEqual(numbers);
    expect(found[59]).toMatchObject({ start: text.length - 13, end: text.length });
    // The recogniser alone too: no partial numbers from the windows' cut edges.
    const alone = RECOGNISERS.find((r) => r.id === 'phone')?.find(text, ctx(undefined, ['GB'])) ?? [];
    expect(alone.map((f) => text.slice(f.start, f.end))).toEqual(numbers);
  });

  it('reads no phone number into a row of single digits', () => {
    const filler = Array.from({ length: 400 }, (_, i) => String(i % 10)).join(' ');
    const t0 = performance.now();
    expect(scanText(filler, ctx())).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('scans 100 k characters of prose with PII in well under two seconds', () => {
    const para = 'Please call +44 20 7946 0958 or write to jane.doe@example.org about order 1234567812345678 (1,234.56 EUR, 2024-01-02). ';
    const text = para.repeat(800);
    const t0 = performance.now();
    const found = scanText(text, ctx());
    expect(found).toHaveLength(1600);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
