// Exact duplicates are found by a hash of the keys, then checked value by value: the result must
// be the same when every row's hash collides (the check finds the mismatches and the grouping is
// redone on the values), with NULLs equal, key columns, and a row filter.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keyHash } from '../../src/main/engine/clean/duplicates';
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
const realHash = keyHash.sql;
afterEach(() => {
  keyHash.sql = realHash;
});

type Cell = string | null;
const HEADER = ['k', 'v'];
const ROWS: Cell[][] = [['a', '1'], ['b', '2'], ['a', '1'], [null, '4'], [null, '4'], ['a', '3'], ['b', '2'], [null, null], [null, null]];

const CASES: { name: string; step: Omit<StepInput, 'id'>; removed: number[] }[] = [
  { name: 'whole rows', step: { type: 'dedupe_exact' }, removed: [3, 5, 7, 9] },
  { name: 'key column', step: { type: 'dedupe_exact', columns: { names: ['k'] } }, removed: [3, 5, 6, 7, 8, 9] },
  { name: 'rows matching a filter only', step: { type: 'dedupe_exact', columns: { names: ['k'] }, where: { column: 'k', op: 'equals', value: 'a' } }, removed: [3, 6] },
];

describe.each([
  ['the real hash', null],
  ['a hash where every row collides', () => '0::UBIGINT'],
])('exact duplicates with %s', (_label, forced) => {
  it.each(CASES)('$name', async ({ step, removed }) => {
    if (forced) keyHash.sql = forced;
    const out = await cleanFile(t, writeCsv(HEADER, ROWS), { policy: policyDoc([{ id: 's1', ...step } as StepInput]) });
    expect(out.removed).toEqual(removed);
    expect(out.run.rowsOut).toBe(ROWS.length - removed.length);
  });
});
