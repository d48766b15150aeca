// The near-duplicate step end to end through the clean API on a real workspace: a people table
// with four planted duplicates (typos, a blank, a newer copy: test/support/near-people.ts). Each survivorship keeps the record
// it says, the ledger holds every removed row (its survivor and pair probability) and every merged
// cell, the diff summary counts them, a preview agrees with the run and writes nothing, review
// decisions steer the step (and can be switched off), merged personal data is kept out of the
// ledger by a later de-identification step, and a cancelled run leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewResult, RunResult } from '../../src/shared/api/clean-types';
import type { Survivorship } from '../../src/shared/api/dedupe-types';
import { runClean } from '../../src/main/engine/clean/run';
import type { DecidedPair } from '../../src/main/engine/dedupe/types';
import type { JobContext } from '../../src/main/engine/jobs/jobs';
import type { StepInput } from '../../src/shared/policy/steps';
import { cleanFile, jobResult, policyDoc, writeCsv } from '../support/clean';
import { startTestEngine, type TestEngine } from '../support/engine';
import { NEAR_COMPARED, NEAR_HEADER, NEAR_ROWS, nearPerson } from '../support/near-people';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(async () => {
  await t.close();
});

const HEADER = NEAR_HEADER;
const ROWS = NEAR_ROWS;
const COMPARED = { names: NEAR_COMPARED };

const near = (params: Record<string, unknown> = {}, extra: Partial<StepInput> = {}): StepInput => ({ id: 'near', type: 'dedupe_near', columns: COMPARED, params, ...extra }) as StepInput;

async function removedRows(datasetId: string, version: number): Promise<[number, string | null, number, string][]> {
  const rows = await t.engine.workspace.db.all(
    `SELECT row_id, "after", confidence, step_type FROM _ds_change WHERE dataset_id = $ds AND version = $v AND kind = 'row' ORDER BY row_id`,
    { ds: datasetId, v: version },
  );
  return rows.map((r) => [Number(r.row_id), r.after === null ? null : String(r.after), Number(r.confidence), String(r.step_type)]);
}

const SURVIVORS: { strategy: Survivorship; params?: Record<string, unknown>; removed: [number, number][] }[] = [
  // 5 and 61 are equally complete (the smaller row id stays); 62 has the phone 12 lacks; 64 lacks 45's city.
  { strategy: 'most_complete', removed: [[12, 62], [61, 5], [63, 30], [64, 45]] },
  { strategy: 'first', removed: [[61, 5], [62, 12], [63, 30], [64, 45]] },
  { strategy: 'newest', params: { newestColumn: 'updated' }, removed: [[5, 61], [12, 62], [30, 63], [64, 45]] },
  { strategy: 'merge', removed: [[12, 62], [61, 5], [63, 30], [64, 45]] },
];

describe('dedupe_near through clean.run', () => {
  it.each(SURVIVORS)('$strategy: removes the planted duplicates, each with its survivor and pair probability', async ({ strategy, params, removed }) => {
    const out = await cleanFile(t, writeCsv(HEADER, ROWS), { policy: policyDoc([near({ survivorship: strategy, ...params })]) });
    expect(out.run.rowsIn).toBe(64);
    expect(out.run.rowsOut).toBe(60);
    expect(out.run.steps[0]?.rowsRemoved).toBe(4);
    const ledger = await removedRows(out.datasetId, out.run.outputVersion as number);
    expect(ledger.map(([row, after]) => [row, Number(after)])).toEqual(removed);
    for (const [, , confidence, type] of ledger) {
      expect(type).toBe('dedupe_near');
      expect(confidence).toBeGreaterThanOrEqual(0.9);
      expect(confidence).toBeLessThanOrEqual(1);
    }
    expect(out.rowIds).not.toContain(removed[0]?.[0]);
    const summary = await t.call('diff.summary', { datasetId: out.datasetId, version: out.run.outputVersion as number });
    expect(summary.rowsRemoved).toBe(4);
    const notes = out.run.steps[0]?.notes.join('\n') ?? '';
    expect(notes).toMatch(/4 rows removed/);
    expect(notes).toMatch(/match model sha256:[0-9a-f]{64}/);
    expect(notes).toMatch(/no review decisions used \(sha256:[0-9a-f]{64}\)/);
    if (strategy === 'merge') {
      // Row 5 kept, its blank city filled from 61 — a cell entry with the pair's probability.
      const cells = out.ledger.filter((e) => e.stepId === 'near');
      expect(cells).toHaveLength(1);
      expect(cells[0]).toMatchObject({ rowId: 5, columnId: 'c6', before: null, after: 'Bath', stepType: 'dedupe_near' });
      expect(cells[0]?.confidence).toBe(ledger.find(([row]) => row === 61)?.[2]);
      expect(out.rows[out.rowIds.indexOf(5)]?.[5]).toBe('Bath');
      expect(summary).toMatchObject({ cellsChanged: 1, rowsChanged: 1 });
      expect(notes).toMatch(/1 blank cell of kept records filled/);
    } else expect(out.ledger).toEqual([]);
  });

  it('a preview agrees with the run and writes nothing', async () => {
    const file = writeCsv(HEADER, ROWS);
    const imp = await t.importFile(file);
    const versions = (await t.call('dataset.get', { datasetId: imp.datasetId })).dataset.versions.length;
    const p = await jobResult<PreviewResult>(await t.runJob('clean.preview', { datasetId: imp.datasetId, version: 1, source: { policy: policyDoc([near({ survivorship: 'merge' })]) } }));
    expect(p).toMatchObject({ rowsIn: 64, rowsOut: 60, rowsRemoved: 4, cellsChanged: 1, outputVersion: null });
    const rows = p.changes.filter((c) => c.kind === 'row');
    expect(rows.map((c) => [c.rowId, c.after])).toEqual([[12, '62'], [61, '5'], [63, '30'], [64, '45']]);
    expect(rows.every((c) => c.confidence >= 0.9 && c.confidence <= 1)).toBe(true);
    expect(p.changes.find((c) => c.kind === 'cell')).toMatchObject({ rowId: 5, columnId: 'c6', after: 'Bath' });
    expect((await t.call('dataset.get', { datasetId: imp.datasetId })).dataset.versions).toHaveLength(versions);
  });

  it('review decisions steer the step: a rejected pair stays, an accepted pair goes with confidence 1; off, they are ignored', async () => {
    const imp = await t.importFile(writeCsv(HEADER, ROWS));
    const job: JobContext = { id: 'decisions', signal: new AbortController().signal, progress: () => undefined, throwIfCancelled: () => undefined, onCancel: () => () => undefined };
    const decisions: DecidedPair[] = [
      { rowIdL: 5, rowIdR: 61, decision: 'non_match' },
      { rowIdL: 1, rowIdR: 2, decision: 'match' },
    ];
    const preview = async (useDecisions: boolean) => (await runClean(t.engine.workspace, t.engine.workers, job, {
      datasetId: imp.datasetId, version: 1, kind: 'preview', full: true, dedupeDecisions: decisions, source: { policy: policyDoc([near({ survivorship: 'first', useDecisions })]) },
    }, 'tester')) as PreviewResult;
    const used = await preview(true);
    expect(used.changes.filter((c) => c.kind === 'row').map((c) => [c.rowId, c.after, c.confidence === 1])).toEqual([
      // 63 equals 30 on every compared column: an exact duplicate, probability 1.
      [2, '1', true], [62, '12', false], [63, '30', true], [64, '45', false],
    ]);
    expect(used.steps[0]?.notes.join('\n')).toMatch(/2 review decisions honoured, sha256:[0-9a-f]{64}/);
    const ignored = await preview(false);
    expect(ignored.changes.filter((c) => c.kind === 'row').map((c) => c.rowId)).toEqual([61, 62, 63, 64]);
  });

  it('decisions stored by a reviewer (dedupe.decide) steer a run, unless the step says not to', async () => {
    const imp = await t.importFile(writeCsv(HEADER, ROWS));
    await t.call('dedupe.decide', { datasetId: imp.datasetId, version: 1, rowIdL: 61, rowIdR: 5, decision: 'non_match' });
    const run = async (useDecisions: boolean) => jobResult<RunResult>(await t.runJob('clean.run', { datasetId: imp.datasetId, version: 1, source: { policy: policyDoc([near({ useDecisions })]) } }));
    const used = await run(true);
    expect((await removedRows(imp.datasetId, used.outputVersion as number)).map(([row]) => row)).toEqual([12, 63, 64]);
    expect(used.steps[0]?.notes.join('\n')).toMatch(/1 review decision honoured, sha256:[0-9a-f]{64}/);
    const ignored = await run(false);
    expect((await removedRows(imp.datasetId, ignored.outputVersion as number)).map(([row]) => row)).toEqual([12, 61, 63, 64]);
  });

  it('a merged value of a column de-identified later never sits raw in the ledger', async () => {
    const out = await cleanFile(t, writeCsv(HEADER, ROWS), {
      policy: policyDoc([near({ survivorship: 'merge' }), { id: 'cities', type: 'deidentify', columns: { names: ['city'] }, params: { operators: { default: { op: 'redact' } } } }]),
    });
    const merged = out.ledger.find((e) => e.stepId === 'near');
    expect(merged).toMatchObject({ rowId: 5, columnId: 'c6', before: null });
    expect(merged?.after).not.toBe('Bath');
  });

  // Fewer than two rows to compare used to fail the whole run with "No column is compared" (every
  // role of an empty frame is "not compared"): a recipe whose filter selects nothing must still run.
  it.each([
    { name: 'an empty table (a header only)', rows: [] as typeof ROWS, where: undefined, note: /^the data has 0 rows: nothing to compare, no row removed$/ },
    { name: 'a one-row table', rows: ROWS.slice(0, 1), where: undefined, note: /^the data has 1 row: nothing to compare/ },
    { name: 'a filter that selects no row', rows: ROWS, where: { column: 'city', op: 'equals', value: 'Atlantis' }, note: /^the row filter selects 0 rows: nothing to compare/ },
    { name: 'a filter that selects one row', rows: ROWS, where: { column: 'email', op: 'equals', value: String(ROWS[0]?.[3]) }, note: /^the row filter selects 1 row: nothing to compare/ },
  ])('$name: the step removes nothing and says why, and the run completes', async ({ rows, where, note }) => {
    const out = await cleanFile(t, writeCsv(HEADER, rows), { policy: policyDoc([near({}, where ? { where } as Partial<StepInput> : {})]) });
    expect(out.run.rowsIn).toBe(rows.length);
    expect(out.run.rowsOut).toBe(rows.length);
    expect(out.run.steps[0]?.rowsRemoved).toBe(0);
    expect(out.removed).toEqual([]);
    expect(out.run.steps[0]?.notes[0]).toMatch(note);
  });

  it('refuses a newest column or role the data does not have, naming the step', async () => {
    const imp = await t.importFile(writeCsv(HEADER, ROWS));
    for (const [params, message] of [
      [{ survivorship: 'newest', newestColumn: 'modified' }, /Step 1 \("near", Remove near-duplicate rows\): newestColumn names "modified", which the data does not have/],
      [{ roles: { surname: 'family_name' } }, /Step 1 \("near", Remove near-duplicate rows\): roles names "surname", which the data does not have/],
    ] as const) {
      const job = await t.runJob('clean.run', { datasetId: imp.datasetId, version: 1, source: { policy: policyDoc([near(params)]) } });
      expect(job.state).toBe('failed');
      expect(job.error?.message).toMatch(message);
    }
  });

  it('a run cancelled during the step leaves no version, no ledger and no scratch table', async () => {
    const many = Array.from({ length: 40_000 }, (_, i) => nearPerson(i));
    const big = (await t.importFile(writeCsv(HEADER, many))).datasetId;
    await t.settle();
    const tablesBefore = await t.engine.workspace.db.all(`SELECT database_name, table_name FROM duckdb_tables() ORDER BY ALL`);
    const { jobId } = await t.call('clean.run', { datasetId: big, version: 1, source: { policy: policyDoc([near()]) } });
    // Cancelled once the step is under way (the run's only step: any stage after "starting").
    for (let info = t.engine.jobs.get(jobId); info.state === 'running' && /^(starting)?$/.test(info.stage); info = t.engine.jobs.get(jobId)) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await t.call('job.cancel', { jobId });
    const end = await t.engine.jobs.wait(jobId);
    expect(end.state).toBe('cancelled');
    expect((await t.call('dataset.get', { datasetId: big })).dataset.versions).toHaveLength(1);
    expect(await t.engine.workspace.db.one(`SELECT count(*) AS n FROM _ds_change WHERE dataset_id = $d`, { d: big })).toEqual({ n: 0n });
    expect(await t.engine.workspace.db.all(`SELECT database_name, table_name FROM duckdb_tables() ORDER BY ALL`)).toEqual(tablesBefore);
  });
});

it('the run records the step (type and settings) in its policy', async () => {
  const out = await cleanFile(t, writeCsv(HEADER, ROWS), { policy: policyDoc([near({ survivorship: 'first', threshold: 0.95 })]) });
  const r: RunResult = out.run;
  expect(r.steps[0]).toMatchObject({ stepId: 'near', stepType: 'dedupe_near', label: 'Remove near-duplicate rows', columnIds: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'] });
});
