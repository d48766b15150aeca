// Who may do what, on a real workspace: role rules as a table, a trust replay that ignores what was
// written into the database behind the engine's back, one key per identity, and unlocking that
// tells a wrong passphrase (exit 2) from a stored key that was swapped or edited (VERIFICATION_FAILED).
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/shared/api/governance-types';
import { encryptSecret, type EncryptedKey } from '../../src/main/engine/identity/keys';
import { createIdentity } from '../../src/main/engine/identity/store';
import { deriveTrust, TRUST_ACTIONS } from '../../src/main/engine/identity/trust';
import { appendEvent } from '../../src/main/engine/workspace/event-log';
import { startTestEngine, type TestEngine } from '../support/engine';

const PASS: Record<string, string> = { alice: 'alice passphrase', bob: 'bob passphrase', carol: 'carol passphrase', dave: 'dave passphrase' };

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await t.call('identity.create', { name: 'alice', passphrase: PASS.alice!, roles: ['steward'] });
  await t.call('identity.create', { name: 'bob', passphrase: PASS.bob!, roles: ['approver'], activate: false });
  await t.call('identity.create', { name: 'carol', passphrase: PASS.carol!, roles: [], activate: false });
});
afterAll(async () => {
  await t.close();
});

const as = async (name: string) => t.call('identity.unlock', { name, passphrase: PASS[name]! });
const roles = async () => Object.fromEntries((await t.call('identity.list', {})).map((i) => [i.name, i.roles.join('+')]));

describe('role rules', () => {
  it('made the first identity the admin and gave later ones only what the admin granted', async () => {
    expect(await roles()).toEqual({ alice: 'admin+steward', bob: 'approver', carol: '' });
  });

  it.each<[string, string, 'grant' | 'revoke', string, Role, string, string]>([
    // actor, what, action, target, role, expected code, message part
    ['bob', 'an approver cannot grant', 'grant', 'carol', 'approver', 'FORBIDDEN', 'bob holds approver; it needs admin'],
    ['carol', 'no role cannot grant itself', 'grant', 'carol', 'admin', 'FORBIDDEN', 'carol holds no role; it needs admin'],
    ['bob', 'an approver cannot revoke', 'revoke', 'alice', 'admin', 'FORBIDDEN', 'it needs admin'],
    ['alice', 'the last admin cannot step down', 'revoke', 'alice', 'admin', 'FORBIDDEN', "the workspace's only admin"],
    ['alice', 'an unknown name', 'grant', 'zed', 'auditor', 'NOT_FOUND', 'no identity named "zed"'],
    ['alice', 'a role already held', 'grant', 'bob', 'approver', 'ALREADY_EXISTS', 'bob already holds approver'],
    ['alice', 'a role not held', 'revoke', 'carol', 'auditor', 'NOT_FOUND', 'carol does not hold auditor'],
  ])('%s: %s', async (actor, _what, action, name, role, code, message) => {
    await as(actor);
    const e = await t.fail(action === 'grant' ? 'identity.grant' : 'identity.revoke', { name, role, reason: 'testing the rules' });
    expect(e).toMatchObject({ code, message: expect.stringContaining(message) });
  });

  it('refuses a change without an unlocked identity, and a grant at creation by a non-admin', async () => {
    await t.call('identity.lock', {});
    expect((await t.fail('identity.grant', { name: 'carol', role: 'auditor', reason: 'no one signs this' })).code).toBe('UNAUTHENTICATED');
    await as('bob');
    const e = await t.fail('identity.create', { name: 'erin', passphrase: 'erin passphrase', roles: ['auditor'] });
    expect(e).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('needs admin') });
    expect(await roles()).toEqual({ alice: 'admin+steward', bob: 'approver', carol: '' });
  });

  it('names identities uniquely ignoring case', async () => {
    await as('alice');
    const e = await t.fail('identity.create', { name: 'ALICE', passphrase: 'another passphrase', roles: [] });
    expect(e).toMatchObject({ code: 'ALREADY_EXISTS', message: expect.stringContaining('"alice"') });
  });

  it.each([
    ['the name itself', 'frank-the-tank', 'Frank-The-Tank', 'cannot be the name'],
    ['one character repeated', 'frank', 'aaaaaaaaaa', 'repeats one or two characters'],
    ['two characters repeated', 'frank', 'abababababab', 'repeats one or two characters'],
  ])('refuses a passphrase that is %s', async (_what, name, passphrase, message) => {
    expect(await t.fail('identity.create', { name, passphrase, roles: [] })).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining(message) });
  });
});

describe('trust is replayed from signed entries only', () => {
  it.each<[string, (ids: Record<string, string>) => Promise<void>, string]>([
    [
      'an unsigned grant inserted in the log',
      async (ids) => {
        await t.engine.workspace.db.with((c) => appendEvent(c, { action: TRUST_ACTIONS.granted, actor: 'alice', subject: { identity: ids.carol! }, details: { identityId: ids.carol, name: 'carol', role: 'admin', reason: 'sneaky' } }));
      },
      'it is not signed',
    ],
    [
      'a grant signed by a non-admin',
      async (ids) => {
        await as('bob');
        const signer = t.engine.identity!.signer;
        await t.engine.workspace.db.with((c) => appendEvent(c, { action: TRUST_ACTIONS.granted, actor: 'alice', subject: { identity: ids.bob! }, details: { identityId: ids.bob, name: 'bob', role: 'admin', reason: 'self-promotion' }, signer }));
      },
      'it is not signed by an admin',
    ],
    [
      "an admin's grant whose payload was edited",
      async (ids) => {
        await as('alice');
        await t.call('identity.grant', { name: 'carol', role: 'auditor', reason: 'audits' });
        await t.engine.workspace.db.run(`UPDATE _ds_event_log SET details = replace(details::VARCHAR, '"auditor"', '"admin"')::JSON WHERE action = 'identity.roleGranted' AND json_extract_string(details, '$.identityId') = $id AND json_extract_string(details, '$.role') = 'auditor'`, { id: ids.carol! });
      },
      'its content does not match its hash',
    ],
    [
      'governed mode set by a non-admin',
      async () => {
        await as('bob');
        const signer = t.engine.identity!.signer;
        await t.engine.workspace.db.with((c) => appendEvent(c, { action: TRUST_ACTIONS.governed, actor: 'bob', subject: {}, details: { governed: true, reason: 'x' }, signer }));
      },
      'it is not signed by an admin',
    ],
  ])('ignores %s', async (_what, tamper, problem) => {
    const before = await deriveTrust(t.engine.workspace.db);
    const ids = Object.fromEntries([...before.identities.values()].map((i) => [i.name, i.id]));
    await tamper(ids);
    const after = await deriveTrust(t.engine.workspace.db);
    for (const i of after.identities.values()) expect(i.roles.has('admin'), `${i.name} admin`).toBe(i.name === 'alice');
    expect(after.governed).toBe(false);
    expect(after.problems.at(-1)?.message).toContain(problem);
    // The engine acts on the replay: the pretender is still refused.
    await as('bob');
    expect((await t.fail('identity.grant', { name: 'carol', role: 'steward', reason: 'try it' })).code).toBe('FORBIDDEN');
  });
});

describe('one key, one identity', () => {
  it('refuses a second identity on registered key material, naming the holder', async () => {
    await as('alice');
    const { privateKey } = generateKeyPairSync('ed25519');
    await createIdentity(t.engine.workspace, { name: 'dave', passphrase: PASS.dave!, roles: [] }, t.engine.identity, privateKey);
    const again = createIdentity(t.engine.workspace, { name: 'dave-two', passphrase: 'another passphrase', roles: [] }, t.engine.identity, privateKey);
    await expect(again).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('already registered to dave') });
  });

  it('ignores a creation entry written directly with a registered key', async () => {
    const trust = await deriveTrust(t.engine.workspace.db);
    const alice = [...trust.identities.values()].find((i) => i.name === 'alice')!;
    await as('alice');
    const signer = t.engine.identity!.signer;
    await t.engine.workspace.exclusive(() =>
      t.engine.workspace.db.with((c) =>
        appendEvent(c, { action: TRUST_ACTIONS.created, actor: 'alice2', subject: { identity: 'i99' }, details: { identityId: 'i99', name: 'alice2', publicKey: alice.publicKey, fingerprint: alice.fingerprint }, signer }),
      ),
    );
    const after = await deriveTrust(t.engine.workspace.db);
    expect(after.identities.has('i99')).toBe(false);
    expect(after.problems.at(-1)?.message).toContain("its key is already alice's");
  });
});

describe('unlocking', () => {
  const stored = async (name: string) => {
    const r = await t.engine.workspace.db.one(`SELECT identity_id AS id, encrypted::VARCHAR AS enc FROM _ds_identity_key WHERE name = $n`, { n: name });
    return { id: String(r!.id), enc: JSON.parse(String(r!.enc)) as EncryptedKey };
  };
  const put = (id: string, enc: EncryptedKey) => t.engine.workspace.db.run(`UPDATE _ds_identity_key SET encrypted = $e::JSON WHERE identity_id = $id`, { id, e: JSON.stringify(enc) });

  it.each<[string, (carol: EncryptedKey, bob: EncryptedKey) => EncryptedKey, string, string, string]>([
    ['a wrong passphrase', (c) => c, 'not carols passphrase', 'UNAUTHENTICATED', "Wrong passphrase for carol's signing key"],
    ["another identity's stored key swapped in", (_c, b) => b, PASS.bob!, 'VERIFICATION_FAILED', "carol's signing key belongs to something else"],
    ['the encrypted key edited', (c) => ({ ...c, data: Buffer.from(Buffer.from(c.data, 'base64').map((x, i) => (i === 3 ? x ^ 1 : x))).toString('base64') }), PASS.carol!, 'VERIFICATION_FAILED', "carol's signing key is damaged or was edited"],
    [
      'a key made by someone else, bound to carol',
      (c) => encryptSecret(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }), 'mallory knows this', c.boundTo),
      'mallory knows this',
      'VERIFICATION_FAILED',
      "carol's stored signing key does not match the public key",
    ],
    ['the binding stripped', (c) => ({ ...c, boundTo: undefined }) as EncryptedKey, PASS.carol!, 'VERIFICATION_FAILED', 'lacks the binding'],
  ])('%s', async (_what, change, passphrase, code, message) => {
    const carol = await stored('carol');
    const bob = await stored('bob');
    await as('alice');
    await put(carol.id, change(carol.enc, bob.enc));
    try {
      const e = await t.fail('identity.unlock', { name: 'carol', passphrase });
      expect(e).toMatchObject({ code, message: expect.stringContaining(message) });
      expect(t.engine.identity?.name).toBe('alice');
      const last = (await t.call('log.list', { limit: 1 }))[0]!;
      expect(last).toMatchObject({ action: 'identity.unlockFailed', actor: 'alice', details: { name: 'carol', reason: code === 'UNAUTHENTICATED' ? 'wrong passphrase' : 'stored key does not verify' } });
    } finally {
      await put(carol.id, carol.enc);
    }
    expect((await as('carol')).identity?.name).toBe('carol');
  });

  it('logs every switch: unlocked (signed), locked', async () => {
    await as('bob');
    await t.call('identity.lock', {});
    const [locked, unlocked] = await t.call('log.list', { limit: 2 });
    expect(unlocked).toMatchObject({ action: 'identity.unlocked', actor: 'bob' });
    expect(locked).toMatchObject({ action: 'identity.locked', actor: 'bob' });
    const signer = await t.engine.workspace.db.one(`SELECT signer FROM _ds_event_log WHERE seq = $s`, { s: unlocked!.seq });
    expect(String(signer?.signer)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the admin is the first creation in the log, not the first one still trusted', () => {
  it.each([
    ['edited', `UPDATE _ds_event_log SET details = replace(details::VARCHAR, '"firstOfWorkspace":true', '"firstOfWorkspace":false')::JSON WHERE seq = $s`],
    ['unsigned', `UPDATE _ds_event_log SET signature = NULL WHERE seq = $s`],
  ])("promotes no one when the admin's creation entry is %s", async (_what, tamper) => {
    const u = await startTestEngine();
    try {
      await u.call('identity.create', { name: 'alice', passphrase: PASS.alice!, roles: [] });
      await u.call('identity.create', { name: 'bob', passphrase: PASS.bob!, roles: [], activate: true });
      const created = await u.engine.workspace.db.one(`SELECT min(seq) AS s FROM _ds_event_log WHERE action = 'identity.created'`);
      await u.engine.workspace.db.run(tamper, { s: Number(created!.s) });
      const trust = await deriveTrust(u.engine.workspace.db);
      expect([...trust.identities.values()].map((i) => `${i.name}:${[...i.roles].join('+')}`)).toEqual(['bob:']);
      // Nor does the API make a newcomer the admin: granting needs an admin, and there is none.
      u.engine.setIdentity(null);
      await u.call('identity.create', { name: 'erin', passphrase: 'erin passphrase', roles: [], activate: true });
      expect((await deriveTrust(u.engine.workspace.db)).identities.size).toBe(2);
      expect([...(await deriveTrust(u.engine.workspace.db)).identities.values()].every((i) => !i.roles.has('admin'))).toBe(true);
      expect((await u.fail('identity.grant', { name: 'erin', role: 'admin', reason: 'take over' })).code).toBe('FORBIDDEN');
    } finally {
      await u.close();
    }
  });
});

describe('a session is its key, not its identity id', () => {
  it("gives a newcomer a fresh id when a key row was deleted, and never another identity's roles", async () => {
    const u = await startTestEngine();
    try {
      await u.call('identity.create', { name: 'alice', passphrase: PASS.alice!, roles: [] });
      await u.call('identity.create', { name: 'bob', passphrase: PASS.bob!, roles: ['approver'], activate: false });
      // bob's stored key removed behind the engine's back (the table is not part of the audit chain).
      await u.engine.workspace.db.run(`DELETE FROM _ds_identity_key WHERE name = 'bob'`);
      u.engine.setIdentity(null);
      const eve = await u.call('identity.create', { name: 'eve', passphrase: 'eve passphrase', roles: [], activate: true });
      expect(eve).toMatchObject({ name: 'eve', roles: [], id: 'i3' });
      expect((await u.call('identity.session', {})).identity).toMatchObject({ name: 'eve', roles: [] });
      // A session whose key is not the one trusted under its id acts as no one.
      const bobId = [...(await deriveTrust(u.engine.workspace.db)).identities.values()].find((i) => i.name === 'bob')!.id;
      u.engine.setIdentity({ ...u.engine.identity!, id: bobId });
      expect((await u.call('identity.session', {})).identity).toBeNull();
      expect(await u.fail('identity.grant', { name: 'eve', role: 'steward', reason: 'as bob' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('eve is not a trusted identity') });
    } finally {
      await u.close();
    }
  });
});
