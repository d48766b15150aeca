// An impute step by mode names the value it filled in its step note — the column's most common
// value. In a personal column that is raw personal data, and the note is printed in every report
// (JSON, HTML, PDF) and so in every bundle: the report model masks it there. A column that is not
// personal keeps its value in the note.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/shared/api/clean-types';
import type { ReportModel } from '../../src/shared/api/report-types';
import type { StepInput } from '../../src/shared/policy/steps';
import { jobResult, policyDoc } from '../support/clean';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';

// The most common e-mail (three times) fills the blank e-mails; 'York' the blank cities.
const COMMON = 'harriet.quinn@example.org';
const ROWS = [
  ['id', 'email', 'city'],
  ['1', COMMON, 'York'], ['2', COMMON, 'York'], ['3', COMMON, ''], ['4', 'ola.berg@example.org', 'Bath'],
  ['5', '', 'York'], ['6', 'tom.ives@example.org', ''], ['7', '', 'Leeds'], ['8', 'uma.rao@example.org', 'York'],
];
const STEPS: StepInput[] = [
  { id: 'fill', type: 'impute', columns: { names: ['email', 'city'] }, params: { method: 'mode' } },
  { id: 'deid', type: 'deidentify', columns: { names: ['email'] }, params: { operators: { EMAIL: { op: 'mask' } } } },
];

let t: TestEngine;
let model: ReportModel;

beforeAll(async () => {
  t = await startTestEngine();
  const file = path.join(tempDir(), 'contacts.csv');
  fs.writeFileSync(file, `${ROWS.map((r) => r.join(',')).join('\n')}\n`);
  const { datasetId } = await t.importFile(file);
  await t.settle();
  await jobResult(await t.runJob('pii.start', { datasetId, version: 1 }));
  const run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { policy: policyDoc(STEPS, 'fill then mask') } }));
  // The run itself did fill the blanks with the common e-mail (so the note names it).
  expect(run.steps[0]?.notes.join('\n')).toContain(COMMON);
  model = await t.call('report.model', { runId: run.runId });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('the report model of an impute-by-mode step', () => {
  it('masks the filled value in a personal column\'s note, and nowhere in the model is the raw e-mail', () => {
    const notes = model.steps.find((s) => s.stepId === 'fill')?.notes ?? [];
    const email = notes.find((n) => n.startsWith('"email": missing values set to '));
    expect(email).toMatch(/^"email": missing values set to ".+" \(mode, masked: personal data\)$/);
    expect(email).not.toContain(COMMON);
    expect(JSON.stringify(model)).not.toContain(COMMON);
  });

  it('keeps the value in the note of a column that is not personal data', () => {
    const notes = model.steps.find((s) => s.stepId === 'fill')?.notes ?? [];
    expect(notes).toContain('"city": missing values set to "York" (mode)');
  });
});
