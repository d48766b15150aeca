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

// Text keys that differ only in spacing, case and accents (an empty field imports as missing).
const MESSY_HEADER = ['name', 'n'];
const MESSY: Cell[][] = [['Zoë  Smith', '1'], [' zoe smith ', '1'], ['ZOE\tSMITH', '1'], ['Zoe Smith', '2'], ['Zoe Smyth', '1'], [null, '1'], [null, '1'], ['', '1']];

const NORMALISED: { name: string; step: Omit<StepInput, 'id'>; removed: number[] }[] = [
  { name: 'without normalise, only identical rows', step: { type: 'dedupe_exact' }, removed: [7, 8] },
  { name: 'normalise: spacing, case and accents ignored; the other column still counts', step: { type: 'dedupe_exact', params: { normalise: true } }, removed: [2, 3, 7, 8] },
  { name: 'normalise on the name alone', step: { type: 'dedupe_exact', columns: { names: ['name'] }, params: { normalise: true } }, removed: [2, 3, 4, 7, 8] },
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

describe.each([
  ['the real hash', null],
  ['a hash where every row collides', () => '0::UBIGINT'],
])('exact duplicates of normalised text with %s', (_label, forced) => {
  it.each(NORMALISED)('$name', async ({ step, removed }) => {
    if (forced) keyHash.sql = forced;
    const out = await cleanFile(t, writeCsv(MESSY_HEADER, MESSY), { policy: policyDoc([{ id: 's1', ...step } as StepInput]) });
    expect(out.removed).toEqual(removed);
  });
});

it('records the row each removed duplicate repeats (the ledger entry\'s after) with confidence 1', async () => {
  const out = await cleanFile(t, writeCsv(HEADER, ROWS), { policy: policyDoc([{ id: 's1', type: 'dedupe_exact', columns: { names: ['k'] } }]) });
  const rows = await t.engine.workspace.db.all(`SELECT row_id, "after", confidence FROM _ds_change WHERE dataset_id = $ds AND kind = 'row' ORDER BY row_id`, { ds: out.datasetId });
  expect(rows.map((r) => [Number(r.row_id), r.after, r.confidence])).toEqual([[3, '1', 1], [5, '4', 1], [6, '1', 1], [7, '2', 1], [8, '4', 1], [9, '4', 1]]);
});
