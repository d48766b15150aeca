// Runs of value steps (values.ts) rewrite each column's distinct values instead of its rows. They
// must change nothing a user can see: for a table of policies over generated dirty data, the
// output rows, the whole ledger, and each step's counts and notes are the same as with the
// cell-by-cell passes (the test turns value runs off for the second run).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ValueRun, valueRuns } from '../../src/main/engine/clean/values';
import type { PolicySource } from '../../src/shared/api/contract';
import type { StepInput } from '../../src/shared/policy/steps';
import { generate } from '../../tools/gen/generate';
import { cleanFile, policyDoc, type Cleaned } from '../support/clean';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';

const ROWS = 1500;
let t: TestEngine;
let file: string;
beforeAll(async () => {
  // JavaScript rules (phones, NFKC, title case) go to worker threads from 100 distinct values on.
  t = await startTestEngine({ workers: { inProcessBelow: 100, maxThreads: 2 } });
  file = path.join(tempDir(), 'customers.csv');
  await generate({ rows: ROWS, seed: 'value-runs', out: file, workers: 0 });
  expect(fs.statSync(file).size).toBeGreaterThan(0);
});
afterAll(async () => {
  await t.close();
});
afterEach(() => {
  valueRuns.enabled = true;
});

const steps = (list: Omit<StepInput, 'id'>[]): PolicySource => ({ policy: policyDoc(list.map((s, i) => ({ id: `s${i + 1}`, ...s }) as StepInput)) });

const CASES: { name: string; source: PolicySource; inWorkers?: boolean }[] = [
  { name: 'the standard preset', source: { presets: ['standard'] } },
  {
    name: 'text steps, aliases, a changed column dropped, a rename, then a step that needs rows, then values again',
    inWorkers: true,
    source: steps([
      { type: 'trim' },
      { type: 'change_case', columns: { names: ['first_name', 'last_name'] }, params: { mode: 'title' } },
      { type: 'replace', columns: { names: ['street'] }, params: { find: '\\bSt\\b\\.?', replacement: 'Street', regex: true } },
      { type: 'category_aliases', columns: { names: ['country'] }, params: { map: [{ to: 'United Kingdom', from: ['UK', 'U.K.', 'Great Britain'] }, { to: 'Germany', from: ['DE', 'Deutschland'] }] } },
      { type: 'change_case', columns: { names: ['status'] }, params: { mode: 'lower' } },
      { type: 'drop_columns', columns: { names: ['status'] } },
      { type: 'rename_column', columns: { names: ['notes'] }, params: { to: 'remarks' } },
      { type: 'missing_tokens', params: { flagColumn: true } },
      { type: 'collapse_whitespace' },
      { type: 'normalize_unicode', params: { form: 'NFKC' } },
    ]),
  },
  {
    name: 'coercions with their decisions and failures, phones and e-mails',
    inWorkers: true,
    source: steps([
      { type: 'coerce_number', columns: { names: ['balance'] } },
      { type: 'coerce_date', columns: { names: ['date_of_birth', 'signup_date'] } },
      { type: 'standardize_phone', columns: { names: ['phone'] }, params: { defaultRegion: 'GB' } },
      { type: 'standardize_email', columns: { detected: ['email'] } },
      { type: 'coerce_boolean', columns: { names: ['status'] } },
      { type: 'dedupe_exact', columns: { names: ['email'] } },
      { type: 'trim', columns: { types: ['date'] } },
    ]),
  },
];

/** What a user sees of a run: rows, ledger, per-step counts and notes (failure examples name one row per distinct value on the value path, so only their count is compared). */
function seen(c: Cleaned) {
  return {
    headers: c.headers,
    rows: c.rows,
    rowIds: c.rowIds,
    ledger: c.ledger,
    removed: c.removed,
    steps: c.run.steps.map((s) => ({ id: s.stepId, cells: s.cellsChanged, removed: s.rowsRemoved, failures: s.failures, notes: s.notes, columns: s.columnIds, added: s.addedColumnIds, dropped: s.droppedColumnIds })),
  };
}

describe('value runs', () => {
  it.each(CASES)('$name: the same result as cell-by-cell passes', async ({ source, inWorkers }) => {
    const before = t.engine.workers.tasksRunInWorkers;
    const opened = vi.spyOn(ValueRun, 'open');
    const fast = await cleanFile(t, file, source);
    expect(t.engine.workers.tasksRunInWorkers > before).toBe(inWorkers === true);
    expect(opened).toHaveBeenCalled();
    opened.mockClear();
    valueRuns.enabled = false;
    const slow = await cleanFile(t, file, source);
    expect(opened).not.toHaveBeenCalled();
    opened.mockRestore();
    expect(fast.run.cellsChanged).toBeGreaterThan(0);
    expect(seen(fast)).toEqual(seen(slow));
  });
});
