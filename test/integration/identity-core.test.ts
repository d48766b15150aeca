// Identities at their core: the first is the admin, roles come only from an admin's signed grant,
// switching needs the passphrase, and what is trusted is replayed from the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../support/clean';
import { startTestEngine, type TestEngine } from '../support/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(async () => {
  await t.close();
});

describe('identities', () => {
  it('makes the first identity the admin, signs grants, and needs the passphrase to switch', async () => {
    const alice = await t.call('identity.create', { name: 'alice', passphrase: 'correct horse', roles: ['steward'] });
    expect(alice.roles).toEqual(['admin', 'steward']);
    expect(alice.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const bob = await t.call('identity.create', { name: 'bob', passphrase: 'battery staple', roles: ['approver'], activate: false });
    expect(bob.roles).toEqual(['approver']);
    expect((await t.call('identity.session', {})).identity?.name).toBe('alice');

    const wrong = await t.api.send('identity.unlock', { name: 'bob', passphrase: 'not his passphrase' });
    expect(wrong.ok ? null : wrong.error.code).toBe('UNAUTHENTICATED');
    expect((await t.call('identity.session', {})).identity?.name).toBe('alice');

    const s = await t.call('identity.unlock', { name: 'Bob', passphrase: 'battery staple' });
    expect(s.identity?.name).toBe('bob');
    const refused = await t.api.send('identity.grant', { name: 'bob', role: 'admin', reason: 'I would like it' });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('bob holds approver; it needs admin') });
    const carol = await t.api.send('identity.create', { name: 'carol', passphrase: 'carol carol', roles: ['approver'] });
    expect(carol.ok ? null : carol.error.code).toBe('FORBIDDEN');

    await t.call('identity.unlock', { name: 'alice', passphrase: 'correct horse' });
    const lastAdmin = await t.api.send('identity.revoke', { name: 'alice', role: 'admin', reason: 'stepping down' });
    expect(lastAdmin.ok ? null : lastAdmin.error.message).toContain('only admin');
    expect((await t.call('identity.grant', { name: 'bob', role: 'auditor', reason: 'audits the quarter' })).roles).toEqual(['approver', 'auditor']);
    const list = await t.call('identity.list', {});
    expect(list.map((i) => [i.name, i.roles.join('+'), i.active])).toEqual([['alice', 'admin+steward', true], ['bob', 'approver+auditor', false]]);
  });

  it('signs every entry attributed to the acting identity (an import), and none after it locks', async () => {
    await t.call('identity.unlock', { name: 'alice', passphrase: 'correct horse' });
    await t.importFile(writeCsv(['a'], [['1']]));
    const [signed] = await t.call('audit.list', { limit: 1, filter: { action: 'dataset.imported' } });
    const alice = (await t.call('identity.list', {})).find((i) => i.name === 'alice');
    expect(signed).toMatchObject({ actor: 'alice', signer: alice?.fingerprint });
    await t.call('identity.lock', {});
    await t.importFile(writeCsv(['a'], [['2']]));
    const [unsigned] = await t.call('audit.list', { limit: 1, filter: { action: 'dataset.imported' } });
    expect(unsigned).toMatchObject({ actor: t.engine.osUser, signer: null, signature: null });
    expect((await t.call('audit.verify', {})).ok).toBe(true);
  });
});
