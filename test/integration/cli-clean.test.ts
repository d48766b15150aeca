// `sanitizer clean` through the real binary: a policy file or presets, the cleaned output and the
// provenance file, --preview writing nothing, --json counts per step, hostile headers kept, and
// clear refusals (exit 2) for bad flags, bad policies and existing outputs.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyDoc } from '../support/clean';
import { tempDir, writeFixture } from '../support/engine';
import { leaked, people, PEOPLE_HEADER } from '../support/pii-people';
import { runCli, type CliEnv } from './cli-support';

const MESSY = 'name,"""; DROP TABLE x; --",city\n  Ann ,x,nyc\nBob,y,N/A\nBob,y,N/A\n';

let env: CliEnv;
beforeAll(() => {
  const root = tempDir('ds-cli-clean-');
  env = { home: path.join(root, 'home'), tmp: path.join(root, 'tmp'), cwd: path.join(root, 'work') };
  for (const d of [env.home, env.tmp, env.cwd]) fs.mkdirSync(d, { recursive: true });
  writeFixture(env.cwd, 'messy.csv', MESSY);
  fs.writeFileSync(path.join(env.cwd, 'recipe.json'), JSON.stringify(policyDoc([
    { id: 'trim', type: 'trim' },
    { id: 'city', type: 'category_aliases', columns: { names: ['city'] }, params: { map: [{ from: ['nyc'], to: 'New York' }] } },
  ])));
});
afterAll(() => fs.rmSync(path.dirname(env.home), { recursive: true, force: true }));

const file = (name: string) => path.join(env.cwd, name);

describe('sanitizer clean', () => {
  it('runs presets on a file: output and provenance written, headers kept, the temp workspace gone', async () => {
    const r = await runCli(['clean', 'messy.csv', '--preset', 'standard', '--out', 'clean.csv', '--provenance', 'prov.csv'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Cleaned messy\.csv with preset standard \(UNAPPROVED\): 3 rows in, 2 out/);
    expect(r.stdout).toMatch(/standard\.exact-duplicates +Remove exact duplicate rows +0 +1 +0/);
    expect(fs.readFileSync(file('clean.csv'), 'utf8')).toBe('name,"""; DROP TABLE x; --",city\nAnn,x,nyc\nBob,y,\n');
    const prov = fs.readFileSync(file('prov.csv'), 'utf8').split('\n');
    expect(prov[0]).toBe('row_id,kind,column,before,after,step_id,step,confidence,before_digest,before_preview');
    expect(prov).toContain('1,cell,name,  Ann ,Ann,standard.trim,trim,1.0,,');
    expect(prov).toContain('3,row,,,2,standard.exact-duplicates,dedupe_exact,1.0,,');
    expect(fs.readdirSync(env.tmp).filter((n) => n.startsWith('sanitizer-ws-'))).toEqual([]);
  });

  it('--preset standard,hipaa-safe-harbor: no raw identifier in the output or the provenance file', async () => {
    const data = people(12);
    const csv = [PEOPLE_HEADER, ...data.rows].map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(',')).join('\n');
    writeFixture(env.cwd, 'people.csv', `${csv}\n`);
    const r = await runCli(['clean', 'people.csv', '--preset', 'standard,hipaa-safe-harbor', '--out', 'safe.csv', '--provenance', 'safe-prov.csv'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/"email" holds EMAIL/);
    const removed = ['first_name', 'last_name', 'email', 'phone', 'ssn', 'card', 'date_of_birth', 'zip'];
    expect(leaked(fs.readFileSync(file('safe.csv'), 'utf8'), data.raw, removed)).toEqual([]);
    expect(leaked(fs.readFileSync(file('safe-prov.csv'), 'utf8'), data.raw, removed)).toEqual([]);
    expect(leaked(r.stdout, data.raw, removed)).toEqual([]);
    expect(fs.readFileSync(file('safe.csv'), 'utf8').split('\n')[1]).toMatch(/^<PERSON>,<PERSON>,<EMAIL>,<PHONE>,<US_SSN>,1940,/);
  });

  it('runs a policy file into a workspace and prints counts per step as JSON', async () => {
    const ws = path.join(env.cwd, 'ws');
    const r = await runCli(['clean', 'messy.csv', '--policy-file', 'recipe.json', '--workspace', ws, '--out', 'recipe-out.parquet', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { outputVersion: number; stamp: string; workspace: string; steps: { stepId: string; cellsChanged: number }[]; output: { format: string } };
    expect(j).toMatchObject({ outputVersion: 2, stamp: 'UNAPPROVED', workspace: ws, output: { format: 'parquet' } });
    expect(j.steps.map((s) => [s.stepId, s.cellsChanged])).toEqual([['trim', 1], ['city', 1]]);
    const log = await runCli(['log', '--workspace', ws, '--json'], env);
    expect(log.stdout).toMatch(/clean\.run/);
  });

  it('--preview prints the counts and writes nothing', async () => {
    const r = await runCli(['clean', 'messy.csv', '--policy-file', 'recipe.json', '--preview'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Preview of test policy on messy\.csv: all 3 rows; nothing was written\./);
    expect(r.stdout).toMatch(/city +Category aliases +1 +0 +0/);
  });

  it.each([
    [['--preset', 'standard'], /Say where the cleaned data goes with --out/],
    [['--out', 'x.csv'], /Say which policy to run/],
    [['--preset', 'standard', '--policy-file', 'recipe.json', '--out', 'y.csv'], /either --policy-file or --preset, not both/],
    [['--preset', 'nope', '--out', 'z.csv'], /There is no preset "nope"; the presets are standard/],
    [['--preset', 'standard', '--preview', '--out', 'w.csv'], /--preview writes nothing/],
    [['--preset', 'standard', '--out', 'clean.csv'], /clean\.csv already exists; nothing was written/],
    [['--preset', 'standard', '--out', 'same.csv', '--provenance', 'same.csv'], /name the same file/],
    [['--policy-file', 'missing.json', '--out', 'v.csv'], /missing\.json: ENOENT/],
  ])('refuses %j with exit 2 and says why', async (flags, message) => {
    const r = await runCli(['clean', 'messy.csv', ...flags], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('refuses an invalid policy file, naming the step and field', async () => {
    fs.writeFileSync(file('bad.json'), JSON.stringify(policyDoc([{ id: 'up', type: 'change_case', columns: { names: ['name'] }, params: { mode: 'loud' } } as never])));
    const r = await runCli(['clean', 'messy.csv', '--policy-file', 'bad.json', '--out', 'bad.csv'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/step 1 \(id "up", change_case\) › params › mode/);
    expect(fs.existsSync(file('bad.csv'))).toBe(false);
  });
});
