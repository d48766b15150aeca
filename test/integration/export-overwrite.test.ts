// Nothing is overwritten without confirmation: every method that writes an export file (the data
// in each format and with CSV options, provenance and findings in CSV and Parquet, a policy recipe)
// refuses an existing file without force — naming it, leaving its bytes and no scratch file
// behind — and replaces it, atomically, with force.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../src/shared/api/contract';
import type { RunResult } from '../../src/shared/api/clean-types';
import { jobResult, policyDoc } from '../support/clean';
import { startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';

let t: TestEngine;
let dir: string;
let datasetId: string;
let cleaned = 0;
beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-export-overwrite-');
  const src = writeFixture(dir, 'people.csv', 'name,email\n  Ann ,ann@example.org\nBob,bob@example.com\n');
  datasetId = (await t.importFile(src, { delimiter: ',' })).datasetId;
  await t.settle();
  cleaned = (await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { presets: ['standard'] } }))).outputVersion ?? 0;
  expect(cleaned).toBe(2);
  await jobResult(await t.runJob('pii.start', { datasetId, version: 1 }));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Case = [string, string, (file: string, force: boolean) => { method: MethodName; args: unknown; job: boolean }];
const exportCase = (name: string, file: string, extra: Partial<MethodInput<'export.start'>> = {}): Case => [
  name, file, (p, force) => ({ method: 'export.start', args: { datasetId, path: p, force, ...extra }, job: true }),
];
const CASES: Case[] = [
  exportCase('export CSV', 'data.csv'),
  exportCase('export CSV, UTF-16LE, semicolons, quote all', 'data-16.csv', { csv: { encoding: 'utf-16le', delimiter: ';', quote: 'all' } }),
  exportCase('export Parquet', 'data.parquet'),
  exportCase('export JSONL', 'data.jsonl'),
  exportCase('export JSON', 'data.json'),
  exportCase('export XLSX', 'data.xlsx'),
  ['provenance CSV', 'prov.csv', (p, force) => ({ method: 'provenance.export', args: { datasetId, version: cleaned, path: p, force }, job: true })],
  ['provenance Parquet', 'prov.parquet', (p, force) => ({ method: 'provenance.export', args: { datasetId, version: cleaned, path: p, force }, job: true })],
  ['findings CSV', 'findings.csv', (p, force) => ({ method: 'pii.exportFindings', args: { datasetId, version: 1, path: p, force }, job: true })],
  ['findings Parquet', 'findings.parquet', (p, force) => ({ method: 'pii.exportFindings', args: { datasetId, version: 1, path: p, force }, job: true })],
  ['policy recipe', 'recipe.json', (p, force) => ({ method: 'policy.writeFile', args: { path: p, policy: policyDoc([{ id: 'trim', type: 'trim' }]), force }, job: false })],
];

/** Runs the method (and its job); returns the error, or null on success. */
async function attempt(c: Case, file: string, force: boolean): Promise<{ code: string; message: string } | null> {
  const { method, args, job } = c[2](file, force);
  const r = await t.api.send(method, args as never);
  if (!r.ok) return r.error;
  if (!job) return null;
  const end = await t.engine.jobs.wait((r.value as { jobId: string }).jobId);
  return end.state === 'succeeded' ? null : (end.error ?? { code: end.state, message: end.state });
}

describe('an existing file is replaced only with force', () => {
  it.each(CASES)('%s', async (...c) => {
    const file = path.join(dir, c[1]);
    fs.writeFileSync(file, 'keep me');
    const refused = await attempt(c, file, false);
    expect(refused?.code).toBe('ALREADY_EXISTS');
    expect(refused?.message).toContain(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(`.${c[1]}`))).toEqual([]);

    expect(await attempt(c, file, true)).toBeNull();
    expect(fs.readFileSync(file).length).toBeGreaterThan(0);
    expect(fs.readFileSync(file, 'utf8')).not.toBe('keep me');
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(`.${c[1]}`))).toEqual([]);
  });
});
