// Role inference from the header and the sampled values: a header that names the role decides
// unless the values contradict it; otherwise the values decide.
import { describe, expect, it } from 'vitest';
import type { LogicalType } from '../../src/shared/api/types';
import { headerRole, headerWords, inferRole, type ColumnEvidence } from '../../src/main/engine/dedupe/roles';

const plain: ColumnEvidence = { nonNull: 100, email: 0, phone: 0, date: 0, numeric: 0, words: 1, chars: 8, sampleDistinct: 0.5, distinctRatio: 0.5, distinct: 5000 };
const ev = (x: Partial<ColumnEvidence>): ColumnEvidence => ({ ...plain, ...x });
const col = (header: string, logicalType: LogicalType = 'text') => ({ header, logicalType });

describe('headers', () => {
  it.each([
    ['DateOfBirth', 'date of birth'],
    ['last_name', 'last name'],
    ['E-Mail  Address', 'e mail address'],
  ])('%s → %s', (h, w) => expect(headerWords(h)).toBe(w));

  it.each([
    ['first_name', 'given_name'], ['Forename', 'given_name'], ['Vorname', 'given_name'],
    ['surname', 'family_name'], ['LastName', 'family_name'], ['family', 'family_name'],
    ['Name', 'full_name'], ['patient_name', 'full_name'], ['authors', 'full_name'],
    ['email', 'email'], ['E-mail address', 'email'],
    ['mobile', 'phone'], ['Tel', 'phone'],
    ['dob', 'date'], ['date_of_birth', 'date'],
    ['zip', 'postcode'], ['Post Code', 'postcode'],
    ['town', 'city'], ['street', 'address'], ['address_line1', 'address'],
    ['nhs_number', 'identifier'], ['ISBN', 'identifier'],
    ['notes', null], ['balance', null],
  ] as const)('%s → %s', (h, role) => expect(headerRole(h)).toBe(role));
});

describe('inferRole', () => {
  it.each([
    ['customer_id', 'text', ev({ distinctRatio: 0.9 }), 'ignore'],
    ['id', 'integer', ev({ distinctRatio: 1 }), 'ignore'],
    ['customer_id', 'text', ev({ distinctRatio: 0.2 }), 'text'],
    // A key word after a word that names a role is that role, not the table's record key.
    ['Phone Number', 'text', ev({ phone: 0.95, distinctRatio: 0.9 }), 'phone'],
    ['mobile_no', 'text', ev({ phone: 0.95, distinctRatio: 0.9 }), 'phone'],
    ['Passport No', 'text', ev({ distinctRatio: 0.9 }), 'identifier'],
    ['tax_id', 'text', ev({ distinctRatio: 0.9 }), 'identifier'],
    ['house number', 'text', ev({ distinctRatio: 0.9 }), 'address'],
    ['customer number', 'text', ev({ distinctRatio: 0.9 }), 'ignore'],
    ['member_no', 'integer', ev({ distinctRatio: 1 }), 'ignore'],
    ['email', 'text', ev({ email: 0.95 }), 'email'],
    ['email', 'text', ev({ email: 0.1 }), 'text'],
    ['contact', 'text', ev({ email: 0.9 }), 'email'],
    ['phone', 'text', ev({ phone: 0.8 }), 'phone'],
    ['contact', 'text', ev({ phone: 0.95 }), 'phone'],
    ['born', 'text', ev({ date: 0.9 }), 'date'],
    ['when', 'date', ev({}), 'date'],
    ['first_name', 'text', ev({}), 'given_name'],
    ['balance', 'decimal', ev({ numeric: 1 }), 'numeric'],
    ['amount', 'text', ev({ numeric: 0.95 }), 'numeric'],
    ['status', 'text', ev({ distinct: 12 }), 'category'],
    ['title', 'text', ev({ distinct: 22, distinctRatio: 0.92, words: 4, chars: 30 }), 'text'],
    ['remarks', 'text', ev({ words: 6, chars: 40, distinct: 90_000 }), 'text'],
    ['code', 'text', ev({ words: 1, chars: 10, sampleDistinct: 0.99, distinct: 90_000 }), 'identifier'],
    ['empty', 'text', ev({ nonNull: 0 }), 'ignore'],
  ] as const)('%s (%s) → %s', (header, type, e, role) => {
    const got = inferRole(col(header, type), e, 100_000);
    expect(got.role).toBe(role);
    expect(got.reason.length).toBeGreaterThan(5);
  });
});
