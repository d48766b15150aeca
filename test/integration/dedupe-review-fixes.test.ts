// Review fixes for the near-duplicate step (branch r-fix), on the planted people table
// (test/support/near-people.ts: 63 is an exact duplicate of 30 on every compared column):
// conflicting decisions that land on one representative pair (a rejection wins), a step whose
// selection holds too few rows to compare (nothing removed, not a failed run), and decisions on
// rows outside the step's selection (not reported as exact duplicates).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewResult } from '../../src/shared/api/clean-types';
import { runClean } from '../../src/main/engine/clean/run';
import type { DecidedPair } from '../../src/main/engine/dedupe/types';
import type { JobContext } from '../../src/main/engine/jobs/jobs';
import type { StepInput } from '../../src/shared/policy/steps';
import { policyDoc, writeCsv } from '../support/clean';
import { startTestEngine, type TestEngine } from '../support/engine';
import { NEAR_COMPARED, NEAR_HEADER, NEAR_ROWS } from '../support/near-people';
import { findDuplicates } from '../../src/main/engine/dedupe/find';
import { dedupeDb, input, records } from '../support/dedupe';

let t: TestEngine;
let datasetId: string;
beforeAll(async () => {
  t = await startTestEngine();
  datasetId = (await t.importFile(writeCsv(NEAR_HEADER, NEAR_ROWS))).datasetId;
});
afterAll(async () => {
  await t.close();
});

const job: JobContext = { id: 'review', signal: new AbortController().signal, progress: () => undefined, throwIfCancelled: () => undefined, onCancel: () => () => undefined };

async function preview(step: Partial<StepInput>, decisions: DecidedPair[] = []): Promise<PreviewResult> {
  const near = { id: 'near', type: 'dedupe_near', columns: { names: NEAR_COMPARED }, params: { survivorship: 'first' }, ...step } as StepInput;
  return (await runClean(t.engine.workspace, t.engine.workers, job, {
    datasetId, version: 1, kind: 'preview', full: true, dedupeDecisions: decisions, source: { policy: policyDoc([near]) },
  }, 'tester')) as PreviewResult;
}

const removed = (p: PreviewResult) => p.changes.filter((c) => c.kind === 'row').map((c) => [c.rowId, c.after]);

describe('dedupe_near review fixes', () => {
  it('a match and a rejection that name the same pair of exact-duplicate groups: the rejection wins', async () => {
    // 30 and 63 are one record to the finder; row 1 is someone else. Accepted with 30 and
    // rejected with 63, the pair (30, 1) is decided twice: the safer reading keeps 1.
    for (const decisions of [
      [{ rowIdL: 1, rowIdR: 30, decision: 'match' }, { rowIdL: 1, rowIdR: 63, decision: 'non_match' }],
      [{ rowIdL: 1, rowIdR: 30, decision: 'non_match' }, { rowIdL: 1, rowIdR: 63, decision: 'match' }],
    ] as DecidedPair[][]) {
      const p = await preview({}, decisions);
      expect(removed(p)).toEqual([[61, '5'], [62, '12'], [63, '30'], [64, '45']]);
    }
  });

  it.each([
    ['no row', { column: 'first', op: 'equals', value: 'Nobody' }],
    ['one row', { column: 'email', op: 'equals', value: 'olivia.garcia0@example.org' }],
  ])('a step whose selection holds %s removes nothing and says why, instead of failing', async (_, where) => {
    const p = await preview({ where } as Partial<StepInput>);
    expect(p.rowsRemoved).toBe(0);
    expect(p.rowsOut).toBe(64);
    expect(p.steps[0]?.notes.join('\n')).toMatch(/nothing to compare, no row removed/);
  });

  it('decisions on rows outside the selection are not reported as exact duplicates', async () => {
    const p = await preview({ where: { column: 'city', op: 'equals', value: 'Bath' } } as Partial<StepInput>, [{ rowIdL: 1, rowIdR: 2, decision: 'match' }]);
    expect(p.steps[0]?.notes.join('\n')).not.toMatch(/exact duplicates here/);
  });
});

describe('dedupe.start refusals say what to change', () => {
  it.each([
    ['columns with no values', [['', 'x1'], ['', 'x2'], ['', 'x3']], /No column is compared \("name": the sample holds no values; "id": the header names a record key/],
  ])('%s', async (_, rows, message) => {
    const imp = await t.importFile(writeCsv(['name', 'id'], rows));
    const job = await t.runJob('dedupe.start', { datasetId: imp.datasetId, version: 1, settings: {} });
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(message);
  });

  it('an empty table is refused before a job starts', async () => {
    const imp = await t.importFile(writeCsv(['name', 'id'], []));
    const err = await t.fail('dedupe.start', { datasetId: imp.datasetId, version: 1, settings: {} });
    expect(err.message).toMatch(/has no rows, only a header: there is nothing to compare/);
  });
});

describe('exact duplicates need an identifying value', () => {
  it.each([
    // Name and e-mail missing, only the country shared: six different people, not one record.
    ['only a common category shared', [null, null, 'UK'], [null, null, 'UK'], false],
    ['the same e-mail, the name missing on both', [null, 'ann@x.org', 'UK'], [null, 'ann@x.org', 'UK'], true],
    ['the same name and e-mail', ['Ann Smith', 'ann@x.org', 'UK'], ['ann  smith', 'Ann@X.org', 'UK'], true],
  ] as const)('%s', async (_, a, b, exact) => {
    const d = await dedupeDb();
    try {
      const others = [['Bob Jones', 'bob@y.org', 'FR'], ['Cy Young', 'cy@z.org', 'UK'], ['Di Ross', 'di@w.org', 'DE'], ['Ed Fox', 'ed@v.org', 'UK']];
      const t = await records(d.conn, ['name', 'email', 'country'], [[...a], [...b], ...others, [...a], [...a]]);
      const o = await findDuplicates(d.q, input(t, 8, { rolesByHeader: { country: 'category' } }));
      expect(o.counts.exactDuplicateRows).toBe(exact ? 3 : 0);
      const clusters = await d.q.all(`SELECT row_id, cluster_id FROM ${o.clusters} WHERE row_id IN (1, 2, 7, 8) ORDER BY row_id`);
      expect(clusters.map((r) => Number(r.cluster_id))).toEqual(exact ? [1, 1, 1, 1] : [1, 2, 7, 8]);
    } finally {
      await d.close();
    }
  });
});
