// The contract every step type keeps, as one table: its JSON round-trips, bad parameters are
// refused with a message naming the field, it touches the columns it says, it gives the expected
// result on a small table, and the ledger holds exactly its changes (replaying them gives the output).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePolicy } from '../../src/shared/policy/policy';
import { isPiiStep, STEP_TYPES, stepSchema, type StepInput, type StepType } from '../../src/shared/policy/steps';
import { keyedDigest } from '../../src/main/engine/pii/operators/keyed';
import { cleanFile, policyDoc, writeCsv } from '../support/clean';
import { startTestEngine, type TestEngine } from '../support/engine';
import { NEAR_COMPARED, NEAR_HEADER, NEAR_ROWS } from '../support/near-people';

type Cell = string | null;
interface StepCase {
  name: string;
  step: Omit<StepInput, 'id'> & { id?: string };
  header: string[];
  input: Cell[][];
  output: Cell[][];
  outHeaders?: string[];
  touched: string[];
  cells: number;
  removed?: number[];
  failures?: number;
  /** A variant that must be refused, and what the message must say. */
  bad: { step: Record<string, unknown>; where: RegExp };
}

const one = (vals: Cell[]): Cell[][] => vals.map((v) => [v]);

const CASES: StepCase[] = [
  { name: 'trim (Unicode spaces too)', step: { type: 'trim' }, header: ['a'], input: one(['  x ', '\u00a0y\t', 'z', null]), output: one(['x', 'y', 'z', null]), touched: ['c1'], cells: 2,
    bad: { step: { type: 'trim', params: { x: 1 } }, where: /params/ } },
  { name: 'collapse_whitespace', step: { type: 'collapse_whitespace' }, header: ['a'], input: one(['a  b', 'a\tb', 'a b', 'a \n b']), output: one(['a b', 'a b', 'a b', 'a b']), touched: ['c1'], cells: 3,
    bad: { step: { type: 'collapse_whitespace', columns: {} }, where: /columns/ } },
  { name: 'normalize_unicode NFC', step: { type: 'normalize_unicode', params: { form: 'NFC' } }, header: ['a'], input: one(['Cafe\u0301', 'Café']), output: one(['Café', 'Café']), touched: ['c1'], cells: 1,
    bad: { step: { type: 'normalize_unicode', params: { form: 'NFD' } }, where: /params › form/ } },
  { name: 'normalize_unicode NFKC', step: { type: 'normalize_unicode', params: { form: 'NFKC' } }, header: ['a'], input: one(['ﬁne', 'Ａ1', 'plain']), output: one(['fine', 'A1', 'plain']), touched: ['c1'], cells: 2,
    bad: { step: { type: 'normalize_unicode', params: { form: 1 } }, where: /params › form/ } },
  { name: 'remove_control_chars', step: { type: 'remove_control_chars' }, header: ['a'], input: one(['a\u0085b', 'a\tb', 'c\u009f']), output: one(['ab', 'a\tb', 'c']), touched: ['c1'], cells: 2,
    bad: { step: { type: 'remove_control_chars', enabled: 'yes' }, where: /enabled/ } },
  { name: 'change_case upper on one column', step: { type: 'change_case', columns: { names: ['b'] }, params: { mode: 'upper' } }, header: ['a', 'b'], input: [['x', 'y'], ['p', 'Q']], output: [['x', 'Y'], ['p', 'Q']], touched: ['c2'], cells: 1,
    bad: { step: { type: 'change_case', columns: { names: ['b'] }, params: { mode: 'shout' } }, where: /params › mode/ } },
  { name: 'change_case title', step: { type: 'change_case', columns: { names: ['a'] }, params: { mode: 'title' } }, header: ['a'], input: one(["o'brien", 'JEAN-LUC picard', 'Ann']), output: one(["O'Brien", 'Jean-Luc Picard', 'Ann']), touched: ['c1'], cells: 2,
    bad: { step: { type: 'change_case', params: { mode: 'title' } }, where: /columns/ } },
  { name: 'replace plain, case-insensitive', step: { type: 'replace', columns: { names: ['a'] }, params: { find: 'st.', replacement: 'Street', caseSensitive: false } }, header: ['a'], input: one(['1 High St.', '2 main st.', 'Stanley']), output: one(['1 High Street', '2 main Street', 'Stanley']), touched: ['c1'], cells: 2,
    bad: { step: { type: 'replace', columns: { names: ['a'] }, params: { find: '', replacement: 'x' } }, where: /params › find/ } },
  { name: 'replace regex', step: { type: 'replace', columns: { names: ['a'] }, params: { find: '([0-9]{3})-([0-9]{4})', replacement: '\\2/\\1', regex: true } }, header: ['a'], input: one(['555-1234', 'none']), output: one(['1234/555', 'none']), touched: ['c1'], cells: 1,
    bad: { step: { type: 'replace', columns: { names: ['a'] }, params: { find: '(?=x)', replacement: '', regex: true } }, where: /params › find/ } },
  { name: 'category_aliases', step: { type: 'category_aliases', columns: { names: ['city'] }, params: { map: [{ from: ['NYC', 'new york'], to: 'New York' }], caseSensitive: false } }, header: ['city'], input: one(['nyc', 'New York', 'NEW YORK', 'Paris', null]), output: one(['New York', 'New York', 'New York', 'Paris', null]), touched: ['c1'], cells: 2,
    bad: { step: { type: 'category_aliases', columns: { names: ['city'] }, params: { map: [{ from: ['a'], to: 'A' }, { from: ['a'], to: 'B' }] } }, where: /params › map › \[2\] › from › \[1\]/ } },
  { name: 'coerce_date, day-first settled by the data', step: { type: 'coerce_date', columns: { names: ['d'] } }, header: ['d'], input: one(['31/01/2020', '02/03/2021', '2020-05-06', '7 Mar 2022', 'soon']), output: one(['2020-01-31', '2021-03-02', '2020-05-06', '2022-03-07', 'soon']), touched: ['c1'], cells: 3, failures: 1,
    bad: { step: { type: 'coerce_date', columns: { names: ['d'] }, params: { ambiguous: 'guess' } }, where: /params › ambiguous/ } },
  { name: 'coerce_date, order not settled: left and reported', step: { type: 'coerce_date', columns: { names: ['d'] } }, header: ['d'], input: one(['01/02/2020', '2020-01-05']), output: one(['01/02/2020', '2020-01-05']), touched: ['c1'], cells: 0, failures: 1,
    bad: { step: { type: 'coerce_date', columns: { names: ['d'] }, params: { formats: ['x'] } }, where: /params › formats/ } },
  { name: 'coerce_number, separators settled by the data', step: { type: 'coerce_number', columns: { names: ['n'] } }, header: ['n'], input: one(['1,234.50', '£12', '0.5', '-7', '(3)', 'n/a']), output: one(['1234.50', '12', '0.5', '-7', '-3', 'n/a']), touched: ['c1'], cells: 3, failures: 1,
    bad: { step: { type: 'coerce_number', columns: { names: ['n'] }, params: { decimal: ',', thousands: ',' } }, where: /params › thousands/ } },
  { name: 'coerce_number, 1.234 never guessed', step: { type: 'coerce_number', columns: { names: ['n'] } }, header: ['n'], input: one(['1.234', '5']), output: one(['1.234', '5']), touched: ['c1'], cells: 0, failures: 1,
    bad: { step: { type: 'coerce_number', columns: { names: ['n'] }, params: { percent: 'half' } }, where: /params › percent/ } },
  { name: 'coerce_number, percent as fraction', step: { type: 'coerce_number', columns: { names: ['n'] }, params: { percent: 'fraction', decimal: '.' } }, header: ['n'], input: one(['50%', '12.5 %', '3']), output: one(['0.5', '0.125', '3']), touched: ['c1'], cells: 2,
    bad: { step: { type: 'coerce_number', columns: { names: ['n'] }, params: { decimal: ';' } }, where: /params › decimal/ } },
  { name: 'coerce_boolean', step: { type: 'coerce_boolean', columns: { names: ['b'] } }, header: ['b'], input: one(['Yes', 'n', 'TRUE', 'maybe', '']), output: one(['true', 'false', 'true', 'maybe', null]), touched: ['c1'], cells: 3, failures: 1,
    bad: { step: { type: 'coerce_boolean', columns: { names: ['b'] }, params: { trueValues: 'yes' } }, where: /params › trueValues/ } },
  { name: 'standardize_email', step: { type: 'standardize_email', columns: { names: ['e'] } }, header: ['e'], input: one([' Ann@Example.COM', 'bob@x.org', 'not an email']), output: one(['ann@example.com', 'bob@x.org', 'not an email']), touched: ['c1'], cells: 1, failures: 1,
    bad: { step: { type: 'standardize_email', columns: { detected: ['fax'] } }, where: /columns › detected/ } },
  { name: 'standardize_phone (GB default region)', step: { type: 'standardize_phone', columns: { names: ['p'] }, params: { defaultRegion: 'GB' } }, header: ['p'], input: one(['020 7946 0018', '+44 20 7946 0018', '+1 (202) 555-0143', '12']), output: one(['+442079460018', '+442079460018', '+12025550143', '12']), touched: ['c1'], cells: 3, failures: 1,
    bad: { step: { type: 'standardize_phone', columns: { names: ['p'] }, params: { defaultRegion: 'uk' } }, where: /params › defaultRegion/ } },
  { name: 'missing_tokens with a flag column', step: { type: 'missing_tokens', columns: { names: ['a'] }, params: { tokens: ['N/A', '-', ''], flagColumn: true } }, header: ['a'], input: one(['n/a', 'x', '-', ' ']), output: [[null, 'true'], ['x', 'false'], [null, 'true'], [null, 'true']], outHeaders: ['a', 'a_missing'], touched: ['c1'], cells: 3,
    bad: { step: { type: 'missing_tokens', params: { tokens: [1] } }, where: /params › tokens/ } },
  { name: 'impute median with flag', step: { type: 'impute', columns: { names: ['n'] }, params: { method: 'median', flagColumn: true } }, header: ['n'], input: one(['1', '', '3', null, '10']), output: [['1', 'false'], ['3', 'true'], ['3', 'false'], ['3', 'true'], ['10', 'false']], outHeaders: ['n', 'n_imputed'], touched: ['c1'], cells: 2,
    bad: { step: { type: 'impute', columns: { names: ['n'] }, params: { method: 'constant' } }, where: /params › value/ } },
  { name: 'impute mode on text', step: { type: 'impute', columns: { names: ['s'] }, params: { method: 'mode' } }, header: ['s'], input: one(['b', 'a', 'b', '', 'a', 'b']), output: one(['b', 'a', 'b', 'b', 'a', 'b']), touched: ['c1'], cells: 1,
    bad: { step: { type: 'impute', columns: { names: ['s'] }, params: { method: 'guess' } }, where: /params › method/ } },
  { name: 'outliers clip (IQR)', step: { type: 'outliers', columns: { names: ['n'] }, params: { method: 'iqr', action: 'clip' } }, header: ['n'], input: one(['1', '2', '3', '4', '100', '-50']), output: one(['1', '2', '3', '4', '7.5', '-2.5']), touched: ['c1'], cells: 2,
    bad: { step: { type: 'outliers', columns: { names: ['n'] }, params: { method: 'iqr', action: 'clip', threshold: -1 } }, where: /params › threshold/ } },
  { name: 'outliers flag (z-score)', step: { type: 'outliers', columns: { names: ['n'] }, params: { method: 'zscore', threshold: 1.5, action: 'flag' } }, header: ['n'], input: one(['1', '2', '3', '2', '50']), output: [['1', 'false'], ['2', 'false'], ['3', 'false'], ['2', 'false'], ['50', 'true']], outHeaders: ['n', 'n_outlier'], touched: ['c1'], cells: 0,
    bad: { step: { type: 'outliers', columns: { names: ['n'] }, params: { method: 'zscore', action: 'hide' } }, where: /params › action/ } },
  { name: 'dedupe_exact on key columns', step: { type: 'dedupe_exact', columns: { names: ['k'] } }, header: ['k', 'v'], input: [['a', '1'], ['b', '2'], ['a', '3'], [null, '4'], [null, '5']], output: [['a', '1'], ['b', '2'], [null, '4']], touched: ['c1'], cells: 0, removed: [3, 5],
    bad: { step: { type: 'dedupe_exact', params: { keep: 'last' } }, where: /params/ } },
  { name: 'dedupe_near keeping the most complete record (planted duplicates: test/support/near-people.ts)', step: { type: 'dedupe_near', columns: { names: NEAR_COMPARED } }, header: NEAR_HEADER, input: NEAR_ROWS,
    output: NEAR_ROWS.filter((_, i) => ![12, 61, 63, 64].includes(i + 1)), touched: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'], cells: 0, removed: [12, 61, 63, 64],
    bad: { step: { type: 'dedupe_near', params: { survivorship: 'newest' } }, where: /params › newestColumn/ } },
  { name: 'drop_columns', step: { type: 'drop_columns', columns: { names: ['b'] } }, header: ['a', 'b'], input: [['1', '2']], output: [['1']], outHeaders: ['a'], touched: ['c2'], cells: 0,
    bad: { step: { type: 'drop_columns' }, where: /columns/ } },
  { name: 'rename_column', step: { type: 'rename_column', columns: { names: ['a'] }, params: { to: 'Alpha "1"' } }, header: ['a'], input: [['1']], output: [['1']], outHeaders: ['Alpha "1"'], touched: ['c1'], cells: 0,
    bad: { step: { type: 'rename_column', columns: { names: ['a'] }, params: {} }, where: /params › to/ } },
  { name: 'drop_rows by a filter', step: { type: 'drop_rows', where: { any: [{ column: 'age', op: 'lt', value: 18 }, { column: 'name', op: 'is_missing' }] } }, header: ['name', 'age'], input: [['a', '17'], ['b', '30'], [null, '40'], ['d', 'x']], output: [['b', '30'], ['d', 'x']], touched: ['c1', 'c2'], cells: 0, removed: [1, 3],
    bad: { step: { type: 'drop_rows' }, where: /where/ } },
  { name: 'deidentify whole cells of an e-mail column', step: { type: 'deidentify', params: { operators: { EMAIL: { op: 'token', entity: 'EMAIL' } } } }, header: ['contact', 'city'], input: [['ann@example.com', 'Leeds'], ['bob@x.org', 'Bath'], [null, 'York']], output: [['<EMAIL>', 'Leeds'], ['<EMAIL>', 'Bath'], [null, 'York']], touched: ['c1'], cells: 2,
    bad: { step: { type: 'deidentify', params: { operators: {} } }, where: /params › operators/ } },
  { name: 'deidentify spans in free text', step: { type: 'deidentify', params: { scope: 'spans', operators: { PHONE: { op: 'token', entity: 'PHONE' }, default: { op: 'redact' } } } }, header: ['notes'], input: one(['call me at +44 20 7946 0958', 'nothing here', 'mail ann@example.com now']), output: one(['call me at <PHONE>', 'nothing here', 'mail  now']), touched: ['c1'], cells: 2,
    bad: { step: { type: 'deidentify', params: { scope: 'words', operators: { EMAIL: { op: 'redact' } } } }, where: /params › scope/ } },
  { name: 'generalise ZIP codes to three digits (restricted areas → 000)', step: { type: 'generalise', columns: { names: ['zip'] }, params: { kind: 'zip3' } }, header: ['zip'], input: one(['02139', '89012-1234', '2139', null]), output: one(['021', '000', '', null]), touched: ['c1'], cells: 3, failures: 1,
    bad: { step: { type: 'generalise', columns: { names: ['zip'] }, params: { kind: 'zip3', width: 5 } }, where: /params › width/ } },
  { name: 'generalise dates to the year', step: { type: 'generalise', columns: { names: ['dob'] }, params: { kind: 'date_year' } }, header: ['dob'], input: one(['1984-03-07', '07/03/1984', '7 March 1990', 'soon']), output: one(['1984', '1984', '1990', '']), touched: ['c1'], cells: 4, failures: 1,
    bad: { step: { type: 'generalise', params: { kind: 'date_year' } }, where: /columns/ } },
];

describe('every step type keeps the step contract', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(async () => {
    await t.close();
  });

  it('has cases for every step type', () => {
    const covered = new Set(CASES.map((c) => c.step.type));
    expect(STEP_TYPES.filter((s: StepType) => !covered.has(s))).toEqual([]);
  });

  it.each(CASES)('$name: JSON round-trip', ({ step }) => {
    const parsed = stepSchema.parse({ id: 's1', ...step });
    expect(stepSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  it.each(CASES)('$name: refuses bad input, naming the step and field', ({ bad }) => {
    const r = validatePolicy(policyDoc([{ id: 'bad-step', ...bad.step } as StepInput]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.where).toMatch(/^step 1 \(id "bad-step"/);
    expect(r.issues.map((i) => i.where).join('\n')).toMatch(bad.where);
  });

  it.each(CASES)('$name: result, columns touched and ledger', async (c) => {
    const file = writeCsv(c.header, c.input);
    const out = await cleanFile(t, file, { policy: policyDoc([{ id: 's1', ...c.step } as StepInput]) });
    const report = out.run.steps[0];
    expect(out.headers).toEqual(c.outHeaders ?? c.header);
    expect(out.rows).toEqual(c.output);
    expect(report?.columnIds).toEqual(c.touched);
    expect(report?.cellsChanged).toBe(c.cells);
    expect(report?.failures ?? 0).toBe(c.failures ?? 0);
    expect(out.removed).toEqual(c.removed ?? []);
    expect(out.ledger).toHaveLength(c.cells);
    // Replaying the ledger's before → after over the input gives the output.
    // (An empty CSV field imports as a missing value.)
    const replay = c.input.map((r) => r.map((v) => (v === '' ? null : v)));
    for (const e of out.ledger) {
      const col = Number((e.columnId as string).slice(1)) - 1;
      const row = replay[e.rowId - 1] as Cell[];
      expect(e.stepId).toBe('s1');
      expect(e.confidence).toBe(1);
      if (isPiiStep(c.step.type)) {
        // The ledger keeps no personal data: the keyed digest of the value stands in for it.
        expect(e.before).toBeNull();
        expect(e.beforeDigest).toBe(keyedDigest(row[col] as string, t.engine.workspace.secretKey()));
        expect(e.beforePreview).not.toBe(row[col]);
      } else expect(row[col] ?? null).toBe(e.before);
      row[col] = e.after;
    }
    const kept = replay.filter((_, i) => !(c.removed ?? []).includes(i + 1));
    const width = c.header.length;
    expect(kept.map((r) => r.slice(0, width).map((v) => v ?? null))).toEqual(
      c.output.map((r) => r.slice(0, width)).map((r, i) => (c.step.type === 'drop_columns' ? [...r, ...(kept[i] ?? []).slice(r.length)] : r)),
    );
  });
});
