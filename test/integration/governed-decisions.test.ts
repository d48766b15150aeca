// Review decisions steer compliance runs (which PII is masked, which rows are merged), so in a
// governed workspace they are a reviewer's signed act; elsewhere anyone may decide, and an
// unlocked identity still signs. A log whose chain was broken outside the app fails closed.
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobResult, writeCsv } from '../support/clean';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';

let t: TestEngine;
let datasetId: string;
const PASS = 'a long passphrase';
const piiDecision = () => ({ datasetId, version: 1, target: { columnId: 'c2', entity: 'EMAIL' as const }, decision: 'rejected' as const });
const pairDecision = () => ({ datasetId, version: 1, rowIdL: 1, rowIdR: 2, decision: 'match' as const });

beforeAll(async () => {
  t = await startTestEngine();
  datasetId = (await t.importFile(writeCsv(['name', 'email'], [['Ann Lee', 'ann@example.org'], ['Ann Lee', 'ann@example.org'], ['Bob Roe', 'bob@example.com']]))).datasetId;
  await jobResult(await t.runJob('pii.start', { datasetId, version: 1 }));
  await t.call('identity.create', { name: 'admin', passphrase: PASS, roles: [] });
  await t.call('identity.create', { name: 'stew', passphrase: PASS, roles: ['steward'], activate: false });
  await t.call('identity.create', { name: 'aud', passphrase: PASS, roles: ['auditor'], activate: false });
}, 60_000);
afterAll(async () => {
  await t.close();
});

const signedLast = async (action: string) => (await t.call('audit.list', { limit: 1, filter: { action } }))[0];

describe('review decisions', () => {
  it('are open to anyone outside governed mode, signed when an identity is unlocked', async () => {
    await t.call('identity.lock', {});
    await t.call('pii.decide', piiDecision());
    expect(await signedLast('pii.decided')).toMatchObject({ signer: null });
    await t.call('identity.unlock', { name: 'aud', passphrase: PASS });
    await t.call('dedupe.decide', pairDecision());
    expect(await signedLast('dedupe.decided')).toMatchObject({ actor: 'aud', signer: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it.each([
    ['pii.decide', 'Deciding on personal data'],
    ['dedupe.decide', 'Deciding on a duplicate pair'],
  ] as const)('%s in a governed workspace needs a steward, approver or admin, and is signed', async (method, what) => {
    await t.call('identity.unlock', { name: 'admin', passphrase: PASS });
    const s = await t.call('settings.get', {});
    if (!s.governed) await t.call('settings.setGoverned', { governed: true, reason: 'go live' });
    const call = () => (method === 'pii.decide' ? t.api.send('pii.decide', piiDecision()) : t.api.send('dedupe.decide', pairDecision()));

    await t.call('identity.lock', {});
    const unsigned = await call();
    expect(unsigned.ok ? null : unsigned.error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining(`${what} in a governed workspace must be signed`) });
    await t.call('identity.unlock', { name: 'aud', passphrase: PASS });
    const auditor = await call();
    expect(auditor.ok ? null : auditor.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('aud holds auditor; it needs steward or approver or admin') });
    await t.call('identity.unlock', { name: 'stew', passphrase: PASS });
    const ok = await call();
    expect(ok.ok).toBe(true);
    expect(await signedLast(method === 'pii.decide' ? 'pii.decided' : 'dedupe.decided')).toMatchObject({ actor: 'stew', signer: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});

describe('a log with a broken chain', () => {
  it.each([
    ['an entry deleted', 'DELETE FROM _ds_event_log WHERE seq = 3', 'jumps from entry 2 to entry 4'],
    ['two entries swapped', 'UPDATE _ds_event_log SET seq = CASE seq WHEN 2 THEN 3 ELSE 2 END WHERE seq IN (2, 3)', 'entry 2 of the audit log does not link to entry 1'],
    ['the first entries cut off', 'DELETE FROM _ds_event_log WHERE seq <= 2', 'starts at entry 3: the entries before it were deleted'],
  ])('fails closed (%s): governed, and no governance action is taken', async (_what, sql, message) => {
    const dir = path.join(tempDir('ds-broken-log-'), 'ws');
    const e = await startTestEngine({ workspaceDir: dir });
    const d = (await e.importFile(writeCsv(['name'], [['Ann']]))).datasetId;
    await e.call('identity.create', { name: 'admin', passphrase: PASS, roles: ['steward'] });
    await e.call('identity.create', { name: 'bob', passphrase: PASS, roles: [], activate: false });
    await e.engine.close();
    const inst = await DuckDBInstance.create(path.join(dir, 'workspace.duckdb'));
    const c = await inst.connect();
    await c.run(sql);
    c.closeSync();
    inst.closeSync();
    const again = await startTestEngine({ workspaceDir: dir });
    try {
      await again.call('identity.unlock', { name: 'admin', passphrase: PASS });
      expect(await again.fail('identity.grant', { name: 'bob', role: 'approver', reason: 'needs it' })).toMatchObject({ code: 'VERIFICATION_FAILED', message: expect.stringContaining(message) });
      expect((await again.call('settings.get', {})).governed).toBe(true);
      const run = await again.fail('clean.run', { datasetId: d, version: 1, source: { presets: ['standard'] } });
      expect(run).toMatchObject({ code: 'FORBIDDEN', details: { guard: 'governed' } });
      expect((await again.call('audit.verify', {})).ok).toBe(false);
    } finally {
      await again.close();
    }
  });
});
