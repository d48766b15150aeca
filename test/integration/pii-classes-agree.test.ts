// One column classifier: a run classifies a column as the scan does (the deterministic sample
// over the whole version, more than half wholly one entity), so a column whose first rows differ
// from the rest is classified the same by both; with a scan of the input version the run uses its
// stored classes (unless an earlier step rewrote the column), and the run's notes say which.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { table } from '../../src/main/engine/db/sql';
import { PII_RULES_VERSION } from '../../src/main/engine/pii/registry';
import type { RunResult } from '../../src/shared/api/clean-types';
import type { PiiScanSummary } from '../../src/shared/api/pii-types';
import type { StepInput } from '../../src/shared/policy/steps';
import { jobResult, policyDoc, writeCsv } from '../support/clean';
import { startTestEngine, type TestEngine } from '../support/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(async () => {
  await t.close();
});

const ROWS = 12_000;
const HEAD = 600;
const email = (i: number) => `person${i}@example.org`;
// "head": e-mail addresses in the first 600 rows only (5 %); "tail": e-mail addresses everywhere but the first 600 rows (95 %).
const DATA = Array.from({ length: ROWS }, (_, k) => {
  const i = k + 1;
  return [i <= HEAD ? email(i) : 'none given', i <= HEAD ? 'none given' : email(i)];
});

const CELL: StepInput = { id: 'c', type: 'deidentify', params: { operators: { EMAIL: { op: 'token', entity: 'EMAIL' } } } };
const UPPER_BY_PII: StepInput = { id: 'u', type: 'change_case', columns: { pii: ['EMAIL'] }, params: { mode: 'upper' } };
const TRIM: StepInput = { id: 't', type: 'trim' };

describe('scan and run agree on a column whose first rows differ from the rest', () => {
  it.each([
    { name: 'scanned: the run uses the stored classes', scan: true, steps: [CELL], source: /from the input version's scan/ },
    { name: 'not scanned: the run samples by the same rule', scan: false, steps: [CELL], source: /from this run's sample/ },
    { name: 'scanned, but an earlier step rewrote the columns: sampled again, same answer', scan: true, steps: [TRIM, CELL], source: /from this run's sample/ },
    { name: 'the pii selector on a value step, not scanned', scan: false, steps: [UPPER_BY_PII], source: /chosen as personal data: "tail" holds EMAIL \(from this run's sample/ },
    { name: 'the pii selector on a value step, scanned', scan: true, steps: [UPPER_BY_PII], source: /chosen as personal data: "tail" holds EMAIL \(from the input version's scan/ },
  ])('$name', async ({ scan, steps, source }) => {
    const imp = await t.importFile(writeCsv(['head', 'tail'], DATA));
    await t.settle();
    // The scan's verdict, for comparison (on a copy when the run must not see a scan).
    const other = scan ? imp : await t.importFile(writeCsv(['head', 'tail'], DATA));
    await t.settle();
    await jobResult(await t.runJob('pii.start', { datasetId: other.datasetId, version: 1 }));
    const summary = await t.call('pii.summary', { datasetId: other.datasetId, version: 1 });
    expect(summary?.columns.map((c) => [c.header, c.entity])).toEqual([['head', null], ['tail', 'EMAIL']]);

    const run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId: imp.datasetId, version: 1, source: { policy: policyDoc(steps) } }));
    const last = run.steps.at(-1);
    // Only "tail" is taken for EMAIL: exactly the scan's classes.
    expect(last?.columnIds).toEqual(['c2']);
    expect(last?.notes.join('\n')).toMatch(source);
    const w = await t.call('grid.window', { datasetId: imp.datasetId, version: run.outputVersion ?? 0, offset: 0, limit: 1 });
    expect(w.rows[0]?.[0]).toBe(email(1));
  });
});

describe('a sampled preview', () => {
  it.each([{ scan: false }, { scan: true }])('classifies from its own rows (already a sample over the file) the same way, scanned: $scan', async ({ scan }) => {
    const imp = await t.importFile(writeCsv(['head', 'tail'], DATA));
    await t.settle();
    if (scan) await jobResult(await t.runJob('pii.start', { datasetId: imp.datasetId, version: 1 }));
    const p = await jobResult<RunResult>(await t.runJob('clean.preview', { datasetId: imp.datasetId, version: 1, source: { policy: policyDoc([CELL]) } }));
    expect(p.sampled).toBe(true);
    expect(p.steps[0]?.columnIds).toEqual(['c2']);
    expect(p.steps[0]?.notes.join('\n')).toMatch(scan ? /from the input version's scan/ : /from this run's sample/);
  });
});

describe('a scan made by other detection rules', () => {
  // The stored classes are swapped ("head" EMAIL, "tail" none), so which column the step takes shows whose classes it used.
  it.each([
    { name: 'made by these rules: its (swapped) classes are used', rules: PII_RULES_VERSION, columnIds: ['c1'], note: /"head" holds EMAIL .*from the input version's scan/, stale: false },
    { name: 'made by older rules: sampled again, and the notes say why', rules: PII_RULES_VERSION - 1, columnIds: ['c2'], note: /"tail" holds EMAIL .*from this run's sample/, stale: true },
    { name: 'made before rules versions were recorded: sampled again', rules: undefined, columnIds: ['c2'], note: /"tail" holds EMAIL .*from this run's sample/, stale: true },
  ])('$name', async ({ rules, columnIds, note, stale }) => {
    const imp = await t.importFile(writeCsv(['head', 'tail'], DATA));
    await t.settle();
    await jobResult(await t.runJob('pii.start', { datasetId: imp.datasetId, version: 1 }));
    const db = t.engine.workspace.db;
    const where = { ds: imp.datasetId, v: 1 };
    const row = await db.one(`SELECT summary::VARCHAR AS s FROM ${table.piiScan} WHERE dataset_id = $ds AND version = $v`, where);
    const summary = JSON.parse(String(row?.s)) as PiiScanSummary;
    expect(summary.rulesVersion).toBe(PII_RULES_VERSION);
    const [head, tail] = summary.columns;
    if (!head || !tail) throw new Error('the scan summary has not both columns');
    [head.entity, tail.entity] = [tail.entity, head.entity];
    if (rules === undefined) delete summary.rulesVersion;
    else summary.rulesVersion = rules;
    await db.run(`UPDATE ${table.piiScan} SET summary = $s WHERE dataset_id = $ds AND version = $v`, { ...where, s: JSON.stringify(summary) });

    const run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId: imp.datasetId, version: 1, source: { policy: policyDoc([CELL]) } }));
    const notes = run.steps[0]?.notes.join('\n') ?? '';
    expect(run.steps[0]?.columnIds).toEqual(columnIds);
    expect(notes).toMatch(note);
    const why = rules === undefined ? 'was made before rules versions were recorded' : `was made with detection rules version ${rules}`;
    if (stale) expect(run.steps[0]?.notes[0]).toMatch(new RegExp(`the input version's PII scan \\(.*\\) ${why}; these are version ${PII_RULES_VERSION}, so its column classes were not used: this run sampled the columns again`));
    else expect(notes).not.toMatch(/column classes were not used/);
  });
});
