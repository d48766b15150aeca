// `sanitizer risk` through the real binary: a file through a temporary workspace (the readable
// table and --json), a dataset against a later version written by `sanitizer clean`, and bad
// input — an unknown --quasi header (named, with every header listed), k below 2 — with exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiskResult } from '../../src/shared/api/pii-types';
import { writeFixture } from '../support/engine';
import { importedWorkspace, runCli, tempWorkspaces, type CliEnv } from './cli-support';

// Hand-computed over (date_of_birth, zip, sex): every record is unique, so k = 1 and all 6 are below k = 2.
const CSV = [
  'name,date_of_birth,zip,sex,zip',
  'a,1980-01-01,02139,F,x',
  'b,1980-02-01,02139,F,x',
  'c,1980-03-01,02140,M,x',
  'd,1981-01-01,02140,M,x',
  'e,1981-02-01,94501,M,x',
  'f,1981-03-01,94502,F,x',
].join('\n') + '\n';

let env: CliEnv;
let ws: string;
let datasetId: string;
let remove: () => void;
beforeAll(async () => {
  ({ env, ws, datasetId, remove } = await importedWorkspace('ds-cli-risk-', CSV));
});
afterAll(() => remove());

describe('sanitizer risk', () => {
  it('measures a file through a temporary workspace and prints the class sizes and suggestions', async () => {
    const r = await runCli(['risk', 'people.csv', '--quasi', 'date_of_birth', 'sex', '--quasi-id', 'c3', '--k', '2'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').slice(0, 8)).toEqual([
      'Re-identification risk of people.csv: quasi-identifiers date_of_birth, sex, zip; target k = 2',
      'Before (version 1): k = 1; 6 classes over 6 rows; 6 records (100 %) in 6 classes smaller than 2; 6 unique',
      '',
      'Class sizes:',
      'size  classes  records',
      '1 <k  6        6',
      '',
      'Generalisations that reach k = 2, least information loss first:',
    ]);
    expect(r.stdout).toMatch(/^ {2}1\. date_of_birth → 5-year band; zip → suppressed {2}\(k = 3, loss 0\.67\)$/m);
    expect(r.stdout).toContain('"not detected", never "not present"');
    expect(tempWorkspaces(env.tmp)).toEqual([]);
  });

  it('prints the RiskResult as JSON', async () => {
    const r = await runCli(['risk', 'people.csv', '--quasi', 'sex', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as RiskResult;
    expect(res).toMatchObject({ targetK: 5, quasi: [{ columnId: 'c4', header: 'sex' }], before: { rows: 6, classes: 2, k: 3, recordsBelowK: 6, classesBelowK: 2 } });
    expect(res.suggestions).toEqual([{ generalisations: [{ columnId: 'c4', header: 'sex', kind: 'suppress', label: 'sex → suppressed' }], k: 6, recordsBelowK: 0, loss: 1 }]);
  });

  it('measures a dataset before and after a policy run, naming the dropped column', async () => {
    const policy = {
      format: 'data-sanitizer/policy', formatVersion: 1, name: 'years', version: 1, author: 't', createdAt: '2026-01-01T00:00:00.000Z',
      steps: [
        { id: 'year', type: 'replace', columns: { names: ['date_of_birth'] }, params: { find: '^([0-9]{4})-.*$', replacement: '\\1', regex: true } },
        { id: 'nozip', type: 'drop_columns', columns: { ids: ['c3'] } },
      ],
    };
    writeFixture(env.cwd, 'years.json', JSON.stringify(policy));
    const clean = await runCli(['clean', datasetId, '--workspace', ws, '--policy-file', 'years.json', '--out', 'out.csv', '--json'], env);
    expect(clean.code, clean.stderr).toBe(0);
    const r = await runCli(['risk', datasetId, '--workspace', ws, '--version', '1', '--after-version', '2', '--quasi', 'date_of_birth', 'sex', '--quasi-id', 'c3', '--k', '2'], env);
    expect(r.code, r.stderr).toBe(0);
    // After: (1980, F) ×2, (1980, M), (1981, M) ×2, (1981, F)
    expect(r.stdout).toContain('After (version 2): k = 1; 4 classes over 6 rows; 2 records (33.3 %) in 2 classes smaller than 2; 2 unique');
    expect(r.stdout).toMatch(/^size\s+classes\s+records\s+classes v2\s+records v2$/m);
    expect(r.stdout).toMatch(/^1 <k\s+6\s+6\s+2\s+2$/m);
    expect(r.stdout).toMatch(/^2\s+0\s+0\s+2\s+4$/m);
    expect(r.stdout).toContain('Note: Column "zip" (c3) was dropped in version 2: the measure of version 2 leaves it out.');
    // Without --version, "before" is the version the after version was made from (v1), not the latest (v2).
    const implied = await runCli(['risk', datasetId, '--workspace', ws, '--after-version', '2', '--quasi', 'date_of_birth', 'sex', '--quasi-id', 'c3', '--k', '2'], env);
    expect(implied.code, implied.stderr).toBe(0);
    expect(implied.stdout).toBe(r.stdout);
  });

  it.each([
    ['an unknown --quasi header, naming it and listing the headers', ['--quasi', 'zipp'], /^sanitizer: --quasi "zipp": no column has that header\. The headers are: "name", "date_of_birth", "zip", "sex", "zip"\.\n$/],
    ['a header in the wrong case', ['--quasi', 'SEX'], /^sanitizer: --quasi "SEX": no column has that header\. Did you mean "sex"\? The headers are: /],
    ['a duplicated header', ['--quasi', 'zip'], /^sanitizer: The header "zip" names 2 columns \(c3, c5\); name one with --quasi-id\.\n$/],
    ['no quasi-identifiers', [], /^sanitizer: Name the quasi-identifiers with --quasi NAME/],
    ['--k 1', ['--quasi', 'sex', '--k', '1'], /argument '1' is invalid\. k must be a whole number from 2 to 1000/],
    ['--k 0', ['--quasi', 'sex', '--k', '0'], /k must be a whole number from 2 to 1000/],
    ['--k two', ['--quasi', 'sex', '--k', 'two'], /k must be a whole number from 2 to 1000/],
    ['an --after-version that is not later', ['--quasi', 'sex', '--after-version', '1'], /^sanitizer: afterVersion must be later than version 1; got 1\.\n$/],
  ])('exits 2 for %s', async (_name, args, message) => {
    const r = await runCli(['risk', datasetId, '--workspace', ws, '--version', '1', ...args], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('prints an error as one JSON object under --json', async () => {
    const r = await runCli(['risk', 'people.csv', '--quasi', 'nope', '--json'], env);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'INVALID_ARGUMENT', details: { header: 'nope' } }, exitCode: 2 });
    expect(tempWorkspaces(env.tmp)).toEqual([]);
  });
});
