// The de-identification batch task as tables of cases: dates generalised from the shapes people
// write, whole cells and spans (code point offsets around astral characters), unchanged values
// left out, failing values replaced by the fallback and reported, and the ledger's digest and
// preview — never the value — for what changed.
import { describe, expect, it } from 'vitest';
import { deidentifyValues, generaliseAnyDate, ledgerMasks, type DeidBatch } from '../../src/main/engine/pii/deidentify';
import { keyedDigest } from '../../src/main/engine/pii/operators/keyed';
import { runTask } from '../../src/main/engine/workers/tasks';

const KEY = Buffer.alloc(32, 7);
const KEY_HEX = KEY.toString('hex');

describe('generaliseAnyDate', () => {
  it.each([
    ['1984-03-07', '1984', '1984-03'],
    ['1984/03/07', '1984', '1984-03'],
    ['19840307', '1984', '1984-03'],
    ['25/12/1990', '1990', '1990-12'],
    ['12/25/1990', '1990', '1990-12'],
    ['7 March 1984', '1984', '1984-03'],
    ['Mar 7, 1984', '1984', '1984-03'],
    ['1984-03-07T10:00:00Z', '1984', '1984-03'],
    ['03/04/1984', '1984', 'FAIL'],
    ['13/13/1984', 'FAIL', 'FAIL'],
    ['soon', 'FAIL', 'FAIL'],
    ['12345678', 'FAIL', 'FAIL'],
  ])('%s → year %s, month %s', (v, year, month) => {
    const show = (o: { value: string } | { fail: string }) => ('value' in o ? o.value : 'FAIL');
    expect(show(generaliseAnyDate(v, 'year'))).toBe(year);
    expect(show(generaliseAnyDate(v, 'month'))).toBe(month);
  });
});

const spans = (values: string[], operators: Extract<DeidBatch, { mode: 'spans' }>['operators']): DeidBatch => ({ mode: 'spans', values, key: KEY_HEX, operators, header: 'notes', regions: ['US', 'GB'], minConfidence: 0.5 });

describe("the worker task 'pii.deidentify'", () => {
  it.each([
    ['a phone in text', 'call me at +44 20 7946 0958', { PHONE: { op: 'token', entity: 'PHONE' } }, 'call me at <PHONE>', '+** ** **** **58'],
    ['an e-mail after astral characters', '🎉🎉 write to ann@example.org!', { EMAIL: { op: 'redact' } }, '🎉🎉 write to !', 'a***@***.org'],
    ['two entities, default for one', 'ann@example.org or +1 202-555-0143', { EMAIL: { op: 'token', entity: 'EMAIL' }, default: { op: 'mask', keepLast: 2 } }, '<EMAIL> or *************43', 'a***@***.org … +* ***-***-**43'],
    ['a span the operator cannot read: its token, reported', 'mail ann@example.org', { EMAIL: { op: 'generalise', kind: 'zip3' } }, 'mail <EMAIL>', 'a***@***.org'],
  ] as const)('spans: %s', (_name, v, operators, out, preview) => {
    const [r] = deidentifyValues(spans([v], operators));
    expect(r).toMatchObject({ v: out, preview, digest: keyedDigest(v, KEY) });
    expect(r?.preview).not.toContain(v);
    // Only the masked spans: none of the words around them.
    expect(r?.preview).not.toMatch(/call|write|mail/);
  });

  it('leaves out what it does not change: no findings, or no operator for what was found', () => {
    expect(deidentifyValues(spans(['nothing here', 'call +44 20 7946 0958'], { EMAIL: { op: 'redact' } }))).toEqual([null, null]);
  });

  it('whole cells: the operator, the fallback for values it cannot read, blanks kept', () => {
    const out = deidentifyValues({ mode: 'cell', values: ['ann@example.org', 'nope', '  '], key: KEY_HEX, spec: { op: 'pseudonym', kind: 'email' }, entity: 'EMAIL', fallback: 'token' });
    expect(out[0]?.v).toMatch(/^user-[a-z2-7]{16}@example\.invalid$/);
    expect(out[0]?.preview).toBe('a***@***.org');
    expect(out[1]).toMatchObject({ v: '<EMAIL>', fail: 'not an e-mail address', digest: keyedDigest('nope', KEY) });
    expect(out[2]).toBeNull();
  });

  it('generalisation fails closed to a redaction', () => {
    const out = runTask({ task: 'pii.deidentify', input: { mode: 'cell', values: ['02139', '2139'], key: KEY_HEX, spec: { op: 'generalise', kind: 'zip3' }, entity: 'POSTAL_CODE', fallback: 'redact' } });
    expect(out).toMatchObject([{ v: '021' }, { v: '', fail: expect.stringContaining('leading zero') as string }]);
  });

  it('refuses a key that is not hex of at least 16 bytes', () => {
    expect(() => deidentifyValues({ ...spans(['x'], {}), key: 'abc' })).toThrow(/key/);
  });
});

describe("the worker task 'pii.ledgerMasks'", () => {
  it('gives each value its keyed digest and a preview that does not hold it', () => {
    const out = ledgerMasks({ values: ['  Ann.Lee@Example.org', 'Ann Lee'], key: KEY_HEX });
    expect(out).toEqual([
      { digest: keyedDigest('  Ann.Lee@Example.org', KEY), preview: 'A***@***.org' },
      { digest: keyedDigest('Ann Lee', KEY), preview: 'A***' },
    ]);
  });
});

describe('spans inside a longer finding the step does not act on', () => {
  it.each([
    ['a card number inside a URL, only cards chosen', 'Paid via https://pay.example.com/c?card=4111111111111111 ok', { CREDIT_CARD: { op: 'mask', keepLast: 4 } }, 'Paid via https://pay.example.com/c?card=************1111 ok'],
    ['an e-mail in a URL query, only e-mails chosen', 'See https://x.org/a?u=john@x.org now', { EMAIL: { op: 'token', entity: 'EMAIL' } }, 'See https://x.org/a?u=<EMAIL> now'],
    ['an e-mail in a URL path, only e-mails chosen', 'http://x.org/users/ann@example.com/profile', { EMAIL: { op: 'redact' } }, 'http://x.org/users//profile'],
    ['an e-mail in a URL, both chosen: the URL wins whole', 'See https://x.org/a?u=john@x.org now', { EMAIL: { op: 'token', entity: 'EMAIL' }, URL: { op: 'token', entity: 'URL' } }, 'See <URL> now'],
  ] as const)('%s', (_name, v, operators, out) => {
    const [r] = deidentifyValues(spans([v], operators));
    expect(r?.v).toBe(out);
  });
});
