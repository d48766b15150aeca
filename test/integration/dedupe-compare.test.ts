// Comparison levels, role by role: two records' raw values go through the same normalisation and
// level SQL a run uses (prepare → features → levels), and the level reached is checked by label.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DedupeRole } from '../../src/shared/api/dedupe-types';
import { levelsList, prepare } from '../../src/main/engine/dedupe/find';
import { MISSING_LEVEL } from '../../src/main/engine/dedupe/types';
import { dedupeDb, input, records, type DedupeDb } from '../support/dedupe';

let d: DedupeDb;
beforeAll(async () => {
  d = await dedupeDb();
});
afterAll(async () => d.close());

/** The label of the level each compared column reaches for the two records (null: neutral). */
async function levels(roles: Record<string, DedupeRole>, left: (string | null)[], right: (string | null)[]): Promise<Record<string, string | null>> {
  const headers = Object.keys(roles);
  const t = await records(d.conn, headers, [left, right]);
  const p = await prepare(d.q, input(t, 2, { rolesByHeader: roles }));
  const row = await d.q.one(`SELECT ${levelsList(p.comps)}::VARCHAR AS lv FROM ${p.all} l, ${p.all} r WHERE l.row_id = 1 AND r.row_id = 2`);
  const lv = JSON.parse(String(row.lv)) as number[];
  return Object.fromEntries(p.comps.map((c, i) => [c.label, lv[i] === MISSING_LEVEL ? null : c.levels[lv[i]!]!.label]));
}

const one = async (role: DedupeRole, a: string | null, b: string | null) => (await levels({ v: role }, [a], [b])).v;

describe('comparison levels by role', () => {
  it.each([
    ['given_name', 'Anna', 'anna', 'exact'],
    ['given_name', 'José', 'Jose', 'exact'],
    ['given_name', 'Jonathan', 'Jonathon', 'Jaro-Winkler ≥ 0.94 or one edit'],
    ['given_name', 'Katarzyna', 'Katrzyna', 'Jaro-Winkler ≥ 0.94 or one edit'],
    ['given_name', 'Christine', 'Christina', 'Jaro-Winkler ≥ 0.94 or one edit'],
    ['given_name', 'Steven', 'Stephen', 'Jaro-Winkler ≥ 0.88'],
    ['given_name', 'A.', 'Anna', 'same initial'],
    ['given_name', 'Anna', 'Pedro', 'else'],
    ['given_name', 'Anna', null, null],
    ['given_name', 'N/A', 'N/A', null],
    ['family_name', 'Kowalski', 'Kowalsky', 'Jaro-Winkler ≥ 0.94 or one edit'],
    ['family_name', 'Smith', 'Smyth', 'Jaro-Winkler ≥ 0.94 or one edit'],
    ['family_name', 'Müller', 'MULLER', 'exact'],
    ['family_name', 'Smith', 'Jones', 'else'],
    ['full_name', 'Anna Maria Kowalska', 'anna maria kowalska', 'exact'],
    ['full_name', 'Kowalska, Anna', 'Anna Kowalska', 'same words in another order'],
    ['full_name', 'Anna Maria Kowalska', 'Anna Kowalska', 'half the words shared or Jaro-Winkler ≥ 0.88'],
    ['full_name', 'Anna Kowalska', 'Anna Nowak', 'else'],
    ['full_name', 'Anna Kowalska', 'Piotr Nowak', 'else'],
    ['date', '1980-03-14', '14/03/1980', 'exact'],
    ['date', '1980-03-14', '14 Mar 1980', 'exact'],
    ['date', '1980-03-14', '19800314', 'exact'],
    ['date', '1980-03-04', '1980-04-03', 'one digit off, or day and month swapped'],
    ['date', '1980-03-14', '1980-03-15', 'one digit off, or day and month swapped'],
    ['date', '1980-03-14', '1980-09-30', 'within a year'],
    ['date', '1980-03-14', '1990-07-01', 'else'],
    ['date', '1980-03-14', 'not a date', null],
    ['email', 'Anna.K@Example.com', 'anna.k@example.com', 'exact'],
    ['email', 'anna.k@example.com', 'anna.k@gmail.com', 'same local part or one edit'],
    ['email', 'anna.k@example.com', 'anna.j@example.com', 'same local part or one edit'],
    ['email', 'anna.kowalska@example.com', 'anna.kowalsky@exampel.com', 'else'],
    ['email', 'anna@example.com', 'piotr@other.org', 'else'],
    ['email', 'none', 'none', null],
    ['phone', '+44 7700 900123', '07700 900123', 'same number'],
    ['phone', '(555) 010-1234', '555.010.1234', 'same number'],
    ['phone', '07700 900123', '07700 900132', 'one digit off or two swapped'],
    ['phone', '07700 900123', '07700 911111', 'else'],
    ['address', '12 High Street', '12 high st', 'exact'],
    ['address', 'Flat 3, 12 High Street', 'Flat 3 12 High Street Leeds', 'Jaro-Winkler ≥ 0.92 or most words shared'],
    ['address', '12 High Street', '12 High Street, Flat 3', 'half the words shared'],
    ['address', '12 High Street', 'High Street 12 Leeds', 'half the words shared'],
    ['address', '12 High Street', '14 High Road', 'else'],
    ['address', '12 High Street', '7 Baker Lane', 'else'],
    ['postcode', 'SW1A 1AA', 'sw1a1aa', 'exact'],
    ['postcode', '40135-492', '40153-492', 'one edit or two swapped'],
    ['postcode', 'SW1A 1AA', 'SW1A 2BB', 'same first three characters'],
    ['postcode', 'SW1A 1AA', 'EC2 4XY', 'else'],
    ['city', 'Zürich', 'ZURICH', 'exact'],
    ['city', 'København', 'Kobenhavn', 'Jaro-Winkler ≥ 0.9'],
    ['city', 'Philadelphia', 'Philadelpia', 'Jaro-Winkler ≥ 0.9'],
    ['city', 'Paris', 'Lyon', 'else'],
    ['identifier', 'AB-123-456', 'ab123456', 'exact'],
    ['identifier', 'AB123456', 'AB123465', 'one edit or two swapped'],
    ['identifier', 'AB123456', 'ZZ999999', 'else'],
    ['category', 'Active', 'ACTIVE', 'exact'],
    ['category', 'Active', 'Closed', 'else'],
    ['numeric', '100', '100.0', 'equal'],
    ['numeric', '100', '108', 'within 10 %'],
    ['numeric', '100', '150', 'else'],
    ['text', 'called about the invoice today', 'Called about the invoice today, again', 'most words shared'],
    ['text', 'prefers email contact after five', 'Prefers e-mail contact after five', 'half the words shared'],
    ['text', 'called about the invoice today', 'called about invoice', 'half the words shared'],
    ['text', 'vip customer', 'moved from Leeds', 'else'],
  ] as const)('%s: %j vs %j → %s', async (role, a, b, expected) => {
    expect(await one(role, a, b)).toBe(expected);
  });
});

describe('names that know about each other', () => {
  const roles = { first: 'given_name', last: 'family_name' } as const;
  it.each([
    [['Anna', 'Kowalska'], ['Kowalska', 'Anna'], { first: 'first and last names swapped', last: null }],
    [['Anna', 'Kowalska'], ['Anna', 'Kowalska'], { first: 'exact', last: 'exact' }],
    [['Anna', 'Anna'], ['Anna', 'Anna'], { first: 'exact', last: 'exact' }],
    [['Anna', 'Kowalska'], ['Kowalska', 'Maria'], { first: 'else', last: 'else' }],
  ] as const)('%j vs %j', async (l, r, expected) => {
    expect(await levels(roles, [...l], [...r])).toEqual(expected);
  });

  it.each([
    [['Anna', 'Kowalska', 'anna.k@example.com'], ['Anna', 'Kowalska', 'anna.k@example.com'], 'exact, names agree'],
    [['Anna', 'Kowalska', 'anna.k@example.com'], ['Anna', 'Kowalska', 'anna.k@gmail.com'], 'same local part or one edit, names agree'],
    [['Anna', 'Kowalska', 'anna.k@example.com'], ['Ana', 'Kowalska', 'anna.k@example.com'], 'exact'],
  ] as const)('e-mail levels repeat for same-name pairs: %j vs %j → %s', async (l, r, expected) => {
    const got = await levels({ first: 'given_name', last: 'family_name', mail: 'email' }, [...l], [...r]);
    expect(got.mail).toBe(expected);
  });
});
