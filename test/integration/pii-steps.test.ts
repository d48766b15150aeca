// De-identification through real runs (real workspace, real CSV): a table of cases per operator,
// the hipaa/gdpr/pci presets over a table of made-up people — no raw value left in the output, in
// the ledger or in the provenance file — and the workspace key: created once with owner-only
// permissions, and keyed pseudonyms equal across two workspaces only when they share it.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyedDigest, keyedHash } from '../../src/main/engine/pii/operators/keyed';
import { fakeCard, fakeDigits, fakeEmail, fakePhone } from '../../src/main/engine/pii/operators/pseudonyms';
import type { OperatorSpecInput } from '../../src/shared/policy/operators';
import type { StepInput } from '../../src/shared/policy/steps';
import { cleanFile, jobResult, policyDoc, previewFile, writeCsv, type Cleaned } from '../support/clean';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';
import { leaked, people, PEOPLE_HEADER } from '../support/pii-people';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(async () => {
  await t.close();
});

const valueOf = (o: { value: string } | { fail: string }): string => ('value' in o ? o.value : `FAIL ${o.fail}`);

interface OperatorCase {
  name: string;
  values: string[];
  spec: OperatorSpecInput;
  /** The expected outputs, given the workspace key. */
  out: (key: Buffer) => string[];
  failures?: number;
}

const OPERATOR_CASES: OperatorCase[] = [
  { name: 'redact', values: ['ann@example.org', 'bob@x.org'], spec: { op: 'redact' }, out: () => ['', ''] },
  { name: 'mask keeping the first character', values: ['Ann.Lee@Example.org'], spec: { op: 'mask', char: '#', keepFirst: 1 }, out: () => [`A${'#'.repeat(18)}`] },
  { name: 'type token of an entity type', values: ['ann@example.org'], spec: { op: 'token', entity: 'EMAIL' }, out: () => ['<EMAIL>'] },
  { name: 'type token of a free label', values: ['ann@example.org'], spec: { op: 'token', entity: 'contact point' }, out: () => ['<CONTACT_POINT>'] },
  { name: 'keyed hash with a prefix', values: ['ann@example.org'], spec: { op: 'hash', length: 12, prefix: 'h:' }, out: (k) => [keyedHash('ann@example.org', k, { length: 12, prefix: 'h:' })] },
  { name: 'keyed hash: e-mail spellings hash alike', values: ['Ann.Lee@Example.org', ' ann.lee@example.org'], spec: { op: 'hash', normalise: 'email' }, out: (k) => Array(2).fill(keyedHash('ann.lee@example.org', k, { normalise: 'email' })) as string[] },
  { name: 'e-mail pseudonym', values: ['ann@example.org'], spec: { op: 'pseudonym', kind: 'email' }, out: (k) => [valueOf(fakeEmail('ann@example.org', k))] },
  { name: 'card pseudonym', values: ['4111 1111 1111 1111'], spec: { op: 'pseudonym', kind: 'card' }, out: (k) => [valueOf(fakeCard('4111 1111 1111 1111', k))] },
  { name: 'phone pseudonym', values: ['+44 20 7946 0958'], spec: { op: 'pseudonym', kind: 'phone' }, out: (k) => [valueOf(fakePhone('+44 20 7946 0958', k))] },
  { name: 'identifier pseudonym', values: ['MRN-004211'], spec: { op: 'pseudonym', kind: 'digits' }, out: (k) => [valueOf(fakeDigits('MRN-004211', k))] },
  { name: 'date to month', values: ['1984-03-07', '12/25/1990'], spec: { op: 'generalise', kind: 'date_month' }, out: () => ['1984-03', '1990-12'] },
  { name: 'birth date to year, those 90 or over in the as-of year pooled', values: ['1931-05-02', '1980-01-09', '4/16/1936', '1937-01-01'], spec: { op: 'generalise', kind: 'birth_year', asOf: 2026 }, out: () => ['<=1936', '1980', '<=1936', '1937'] },
  { name: 'age band of 5 years', values: ['42', '91'], spec: { op: 'generalise', kind: 'age_band', width: 5 }, out: () => ['40-44', '90+'] },
  { name: 'fails closed: a value the operator cannot read becomes a token, and is reported', values: ['not an e-mail'], spec: { op: 'pseudonym', kind: 'email' }, out: () => ['<PII>'], failures: 1 },
];

describe('each operator through a deidentify step on a named column', () => {
  it.each(OPERATOR_CASES)('$name', async (c) => {
    const file = writeCsv(['v', 'other'], c.values.map((v) => [v, 'keep']));
    const step: StepInput = { id: 'd', type: 'deidentify', columns: { names: ['v'] }, params: { operators: { default: c.spec } } };
    const out = await cleanFile(t, file, { policy: policyDoc([step]) });
    const key = t.engine.workspace.secretKey();
    expect(out.rows).toEqual(c.out(key).map((v) => [v, 'keep']));
    expect(out.run.steps[0]?.failures).toBe(c.failures ?? 0);
    // Every changed cell's ledger entry: no value before, its keyed digest and a masked preview instead.
    for (const e of out.ledger) {
      const before = c.values[e.rowId - 1] as string;
      expect(e).toMatchObject({ before: null, beforeDigest: keyedDigest(before, key) });
      expect(e.beforePreview).not.toContain(before.trim());
    }
    for (const x of out.run.steps[0]?.failureExamples ?? []) expect(c.values).not.toContain(x.value);
  });
});

describe('a de-identification step with a row filter, and in a preview', () => {
  it('changes only the rows the filter selects', async () => {
    const file = writeCsv(['email', 'consent'], [['ann@example.org', 'no'], ['bob@x.org', 'yes'], ['cy@y.org', 'no']]);
    const step: StepInput = { id: 'd', type: 'deidentify', where: { column: 'consent', op: 'equals', value: 'no' }, params: { operators: { EMAIL: { op: 'token', entity: 'EMAIL' } } } };
    const out = await cleanFile(t, file, { policy: policyDoc([step]) });
    expect(out.rows).toEqual([['<EMAIL>', 'no'], ['bob@x.org', 'yes'], ['<EMAIL>', 'no']]);
    expect(out.ledger.map((e) => e.rowId)).toEqual([1, 3]);
  });

  it('a preview lists the changes with masked previews, never the values', async () => {
    const p = await previewFile(t, writeCsv(['email'], [['ann@example.org'], ['bob@x.org']]), { presets: ['gdpr-pseudonymise'] });
    expect(p.changes.map((c) => [c.before, c.beforePreview])).toEqual([[null, 'a***@***.org'], [null, 'b***@***.org']]);
    expect(JSON.stringify(p)).not.toMatch(/ann@example\.org|bob@x\.org/);
  });
});

async function provenanceText(cleaned: Cleaned): Promise<string> {
  const file = path.join(tempDir(), 'prov.csv');
  await jobResult(await t.runJob('provenance.export', { datasetId: cleaned.datasetId, version: cleaned.run.outputVersion as number, path: file }));
  return fs.readFileSync(file, 'utf8');
}

const data = people();
const DIRECT = ['first_name', 'last_name', 'email', 'phone', 'ssn', 'card'];

describe('presets over a table of people', () => {
  it.each([
    { preset: 'hipaa-safe-harbor', removed: [...DIRECT, 'date_of_birth', 'zip'] },
    { preset: 'gdpr-pseudonymise', removed: DIRECT },
    { preset: 'pci', removed: ['card'] },
    { preset: 'standard,hipaa-safe-harbor', removed: [...DIRECT, 'date_of_birth', 'zip'] },
  ])('$preset: none of the raw values in the output, the ledger or the provenance file', async ({ preset, removed }) => {
    const file = writeCsv(PEOPLE_HEADER, data.rows);
    const out = await cleanFile(t, file, { presets: preset.split(',') });
    expect(leaked(JSON.stringify(out.rows), data.raw, removed)).toEqual([]);
    expect(leaked(JSON.stringify(out.ledger), data.raw, removed)).toEqual([]);
    expect(leaked(JSON.stringify(out.run), data.raw, removed)).toEqual([]);
    expect(leaked(await provenanceText(out), data.raw, removed)).toEqual([]);
    expect(out.ledger.length).toBeGreaterThan(0);
  });

  it('hipaa: years, ZIP3 with restricted areas as 000, ages over 89 as 90+, tokens in free text', async () => {
    const out = await cleanFile(t, writeCsv(PEOPLE_HEADER, data.rows), { presets: ['hipaa-safe-harbor'] });
    const col = (h: string) => out.rows.map((r) => r[out.headers.indexOf(h)]);
    // Birth years of people 90 or over in the run's year are pooled (the preset counts ages at the run's year).
    const oldest = new Date().getUTCFullYear() - 90;
    expect(col('date_of_birth')).toEqual(data.rows.map((_, i) => (1940 + i <= oldest ? `<=${oldest}` : String(1940 + i))));
    expect(col('zip')).toEqual(data.raw.zip?.map((z) => (z === '89012' ? '000' : z.slice(0, 3))));
    expect(col('age')).toEqual(data.raw.age?.map((a) => (Number(a) >= 90 ? '90+' : a)));
    expect(col('first_name').every((v) => v === '<PERSON>')).toBe(true);
    expect(col('notes')[0]).toBe('Call <PHONE> or mail <EMAIL> about card <CREDIT_CARD>; SSN <US_SSN>.');
  });

  it('gdpr: e-mails at example.invalid, the same person the same pseudonym in two files', async () => {
    const a = await cleanFile(t, writeCsv(PEOPLE_HEADER, data.rows), { presets: ['gdpr-pseudonymise'] });
    const b = await cleanFile(t, writeCsv(PEOPLE_HEADER, [...data.rows].reverse()), { presets: ['gdpr-pseudonymise'] });
    const col = (c: Cleaned, h: string) => c.rows.map((r) => r[c.headers.indexOf(h)]);
    expect(col(a, 'email').every((v) => /^user-[a-z2-7]{16}@example\.invalid$/.test(v ?? ''))).toBe(true);
    for (const h of ['email', 'ssn', 'last_name', 'card']) expect(col(b, h)).toEqual([...col(a, h)].reverse());
  });

  it('pci: card numbers keep only their last four digits, in spans too', async () => {
    const out = await cleanFile(t, writeCsv(PEOPLE_HEADER, data.rows), { presets: ['pci'] });
    const col = (h: string) => out.rows.map((r) => r[out.headers.indexOf(h)] ?? '');
    expect(col('card')).toEqual(data.raw.card?.map((c) => `${'*'.repeat(c.length - 4)}${c.slice(-4)}`));
    expect(col('notes')[0]).toContain(`${'*'.repeat(15)}${data.raw.card?.[0]?.slice(-4)}`);
    expect(col('email')).toEqual(data.raw.email);
  });
});

describe('the workspace key', () => {
  it('is 32 bytes in a file only its owner can read, created once', () => {
    const k = t.engine.workspace.secretKey();
    expect(k).toHaveLength(32);
    expect(fs.readFileSync(t.engine.workspace.keyFile)).toEqual(k);
    if (process.platform !== 'win32') expect(fs.statSync(t.engine.workspace.keyFile).mode & 0o777).toBe(0o600);
  });

  it('makes keyed pseudonyms that agree across workspaces only when they share it', async () => {
    const file = writeCsv(PEOPLE_HEADER, data.rows.slice(0, 5));
    const step: StepInput = { id: 'h', type: 'deidentify', columns: { names: ['ssn', 'email'] }, params: { operators: { default: { op: 'hash' }, EMAIL: { op: 'pseudonym', kind: 'email' } } } };
    const run = async (e: TestEngine) => (await cleanFile(e, file, { policy: policyDoc([step]) })).rows;
    const mine = await run(t);
    const [shared, other] = [await startTestEngine(), await startTestEngine()];
    try {
      fs.copyFileSync(t.engine.workspace.keyFile, shared.engine.workspace.keyFile);
      expect(await run(shared)).toEqual(mine);
      const theirs = await run(other);
      const at = (rows: (string | null)[][], h: string) => rows.map((r) => r[PEOPLE_HEADER.indexOf(h)]);
      for (const h of ['ssn', 'email']) at(theirs, h).forEach((v, i) => expect(v).not.toBe(at(mine, h)[i]));
    } finally {
      await shared.close();
      await other.close();
    }
  });
});

describe('the generalise step: birth years', () => {
  it.each([
    { name: 'as of a given year', asOf: 2026 as number | undefined, out: ['<=1936', '<=1936', '1937', '1990'] },
    { name: 'as of another year', asOf: 2000, out: ['1931', '1936', '1937', '1990'] },
    { name: 'as of the run year when not given', asOf: undefined, out: [1931, 1936, 1937, 1990].map((y) => (y <= new Date().getUTCFullYear() - 90 ? `<=${new Date().getUTCFullYear() - 90}` : String(y))) },
  ])('$name', async ({ asOf, out }) => {
    const file = writeCsv(['dob', 'other'], [['1931-05-02', 'x'], ['1936-12-31', 'x'], ['1937-01-01', 'x'], ['1990-07-04', 'x']]);
    const step: StepInput = { id: 'g', type: 'generalise', columns: { names: ['dob'] }, params: { kind: 'birth_year', ...(asOf === undefined ? {} : { asOf }) } };
    const res = await cleanFile(t, file, { policy: policyDoc([step]) });
    expect(res.rows.map((r) => r[0])).toEqual(out);
    expect(res.run.steps[0]?.notes.join('\n') ?? '').toMatch(new RegExp(`aged 90 or over in ${asOf ?? new Date().getUTCFullYear()} pooled`));
  });
});

describe('gdpr-pseudonymise chooses columns by header too', () => {
  it('hashes a phone column whose values detection mostly misses, because its header names a phone', async () => {
    // Numbers with unassigned area codes: libphonenumber calls them invalid, so the column is not classified PHONE.
    const rows = Array.from({ length: 12 }, (_, i) => [`(883) 689-${String(8300 + i)}`, `x${i}`]);
    const out = await cleanFile(t, writeCsv(['phone', 'other'], rows), { presets: ['gdpr-pseudonymise'] });
    const phones = out.rows.map((r) => r[0] ?? '');
    expect(phones.every((v) => /^[0-9a-f]{16}$/.test(v))).toBe(true);
    expect(new Set(phones).size).toBe(12);
    expect(out.rows.map((r) => r[1])).toEqual(rows.map((r) => r[1]));
  });
});

describe('PII steps on typed columns (Parquet DATE and BIGINT)', () => {
  let parquet: string;
  beforeAll(async () => {
    parquet = path.join(tempDir('ds-pii-typed-'), 'typed.parquet');
    const inst = await DuckDBInstance.create(':memory:');
    const conn = await inst.connect();
    await conn.run(`COPY (SELECT i::BIGINT AS id, [536228726, 412331234, 287654321][(i % 3) + 1]::BIGINT AS ssn,
        (DATE '1930-01-01' + INTERVAL (i * 4000) DAY)::DATE AS date_of_birth, 'x' || i AS other
      FROM range(1, 7) t(i)) TO '${parquet.replaceAll("'", "''")}' (FORMAT parquet)`);
    conn.closeSync();
    inst.closeSync();
  });

  it.each([
    { name: 'a generalise of a DATE column', step: { id: 'g', type: 'generalise', columns: { names: ['date_of_birth'] }, params: { kind: 'date_year' } } as StepInput, column: 'date_of_birth', out: (v: string) => /^\d{4}$/.test(v) },
    { name: 'a keyed hash of a BIGINT column', step: { id: 'h', type: 'deidentify', columns: { names: ['ssn'] }, params: { operators: { default: { op: 'hash' } } } } as StepInput, column: 'ssn', out: (v: string) => /^[0-9a-f]{16}$/.test(v) },
  ])('$name runs, the column becomes text, and every cell is in the ledger', async ({ step, column, out }) => {
    const res = await cleanFile(t, parquet, { policy: policyDoc([step]) });
    const i = res.headers.indexOf(column);
    expect(res.rows.map((r) => r[i] ?? '').every(out)).toBe(true);
    expect(res.ledger.filter((e) => e.columnId === res.columnIds[i])).toHaveLength(6);
  });

  it('the hipaa preset runs over typed columns', async () => {
    const res = await cleanFile(t, parquet, { presets: ['hipaa-safe-harbor'] });
    const col = (h: string) => res.rows.map((r) => r[res.headers.indexOf(h)] ?? '');
    expect(col('date_of_birth').every((v) => /^(?:\d{4}|<=\d{4})$/.test(v))).toBe(true);
    expect(col('ssn').some((v) => /^\d{9}$/.test(v))).toBe(false);
  });
});
