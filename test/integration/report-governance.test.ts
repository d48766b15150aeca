// The report model of governed runs: a compliance run (a saved policy's ACTIVE version, approved
// by someone other than its author with a signed approval) is reported as one — kind, stamp,
// approval with the approver's role and key fingerprint, the actor's fingerprint — and a run of a
// DRAFT version says plainly that it was not approved (its duplicates section from the latest search).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/shared/api/clean-types';
import { RUN_KIND_TITLES } from '../../src/shared/api/report-types';
import type { ActiveIdentity } from '../../src/main/engine/identity/session';
import { jobResult, policyDoc, writeCsv } from '../support/clean';
import { startTestEngine, type TestEngine } from '../support/engine';

let t: TestEngine;
let datasetId: string;
let policyId: string;
const ids: Record<string, ActiveIdentity> = {};
const as = (name: string) => t.engine.setIdentity(ids[name] ?? null);
const POLICY = policyDoc([{ id: 'trim', type: 'trim' }, { id: 'city', type: 'category_aliases', columns: { names: ['city'] }, params: { map: [{ from: ['nyc'], to: 'New York' }] } }], 'cities');

beforeAll(async () => {
  t = await startTestEngine();
  datasetId = (await t.importFile(writeCsv(['name', 'city'], [[' Ann ', 'nyc'], ['Bob', 'Paris'], ['Cy', 'nyc']]))).datasetId;
  await t.settle();
  for (const [name, roles] of [['alice', ['steward']], ['bob', ['approver']]] as const) {
    if (name !== 'alice') as('alice');
    await t.call('identity.create', { name, passphrase: `${name} passphrase`, roles: [...roles], activate: true });
    ids[name] = t.engine.identity!;
  }
  as('alice');
  policyId = (await t.call('policy.save', { policy: POLICY, summary: 'first cut' })).policyId;
  await t.call('policy.transition', { policyId, version: 1, action: 'submit', reason: 'ready for review' });
  as('bob');
  await t.call('policy.transition', { policyId, version: 1, action: 'approve', reason: 'checked the preview' });
  as('alice');
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('a compliance run', () => {
  it('is reported as one: kind, stamp, the signed approval with the approver\'s role, the actor\'s key', async () => {
    const run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { policyId } }));
    expect(run.kind).toBe('compliance');
    const m = await t.call('report.model', { runId: run.runId });
    const approval = run.approvals![0]!;
    expect(m.run).toMatchObject({ kind: 'compliance', stamp: 'APPROVED', title: RUN_KIND_TITLES.compliance, actor: 'alice', actorFingerprint: ids.alice!.fingerprint });
    expect(m.policy).toMatchObject({ name: 'cities', policyId, version: 1, state: 'ACTIVE', author: 'alice', sha256: run.policySha256 });
    expect(m.policy.approvals).toEqual([{ by: 'bob', role: 'approver', at: approval.at, reason: 'checked the preview', keyFingerprint: ids.bob!.fingerprint }]);
    expect(m.steps.map((s) => [s.stepId, s.cellsChanged])).toEqual([['trim', 1], ['city', 2]]);
    expect(m.pii).toMatchObject({ scanned: false, findings: 0, byEntity: [] });
    expect(m.hipaa.every((h) => h.status === 'not-detected')).toBe(true);
    expect(m.hipaa.find((h) => h.code === 'A')?.evidence).toContain('never scanned');
    expect(m.dedupe).toBeNull();
    expect(m.reproducibility.command).toMatch(/^sanitizer clean \S+in\.csv --workspace \S+ --policy cities --policy-version 1 --as alice --out in\.cleaned\.csv$/);
    expect(m.gdpr.find((f) => f.field === 'Technical and organisational security measures')?.value).toContain('approved by a signed approval');
  });
});

describe('an unapproved run of a saved policy', () => {
  it('says it was not approved, with the version\'s state and no approvals; duplicates come from the latest search', async () => {
    await jobResult(await t.runJob('dedupe.start', { datasetId, version: 1, settings: {} }));
    const search = (await t.call('dedupe.summary', { datasetId, version: 1 }))!;
    await t.call('policy.save', { policy: POLICY, summary: 'second', policyId });
    const [draft] = await t.call('policy.versions', { policyId });
    expect(draft).toMatchObject({ version: 2, state: 'DRAFT' });
    const run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { policyId, version: 2 } }));
    const m = await t.call('report.model', { runId: run.runId });
    expect(m.run).toMatchObject({ kind: 'unapproved', stamp: 'UNAPPROVED', title: RUN_KIND_TITLES.unapproved });
    expect(m.policy).toMatchObject({ version: 2, state: 'DRAFT', approvals: [] });
    expect(m.reproducibility.command).toContain('--policy cities --policy-version 2');
    expect(m.dedupe).toEqual({
      source: 'latest-search', pairsScored: search.counts.candidatePairs, clusters: search.counts.clusters, rowsInClusters: search.counts.rowsInClusters, rowsRemoved: 0, cellsFilled: 0,
      clusterSizes: search.clusterSizes, probabilities: search.probabilities, decisionsSha256: search.digests.decisions, modelSha256: search.digests.model,
    });
    expect(m.reproducibility.dedupeDecisionsSha256).toBeNull();
  });
});
