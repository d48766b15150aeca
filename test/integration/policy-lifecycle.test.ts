// The policy lifecycle through the real engine: revisions and immutability, every refusal of a
// transition (identity, roles, separation of duties by name, by submitter and by shared key
// material), one ACTIVE version per policy, the preview guard, signed approvals, compliance runs
// (stamp, approvals, key generation) and the governed workspace's refusal of unapproved runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewResult, RunResult } from '../../src/shared/api/clean-types';
import type { PolicyAction } from '../../src/shared/api/governance-types';
import type { ActiveIdentity } from '../../src/main/engine/identity/session';
import { TRUST_ACTIONS } from '../../src/main/engine/identity/trust';
import { verifyApproval } from '../../src/main/engine/policy/approval';
import { policySha256 } from '../../src/main/engine/policy/store';
import { appendEvent } from '../../src/main/engine/workspace/event-log';
import { jobResult, policyDoc, writeCsv } from '../support/clean';
import { startTestEngine, type TestEngine } from '../support/engine';

let t: TestEngine;
let datasetId: string;
const ids: Record<string, ActiveIdentity> = {};
const POLICY = policyDoc([{ id: 'trim', type: 'trim' }, { id: 'city', type: 'category_aliases', columns: { names: ['city'] }, params: { map: [{ from: ['nyc'], to: 'New York' }] } }], 'cities');

const as = (name: string) => t.engine.setIdentity(ids[name] ?? null);
const transition = (policyId: string, version: number, action: PolicyAction, reason = `because ${action}`) => t.api.send('policy.transition', { policyId, version, action, reason });
async function refusal(policyId: string, version: number, action: PolicyAction) {
  const r = await transition(policyId, version, action);
  if (r.ok) throw new Error(`${action} was allowed`);
  return r.error;
}

beforeAll(async () => {
  t = await startTestEngine();
  datasetId = (await t.importFile(writeCsv(['name', 'city'], [[' Ann ', 'nyc'], ['Bob', 'Paris']]))).datasetId;
  const make = async (name: string, roles: ('steward' | 'approver' | 'admin' | 'auditor')[]) => {
    if (name !== 'alice') as('alice');
    await t.call('identity.create', { name, passphrase: `${name} passphrase`, roles, activate: true });
    ids[name] = t.engine.identity!;
  };
  await make('alice', ['steward']);
  await make('bob', ['approver']);
  await make('carol', ['steward', 'approver']);
  await make('dave', ['approver']);
  // mallory: a second identity made with alice's key material, written into the log directly (the
  // API refuses duplicate keys). The record does not trust it either: no role can be granted to it.
  const a = ids.alice!;
  const signer = { ...a.signer, identityId: 'i9', name: 'mallory' };
  await t.engine.workspace.exclusive(() => t.engine.workspace.db.with((c) => appendEvent(c, {
    action: TRUST_ACTIONS.created, actor: 'mallory', subject: { identity: 'i9' },
    details: { identityId: 'i9', name: 'mallory', publicKey: a.publicKey, fingerprint: a.fingerprint, firstOfWorkspace: false }, signer,
  })));
  as('alice');
  expect(await t.fail('identity.grant', { name: 'mallory', role: 'approver', reason: 'same person, second name' })).toMatchObject({ code: 'NOT_FOUND' });
  ids.mallory = { id: 'i9', name: 'mallory', fingerprint: a.fingerprint, publicKey: a.publicKey, signer };
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('saving: revisions, immutability, unique names', () => {
  it('adds revisions to a DRAFT, refuses edits in REVIEW, makes a new DRAFT version after ACTIVE', async () => {
    as('alice');
    const first = await t.call('policy.save', { policy: POLICY, summary: 'first cut' });
    const second = await t.call('policy.save', { policyId: first.policyId, policy: first.policy, summary: 'second look' });
    expect(second.policy.version).toBe(1);
    expect(second.policy.edits.map((x) => x.summary)).toEqual(['first cut', 'second look']);
    let [v1] = await t.call('policy.versions', { policyId: first.policyId });
    expect(v1).toMatchObject({ version: 1, state: 'DRAFT', revisions: 2, authors: [{ name: 'alice', fingerprint: ids.alice!.fingerprint }], submittedBy: null });

    const dup = await t.fail('policy.save', { policy: POLICY, summary: '' });
    expect(dup).toMatchObject({ code: 'ALREADY_EXISTS', message: expect.stringContaining('policy edit "cities"') });

    await t.call('policy.transition', { policyId: first.policyId, version: 1, action: 'submit', reason: 'ready for review' });
    const inReview = await t.fail('policy.save', { policyId: first.policyId, policy: first.policy, summary: 'one more' });
    expect(inReview).toMatchObject({ code: 'FORBIDDEN', message: 'v1 of cities is in review: an approver must reject it before it can be edited.' });

    as('bob');
    const approved = await t.call('policy.transition', { policyId: first.policyId, version: 1, action: 'approve', reason: 'looks right' });
    expect(approved.state).toBe('ACTIVE');
    expect(approved.transitions.map((x) => [x.action, x.from, x.to, x.actor])).toEqual([['submit', 'DRAFT', 'REVIEW', 'alice'], ['approve', 'REVIEW', 'ACTIVE', 'bob']]);
    expect(approved.transitions[1]!.preview).toMatchObject({ datasetId, version: 1, rowsIn: 2, steps: [{ stepId: 'trim', cellsChanged: 1 }, { stepId: 'city', cellsChanged: 1 }] });

    as('carol');
    const edited = await t.call('policy.save', { policyId: first.policyId, policy: { ...(first.policy as object), description: 'now with Paris' }, summary: 'describe' });
    expect(edited.policy.version).toBe(2);
    [, v1] = await t.call('policy.versions', { policyId: first.policyId });
    expect(v1).toMatchObject({ version: 1, state: 'ACTIVE', revisions: 2, sha256: second.sha256 });
    expect((await t.call('policy.get', { policyId: first.policyId, version: 1 })).sha256).toBe(second.sha256);
    const list = (await t.call('policy.list', {})).find((p) => p.policyId === first.policyId);
    expect(list).toMatchObject({ latestVersion: 2, state: 'DRAFT', activeVersion: 1, owner: 'alice', savedBy: 'carol', stepCount: 2 });
  });
});

describe('transitions: every refusal, in words', () => {
  let policyId: string;
  beforeAll(async () => {
    as('alice');
    policyId = (await t.call('policy.save', { policy: policyDoc([{ id: 'trim', type: 'trim' }], 'sod'), summary: '' })).policyId;
  });

  it.each([
    ['nobody', null, 'submit', 'UNAUTHENTICATED', 'identity', 'unlock your identity first'],
    ['an approver submitting', 'bob', 'submit', 'FORBIDDEN', 'role', 'Submitting v1 of sod refused: bob holds approver; a version is submitted for review by steward or admin.'],
    ['approving a DRAFT', 'bob', 'approve', 'FORBIDDEN', 'state', 'Approving v1 of sod refused: version 1 is DRAFT: only a REVIEW version can be approved.'],
  ] as const)('refuses %s', async (_what, who, action, code, guard, message) => {
    as(who ?? '');
    expect(await refusal(policyId, 1, action)).toMatchObject({ code, details: { guard }, message: expect.stringContaining(message) });
  });

  it('keeps approvers apart from authors and submitters: by name, by submitter, by shared key', async () => {
    as('carol');
    await t.call('policy.save', { policyId, policy: policyDoc([{ id: 'trim', type: 'trim' }, { id: 'lower', type: 'change_case', columns: { names: ['city'] }, params: { mode: 'lower' } }], 'sod'), summary: 'carol adds a step' });
    as('alice');
    await t.call('policy.transition', { policyId, version: 1, action: 'submit', reason: 'please review' });
    as('carol');
    expect((await refusal(policyId, 1, 'approve')).message).toBe('Approving v1 of sod refused: approver carol authored version 1.');
    as('mallory');
    // Refused because the record never trusted a second identity on alice's key (the guard's own
    // comparison by key, "mallory signs with the key of alice", is in the state-machine table).
    expect(await refusal(policyId, 1, 'approve')).toMatchObject({ code: 'FORBIDDEN', details: { guard: 'identity' }, message: 'mallory is not a trusted identity of this workspace.' });
    // carol rejects (no SoD on rejection), edits nothing; dave is clean; a submitter-approver is refused.
    as('bob');
    await t.call('policy.transition', { policyId, version: 1, action: 'reject', reason: 'needs another look' });
    as('alice');
    const third = await t.call('policy.save', { policy: policyDoc([{ id: 'trim', type: 'trim' }], 'submitted-by-carol'), summary: '' });
    as('carol');
    await t.call('policy.transition', { policyId: third.policyId, version: 1, action: 'submit', reason: 'submitting alice’s work' });
    expect((await refusal(third.policyId, 1, 'approve')).message).toBe('Approving v1 of submitted-by-carol refused: carol submitted version 1.');
    const queue = await t.call('policy.queue', {});
    const mine = queue.find((q) => q.version.policyId === third.policyId);
    expect(mine).toMatchObject({ canApprove: false, refusal: 'carol submitted version 1', activeVersion: null, diff: { from: { version: 0 }, summary: '1 step added' } });
    as('dave');
    expect((await t.call('policy.queue', {})).find((q) => q.version.policyId === third.policyId)).toMatchObject({ canApprove: true, refusal: null });
    const ok = await t.call('policy.transition', { policyId: third.policyId, version: 1, action: 'approve', reason: 'independent check' });
    expect(ok.state).toBe('ACTIVE');
    expect((await t.call('policy.queue', {})).some((q) => q.version.policyId === third.policyId)).toBe(false);
    as('alice');
    const retired = await t.call('policy.transition', { policyId: third.policyId, version: 1, action: 'retire', reason: 'no longer needed' });
    expect(retired.transitions.map((x) => x.to)).toEqual(['REVIEW', 'ACTIVE', 'RETIRED']);
    const after = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { policyId: third.policyId } }));
    expect([after.kind, after.stamp, after.approvals]).toEqual(['unapproved', 'UNAPPROVED', undefined]);
    expect((await refusal(third.policyId, 1, 'retire')).message).toBe('Retiring v1 of submitted-by-carol refused: version 1 is RETIRED: only an ACTIVE version can be retired.');
    const versions = await t.call('policy.versions', { policyId });
    expect(versions[0]!.transitions.map((x) => `${x.action}:${x.actor}:${x.reason}`)).toEqual(['submit:alice:please review', 'reject:bob:needs another look']);
  });

  it('refuses to enter REVIEW when the preview fails, naming the step', async () => {
    as('alice');
    const bad = await t.call('policy.save', { policy: policyDoc([{ id: 'ghost', type: 'category_aliases', columns: { names: ['no such column'] }, params: { map: [{ from: ['a'], to: 'b' }] } }], 'ghost'), summary: '' });
    const err = await refusal(bad.policyId, 1, 'submit');
    expect(err).toMatchObject({ code: 'FORBIDDEN', details: { guard: 'preview', datasetId } });
    // The default preview target: the newest version (v2, written by an earlier run) of the newest dataset.
    expect(err.message).toBe(`Submitting v1 of ghost refused: its preview on ${datasetId} v2 failed: Step 1 ("ghost", Category aliases): the data has no column "no such column".`);
    expect((await t.call('policy.versions', { policyId: bad.policyId }))[0]!.state).toBe('DRAFT');
  });
});

describe('approval: one ACTIVE version, signed approvals, compliance runs, governed', () => {
  it('retires the ACTIVE version on approving the next, and runs the ACTIVE one as a compliance run', async () => {
    const pid = (await t.call('policy.list', {})).find((p) => p.name === 'cities')!.policyId;
    as('alice');
    await t.call('policy.transition', { policyId: pid, version: 2, action: 'submit', reason: 'v2 describes it' });
    as('dave');
    await t.call('policy.transition', { policyId: pid, version: 2, action: 'approve', reason: 'better' });
    const [v2, v1] = await t.call('policy.versions', { policyId: pid });
    expect([v2!.state, v1!.state]).toEqual(['ACTIVE', 'RETIRED']);
    expect(v1!.transitions.at(-1)).toMatchObject({ action: 'superseded', from: 'ACTIVE', to: 'RETIRED', actor: 'dave', reason: 'replaced by v2: better' });

    const approval = await t.call('policy.approval', { policyId: pid, version: 2, force: false });
    expect(approval).toMatchObject({ format: 'data-sanitizer/approval@1', policy: { id: pid, name: 'cities', version: 2, sha256: v2!.sha256 }, approver: { name: 'dave' }, reason: 'better' });
    expect(verifyApproval(approval)).toBe(true);
    expect(verifyApproval({ ...approval, reason: 'something else' })).toBe(false);
    expect((await t.fail('policy.approval', { policyId: pid, version: 99, force: false })).code).toBe('NOT_FOUND');

    const run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { policyId: pid } }));
    expect(run).toMatchObject({ kind: 'compliance', stamp: 'APPROVED', policyVersion: 2, keyGeneration: 1, keyFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(run.approvals).toEqual([approval]);
    const row = await t.engine.workspace.db.one(`SELECT kind, stamp, key_generation, key_fingerprint, approvals::VARCHAR AS a FROM _ds_run WHERE run_id = $r`, { r: run.runId });
    expect(row).toMatchObject({ kind: 'compliance', stamp: 'APPROVED', key_generation: 1, key_fingerprint: run.keyFingerprint });
    expect(JSON.parse(String(row!.a))).toEqual([approval]);
    const old = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { policyId: pid, version: 1 } }));
    expect([old.kind, old.stamp, old.keyGeneration]).toEqual(['unapproved', 'UNAPPROVED', 1]);
    const entries = await t.call('log.list', { limit: 50 });
    expect(entries.find((x) => x.action === 'clean.run' && x.subject.run === run.runId)?.details).toMatchObject({ kind: 'compliance', stamp: 'APPROVED', approvalSeqs: [approval.seq] });
    const signed = await t.engine.workspace.db.all(`SELECT details->>'action' AS a, signer FROM _ds_event_log WHERE action = 'policy.transition' AND (subject->>'policy') = $p ORDER BY seq`, { p: pid });
    expect(signed.map((r) => r.a)).toEqual(['submit', 'approve', 'submit', 'approve', 'superseded']);
    expect(signed.every((r) => typeof r.signer === 'string')).toBe(true);
  });

  it('in a governed workspace refuses unapproved runs, allows previews and compliance runs', async () => {
    const a = ids.alice!;
    await t.engine.workspace.exclusive(() => t.engine.workspace.db.with((c) => appendEvent(c, {
      action: TRUST_ACTIONS.governed, actor: 'alice', subject: {}, details: { governed: true, reason: 'audit season' }, signer: a.signer,
    })));
    const pid = (await t.call('policy.list', {})).find((p) => p.name === 'cities')!.policyId;
    for (const source of [{ presets: ['standard'] }, { policy: POLICY }, { policyId: pid, version: 1 }]) {
      const err = await t.fail('clean.run', { datasetId, version: 1, source });
      expect(err).toMatchObject({ code: 'FORBIDDEN', details: { guard: 'governed' }, message: expect.stringContaining('this workspace is governed: only previews and compliance runs of an ACTIVE policy are allowed') });
    }
    const preview = await jobResult<PreviewResult>(await t.runJob('clean.preview', { datasetId, version: 1, source: { presets: ['standard'] }, full: false }));
    expect(preview.kind).toBe('preview');
    expect((await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { policyId: pid } }))).stamp).toBe('APPROVED');
    as('bob');
    expect((await t.fail('policy.save', { policyId: pid, policy: POLICY, summary: '' })).message).toContain('bob holds approver; it needs steward or admin');
  });
});

describe('compliance runs stand on signed evidence, not on the editable lifecycle tables', () => {
  const db = () => t.engine.workspace.db;
  const idOf = async (name: string) => (await t.call('policy.list', {})).find((p) => p.name === name)!.policyId;
  it.each([
    ['a forged ACTIVE row carrying another version\'s genuine approval', 'sod', async (pid: string) => {
      const cities = await t.call('policy.approval', { policyId: await idOf('cities'), version: 2, force: false });
      await db().run(`INSERT INTO _ds_policy_transition VALUES ($p, 1, 999999, 'approve', 'REVIEW', 'ACTIVE', 'dave', $fp, 'forged', now(), NULL, $a)`,
        { p: pid, fp: ids.dave!.fingerprint, a: JSON.stringify(cities) });
    }, /it approves p[0-9]+ v2 .*not the stored p[0-9]+ v1/],
    ['a retirement deleted from the table (the log still has it)', 'submitted-by-carol', async (pid: string) => {
      await db().run(`DELETE FROM _ds_policy_transition WHERE policy_id = $p AND action = 'retire'`, { p: pid });
    }, /audit entry [0-9]+ moved v1 out of ACTIVE/],
    ['a revision slipped into the ACTIVE version', 'cities', async (pid: string) => {
      const cur = await t.call('policy.get', { policyId: pid, version: 2 });
      const doc = { ...cur.policy, steps: [...cur.policy.steps, { id: 'extra', type: 'trim' }] } as typeof cur.policy;
      await db().run(`INSERT INTO _ds_policy (policy_id, version, revision, name, doc, sha256, saved_at, saved_by, saved_by_key) VALUES ($p, 2, 99, 'cities', $doc, $sha, now(), 'alice', NULL)`,
        { p: pid, doc: JSON.stringify(doc), sha: policySha256(doc) });
    }, /it approves p[0-9]+ v2 \(sha256 .*not the stored p[0-9]+ v2/],
  ] as const)('refuses %s', async (_what, name, tamper, why) => {
    const pid = await idOf(name);
    await tamper(pid);
    const err = await t.fail('clean.run', { datasetId, version: 1, source: { policyId: pid } });
    expect(err).toMatchObject({ code: 'VERIFICATION_FAILED', details: { guard: 'approval' } });
    expect(err.message).toMatch(why);
    expect(err.message).toContain('as a compliance run refused: its approval does not hold');
  });
});

describe('separation of duties reads the signed log, not only the editable policy tables', () => {
  it.each([
    ['authorship rewritten in _ds_policy', 'carol', 'alice', `UPDATE _ds_policy SET saved_by = 'alice', saved_by_key = $fp WHERE policy_id = $p`, 'approver carol authored version 1'],
    ['the submitter rewritten in _ds_policy_transition', 'alice', 'carol', `UPDATE _ds_policy_transition SET actor = 'alice', fingerprint = $fp WHERE policy_id = $p AND action = 'submit'`, 'carol submitted version 1'],
  ])('refuses carol approving her own work with %s', async (what, author, submitter, tamper, message) => {
    as(author);
    const saved = await t.call('policy.save', { policy: policyDoc([{ id: 'trim', type: 'trim' }], `laundered ${what.split(' ')[1]}`), summary: '' });
    as(submitter);
    await t.call('policy.transition', { policyId: saved.policyId, version: 1, action: 'submit', reason: 'ready' });
    await t.engine.workspace.db.run(tamper, { p: saved.policyId, fp: ids.alice!.fingerprint });
    as('carol');
    expect((await t.call('policy.queue', {})).find((q) => q.version.policyId === saved.policyId)).toMatchObject({ canApprove: false, refusal: message });
    expect((await refusal(saved.policyId, 1, 'approve')).message).toContain(message);
  });
});

describe('one ACTIVE policy per name', () => {
  it('keeps an ACTIVE version\'s name from a new policy after its own policy renames the next version', async () => {
    as('alice');
    const a = await t.call('policy.save', { policy: policyDoc([{ id: 'trim', type: 'trim' }], 'ledger names'), summary: '' });
    await t.call('policy.transition', { policyId: a.policyId, version: 1, action: 'submit', reason: 'ready' });
    as('bob');
    await t.call('policy.transition', { policyId: a.policyId, version: 1, action: 'approve', reason: 'fine' });
    as('alice');
    await t.call('policy.save', { policyId: a.policyId, policy: policyDoc([{ id: 'trim', type: 'trim' }], 'ledger names 2'), summary: 'rename' });
    const err = await t.fail('policy.save', { policy: policyDoc([{ id: 'trim', type: 'trim' }], 'Ledger Names'), summary: '' });
    expect(err).toMatchObject({ code: 'ALREADY_EXISTS', message: expect.stringContaining(`belongs to the ACTIVE version of ${a.policyId}`) });
    // The renamed policy itself may keep or take back its name.
    expect((await t.call('policy.save', { policyId: a.policyId, policy: policyDoc([{ id: 'trim', type: 'trim' }], 'ledger names'), summary: 'name back' })).policy.name).toBe('ledger names');
  });
});

describe('deleting a dataset in a governed workspace', () => {
  it('is an admin\'s signed act, like purging a version', async () => {
    const doomed = (await t.importFile(writeCsv(['name'], [['x']]))).datasetId;
    as('');
    expect(await t.fail('dataset.delete', { datasetId: doomed })).toMatchObject({ code: 'UNAUTHENTICATED' });
    as('carol');
    expect(await t.fail('dataset.delete', { datasetId: doomed })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('carol holds') });
    as('alice');
    await t.call('dataset.delete', { datasetId: doomed });
    const row = await t.engine.workspace.db.one(`SELECT actor, signer FROM _ds_event_log WHERE action = 'dataset.deleted' AND (subject->>'dataset') = $d`, { d: doomed });
    expect(row).toMatchObject({ actor: 'alice', signer: ids.alice!.fingerprint });
  });
});
