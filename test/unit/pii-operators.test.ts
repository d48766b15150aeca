// The de-identification operators: each operator's output on typical and hostile values, golden
// outputs under a fixed key, determinism, key sensitivity, distinct fakes, the spec schema and
// the worker task.
import { describe, expect, it } from 'vitest';
import {
  ageBand, applyOperator, applyOperatorValues, fakeCard, fakeDigits, fakeEmail, fakePhone, generaliseDate, isLuhnValid,
  keyedDigest, keyedHash, luhnCheckDigit, mask, maskedPreview, normaliseForHash, operatorSpecSchema, redact, RESTRICTED_ZIP3,
  typeToken, zip3, type OperatorOutcome, type OperatorSpecInput,
} from '../../src/main/engine/pii/operators';
import { permuteDigits, permuteSymbols } from '../../src/main/engine/pii/operators/feistel';
import { base32 } from '../../src/main/engine/pii/operators/keyed';
import { runTask } from '../../src/main/engine/workers/tasks';

const KEY_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const KEY = Buffer.from(KEY_HEX, 'hex');
const OTHER_KEY = Buffer.from('ff'.repeat(32), 'hex');
const LONG = 'x'.repeat(100_000);

const value = (o: OperatorOutcome): string => {
  if (!('value' in o)) throw new Error(`expected a value, got a failure: ${o.fail}`);
  return o.value;
};

describe('keyedDigest', () => {
  // Checked with: printf 'a@x.org' | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102…1f
  it.each([
    ['a@x.org', '9d3de0ccd8036c0232d8abb2620e33e3c3ce434c537113a799c2b88ae017ee79'],
    ['', 'd38b42096d80f45f826b44a9d5607de72496a415d3f4a1a8c88e3bb9da8dc1cb'],
  ])('is plain HMAC-SHA-256 of %j', (v, hex) => {
    expect(keyedDigest(v, KEY)).toBe(hex);
  });

  it('does not normalise: the ledger proves the exact cell', () => {
    expect(keyedDigest('A@x.org', KEY)).not.toBe(keyedDigest('a@x.org', KEY));
    expect(keyedDigest(' a@x.org', KEY)).not.toBe(keyedDigest('a@x.org', KEY));
  });

  it('refuses a key too short to keep pseudonyms unguessable', () => {
    expect(() => keyedDigest('a', Buffer.alloc(15))).toThrow(/15 bytes; at least 16/);
  });
});

describe('normaliseForHash', () => {
  it.each([
    ['text', '  Ann \t Lee ', 'Ann Lee'],
    ['text', 'SMITH', 'SMITH'],
    ['text', 'e\u0301', '\u00e9'],
    ['email', ' John.Doe@Example.ORG ', 'john.doe@example.org'],
    ['identifier', '4111-1111 1111.1111', '4111111111111111'],
    ['identifier', 'gb82 west 1234', 'GB82WEST1234'],
    ['identifier', '１２３', '123'],
    ['exact', ' A ', ' A '],
  ] as const)('%s: %j → %j', (how, v, out) => {
    expect(normaliseForHash(v, how)).toBe(out);
  });
});

describe('keyedHash', () => {
  it('is the HMAC of the normalised value, 16 hex characters by default', () => {
    expect(keyedHash('a@x.org', KEY)).toBe('9d3de0ccd8036c02');
    expect(keyedHash('A@X.org', KEY, { normalise: 'email' })).toBe('9d3de0ccd8036c02');
    expect(keyedHash('A@X.org', KEY)).not.toBe('9d3de0ccd8036c02');
  });

  it.each([
    [{ length: 64 }, /^[0-9a-f]{64}$/],
    [{ length: 8, prefix: 'pid_' }, /^pid_[0-9a-f]{8}$/],
    [{ encoding: 'base32', length: 52 }, /^[a-z2-7]{52}$/],
    [{ encoding: 'base32' }, /^[a-z2-7]{16}$/],
  ] as const)('%j gives %s', (opts, shape) => {
    expect(keyedHash('Jane Roe', KEY, opts)).toMatch(shape);
  });

  it('agrees on spellings its normalisation treats as one', () => {
    expect(keyedHash(' Ann  Lee', KEY)).toBe(keyedHash('Ann Lee', KEY));
    expect(keyedHash('4111-1111-1111-1111', KEY, { normalise: 'identifier' })).toBe(keyedHash('4111 1111 1111 1111', KEY, { normalise: 'identifier' }));
    expect(keyedHash('ann lee', KEY)).not.toBe(keyedHash('Ann Lee', KEY));
  });

  it('is deterministic and depends on the key', () => {
    const values = ['Ann Lee', '😀', LONG, 'j***@***.org'];
    for (const v of values) {
      expect(keyedHash(v, KEY)).toBe(keyedHash(v, Buffer.from(KEY_HEX, 'hex')));
      expect(keyedHash(v, KEY)).not.toBe(keyedHash(v, OTHER_KEY));
    }
  });

  it.each([[{ length: 65 }], [{ length: 0 }], [{ encoding: 'base32', length: 53 }], [{ length: 1.5 }]] as const)('refuses %j', (opts) => {
    expect(() => keyedHash('a', KEY, opts)).toThrow(RangeError);
  });
});

describe('base32', () => {
  // RFC 4648 §10 test vectors, lower case and unpadded.
  it.each([['', ''], ['f', 'my'], ['fo', 'mzxq'], ['foo', 'mzxw6'], ['foob', 'mzxw6yq'], ['fooba', 'mzxw6ytb'], ['foobar', 'mzxw6ytboi']])('%j → %j', (v, out) => {
    expect(base32(Buffer.from(v))).toBe(out);
  });
});

describe('redact', () => {
  it.each(['Ann Lee', '', '   ', '😀', LONG])('removes %j', (v) => {
    expect(redact(v)).toBe('');
  });
});

describe('mask', () => {
  it.each([
    ['4111111111111111', { keepLast: 4 }, '************1111'],
    ['Jonathan', { keepFirst: 1, keepLast: 1, char: '#' }, 'J######n'],
    ['Jonathan', {}, '********'],
    ['ab', { keepFirst: 1, keepLast: 1 }, '**'],
    ['abc', { keepFirst: 5 }, '***'],
    ['', { keepFirst: 1 }, ''],
    ['   ', {}, '   '],
    ['😀😀😀😀', { keepFirst: 1 }, '😀***'],
    ['a😀b', { keepLast: 1 }, '**b'],
    ['👨‍👩‍👧 and 🇫🇷', { keepFirst: 1, keepLast: 1 }, '👨‍👩‍👧*****🇫🇷'],
    ['Zoe\u0301', { keepLast: 1 }, '**e\u0301'],
    ['j***@***.org', { keepFirst: 1 }, 'j***********'],
  ] as const)('%j with %j → %j', (v, opts, out) => {
    expect(mask(v, opts)).toBe(out);
  });

  it('never leaves half a surrogate pair', () => {
    const out = mask('𝒜𝒝𝒞𝒟'.repeat(1000), { keepFirst: 3, keepLast: 3 });
    expect(Buffer.from(out).toString()).toBe(out); // a lone surrogate would come back as U+FFFD
    expect(out).toBe(`𝒜𝒝𝒞${'*'.repeat(3994)}𝒝𝒞𝒟`);
  });

  it('masks a very long value to the same length', () => {
    expect(mask(LONG, { keepFirst: 2 })).toBe(`xx${'*'.repeat(99_998)}`);
  });
});

describe('typeToken', () => {
  it.each([['email', '<EMAIL>'], ['EMAIL', '<EMAIL>'], ['credit card', '<CREDIT_CARD>'], ['phone_number', '<PHONE_NUMBER>'], [' us-ssn ', '<US_SSN>']])('%j → %j', (e, out) => {
    expect(typeToken(e)).toBe(out);
  });

  it.each(['', '  ', '😀', '<>'])('refuses %j', (e) => {
    expect(() => typeToken(e)).toThrow(/does not name an entity/);
  });
});

describe('maskedPreview', () => {
  it.each([
    ['john.doe@example.org', 'EMAIL', 'j***@***.org'],
    [' Ann@Mail.co.uk ', 'email_address', 'A***@***.uk'],
    ['root@localhost', 'email', 'r***@***'],
    ['not an email', 'email', 'n***'],
    ['4111-1111-1111-1234', 'CREDIT_CARD', '**** **** **** 1234'],
    ['378282246310005', 'card', '**** **** **** 0005'],
    ['**** **** **** 1234', 'card', '****'],
    ['+1 (555) 123-4567', 'PHONE_NUMBER', '+* (***) ***-**67'],
    ['020 7946 0018', 'phone', '*** **** **18'],
    ['112', 'phone', '1***'],
    ['Jonathan', 'PERSON', 'J***'],
    ['Al', 'PERSON', '***'],
    ['😀😀😀', 'PERSON', '😀***'],
    ['', 'PERSON', ''],
    ['   ', 'EMAIL', '   '],
    [LONG, 'PERSON', 'x***'],
  ])('%j as %s → %j', (v, entity, out) => {
    expect(maskedPreview(v, entity)).toBe(out);
  });
});

describe('luhn', () => {
  it.each([['411111111111111', '1'], ['37828224631000', '5'], ['7992739871', '3']])('check digit of %s is %s', (body, d) => {
    expect(luhnCheckDigit(body)).toBe(d);
    expect(isLuhnValid(body + d)).toBe(true);
    expect(isLuhnValid(body + String((Number(d) + 1) % 10))).toBe(false);
  });
});

describe('the keyed permutation under the pseudonyms', () => {
  it('is a bijection: every three-digit string maps to a different one', () => {
    const all = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
    const out = all.map((d) => permuteDigits(d, KEY, 't'));
    expect(new Set(out).size).toBe(1000);
    expect(out.every((d) => /^\d{3}$/.test(d))).toBe(true);
  });

  it('is a bijection on mixed shapes (a letter then a digit: 260 values)', () => {
    const out = new Set<string>();
    for (let l = 0; l < 26; l++) for (let d = 0; d < 10; d++) out.add(permuteSymbols([l, d], [26, 10], KEY, 't').join(','));
    expect(out.size).toBe(260);
  });

  it('depends on the tweak and the key', () => {
    expect(permuteDigits('1234567890', KEY, 'a')).not.toBe(permuteDigits('1234567890', KEY, 'b'));
    expect(permuteDigits('1234567890', KEY, 'a')).not.toBe(permuteDigits('1234567890', OTHER_KEY, 'a'));
  });
});

describe('fakeCard', () => {
  it.each([
    ['4111 1111 1111 1111', '4665 9258 4002 0180'],
    ['4111-1111-1111-1111', '4665-9258-4002-0180'],
    ['378282246310005', '375925028587728'],
  ])('%j → %j (golden, fixed key)', (v, out) => {
    expect(value(fakeCard(v, KEY))).toBe(out);
  });

  it.each([
    ['4111111111111111', '4'],
    ['5555555555554444', '55'],
    ['2223003122003222', '2223'],
    ['6011111111111117', '6011'],
    ['6445644564456445', '644'],
    ['3530111333300000', '3530'],
    ['371449635398431', '37'],
    ['30569309025904', '30'],
    ['4222222222222', '4'],
  ])('%s keeps its length, issuer prefix %s and Luhn validity', (v, prefix) => {
    const out = value(fakeCard(v, KEY));
    expect(out).toHaveLength(v.length);
    expect(out.startsWith(prefix)).toBe(true);
    expect(out.slice(prefix.length, prefix.length + 1)).toMatch(/\d/);
    expect(isLuhnValid(out)).toBe(true);
    expect(out).not.toBe(v);
  });

  it('keeps separators and outer spaces where they were', () => {
    expect(value(fakeCard(' 3782 822463 10005 ', KEY))).toMatch(/^ 37\d\d \d{6} \d{5} $/);
  });

  it.each([
    ['', 'not a card number: only digits'],
    ['   ', 'not a card number: only digits'],
    ['**** **** **** 1234', 'not a card number: only digits'],
    ['4111 1111 1111 111😀', 'not a card number: only digits'],
    ['41111111111', 'not a card number: 11 digits'],
    ['4'.repeat(20), 'not a card number: 20 digits'],
    [`4${'1'.repeat(100_000)}`, 'not a card number: 100001 digits'],
  ])('fails on %j', (v, reason) => {
    expect(fakeCard(v, KEY)).toEqual({ fail: expect.stringContaining(reason) as string });
  });

  it('gives 10,000 different cards 10,000 different Luhn-valid fakes, none equal to its card', () => {
    const cards = Array.from({ length: 10_000 }, (_, i) => {
      const body = `4${String(i * 7919).padStart(14, '0')}`;
      return body + luhnCheckDigit(body);
    });
    const fakes = cards.map((c) => value(fakeCard(c, KEY)));
    expect(new Set(fakes).size).toBe(10_000);
    expect(fakes.every((f) => isLuhnValid(f) && f.length === 16 && f.startsWith('4'))).toBe(true);
    expect(fakes.some((f, i) => f === cards[i])).toBe(false);
  });
});

describe('fakePhone', () => {
  it.each([
    ['+1 (555) 123-4567', '+1 (698) 692-3313'],
    ['+44 20 7946 0018', '+44 36 2709 6735'],
    ['020 7946 0018', '008 9995 0381'],
    ['555-0100 x12', '413-0280 x79'],
  ])('%j → %j (golden, fixed key)', (v, out) => {
    expect(value(fakePhone(v, KEY))).toBe(out);
  });

  it.each([
    ['+1 (555) 123-4567', '+1 '],
    ['+44 20 7946 0018', '+44 '],
    ['+353 1 234 5678', '+353 '],
    ['+49-30-1234567', '+49-'],
    ['0049 30 1234567', '00'],
  ])('%j keeps its shape and prefix %j', (v, kept) => {
    const out = value(fakePhone(v, KEY));
    expect(out.startsWith(kept)).toBe(true);
    expect(out.replace(/\d/g, '0')).toBe(v.replace(/\d/g, '0'));
    expect(out).not.toBe(v);
  });

  it('gives the same digits whatever the grouping', () => {
    expect(value(fakePhone('+1 555 123 4567', KEY)).replace(/\D/g, '')).toBe(value(fakePhone('+1-555-123-4567', KEY)).replace(/\D/g, ''));
  });

  it.each([
    ['', 'not a phone number: only digits'],
    ['call me', 'not a phone number: only digits'],
    ['+1 555 CALL NOW', 'not a phone number: only digits'],
    ['112', 'not a phone number: 3 digits'],
    ['1'.repeat(21), 'not a phone number: 21 digits'],
    ['+44', 'not a phone number: 2 digits'],
    ['+86 ☎ 1234 5678', 'not a phone number: only digits'],
  ])('fails on %j', (v, reason) => {
    expect(fakePhone(v, KEY)).toEqual({ fail: expect.stringContaining(reason) as string });
  });
});

describe('fakeEmail', () => {
  it('is user-<token>@example.invalid, the same for every spelling of one address (golden, fixed key)', () => {
    for (const v of ['John.Doe@Example.org', 'john.doe@example.org', ' JOHN.DOE@EXAMPLE.ORG ']) expect(value(fakeEmail(v, KEY))).toBe('user-k7pzn74lkcvydrjk@example.invalid');
  });

  it('differs between addresses and keys', () => {
    expect(value(fakeEmail('jane@example.org', KEY))).not.toBe(value(fakeEmail('john@example.org', KEY)));
    expect(value(fakeEmail('jane@example.org', KEY))).not.toBe(value(fakeEmail('jane@example.org', OTHER_KEY)));
    expect(value(fakeEmail('😀@例え.jp', KEY))).toMatch(/^user-[a-z2-7]{16}@example\.invalid$/);
  });

  it.each(['', '  ', 'john', 'a@b@c', 'john doe@example.org', '@example.org', 'john@'])('fails on %j', (v) => {
    expect(fakeEmail(v, KEY)).toEqual({ fail: 'not an e-mail address' });
  });
});

describe('fakeDigits', () => {
  it.each([
    ['AB-123456-c', 'QU-194719-q'],
    ['ab123456C', 'qu194719Q'],
  ])('%j → %j (golden, fixed key; case and separators are not the identity)', (v, out) => {
    expect(value(fakeDigits(v, KEY))).toBe(out);
  });

  it.each(['123-45-6789', 'GB82 WEST 1234 5698 7654 32', 'a', '7', 'x-1_y.2', `${'9'.repeat(200)}`])('%j keeps its shape', (v) => {
    const out = value(fakeDigits(v, KEY));
    const shape = (s: string): string => s.replace(/[A-Z]/g, 'A').replace(/[a-z]/g, 'a').replace(/\d/g, '0');
    expect(shape(out)).toBe(shape(v));
  });

  it('mixes every digit of a long identifier, not only the last ones', () => {
    const out = value(fakeDigits('1'.repeat(200), KEY));
    expect(out.slice(0, 50)).not.toBe('1'.repeat(50));
    expect(new Set(out).size).toBeGreaterThan(5);
  });

  it.each([
    ['', 'no letters or digits'],
    ['---', 'no letters or digits'],
    ['😀', 'no letters or digits'],
    ['é12', 'outside A–Z and 0–9'],
    ['١٢٣', 'outside A–Z and 0–9'],
    ['1'.repeat(257), 'too long for an identifier'],
  ])('fails on %j', (v, reason) => {
    expect(fakeDigits(v, KEY)).toEqual({ fail: expect.stringContaining(reason) as string });
  });

  it('keeps emoji and other non-letters where they were', () => {
    expect(value(fakeDigits('😀AB12😀', KEY))).toMatch(/^😀[A-Z]{2}\d{2}😀$/);
  });
});

describe('pseudonyms: determinism and key sensitivity', () => {
  const cases = [
    [fakeCard, '5555 5555 5555 4444'],
    [fakePhone, '+33 1 23 45 67 89'],
    [fakeEmail, 'ann@example.org'],
    [fakeDigits, 'AB123456C'],
  ] as const;
  it.each(cases)('%o on %j', (fn, v) => {
    const first = value(fn(v, KEY));
    for (let i = 0; i < 3; i++) expect(value(fn(v, Buffer.from(KEY_HEX, 'hex')))).toBe(first);
    expect(value(fn(v, OTHER_KEY))).not.toBe(first);
    expect(first).not.toBe(v);
  });
});

describe('generaliseDate', () => {
  it.each([
    ['1984-03-07', 'year', '1984'],
    ['1984-03-07', 'month', '1984-03'],
    [' 2000-02-29 ', 'year', '2000'],
    ['1984-03', 'year', '1984'],
    ['1984-03-07T23:59:59Z', 'month', '1984-03'],
    ['1984-12-31T23:30:00-05:00', 'year', '1984'],
    ['1984-03-07 10:00:00.123+0200', 'month', '1984-03'],
  ] as const)('%j to %s → %j', (v, to, out) => {
    expect(generaliseDate(v, to)).toEqual({ value: out });
  });

  it.each([
    ['2023-02-29', 'not a date in the calendar'],
    ['1984-13-01', 'not a date in the calendar'],
    ['1984-00', 'not a date in the calendar'],
    ['07/03/1984', 'not an ISO date'],
    ['1984', 'not an ISO date'],
    ['yesterday', 'not an ISO date'],
    ['', 'not an ISO date'],
    ['1984-03-07😀', 'not an ISO date'],
    [LONG, 'not an ISO date'],
  ])('fails on %j', (v, reason) => {
    expect(generaliseDate(v, 'year')).toEqual({ fail: expect.stringContaining(reason) as string });
  });
});

describe('ageBand', () => {
  it.each([
    ['0', 10, '0-9'],
    ['42', 10, '40-49'],
    [' 89 ', 10, '80-89'],
    ['89.9', 10, '80-89'],
    ['90', 10, '90+'],
    ['104', 10, '90+'],
    [150, 10, '90+'],
    [87, 5, '85-89'],
    [87, 7, '84-89'],
    [37, 1, '37'],
  ] as const)('%j (width %d) → %j', (age, width, out) => {
    expect(ageBand(age, { width })).toEqual({ value: out });
  });

  it.each([['-1', 'not an age'], ['', 'not an age'], ['forty', 'not an age'], ['1e3', 'not an age'], ['151', 'not a plausible age'], [Number.NaN, 'not an age']] as const)('fails on %j', (age, reason) => {
    expect(ageBand(age)).toEqual({ fail: expect.stringContaining(reason) as string });
  });
});

describe('zip3', () => {
  it.each([...RESTRICTED_ZIP3].map((a) => [`${a}45`]))('restricted area %s → 000', (z) => {
    expect(zip3(z)).toEqual({ value: '000' });
  });

  it('has the seventeen areas of the issue', () => {
    expect([...RESTRICTED_ZIP3].sort()).toEqual(['036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893']);
  });

  it.each([
    ['02139', '021'],
    ['02139-4307', '021'],
    ['021394307', '021'],
    [' 10001 ', '100'],
    ['03601-1234', '000'],
    ['03701', '037'],
    ['90210', '902'],
  ])('%j → %j', (z, out) => {
    expect(zip3(z)).toEqual({ value: out });
  });

  it.each([['2139', 'leading zero was lost'], ['021', 'not a ZIP code'], ['02139-43', 'not a ZIP code'], ['SW1A 1AA', 'not a ZIP code'], ['', 'not a ZIP code']])('fails on %j', (z, reason) => {
    expect(zip3(z)).toEqual({ fail: expect.stringContaining(reason) as string });
  });
});

describe('operatorSpecSchema', () => {
  it.each([
    [{ op: 'mask' }, { op: 'mask', char: '*', keepFirst: 0, keepLast: 0 }],
    [{ op: 'hash' }, { op: 'hash', length: 16, encoding: 'hex', prefix: '', normalise: 'text' }],
    [{ op: 'generalise', kind: 'age_band', width: 5 }, { op: 'generalise', kind: 'age_band', width: 5 }],
    [{ op: 'mask', char: '😀' }, { op: 'mask', char: '😀', keepFirst: 0, keepLast: 0 }],
  ])('%j parses with its defaults', (input, out) => {
    expect(operatorSpecSchema.parse(input)).toEqual(out);
  });

  it.each([
    [{ op: 'nope' }, 'op'],
    [{ op: 'mask', char: '**' }, 'char'],
    [{ op: 'mask', char: ' ' }, 'char'],
    [{ op: 'mask', keepFirst: -1 }, 'keepFirst'],
    [{ op: 'hash', length: 7 }, 'length'],
    [{ op: 'hash', encoding: 'base32', length: 60 }, 'length'],
    [{ op: 'hash', prefix: '<script>' }, 'prefix'],
    [{ op: 'token', entity: '' }, 'entity'],
    [{ op: 'pseudonym', kind: 'ssn' }, 'kind'],
    [{ op: 'generalise', kind: 'zip3', width: 5 }, 'width'],
    [{ op: 'redact', extra: 1 }, ''],
  ])('refuses %j at %j', (input, path) => {
    const r = operatorSpecSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path.join('.')).toBe(path);
  });
});

describe('applyOperator', () => {
  const spec = (s: OperatorSpecInput) => operatorSpecSchema.parse(s);
  it.each([
    [{ op: 'redact' }, 'Ann', { value: '' }],
    [{ op: 'redact' }, '  ', { value: '' }],
    [{ op: 'mask', keepLast: 2 }, 'Ann Lee', { value: '*****ee' }],
    [{ op: 'token', entity: 'email' }, 'a@x.org', { value: '<EMAIL>' }],
    [{ op: 'token', entity: 'email' }, '', { value: '' }],
    [{ op: 'hash', length: 8, prefix: 'h:' }, 'a@x.org', { value: 'h:9d3de0cc' }],
    [{ op: 'hash' }, '   ', { value: '   ' }],
    [{ op: 'pseudonym', kind: 'card' }, '4111 1111 1111 1111', { value: '4665 9258 4002 0180' }],
    [{ op: 'pseudonym', kind: 'email' }, 'not an email', { fail: 'not an e-mail address' }],
    [{ op: 'generalise', kind: 'date_month' }, '1984-03-07', { value: '1984-03' }],
    [{ op: 'generalise', kind: 'age_band', width: 5 }, '92', { value: '90+' }],
    [{ op: 'generalise', kind: 'age_band' }, '42', { value: '40-49' }],
    [{ op: 'generalise', kind: 'zip3' }, '89012', { value: '000' }],
    [{ op: 'generalise', kind: 'date_year' }, 'soon', { fail: 'not an ISO date (YYYY-MM-DD, YYYY-MM or an ISO timestamp)' }],
  ] as const)('%j on %j → %j', (s, v, out) => {
    expect(applyOperator(v, spec(s), KEY)).toEqual(out);
  });
});

describe("the worker task 'pii.applyOperator'", () => {
  it('applies one spec to a batch, in order, failing only the values it cannot read', () => {
    const out = runTask({ task: 'pii.applyOperator', input: { values: ['02139', '2139', '', '89012'], spec: { op: 'generalise', kind: 'zip3' }, key: KEY_HEX } });
    expect(out).toEqual([{ value: '021' }, { fail: expect.stringContaining('leading zero') as string }, { value: '' }, { value: '000' }]);
  });

  it('gives what applyOperator gives, with the key from hex', () => {
    const values = ['4111 1111 1111 1111', '5555-5555-5555-4444', 'x'];
    const out = runTask({ task: 'pii.applyOperator', input: { values, spec: { op: 'pseudonym', kind: 'card' }, key: KEY_HEX } });
    expect(out).toEqual(values.map((v) => fakeCard(v, KEY)));
  });

  it.each([
    [{ op: 'hash', length: 4 }, KEY_HEX, 'not a valid operator: length: '],
    [{ op: 'hash' }, 'abc', 'the key is not hex of at least 16 bytes'],
    [{ op: 'hash' }, 'zz'.repeat(32), 'the key is not hex of at least 16 bytes'],
    [{ op: 'hash' }, 'ab'.repeat(15), 'the key is not hex of at least 16 bytes'],
  ])('fails every value, with the reason, on spec %j and key %j', (spec, key, reason) => {
    const out = applyOperatorValues({ values: ['a', 'b'], spec: spec as OperatorSpecInput, key });
    expect(out).toEqual([{ fail: expect.stringContaining(reason) as string }, { fail: expect.stringContaining(reason) as string }]);
  });
});
