// `sanitizer report` and `sanitizer clean --report` through the real binary: the report written
// with the run, again from the run id (which `clean` prints and `log` lists), no clobbering
// without --force, and clear refusals (exit 2) for an unknown run, a bad id or extension.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/shared/api/report-types';
import { policyDoc } from '../support/clean';
import { tempDir, writeFixture } from '../support/engine';
import { runCli, type CliEnv } from './cli-support';

let env: CliEnv;
beforeAll(() => {
  const root = tempDir('ds-cli-report-');
  env = { home: path.join(root, 'home'), tmp: path.join(root, 'tmp'), cwd: path.join(root, 'work') };
  for (const d of [env.home, env.tmp, env.cwd]) fs.mkdirSync(d, { recursive: true });
  writeFixture(env.cwd, 'towns.csv', 'name,city\n  Ann ,nyc\nBob,Paris\nCy,nyc\nBob,Paris\n');
  fs.writeFileSync(path.join(env.cwd, 'recipe.json'), JSON.stringify(policyDoc([
    { id: 'trim', type: 'trim' },
    { id: 'city', type: 'category_aliases', columns: { names: ['city'] }, params: { map: [{ from: ['nyc'], to: 'New York' }] } },
    { id: 'dups', type: 'dedupe_exact' },
  ], 'towns')));
});
afterAll(() => fs.rmSync(path.dirname(env.home), { recursive: true, force: true }));

const file = (name: string) => path.join(env.cwd, name);
const read = (name: string) => JSON.parse(fs.readFileSync(file(name), 'utf8')) as ReportModel;

describe('sanitizer clean --report and sanitizer report', () => {
  it('writes the report with the run, prints the run id, and writes it again from the id', async () => {
    const c = await runCli(['clean', 'towns.csv', '--workspace', 'ws', '--policy-file', 'recipe.json', '--out', 'towns.clean.csv', '--report', 'run.json'], env);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).toMatch(/into version 2 \(run r1\): 4 rows in, 3 out/);
    expect(c.stdout).toMatch(/Wrote the JSON report of run r1 to .*run\.json \([\d,]+ bytes, sha256 [0-9a-f]{64}\)/);
    const first = read('run.json');
    expect(first.run).toMatchObject({ runId: 'r1', kind: 'unapproved', cellsChanged: 3, rowsRemoved: 1, rowsOut: 3 });
    expect(first.steps.map((s) => [s.stepId, s.cellsChanged, s.rowsRemoved])).toEqual([['trim', 1, 0], ['city', 2, 0], ['dups', 0, 1]]);
    expect(first.dedupe).toMatchObject({ source: 'run-step', pairsScored: 1, clusters: 1, rowsInClusters: 2, rowsRemoved: 1, clusterSizes: [{ size: 2, clusters: 1 }], modelSha256: null });
    expect(first.rowsDropped).toBe(0);
    expect(first.reproducibility.command).toMatch(/^sanitizer clean \S+towns\.csv --workspace \S+ws --policy-file policy\.json --out towns\.cleaned\.csv$/);

    const log = await runCli(['log', '--workspace', 'ws'], env);
    expect(log.stdout).toMatch(/clean\.run +dataset=d1 run=r1/);

    const again = await runCli(['report', 'r1', '--workspace', 'ws', '--out', 'again.json', '--json'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ runId: 'r1', format: 'json', path: file('again.json'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect({ ...read('again.json'), generatedAt: '' }).toEqual({ ...first, generatedAt: '' });
  });

  it.each([
    { out: 'run.html', format: 'html', head: '<!DOCTYPE html>', has: 'towns.csv' },
    { out: 'run.pdf', format: 'pdf', head: '%PDF-', has: null },
  ])('writes the $format report from the run id ($out)', async ({ out, format, head, has }) => {
    const r = await runCli(['report', 'r1', '--workspace', 'ws', '--out', out, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ runId: 'r1', format, path: file(out) });
    const bytes = fs.readFileSync(file(out));
    expect(bytes.subarray(0, head.length).toString('latin1').toUpperCase()).toBe(head.toUpperCase());
    if (has) expect(bytes.toString('utf8')).toContain(has);
  });

  it('refuses to overwrite without --force, and overwrites with it', async () => {
    const before = fs.readFileSync(file('again.json'));
    const r = await runCli(['report', 'r1', '--workspace', 'ws', '--out', 'again.json'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/again\.json already exists; nothing was written/);
    expect(fs.readFileSync(file('again.json'))).toEqual(before);
    const f = await runCli(['report', 'r1', '--workspace', 'ws', '--out', 'again.json', '--force'], env);
    expect(f.code, f.stderr).toBe(0);
  });

  it.each([
    ['an unknown run', ['report', 'r99', '--workspace', 'ws', '--out', 'x.json'], /There is no run r99 in this workspace \(the latest: r1/],
    ['something that is not a run id', ['report', 'd1', '--workspace', 'ws', '--out', 'x.json'], /"d1" is not a run id; run ids look like r12/],
    ['an extension that is no report format', ['report', 'r1', '--workspace', 'ws', '--out', 'x.txt'], /a report is \.html, \.pdf, \.json/],
    ['a --format the extension contradicts', ['report', 'r1', '--workspace', 'ws', '--out', 'x.json', '--format', 'pdf'], /ends in \.json but the format asked is pdf/],
    ['clean --report with a bad extension, before any work', ['clean', 'towns.csv', '--workspace', 'ws', '--policy-file', 'recipe.json', '--out', 'never.csv', '--report', 'r.txt'], /a report is \.html, \.pdf, \.json/],
    ['clean --report naming the output file', ['clean', 'towns.csv', '--workspace', 'ws', '--policy-file', 'recipe.json', '--out', 'same.json', '--report', 'same.json'], /Two of --out, --provenance and --report name the same file/],
  ])('refuses %s (exit 2)', async (_name, args, message) => {
    const r = await runCli(args, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fs.existsSync(file('x.json')) || fs.existsSync(file('never.csv'))).toBe(false);
  });
});
