// Review decisions steer compliance runs (which PII is masked, which rows are merged), so in a
// governed workspace they are a reviewer's signed act; elsewhere anyone may decide, and an
// unlocked identity still signs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobResult, writeCsv } from '../support/clean';
import { startTestEngine, type TestEngine } from '../support/engine';

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
