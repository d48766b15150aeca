// Workspace settings and the workspace key on a real workspace: governed mode (admin only, read back
// after reopening), the encrypted backup, rotation (new pseudonyms, the old key kept and private),
// repair at opening of a rotation a crash cut short, and restoring a lost key from its backup.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StepInput } from '../../src/shared/policy/steps';
import { keyFingerprint } from '../../src/main/engine/workspace/key-generation';
import { archivedKeyFile, keyForGeneration, openBackup, pendingKeyFile, readBackupFile } from '../../src/main/engine/workspace/key-rotation';
import { policyDoc, previewFile, writeCsv } from '../support/clean';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';

const ADMIN = { name: 'alice', passphrase: 'alice passphrase' };
const BOB = { name: 'bob', passphrase: 'bob passphrase' };
const mode = (f: string) => (fs.statSync(f).mode & 0o777).toString(8);

let t: TestEngine;
let out: string;
beforeAll(async () => {
  t = await startTestEngine();
  out = tempDir('ds-key-out-');
  await t.call('identity.create', { ...ADMIN, roles: [] });
  await t.call('identity.create', { ...BOB, roles: ['approver'], activate: false });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(out, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Closes the engine and opens the same workspace again (as the next process would). */
async function reopen(): Promise<void> {
  await t.engine.close();
  const dir = t.dir;
  const next = await startTestEngine({ workspaceDir: dir });
  const parent = path.dirname(dir);
  t = { ...next, close: async () => { await next.engine.close(); fs.rmSync(parent, { recursive: true, force: true }); } };
}
const as = (who: { name: string; passphrase: string }) => t.call('identity.unlock', who);
const lastEntry = async () => (await t.call('log.list', { limit: 1 }))[0]!;

describe('settings', () => {
  it('shows the workspace id, governed mode and key generation', async () => {
    const s = await t.call('settings.get', {});
    expect(s).toEqual({ workspaceId: expect.stringMatching(/^[0-9a-f-]{36}$/), governed: false, keyGeneration: 1, keyFingerprint: keyFingerprint(t.engine.workspace.secretKey()) });
  });

  it.each([
    ['no identity', null, true, 'UNAUTHENTICATED', 'must be signed'],
    ['an approver', BOB, true, 'FORBIDDEN', 'bob holds approver; it needs admin'],
    ['the admin, turning off what is off', ADMIN, false, 'INVALID_ARGUMENT', 'already not governed'],
  ])('refuses governed mode from %s', async (_who, who, governed, code, message) => {
    if (who) await as(who);
    else await t.call('identity.lock', {});
    expect(await t.fail('settings.setGoverned', { governed, reason: 'testing' })).toMatchObject({ code, message: expect.stringContaining(message) });
  });

  it('lets the admin turn it on, signed, and reads it back after reopening', async () => {
    await as(ADMIN);
    expect((await t.call('settings.setGoverned', { governed: true, reason: 'audit season' })).governed).toBe(true);
    expect(await lastEntry()).toMatchObject({ action: 'settings.governed', actor: 'alice', details: { governed: true, reason: 'audit season' } });
    expect((await t.fail('settings.setGoverned', { governed: true, reason: 'again' })).message).toContain('already governed');
    await reopen();
    expect((await t.call('settings.get', {})).governed).toBe(true);
    expect((await t.call('identity.session', {})).governed).toBe(true);
    await as(ADMIN);
    expect((await t.call('settings.setGoverned', { governed: false, reason: 'season over' })).governed).toBe(false);
  });
});

describe('backup', () => {
  it('writes the key encrypted, private, and it decrypts to the key', async () => {
    await as(ADMIN);
    const file = path.join(out, 'key-backup.json');
    const r = await t.call('key.backup', { path: file, passphrase: 'backup passphrase' });
    const s = await t.call('settings.get', {});
    expect(r).toEqual({ path: file, generation: 1, fingerprint: s.keyFingerprint });
    if (process.platform !== 'win32') expect(mode(file)).toBe('600');
    const doc = readBackupFile(file);
    expect(doc).toMatchObject({ format: 'data-sanitizer/workspace-key-backup@1', workspaceId: s.workspaceId, generation: 1, fingerprint: s.keyFingerprint });
    expect(fs.readFileSync(file, 'utf8')).not.toContain(t.engine.workspace.secretKey().toString('base64'));
    expect(keyFingerprint(openBackup(doc, 'backup passphrase', file))).toBe(s.keyFingerprint);
    expect(() => openBackup(doc, 'not the passphrase', file)).toThrow(/Wrong passphrase for the key backup/);
    expect(await lastEntry()).toMatchObject({ action: 'key.backedUp', actor: 'alice', details: { path: file, generation: 1, fingerprint: s.keyFingerprint } });
    expect(fs.readdirSync(out)).toEqual(['key-backup.json']);
  });

  it('refuses to overwrite without force, overwrites with it', async () => {
    await as(ADMIN);
    const file = path.join(out, 'key-backup.json');
    const before = fs.readFileSync(file, 'utf8');
    expect((await t.fail('key.backup', { path: file, passphrase: 'backup passphrase' })).code).toBe('ALREADY_EXISTS');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    await t.call('key.backup', { path: file, passphrase: 'backup passphrase', force: true });
    expect(fs.readFileSync(file, 'utf8')).not.toBe(before);
    expect(fs.readdirSync(out)).toEqual(['key-backup.json']);
  });

  it.each([
    ['an approver', BOB, 'backup passphrase', 'FORBIDDEN', 'needs admin'],
    ['the admin with a weak passphrase', ADMIN, 'xxxxxxxxxx', 'INVALID_ARGUMENT', 'repeats'],
  ])('refuses %s', async (_what, who, passphrase, code, message) => {
    await as(who);
    expect(await t.fail('key.backup', { path: path.join(out, 'other.json'), passphrase })).toMatchObject({ code, message: expect.stringContaining(message) });
    expect(fs.existsSync(path.join(out, 'other.json'))).toBe(false);
  });
});

describe('rotation', () => {
  const step: StepInput = { id: 'h', type: 'deidentify', columns: { names: ['v'] }, params: { operators: { default: { op: 'hash' } } } };
  // A preview's changes carry the keyed hashes the step makes (a run would too; runs record the
  // generation they used — the lifecycle work's side).
  const hashed = async () => (await previewFile(t, writeCsv(['v'], [['123-45-6789'], ['987-65-4321']]), { policy: policyDoc([step]) })).changes.map((c) => c.after);

  it.each([
    ['no identity', null, 'UNAUTHENTICATED'],
    ['an approver', BOB, 'FORBIDDEN'],
  ])('is refused for %s', async (_what, who, code) => {
    if (who) await as(who);
    else await t.call('identity.lock', {});
    expect((await t.fail('key.rotate', { reason: 'try' })).code).toBe(code);
  });

  it('is refused while a job runs', async () => {
    await as(ADMIN);
    let finish!: () => void;
    const job = t.engine.jobs.start('profile', 'a long profile', () => new Promise<void>((r) => (finish = r)));
    try {
      expect(await t.fail('key.rotate', { reason: 'now' })).toMatchObject({ code: 'BUSY', message: expect.stringContaining('a long profile') });
    } finally {
      finish();
      await t.engine.jobs.wait(job.id);
    }
  });

  it('gives new pseudonyms, keeps the old key private, and records the rotation', async () => {
    await as(ADMIN);
    const oldKey = Buffer.from(t.engine.workspace.secretKey());
    const before = await hashed();
    expect(await hashed()).toEqual(before);
    const s = await t.call('key.rotate', { reason: 'yearly rotation' });
    expect(s.keyGeneration).toBe(2);
    expect(s.keyFingerprint).not.toBe(keyFingerprint(oldKey));
    expect(keyFingerprint(t.engine.workspace.secretKey())).toBe(s.keyFingerprint);
    const after = await hashed();
    expect(before).toHaveLength(2);
    after.forEach((v, i) => expect(v).not.toBe(before[i]));

    const kept = archivedKeyFile(t.dir, 1);
    expect(fs.readFileSync(kept).equals(oldKey)).toBe(true);
    expect((await keyForGeneration(t.engine.workspace, 1)).equals(oldKey)).toBe(true);
    if (process.platform !== 'win32') {
      expect(mode(kept)).toBe('600');
      expect(mode(t.engine.workspace.keyFile)).toBe('600');
    }
    expect(fs.existsSync(pendingKeyFile(t.dir))).toBe(false);
    const entry = (await t.call('log.list', { limit: 50 })).find((x) => x.action === 'key.rotated');
    expect(entry).toMatchObject({ action: 'key.rotated', actor: 'alice', details: { from: 1, to: 2, oldFingerprint: keyFingerprint(oldKey), newFingerprint: s.keyFingerprint, reason: 'yearly rotation' } });
    // After reopening, the same generation and key.
    await reopen();
    expect(await t.call('settings.get', {})).toMatchObject({ keyGeneration: 2, keyFingerprint: s.keyFingerprint });
    expect(await hashed()).toEqual(after);
  });

  it('discards at the next open a new key whose rotation never committed', async () => {
    const s = await t.call('settings.get', {});
    fs.writeFileSync(pendingKeyFile(t.dir), Buffer.alloc(32, 7), { mode: 0o600 });
    await reopen();
    expect(fs.existsSync(pendingKeyFile(t.dir))).toBe(false);
    expect(await t.call('settings.get', {})).toMatchObject({ keyGeneration: s.keyGeneration, keyFingerprint: s.keyFingerprint });
    const opened = await t.call('log.list', { limit: 2 });
    expect(opened.map((e) => e.action)).toEqual(['workspace.opened', 'key.rotationDiscarded']);
  });

  it('finishes at the next open a rotation committed before its key was put in place', async () => {
    await as(ADMIN);
    const real = fs.renameSync;
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(to) === t.engine.workspace.keyFile) throw Object.assign(new Error('EIO: simulated crash'), { code: 'EIO' });
      real(from, to);
    });
    const e = await t.fail('key.rotate', { reason: 'crash half way' });
    vi.restoreAllMocks();
    expect(e).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('Reopen the workspace') });
    // Until then, no key is handed out: nothing can mix the two generations.
    expect(() => t.engine.workspace.secretKey()).toThrow(/rotation to generation 3 was recorded/);
    const rotated = (await lastEntry()).details as { newFingerprint: string };
    await reopen();
    expect(await t.call('settings.get', {})).toMatchObject({ keyGeneration: 3, keyFingerprint: rotated.newFingerprint });
    expect(fs.existsSync(pendingKeyFile(t.dir))).toBe(false);
    expect(fs.existsSync(archivedKeyFile(t.dir, 2))).toBe(true);
    expect((await t.call('log.list', { limit: 2 })).map((x) => x.action)).toEqual(['workspace.opened', 'key.rotationFinished']);
  });
});

describe('restore', () => {
  it('refuses to invent a new key where one was lost, and restores it from a backup', async () => {
    await as(ADMIN);
    const file = path.join(out, 'gen3.json');
    const { fingerprint } = await t.call('key.backup', { path: file, passphrase: 'backup passphrase' });
    fs.rmSync(t.engine.workspace.keyFile);
    await reopen();
    expect((await t.fail('settings.get', {})).message).toContain('is missing; restore it from a backup');
    expect(fs.existsSync(t.engine.workspace.keyFile)).toBe(false);
    await as(ADMIN);
    expect((await t.fail('key.restore', { path: file, passphrase: 'wrong passphrase' })).code).toBe('UNAUTHENTICATED');
    const r = await t.call('key.restore', { path: file, passphrase: 'backup passphrase' });
    expect(r).toEqual({ generation: 3, fingerprint, restoredTo: t.engine.workspace.keyFile });
    expect((await t.call('settings.get', {})).keyFingerprint).toBe(fingerprint);
    expect((await t.fail('key.restore', { path: file, passphrase: 'backup passphrase' })).code).toBe('ALREADY_EXISTS');
  });

  it("refuses another workspace's backup", async () => {
    const other = await startTestEngine();
    try {
      await other.call('identity.create', { name: 'zoe', passphrase: 'zoe passphrase', roles: [] });
      const file = path.join(out, 'other-ws.json');
      await other.call('key.backup', { path: file, passphrase: 'backup passphrase' });
      await as(ADMIN);
      expect(await t.fail('key.restore', { path: file, passphrase: 'backup passphrase' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('the key of another workspace') });
    } finally {
      await other.close();
    }
  });
});
