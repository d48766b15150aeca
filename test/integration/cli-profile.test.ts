// `sanitizer profile` through the real binary: a file through a temporary workspace (--json), a
// dataset in a workspace (the readable table), versions, bad input and exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetProfile } from '../../src/shared/api/profile-types';
import { importedWorkspace, runCli, tempWorkspaces, type CliEnv } from './cli-support';

const CSV = 'id,amount,joined,"say ""hi"""\n1,1,2024-01-01,Ann\n2,2.5,2024-01-02,ann\n3,abc,03/04/2024, Bob\n4,100,2024-01-05,Bob\n5,-3,2024-01-09,Zoë\n';

let env: CliEnv;
let ws: string;
let datasetId: string;
let remove: () => void;
beforeAll(async () => {
  ({ env, ws, datasetId, remove } = await importedWorkspace('ds-cli-profile-', CSV));
});
afterAll(() => remove());

describe('sanitizer profile', () => {
  it('profiles a file through a temporary workspace and prints the DatasetProfile as JSON', async () => {
    const r = await runCli(['profile', 'people.csv', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const p = JSON.parse(r.stdout) as DatasetProfile;
    expect(p).toMatchObject({ version: 1, rowCount: 5, sample: { complete: true, every: 1, rows: 5 }, basis: { distinct: 'all-rows' } });
    expect(Object.values(p.columns).map((c) => [c.columnId, c.header, c.inferredType])).toEqual([
      ['c1', 'id', 'integer'],
      ['c2', 'amount', 'decimal'],
      ['c3', 'joined', 'date'],
      ['c4', 'say "hi"', 'text'],
    ]);
    expect(p.columns.c2).toMatchObject({ failing: 1, failingExamples: [{ value: 'abc', count: 1 }], numeric: { min: -3, max: 100, median: 1.75 } });
    expect(p.columns.c4).toMatchObject({ whitespace: { edges: 1 }, caseVariants: { groups: 1 }, nearGroups: { groups: 2 } });
    expect(tempWorkspaces(env.tmp)).toEqual([]);
  });

  it('prints a readable table per column for a dataset in a workspace, and logs the profile', async () => {
    const r = await runCli(['profile', datasetId, '--workspace', ws], env);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Profile of ${datasetId} \\(version 1\\): 5 rows × 4 columns in [0-9.]+ s$`));
    expect(lines[1]).toBe('Every figure covers every row (the table is small enough to profile whole).');
    expect(r.stdout).toMatch(/^#\s+column\s+type\s+nulls\s+empty\s+distinct\s+failing type\s+min\s+median\s+max\s+top pattern\s+flags$/m);
    expect(r.stdout).toMatch(/^2\s+amount\s+decimal \(as text\)\s+0\s+0\s+5\s+1 \(20 %\)\s+-3\s+1\.75\s+100\s+.*failing outliers$/m);
    expect(r.stdout).toMatch(/^3\s+joined\s+date \(as text\)\s+0\s+0\s+5\s+1 \(20 %\)\s+2024-01-01\s+2024-01-02\s+2024-01-09\s+9999-99-99 80 %\s+failing$/m);
    expect(r.stdout).toMatch(/^4\s+"say \\"hi\\""\s+text\s+.*whitespace case near$/m);
    expect(r.stdout).toContain('  near: near-identical values');
    const log = await runCli(['log', '--workspace', ws, '--json', '--limit', '3'], env);
    expect((JSON.parse(log.stdout) as { entries: { action: string }[] }).entries.map((e) => e.action)).toContain('dataset.profiled');
  });

  it.each([
    ['a version that does not exist', (id: string) => [id, '--version', '2'], /^sanitizer: Dataset d\d+ has no version 2\.\n$/],
    ['a dataset that does not exist', () => ['d999'], /^sanitizer: There is no dataset d999 in this workspace\.\n$/],
    ['a missing file', () => ['missing.csv'], /^sanitizer: .*missing\.csv: no such file/],
    ['a bad --version', (id: string) => [id, '--version', 'two'], /--version must be a whole number/],
  ])('exits 2 for %s, saying why on stderr', async (_name, args, message) => {
    const r = await runCli(['profile', ...args(datasetId), '--workspace', ws], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('prints an error as one JSON object under --json', async () => {
    const r = await runCli(['profile', datasetId, '--workspace', ws, '--version', '9', '--json'], env);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' }, exitCode: 2 });
  });
});
