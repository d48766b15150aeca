// Values a step cannot handle are kept, counted and shown with their first examples (row id,
// value, reason) — on distinct values (a value run) and cell by cell (a step with a row filter).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepInput } from '../../src/shared/policy/steps';
import { cleanFile, policyDoc, writeCsv } from '../support/clean';
import { startTestEngine, type TestEngine } from '../support/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(async () => {
  await t.close();
});

const HEADER = ['id', 'amount'];
const ROWS = [['1', '12'], ['2', 'abc'], ['3', '7.5'], ['4', 'abc'], ['5', 'n/a?'], ['6', '1,5'], ['7', 'x1'], ['8', '']];

const CASES: { name: string; step: Omit<StepInput, 'id'>; failures: number; examples: [number, string][] }[] = [
  {
    name: 'on distinct values: each failing value once, by its first row',
    step: { type: 'coerce_number', columns: { names: ['amount'] }, params: { decimal: '.' } },
    failures: 5,
    examples: [[2, 'abc'], [5, 'n/a?'], [6, '1,5']],
  },
  {
    name: 'cell by cell (a row filter): the first failing rows',
    step: { type: 'coerce_number', columns: { names: ['amount'] }, params: { decimal: '.' }, where: { column: 'id', op: 'not_equals', value: '5' } },
    failures: 4,
    examples: [[2, 'abc'], [4, 'abc'], [6, '1,5']],
  },
];

describe('failures', () => {
  it.each(CASES)('$name', async ({ step, failures, examples }) => {
    const out = await cleanFile(t, writeCsv(HEADER, ROWS), { policy: policyDoc([{ id: 's1', ...step } as StepInput]) });
    const s = out.run.steps[0]!;
    expect(s.failures).toBe(failures);
    expect(s.failureExamples.map((e) => [e.rowId, e.value])).toEqual(examples);
    expect(new Set(s.failureExamples.map((e) => e.reason))).toEqual(new Set(['not a number']));
    expect(s.failureExamples.every((e) => e.columnId === out.columnIds[1])).toBe(true);
  });
});
