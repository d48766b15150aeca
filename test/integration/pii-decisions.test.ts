// The seam for PII review decisions: a run given decisions treats a column a reviewer accepted as
// that entity whatever its sample says, and a classification a reviewer rejected as no entity —
// checked on the pipeline itself (the review screens and their storage come with the PII scan).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameColumns } from '../../src/main/engine/clean/frame';
import { Pipeline } from '../../src/main/engine/clean/pipeline';
import { Query, type PiiDecisions } from '../../src/main/engine/clean/query';
import { getColumns, versionTable } from '../../src/main/engine/datasets/catalog';
import { ident } from '../../src/main/engine/db/sql';
import type { JobContext } from '../../src/main/engine/jobs/jobs';
import { parsePolicy } from '../../src/main/engine/policy/store';
import type { StepInput } from '../../src/shared/policy/steps';
import { jobResult, policyDoc, writeCsv } from '../support/clean';
import { startTestEngine, type TestEngine } from '../support/engine';
import type { RunResult } from '../../src/shared/api/clean-types';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(async () => {
  await t.close();
});

const job: JobContext = { id: 'decisions', signal: new AbortController().signal, progress: () => undefined, throwIfCancelled: () => undefined, onCancel: () => () => undefined };
const STEP: StepInput = { id: 'd', type: 'deidentify', params: { operators: { EMAIL: { op: 'token', entity: 'EMAIL' }, IDENTIFIER: { op: 'token', entity: 'IDENTIFIER' } } } };

async function run(decisions: PiiDecisions | undefined): Promise<{ changed: string[]; notes: string[] }> {
  const imp = await t.importFile(writeCsv(['contact', 'code'], [['ann@example.org', 'K-7781'], ['bob@x.org', 'K-1120']]));
  const db = t.engine.workspace.db;
  const { table: data, rowCount } = await versionTable(db, imp.datasetId, 1);
  const columns = await getColumns(db, imp.datasetId, 1);
  const policy = parsePolicy(policyDoc([STEP]));
  return db.with(async (conn) => {
    const q = new Query(conn, job, `dec_${imp.datasetId}`, t.engine.workers, { key: () => t.engine.workspace.secretKey(), ...(decisions ? { decisions } : {}) });
    try {
      const p = new Pipeline(q, { relation: ident(data), columns: frameColumns(columns), rowCount }, () => undefined);
      const out = await p.run(policy.steps);
      const rows = (await conn.runAndReadAll(`SELECT DISTINCT col_id FROM ${out.ledger} ORDER BY col_id`)).getRowObjects();
      return { changed: rows.map((r) => String(r.col_id)), notes: out.reports[0]?.notes ?? [] };
    } finally {
      await q.cleanup();
    }
  });
}

describe('review decisions in a run', () => {
  it.each([
    { name: 'none: the sample decides', decisions: undefined, changed: ['c1'] },
    { name: 'a rejected classification is not acted on', decisions: { columns: [{ columnId: 'c1', entity: 'EMAIL', decision: 'rejected' }] }, changed: [] },
    { name: 'an accepted one is, whatever the sample says', decisions: { columns: [{ columnId: 'c2', entity: 'IDENTIFIER', decision: 'accepted' }] }, changed: ['c1', 'c2'] },
  ] as { name: string; decisions: PiiDecisions | undefined; changed: string[] }[])('$name', async ({ decisions, changed }) => {
    const r = await run(decisions);
    expect(r.changed).toEqual(changed);
    if (decisions?.columns[0]?.decision === 'accepted') expect(r.notes.join('\n')).toMatch(/"code" holds IDENTIFIER .*by review decision/);
  });
});

describe('a run through the API uses the review recorded on its input version', () => {
  const policy = policyDoc([STEP]);

  it.each([
    { name: 'no decisions: no digest, the sample decides', decide: [] as ('accepted' | 'rejected')[], contact: '<EMAIL>' },
    { name: 'a rejected class: the digest is recorded and the column is left alone', decide: ['rejected'] as const, contact: 'ann@example.org' },
    { name: 'rejected then cleared: no digest again', decide: ['rejected', 'clear'] as const, contact: '<EMAIL>' },
  ] as { name: string; decide: ('accepted' | 'rejected' | 'clear')[]; contact: string }[])('$name', async ({ decide, contact }) => {
    const imp = await t.importFile(writeCsv(['contact', 'code'], [['ann@example.org', 'K-7781'], ['bob@x.org', 'K-1120']]));
    await t.settle();
    await jobResult(await t.runJob('pii.start', { datasetId: imp.datasetId, version: 1 }));
    let summary = await t.call('pii.summary', { datasetId: imp.datasetId, version: 1 });
    for (const decision of decide) {
      summary = await t.call('pii.decide', { datasetId: imp.datasetId, version: 1, target: { columnId: 'c1', entity: 'EMAIL' }, decision });
    }
    const active = decide.at(-1) !== undefined && decide.at(-1) !== 'clear';
    const run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId: imp.datasetId, version: 1, source: { policy } }));
    expect(run.piiDecisionsSha256).toBe(active ? summary?.decisionsSha256 : null);
    const out = await t.call('grid.window', { datasetId: imp.datasetId, version: run.outputVersion ?? 0, offset: 0, limit: 1 });
    expect(out.rows[0]?.[0]).toBe(contact);
  });
});
