// `sanitizer pii` through the real binary: a file through a temporary workspace (the findings
// file with its exact columns and no raw values, the summary table), a dataset in a workspace
// (--column, --json, the event log; a later --column scan keeping the other columns), and refusals
// before any work.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PiiScanSummary } from '../../src/shared/api/pii-types';
import { importedWorkspace, runCli, tempWorkspaces, type CliEnv } from './cli-support';

const CSV = [
  'name,"e-mail ""work""",phone,note',
  'Ann,ann@example.org,+44 20 7946 0958,😀 call me at +44 20 7946 0958',
  'Bob,bob@example.com,+1 212 555 0147,nothing to see',
  'Cy,ann@example.org,+1 212 555 0148,write to cy@example.net or call',
].join('\n');

let env: CliEnv;
let ws: string;
let datasetId: string;
let remove: () => void;
beforeAll(async () => {
  ({ env, ws, datasetId, remove } = await importedWorkspace('ds-cli-pii-', CSV));
});
afterAll(() => remove());

describe('sanitizer pii', () => {
  it('scans a file through a temporary workspace and writes exactly the findings columns, no values', async () => {
    const r = await runCli(['pii', 'people.csv', '--summary', '--findings-out', 'findings.csv'], env);
    expect(r.code, r.stderr).toBe(0);
    const text = fs.readFileSync(path.join(env.cwd, 'findings.csv'), 'utf8');
    expect(text.trim().split(/\r?\n/)).toEqual([
      'row_id,column,entity,start,end,confidence,recogniser,preview,decision',
      // The masked preview (formula-escaped when it starts with +), and no decision yet.
      expect.stringMatching(/^1,name,PERSON,0,3,[0-9.]+,person,A\*\*\*,$/),
      expect.stringMatching(/^1,"e-mail ""work""",EMAIL,0,15,[0-9.]+,email,a\*\*\*@\*\*\*\.org,$/),
      expect.stringMatching(/^1,phone,PHONE,0,16,[0-9.]+,phone,'\+\*\* \*\* \*\*\*\* \*\*58,$/),
      // Code points: the emoji before the number counts as one.
      expect.stringMatching(/^1,note,PHONE,13,29,[0-9.]+,phone,[^,]+,$/),
      expect.stringMatching(/^2,name,PERSON,0,3,/),
      expect.stringMatching(/^2,"e-mail ""work""",EMAIL,0,15,/),
      expect.stringMatching(/^2,phone,PHONE,0,15,/),
      expect.stringMatching(/^3,name,PERSON,0,2,/),
      expect.stringMatching(/^3,"e-mail ""work""",EMAIL,0,15,/),
      expect.stringMatching(/^3,phone,PHONE,0,15,/),
      expect.stringMatching(/^3,note,EMAIL,9,23,/),
    ]);
    for (const raw of ['example', '7946', '555', 'Ann', 'Bob']) expect(text).not.toContain(raw);
    expect(r.stdout).toMatch(/^Scanned people\.csv: 3 rows × 4 columns in [0-9.]+ s; 11 findings \(EMAIL 4, PHONE 4, PERSON 3\)\.$/m);
    expect(r.stdout).toMatch(/^column\s+class\s+share\s+confidence\s+values\s+entities found/m);
    expect(r.stdout).toMatch(/^name\s+PERSON\s+100 %\s+[0-9.]+\s+3\s+PERSON 3 \(100 %/m);
    expect(r.stdout).toMatch(/^"e-mail \\"work\\""\s+EMAIL\s+100 %\s+[0-9.]+\s+3\s+EMAIL 3 \(100 %/m);
    expect(r.stdout).toContain('never that none is present');
    expect(tempWorkspaces(env.tmp)).toEqual([]);
  });

  it('scans named columns of a dataset in a workspace, prints JSON, and logs the scan', async () => {
    const r = await runCli(['pii', datasetId, '--workspace', ws, '--column', 'note', '--json', '--out', 'note.parquet'], env);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as PiiScanSummary & { output: { rows: number; format: string } };
    expect(s.columns.map((c) => c.header)).toEqual(['note']);
    expect(s.columns[0]).toMatchObject({ freeText: true, entity: null });
    expect(s.byEntity).toEqual([{ entity: 'EMAIL', findings: 1 }, { entity: 'PHONE', findings: 1 }]);
    expect(s.output).toMatchObject({ rows: 2, format: 'parquet' });
    const log = await runCli(['log', '--workspace', ws, '--json', '--limit', '5'], env);
    expect((JSON.parse(log.stdout) as { entries: { action: string }[] }).entries.map((e) => e.action)).toEqual(expect.arrayContaining(['pii.scanned', 'pii.exported']));
  });

  it('scans one column again and keeps the other columns of the version: summary, totals and findings file', async () => {
    const all = await runCli(['pii', datasetId, '--workspace', ws, '--json'], env);
    expect(all.code, all.stderr).toBe(0);
    const full = JSON.parse(all.stdout) as PiiScanSummary;
    const r = await runCli(['pii', datasetId, '--workspace', ws, '--column', 'phone', '--json', '--out', 'after-phone.csv'], env);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as PiiScanSummary & { output: { rows: number } };
    expect(s.columns.map((c) => c.header)).toEqual(['name', 'e-mail "work"', 'phone', 'note']);
    expect([s.findings, s.byEntity]).toEqual([full.findings, full.byEntity]);
    expect(s.output).toMatchObject({ rows: full.findings });
    const lines = fs.readFileSync(path.join(env.cwd, 'after-phone.csv'), 'utf8').trim().split(/\r?\n/);
    expect(lines.filter((l) => /,note,/.test(l)).length).toBe(2);
    expect(lines.length).toBe(full.findings + 1);
  });

  it.each([
    ['no output', ['pii', 'people.csv'], /--findings-out FINDINGS\.csv/],
    ['two different outputs', ['pii', 'people.csv', '--out', 'a.csv', '--findings-out', 'b.csv'], /the same flag; give one/],
    ['an output that is not CSV or Parquet', ['pii', 'people.csv', '--out', 'f.xlsx'], /findings are written as \.csv or \.parquet/],
    ['an unknown column', ['pii', 'people.csv', '--column', 'nope', '--summary'], /No column has the header "nope"/],
  ])('refuses %s', async (_n, args, message) => {
    const r = await runCli(args, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('refuses to overwrite a findings file without --force', async () => {
    fs.writeFileSync(path.join(env.cwd, 'taken.csv'), 'keep me');
    const r = await runCli(['pii', 'people.csv', '--out', 'taken.csv'], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/already exists; nothing was written/);
    expect(fs.readFileSync(path.join(env.cwd, 'taken.csv'), 'utf8')).toBe('keep me');
  });
});
