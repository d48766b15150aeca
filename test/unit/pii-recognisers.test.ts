// PII recognisers: the shared contract every recogniser meets, tables of positives (exact entity,
// offsets, confidence and explanation), negatives and hard negatives that must give nothing, and the
// validators (Luhn and issuer ranges, mod-97, ISBN, SSN ranges).
import { describe, expect, it } from 'vitest';
import { ibanMod97, isbn10, isbn13, luhn } from '../../src/main/engine/pii/checksums';
import { RECOGNISERS } from '../../src/main/engine/pii/registry';
import { cardIssuer } from '../../src/main/engine/pii/recognisers/credit-card';
import { email } from '../../src/main/engine/pii/recognisers/email';
import { realBirthDate } from '../../src/main/engine/pii/recognisers/date-of-birth';
import { validSsn } from '../../src/main/engine/pii/recognisers/us-ssn';
import { scanText } from '../../src/main/engine/pii/scan';
import type { EntityType, Explanation, Finding } from '../../src/main/engine/pii/types';
import { REGIONS, ctx, cut } from '../support/pii';

/** Words an explanation may name although they are in the span: the span's own label or title ('passport', 'street'). */
const EXPLANATION_WORDS = new Set(['passport', 'licence', 'license', 'driver', 'driving', 'street', 'road', 'avenue', 'lane', 'drive', 'http', 'https', 'www']);

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
      // A whole token, never a piece of one ('a@correo.es' out of 'josé.garcía@correo.es').
      expect(/[\p{L}\p{N}]/u.test(text[f.start - 1] ?? '')).toBe(false);
      expect(/[\p{L}\p{N}]/u.test(text[f.end] ?? '')).toBe(false);
      // The explanation is stored with the findings and shown masked: it never quotes what was found,
      // nor any run of 4+ of its letters or digits (a normalised phone number, a URL's host).
      // (The pattern is the recogniser's own fixed label, such as 'nino (AB123456C)', not data.)
      const quoted = JSON.stringify({ ...f.explanation, pattern: undefined }).toLowerCase();
      const runs = text.slice(f.start, f.end).toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? [];
      for (const run of runs.filter((x) => !EXPLANATION_WORDS.has(x))) expect(quoted, `explanation of ${JSON.stringify(text)}`).not.toContain(run);
      const digits = text.slice(f.start, f.end).replace(/\D/g, '');
      if (digits.length >= 4) expect(quoted.replace(/\D/g, ''), `explanation of ${JSON.stringify(text)}`).not.toContain(digits);
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
  { text: '😀 correo: josé.garcía@bücher.de', entity: 'EMAIL', span: 'josé.garcía@bücher.de', start: 10, min: 0.85, max: 0.85 },
  { text: 'email: bob@mail.example.org.', entity: 'EMAIL', span: 'bob@mail.example.org', start: 7, min: 0.95, max: 0.95, explanation: { context: ['email'] } },
  { text: '+1 (201) 555-0123', entity: 'PHONE', span: '+1 (201) 555-0123', start: 0, min: 0.75, max: 0.75, explanation: { checksum: 'libphonenumber valid (US)', pattern: 'phone (international form)' } },
  { text: '020 7946 0958', regions: ['GB', 'US'], entity: 'PHONE', span: '020 7946 0958', start: 0, min: 0.6, max: 0.6, explanation: { checksum: 'libphonenumber valid (GB)' } },
  { text: '2015550123', header: 'Mobile', entity: 'PHONE', span: '2015550123', start: 0, min: 0.75, max: 0.75, explanation: { header: 'column "Mobile" mentions "mobile"', pattern: 'phone (bare digits)' } },
  { text: 'fax 020 7946 0958', regions: ['GB'], entity: 'PHONE', span: '020 7946 0958', start: 4, min: 0.85, max: 0.85, explanation: { context: ['fax'], notes: ['GB number', 'fax number (by context)'] } },
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
  { text: 'Visit https://example.org/x).', entity: 'URL', span: 'https://example.org/x', start: 6, min: 0.6, max: 0.6, explanation: { notes: ['host: a domain name (.org)'] } },
  { text: 'website: www.example.co.uk', entity: 'URL', span: 'www.example.co.uk', start: 9, min: 0.7, max: 0.7, explanation: { context: ['website'] } },
  { text: 'Downing Street, London SW1A 2AA', entity: 'POSTAL_CODE', span: 'SW1A 2AA', start: 23, min: 0.65, max: 0.65, explanation: { notes: ['UK'] } },
  { text: 'M11AE', header: 'Postcode', entity: 'POSTAL_CODE', span: 'M11AE', start: 0, min: 0.8, max: 0.8, explanation: { pattern: 'UK postcode (no space)' } },
  { text: '90210', header: 'ZIP', entity: 'POSTAL_CODE', span: '90210', start: 0, min: 0.85, max: 0.85, explanation: { header: 'column "ZIP" mentions "zip"', notes: ['US'] } },
  { text: 'Cambridge, MA 02139-4307', entity: 'POSTAL_CODE', span: '02139-4307', start: 14, min: 0.95, max: 0.95, explanation: { context: ['state MA'], pattern: 'US ZIP+4' } },
  { text: 'She was born on 12 March 1980 in Leeds', entity: 'DATE_OF_BIRTH', span: '12 March 1980', start: 16, min: 0.85, max: 0.85, explanation: { context: ['born'], pattern: 'date (d month yyyy)' } },
  { text: '02/29/2000', header: 'DOB', entity: 'DATE_OF_BIRTH', span: '02/29/2000', start: 0, min: 0.85, max: 0.85, explanation: { header: 'column "DOB" mentions "dob"', checksum: 'a real calendar date, year 1900–2099' } },
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
  ['meeting on 12 March 2024'],
  ['1980-03-12', 'Created at'],
  ['29/02/1900', 'Birth date'],
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

// An e-mail in a URL's query or path is the address alone, never the URL's '//host/path?u=' before it:
// the scan reports the URL whole, and a step that masks only e-mails masks the address inside it.
describe('e-mail inside a URL', () => {
  it.each([
    ['https://x.org/a?u=john@x.org', 'john@x.org'],
    ['See https://x.org/a?u=john@x.org for details.', 'john@x.org'],
    ['https://x.org/a?to=ann.lee@example.com&ref=3', 'ann.lee@example.com'],
    ['http://x.org/users/ann@example.com/profile', 'ann@example.com'],
    ['https://x.org/#/invite/bob@mail.example.org', 'bob@mail.example.org'],
    ['www.x.org/?email=j.doe@x.co.uk', 'j.doe@x.co.uk'],
  ])('%j: the e-mail is %j', (text, address) => {
    expect(email.find(text, ctx()).map((f) => text.slice(f.start, f.end))).toEqual([address]);
    expect(scanText(text, ctx()).map((f) => f.entity)).toEqual(['URL']);
  });

  // An apostrophe between letters is the local part's, not the end of the URL: "dan.o'neil", never "https:<EMAIL>".
  it.each([
    ["Unsubscribe: https://news.example.com/u?email=dan.o'neil@example.com", "dan.o'neil@example.com"],
    ["https://x.org/?e=o'brien@x.org&x=1", "o'brien@x.org"],
    ["www.x.org/u/d'arcy.lee@mail.example.org", "d'arcy.lee@mail.example.org"],
  ])('%j: the e-mail is %j, the URL left out', (text, address) => {
    expect(email.find(text, ctx()).map((f) => text.slice(f.start, f.end))).toEqual([address]);
    const found = scanText(text, ctx()).find((f) => f.entity === 'EMAIL');
    expect(found && text.slice(found.start, found.end)).toBe(address);
  });

  it.each([
    // Outside a URL the RFC's rarer local-part characters stay part of the address.
    ['a/b=c@example.org', 'a/b=c@example.org'],
    ["o'brien+news@mail.example.org", "o'brien+news@mail.example.org"],
    ['x?y@example.org', 'x?y@example.org'],
  ])('%j outside a URL is %j', (text, address) => {
    expect(email.find(text, ctx()).map((f) => text.slice(f.start, f.end))).toEqual([address]);
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

  it.each([
    ['2000', '02', '29', true],
    ['2024', '2', '29', true],
    ['1900', '02', '29', false],
    ['2023', '02', '29', false],
    ['1980', '04', '31', false],
    ['1980', '12', '31', true],
    ['1899', '12', '31', false],
    ['2099', '12', '31', true],
    ['2100', '01', '01', false],
  ])('birth date %s-%s-%s real: %s', (y, m, d, ok) => {
    expect(realBirthDate(y, m, d)).toBe(ok);
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
