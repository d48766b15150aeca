// Blocking rules: which rules the roles allow, which records each rule pairs (and only those), the
// pair counts shown before running, the block-size cap, the sorted neighbourhood, the budget and
// the user's choice of rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DedupeRole } from '../../src/shared/api/dedupe-types';
import { num } from '../../src/main/engine/db/database';
import { BLOCK_CAP, candidateRules, WINDOW } from '../../src/main/engine/dedupe/blocking';
import { prepare } from '../../src/main/engine/dedupe/find';
import { dedupeDb, input, records, type DedupeDb } from '../support/dedupe';

let d: DedupeDb;
beforeAll(async () => {
  d = await dedupeDb();
});
afterAll(async () => d.close());

const PERSON: Record<string, DedupeRole> = {
  first: 'given_name', last: 'family_name', dob: 'date', email: 'email', phone: 'phone', postcode: 'postcode', street: 'address', city: 'city',
};
const HEADERS = Object.keys(PERSON);

/** Filler people who share nothing with each other or the records under test. */
function filler(n: number, from = 0): string[][] {
  return Array.from({ length: n }, (_, i) => {
    const k = i + from;
    return [`Given${k}x`, `Family${k}q`, `19${String(10 + (k % 80)).padStart(2, '0')}-0${1 + (k % 9)}-1${k % 10}`, `p${k}@mail${k}.org`, `0${String(700000000 + k * 7919)}`, `Z${k}Q ${k % 10}AB`, `${k} Road${k}`, `Town${k}`];
  });
}

/** The pairs each rule made, by rule id. */
async function pairsByRule(rows: (string | null)[][], settings: Parameters<typeof input>[2] = {}) {
  const t = await records(d.conn, HEADERS, rows);
  const p = await prepare(d.q, input(t, rows.length, { rolesByHeader: PERSON, ...settings }));
  const out: Record<string, string[]> = {};
  for (const [i, rule] of p.blocking.used.entries()) {
    const got = await d.q.all(`SELECT l, r FROM ${p.blocking.candidates} WHERE rules & ${2 ** i} <> 0 ORDER BY l, r`);
    out[rule.id] = got.map((r) => `${num(r.l)}-${num(r.r)}`);
  }
  return { p, out };
}

describe('the rules the roles allow', () => {
  it.each([
    [PERSON, ['family+date', 'given+date', 'family_sound+year', 'names', 'email', 'phone', 'postcode+initial', 'address+city', 'sorted_name']],
    [{ name: 'full_name', dob: 'date', zip: 'postcode' }, ['full_name', 'full_name_start+date', 'postcode+initial', 'sorted_name']],
    [{ nhs: 'identifier', last: 'family_name' }, ['identifier:c1', 'sorted_name']],
    [{ title: 'text', isbn: 'identifier', year: 'numeric' }, ['identifier:c2', 'words:c1', 'start:c1', 'sorted:c1']],
    [{ title: 'text', authors: 'full_name' }, ['full_name', 'sorted_name', 'words:c1', 'start:c1', 'sorted:c1']],
    [{ sku: 'identifier', price: 'numeric' }, ['identifier:c1', 'words:c1', 'start:c1', 'sorted:c1']],
    [{ title: 'text', year: 'numeric' }, ['words:c1', 'start:c1', 'sorted:c1']],
  ] as [Record<string, DedupeRole>, string[]][])('%j', (roles, ids) => {
    const cols = Object.entries(roles).map(([header, role], i) => ({ columnId: `c${i + 1}`, header, role, inferred: role, reason: '', overridden: false }));
    expect(candidateRules(cols).map((r) => r.id)).toEqual(ids);
  });
});

describe('each rule pairs the records that share its key, and only those', () => {
  const base = ['Anna', 'Kowalska', '1980-03-14', 'anna.k@example.com', '07700 900123', 'LS1 4AB', '12 High Street', 'Leeds'];
  it.each([
    ['family+date', ['Zofia', 'Kowalska', '1980-03-14', 'z@x.org', '0111 222333', 'M1 1AA', '1 Low Road', 'York']],
    ['given+date', ['Anna', 'Nowak', '14/03/1980', 'n@x.org', '0111 222333', 'M1 1AA', '1 Low Road', 'York']],
    ['family_sound+year', ['Zofia', 'Kowalsca', '1980-11-01', 'z@x.org', '0111 222333', 'M1 1AA', '1 Low Road', 'York']],
    ['names', ['Kowalska', 'Anna', '1955-01-01', 'z@x.org', '0111 222333', 'M1 1AA', '1 Low Road', 'York']],
    ['email', ['Zofia', 'Nowak', '1955-01-01', 'ANNA.K@example.com', '0111 222333', 'M1 1AA', '1 Low Road', 'York']],
    ['phone', ['Zofia', 'Nowak', '1955-01-01', 'z@x.org', '+44 7700 900123', 'M1 1AA', '1 Low Road', 'York']],
    ['postcode+initial', ['Aleksander', 'Nowak', '1955-01-01', 'z@x.org', '0111 222333', 'ls14ab', '1 Low Road', 'York']],
    ['address+city', ['Zofia', 'Nowak', '1955-01-01', 'z@x.org', '0111 222333', 'M1 1AA', '12 high st', 'LEEDS']],
  ])('%s', async (rule, other) => {
    const { out } = await pairsByRule([base, other, ...filler(30)]);
    expect(out[rule]).toEqual(['1-2']);
    // The same family name and date also sound alike in the same year; neighbours in name order are not keys.
    const implied = rule === 'family+date' ? ['family_sound+year'] : [];
    for (const [id, pairs] of Object.entries(out)) if (id !== rule && id !== 'sorted_name' && !implied.includes(id)) expect(pairs, id).not.toContain('1-2');
  });
});

describe('counts, caps and choices', () => {
  it('counts each key rule’s pairs before making them', async () => {
    const rows = [...filler(40)];
    for (let i = 0; i < 4; i++) rows.push(['Same', 'Name', `1970-01-0${i + 1}`, `s${i}@x.org`, `0123 45678${i}`, `Q${i}`, `${i} Lane`, `City${i}`]);
    const { p, out } = await pairsByRule(rows);
    const names = p.blocking.rules.find((r) => r.id === 'names')!;
    expect(names.pairs).toBe(6);
    expect(out.names).toHaveLength(6);
  });

  it(`pairs nothing in a block of more than ${BLOCK_CAP} records, and says so`, async () => {
    const rows = filler(BLOCK_CAP + 5).map((r) => [r[0]!, r[1]!, r[2]!, 'shared@example.com', r[4]!, r[5]!, r[6]!, r[7]!]);
    const { p, out } = await pairsByRule(rows);
    const email = p.blocking.rules.find((r) => r.id === 'email')!;
    expect(email.pairs).toBe(0);
    expect(email.used).toBe(false);
    expect(out.email).toBeUndefined();
    expect(p.blocking.warnings.join(' ')).toMatch(new RegExp(`more than ${BLOCK_CAP} records`));
  });

  it(`pairs each record with the ${WINDOW} after it in name order`, async () => {
    const rows = ['Adams', 'Baker', 'Clark', 'Davis', 'Evans'].map((last, i) => [`G${i}`, last, `196${i}-01-01`, `${i}@x.org`, `0${i}99 88877${i}`, `P${i}`, `${i} St`, `C${i}`]);
    const { p, out } = await pairsByRule(rows);
    expect(out.sorted_name).toEqual(['1-2', '1-3', '2-3', '2-4', '3-4', '3-5', '4-5']);
    expect(p.blocking.rules.find((r) => r.id === 'sorted_name')!.pairs).toBe(7);
  });

  it('uses only the rules chosen, and names an unknown one', async () => {
    const { p } = await pairsByRule(filler(20), { rules: ['email', 'no_such_rule'] });
    expect(p.blocking.rules.filter((r) => r.used).map((r) => r.id)).toEqual([]);
    expect(p.blocking.rules.find((r) => r.id === 'phone')!.reason).toBe('not chosen');
    expect(p.blocking.warnings.join(' ')).toMatch(/No blocking rule is called no_such_rule/);
  });
});
