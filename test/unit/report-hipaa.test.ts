// The HIPAA Safe Harbor mapping as a table: which entity types stand for each of the 18
// categories, and how findings, operators and generalisations mark each one, with the evidence.
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../src/shared/api/pii-types';
import { HIPAA_CATEGORIES, hipaaRows, type HipaaFacts } from '../../src/main/engine/report/hipaa';

const facts = (over: Partial<HipaaFacts> = {}): HipaaFacts => ({ scanned: true, version: 1, found: new Map(), operatorOf: () => null, generalised: new Map(), ...over });
const row = (f: HipaaFacts, code: string) => hipaaRows(f).find((r) => r.code === code)!;

describe('the category table', () => {
  it('lists A to R once each, in order', () => {
    expect(HIPAA_CATEGORIES.map((c) => c.code).join('')).toBe('ABCDEFGHIJKLMNOPQR');
  });
  it.each([
    ['A', ['PERSON']], ['B', ['STREET_ADDRESS', 'POSTAL_CODE']], ['C', ['DATE_OF_BIRTH', 'DATE']], ['D', ['PHONE']], ['E', ['PHONE']], ['F', ['EMAIL']],
    ['G', ['US_SSN']], ['H', ['IDENTIFIER']], ['I', ['IDENTIFIER']], ['J', ['IDENTIFIER', 'IBAN', 'CREDIT_CARD']], ['K', ['DRIVER_LICENSE', 'PASSPORT', 'IDENTIFIER']],
    ['L', ['IDENTIFIER']], ['M', ['IDENTIFIER', 'MAC_ADDRESS']], ['N', ['URL']], ['O', ['IP_ADDRESS']], ['P', []], ['Q', []], ['R', ['IDENTIFIER', 'UK_NINO']],
  ])('%s is found as %j', (code, entities) => {
    expect(HIPAA_CATEGORIES.find((c) => c.code === code)?.entities).toEqual(entities);
  });
  it('maps every entity type the detectors find to some category', () => {
    const mapped = new Set(HIPAA_CATEGORIES.flatMap((c) => c.entities));
    expect(ENTITY_TYPES.filter((e) => !mapped.has(e))).toEqual([]);
  });
});

const emailFound = new Map([['EMAIL', { findings: 12, columns: ['mail'] }]]);
describe('statuses and evidence', () => {
  it.each<[string, HipaaFacts, string, 'handled' | 'not-detected' | 'not-handled', RegExp]>([
    ['found and masked', facts({ found: emailFound, operatorOf: (e) => (e === 'EMAIL' ? 'mask' : null) }), 'F', 'handled', /EMAIL in "mail" \(12 findings\): mask by the run's de-identification step/],
    ['found, no operator', facts({ found: emailFound }), 'F', 'not-handled', /EMAIL in "mail" \(12 findings\): no step of the run de-identifies it/],
    ['not found', facts({ found: emailFound }), 'G', 'not-detected', /found no US_SSN \(absence of findings is not proof of absence\)/],
    ['never scanned', facts({ scanned: false }), 'F', 'not-detected', /Version 1 was never scanned for personal data, so no EMAIL was looked for/],
    ['biometrics', facts({ found: emailFound }), 'P', 'not-detected', /No detector \(the app has no detector for biometric identifiers/],
    ['photos', facts({ found: emailFound }), 'Q', 'not-detected', /No detector \(the app has no detector for photographs/],
    ['fax found as a phone, hashed', facts({ found: new Map([['PHONE', { findings: 3, columns: ['tel'] }]]), operatorOf: () => 'hash' }), 'E', 'handled', /cannot tell the two apart/],
    ['dates generalised to a year', facts({ found: new Map([['DATE_OF_BIRTH', { findings: 5, columns: ['dob'] }]]), generalised: new Map([['date_year', { stepIds: ['g'], columns: ['dob'] }]]) }), 'C', 'handled', /"dob" generalised \(date_year\) by step g/],
    ['a date generalised in another column only', facts({ found: new Map([['DATE', { findings: 5, columns: ['seen'] }]]), generalised: new Map([['date_year', { stepIds: ['g'], columns: ['dob'] }]]) }), 'C', 'not-handled', /DATE in "seen" \(5 findings\): no step/],
    ['one of two entities unhandled', facts({ found: new Map([['IBAN', { findings: 1, columns: ['a'] }], ['CREDIT_CARD', { findings: 2, columns: ['b'] }]]), operatorOf: (e) => (e === 'IBAN' ? 'redact' : null) }), 'J', 'not-handled', /IBAN in "a" \(1 findings\): redact.*CREDIT_CARD in "b" \(2 findings\): no step/],
    ['an identifier counts for H (and says so)', facts({ found: new Map([['IDENTIFIER', { findings: 4, columns: ['mrn'] }]]), operatorOf: () => 'hash' }), 'H', 'handled', /does not tell those kinds apart/],
  ])('%s', (_name, f, code, status, evidence) => {
    const r = row(f, code);
    expect(r.status).toBe(status);
    expect(r.evidence).toMatch(evidence);
  });
  it('always gives 18 rows', () => {
    expect(hipaaRows(facts())).toHaveLength(18);
  });
});
