// The cleaning API around the pipeline: saved policies and their versions, recipe files, the
// column check, previews (sample and full, writing nothing), cancellation, the diff queries,
// the changed-rows view, and the provenance file's exact columns.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewResult, RunResult } from '../../src/shared/api/clean-types';
import { jobResult, policyDoc, writeCsv } from '../support/clean';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';

let t: TestEngine;
let datasetId: string;
let run: RunResult;
const HEADER = ['name', 'city', 'score'];
const ROWS: (string | null)[][] = [
  [' Ann ', 'nyc', '1'],
  ['Bob', 'Paris', 'N/A'],
  ['Cy', 'new york', '3'],
  ['Dee', 'Oslo', '4'],
  ['Bob', 'Paris', 'N/A'],
];
const POLICY = policyDoc([
  { id: 'trim', type: 'trim' },
  { id: 'aliases', type: 'category_aliases', columns: { names: ['city'] }, params: { map: [{ from: ['nyc', 'new york'], to: 'New York' }], caseSensitive: false } },
  { id: 'missing', type: 'missing_tokens', columns: { names: ['score'] } },
  { id: 'dupes', type: 'dedupe_exact' },
]);

beforeAll(async () => {
  t = await startTestEngine();
  datasetId = (await t.importFile(writeCsv(HEADER, ROWS))).datasetId;
  run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { policy: POLICY } }));
});
afterAll(async () => {
  await t.close();
});

describe('policies', () => {
  it('saves revisions of a DRAFT version: the author stays, every edit is recorded, the digest changes', async () => {
    const first = await t.call('policy.save', { policy: POLICY, summary: 'first cut' });
    expect(first.policyId).toMatch(/^p\d+$/);
    expect(first.policy).toMatchObject({ version: 1, author: t.engine.actor });
    const edited = { ...(first.policy as object), name: 'renamed' };
    const second = await t.call('policy.save', { policyId: first.policyId, policy: edited, summary: 'renamed it' });
    // A DRAFT takes revisions: the version stays until it is approved (docs/GOVERNANCE.md).
    expect(second.policy.version).toBe(1);
    expect(second.policy.edits.map((e) => e.summary)).toEqual(['first cut', 'renamed it']);
    expect(second.sha256).not.toBe(first.sha256);
    expect((await t.call('policy.get', { policyId: first.policyId, version: 1 })).policy.name).toBe('renamed');
    expect((await t.call('policy.versions', { policyId: first.policyId }))[0]).toMatchObject({ version: 1, revisions: 2, sha256: second.sha256 });
    expect((await t.call('policy.list', {})).find((p) => p.policyId === first.policyId)).toMatchObject({ latestVersion: 1, state: 'DRAFT', name: 'renamed', stepCount: 4 });
  });

  it.each([
    ['an unknown policy', { policyId: 'p999', policy: POLICY }, 'NOT_FOUND', /no policy p999/],
    ['an invalid step', { policy: policyDoc([{ id: 'x', type: 'change_case', params: { mode: 'loud' } } as never]) }, 'POLICY_INVALID', /step 1 \(id "x", change_case\) › params › mode/],
  ])('refuses to save %s', async (_n, args, code, message) => {
    const e = await t.fail('policy.save', args as never);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('writes and reads recipe files; a broken one names its line', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'recipe.json');
    await t.call('policy.writeFile', { path: file, policy: POLICY });
    expect((await t.fail('policy.writeFile', { path: file, policy: POLICY })).code).toBe('ALREADY_EXISTS');
    expect((await t.call('policy.readFile', { path: file })).policy).toMatchObject({ name: 'test policy', steps: [{ id: 'trim' }, { id: 'aliases' }, { id: 'missing' }, { id: 'dupes' }] });
    fs.writeFileSync(file, '{\n  "format": "data-sanitizer/policy",\n  "steps": [,]\n}\n');
    const e = await t.fail('policy.readFile', { path: file });
    expect(e).toMatchObject({ code: 'POLICY_INVALID', details: { line: 3, column: 13 } });
    expect(e.message).toMatch(/recipe\.json: line 3, column 13/);
  });

  it('names the columns a recipe needs that the data lacks (rename steps make new ones)', async () => {
    const recipe = policyDoc([
      { id: 'r', type: 'rename_column', columns: { names: ['city'] }, params: { to: 'town' } },
      { id: 'a', type: 'change_case', columns: { names: ['town', 'surname'] }, params: { mode: 'upper' } },
      { id: 'd', type: 'drop_rows', where: { column: 'age', op: 'lt', value: 18 } },
    ]);
    expect(await t.call('policy.checkColumns', { datasetId, version: 1, policy: recipe })).toEqual({
      missing: [{ name: 'surname', stepIds: ['a'] }, { name: 'age', stepIds: ['d'] }],
    });
  });

  it('refuses a run whose columns the data lacks, naming the step and header', async () => {
    const job = await t.runJob('clean.run', { datasetId, version: 1, source: { policy: policyDoc([{ id: 'up', type: 'change_case', columns: { names: ['surname'] }, params: { mode: 'upper' } }]) } });
    expect(job.error).toMatchObject({ code: 'POLICY_COLUMN_MISSING' });
    expect(job.error?.message).toMatch(/Step 1 \("up", Change case\): the data has no column "surname"/);
  });
});

describe('runs and previews', () => {
  it('the run wrote version 2 with counts per step', () => {
    expect(run).toMatchObject({ outputVersion: 2, stamp: 'UNAPPROVED', rowsIn: 5, rowsOut: 4, rowsRemoved: 1 });
    expect(run.steps.map((s) => [s.stepId, s.cellsChanged, s.rowsRemoved])).toEqual([['trim', 1], ['aliases', 2], ['missing', 2], ['dupes', 0]].map(([a, b]) => [a, b, a === 'dupes' ? 1 : 0]));
  });

  it('a preview writes no version and no ledger, and shows the first changes', async () => {
    const before = (await t.call('dataset.get', { datasetId })).dataset.versions.length;
    const ledgerBefore = await t.engine.workspace.db.one('SELECT count(*) AS n FROM _ds_change');
    const p = await jobResult<PreviewResult>(await t.runJob('clean.preview', { datasetId, version: 1, source: { policy: POLICY } }));
    expect(p).toMatchObject({ kind: 'preview', outputVersion: null, sampled: false, cellsChanged: run.cellsChanged, rowsRemoved: 1 });
    expect(p.changes[0]).toMatchObject({ rowId: 1, columnId: 'c1', before: ' Ann ', after: 'Ann', stepId: 'trim' });
    expect((await t.call('dataset.get', { datasetId })).dataset.versions.length).toBe(before);
    expect(await t.engine.workspace.db.one('SELECT count(*) AS n FROM _ds_change')).toEqual(ledgerBefore);
  });

  it('previews a deterministic sample of a big table, or every row on request', async () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => [` v${i} `]);
    const big = (await t.importFile(writeCsv(['v'], rows))).datasetId;
    const src = { policy: policyDoc([{ id: 'trim', type: 'trim' }]) };
    const a = await jobResult<PreviewResult>(await t.runJob('clean.preview', { datasetId: big, version: 1, source: src }));
    const b = await jobResult<PreviewResult>(await t.runJob('clean.preview', { datasetId: big, version: 1, source: src }));
    expect(a.sampled).toBe(true);
    expect(a.rowsIn).toBeLessThanOrEqual(10_000);
    expect(a.changes.map((c) => c.rowId)).toEqual(b.changes.map((c) => c.rowId));
    expect(new Set(a.changes.map((c) => c.rowId)).size).toBe(a.changes.length);
    const full = await jobResult<PreviewResult>(await t.runJob('clean.preview', { datasetId: big, version: 1, source: src, full: true }));
    expect(full).toMatchObject({ sampled: false, rowsIn: 25_000, cellsChanged: 25_000 });
  });

  it('a cancelled run leaves no version, no ledger and no scratch table', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [` v${i} `, `x  ${i}`]);
    const big = (await t.importFile(writeCsv(['a', 'b'], rows))).datasetId;
    await t.settle();
    const tablesBefore = await t.engine.workspace.db.all(`SELECT table_name FROM duckdb_tables() ORDER BY ALL`);
    const { jobId } = await t.call('clean.run', { datasetId: big, version: 1, source: { presets: ['standard'] } });
    await new Promise((r) => setTimeout(r, 300));
    await t.call('job.cancel', { jobId });
    const end = await t.engine.jobs.wait(jobId);
    expect(end.state).toBe('cancelled');
    expect((await t.call('dataset.get', { datasetId: big })).dataset.versions).toHaveLength(1);
    expect(await t.engine.workspace.db.one(`SELECT count(*) AS n FROM _ds_change WHERE dataset_id = $d`, { d: big })).toEqual({ n: 0n });
    expect(await t.engine.workspace.db.all(`SELECT table_name FROM duckdb_tables() ORDER BY ALL`)).toEqual(tablesBefore);
  });
});

describe('the diff queries', () => {
  it('summarises the run per column', async () => {
    const s = await t.call('diff.summary', { datasetId, version: 2 });
    expect(s.run?.runId).toBe(run.runId);
    expect(s.columns).toEqual([{ columnId: 'c1', cellsChanged: 1 }, { columnId: 'c2', cellsChanged: 2 }, { columnId: 'c3', cellsChanged: 1 }]);
    // Row 5 (a duplicate) had a cell changed before it was removed: it counts as removed only.
    expect(s).toMatchObject({ cellsChanged: 4, rowsChanged: 3, rowsRemoved: 1 });
    expect((await t.call('diff.summary', { datasetId, version: 1 })).run).toBeNull();
  });

  it.each([
    [{}, 5],
    [{ stepId: 'aliases' }, 2],
    [{ columnId: 'c3' }, 2],
    [{ stepId: 'aliases', columnId: 'c3' }, 0],
  ])('gives the entries of given rows, filtered by %j', async (filter, count) => {
    const cells = await t.call('diff.cells', { datasetId, version: 2, rowIds: [1, 2, 3, 4, 5], ...filter });
    expect(cells).toHaveLength(count);
  });

  it('finds the next and previous changed rows, and opens a changed-rows view', async () => {
    // Version 2 holds rows 1–4 (row 5 was a duplicate); row 4 (Dee) is unchanged.
    expect(await t.call('diff.next', { datasetId, version: 2, from: -1 })).toEqual({ offset: 0 });
    expect(await t.call('diff.next', { datasetId, version: 2, from: 2 })).toEqual({ offset: null });
    expect(await t.call('diff.next', { datasetId, version: 2, from: 3, direction: 'previous' })).toEqual({ offset: 2 });
    expect(await t.call('diff.next', { datasetId, version: 2, from: 0, stepId: 'aliases' })).toEqual({ offset: 2 });
    const view = await jobResult<{ viewId: string; total: number }>(await t.runJob('grid.openView', { datasetId, version: 2, spec: { changes: { stepId: 'aliases' } } }));
    expect(view.total).toBe(2);
    const w = await t.call('grid.window', { datasetId, version: 2, viewId: view.viewId, offset: 0, limit: 10 });
    expect(w.rowIds).toEqual([1, 3]);
    expect(await t.call('diff.next', { datasetId, version: 2, viewId: view.viewId, from: 0 })).toEqual({ offset: 1 });
  });

  it('writes provenance with exactly the documented columns; refuses other formats', async () => {
    const file = path.join(tempDir(), 'prov.csv');
    await jobResult(await t.runJob('provenance.export', { datasetId, version: 2, path: file }));
    expect(fs.readFileSync(file, 'utf8').split('\n')).toEqual([
      'row_id,kind,column,before,after,step_id,step,confidence,before_digest,before_preview',
      '1,cell,name, Ann ,Ann,trim,trim,1.0,,',
      '1,cell,city,nyc,New York,aliases,category_aliases,1.0,,',
      '2,cell,score,N/A,,missing,missing_tokens,1.0,,',
      '3,cell,city,new york,New York,aliases,category_aliases,1.0,,',
      '5,cell,score,N/A,,missing,missing_tokens,1.0,,',
      // A removed duplicate's after is the row id of the row it repeats.
      '5,row,,,2,dupes,dedupe_exact,1.0,,',
      '',
    ]);
    expect((await t.fail('provenance.export', { datasetId, version: 2, path: path.join(tempDir(), 'p.jsonl') })).message).toMatch(/CSV or Parquet/);
    const e = await t.runJob('provenance.export', { datasetId, version: 1, path: path.join(tempDir(), 'p.csv') });
    expect(e.error?.message).toMatch(/imported, not written by a cleaning run/);
  });
});
