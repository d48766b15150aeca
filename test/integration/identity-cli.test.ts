// `sanitizer identity|settings|key` end to end through runCli on a real workspace: passphrases only
// from files or the environment (a --passphrase flag is an unknown option), refusals exit 2 naming
// the guard, a wrong passphrase exits 2, and what the commands print.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Interrupts, type CliIO } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { keyFingerprint } from '../../src/main/engine/workspace/key-generation';
import { openBackup, readBackupFile } from '../../src/main/engine/workspace/key-rotation';
import { tempDir } from '../support/engine';

let root: string;
let ws: string;
beforeAll(() => {
  root = tempDir('ds-cli-ident-');
  ws = path.join(root, 'ws');
  fs.mkdirSync(path.join(root, 'home'));
  fs.writeFileSync(path.join(root, 'alice.pass'), 'alice passphrase\n');
  fs.writeFileSync(path.join(root, 'bob.pass'), 'bob passphrase\n');
  fs.writeFileSync(path.join(root, 'backup.pass'), 'backup passphrase\n');
  fs.writeFileSync(path.join(root, 'wrong.pass'), 'not the passphrase\n');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const io: CliIO & { stdout: string; stderr: string } = {
    stdout: '',
    stderr: '',
    out: (s) => void (io.stdout += s),
    err: (s) => void (io.stderr += s),
    errIsTTY: false,
    env: { PATH: process.env.PATH ?? '', DATA_SANITIZER_HOME: path.join(root, 'home'), ...env },
    cwd: root,
    interrupts: new Interrupts(),
  };
  const code = await runCli([...args, '--workspace', ws], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}
const json = <T>(r: { stdout: string }) => JSON.parse(r.stdout) as T;

describe('sanitizer identity', () => {
  it('creates the first identity (the admin) with its passphrase from a file, then others as the admin', async () => {
    const a = await cli(['identity', 'create', '--name', 'alice', '--passphrase-file', 'alice.pass', '--json']);
    expect(a.code, a.stderr).toBe(0);
    expect(json<{ identity: { name: string; roles: string[] } }>(a).identity).toMatchObject({ name: 'alice', roles: ['admin'] });
    const b = await cli(['identity', 'create', '--name', 'bob', '--role', 'approver', '--role', 'auditor', '--as', 'alice', '--new-passphrase-file', 'bob.pass'], { SANITIZER_PASSPHRASE: 'alice passphrase' });
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/^Created bob \(i2\) with roles approver, auditor\.\nFingerprint: ([0-9a-f]{4} ){7}[0-9a-f]{4} {2}\(full: [0-9a-f]{64}\)\n$/);
    const c = await cli(['identity', 'create', '--name', 'carol'], { SANITIZER_PASSPHRASE: 'carol passphrase' });
    expect(c.code, c.stderr).toBe(0);
  });

  it('lists name, roles, fingerprint in groups of four and creation time', async () => {
    const r = await cli(['identity', 'list']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^name +roles +fingerprint +created \(UTC\)$/);
    expect(lines.slice(1).map((l) => l.split(/ {2,}/).slice(0, 2))).toEqual([['alice', 'admin'], ['bob', 'approver, auditor'], ['carol', '(none)']]);
    expect(lines[1]).toMatch(/ ([0-9a-f]{4} ){7}[0-9a-f]{4} +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const j = json<{ identities: { name: string; fingerprint: string }[] }>(await cli(['identity', 'list', '--json']));
    expect(j.identities.map((i) => i.name)).toEqual(['alice', 'bob', 'carol']);
  });

  it.each<[string, string[], Record<string, string>, number, RegExp]>([
    ['a passphrase on the command line', ['identity', 'grant', '--name', 'carol', '--role', 'steward', '--as', 'alice', '--passphrase', 'alice passphrase'], {}, 2, /unknown option '--passphrase'/],
    ['a grant by a non-admin', ['identity', 'grant', '--name', 'carol', '--role', 'steward', '--as', 'bob', '--passphrase-file', 'bob.pass'], {}, 2, /bob holds approver, auditor; it needs admin/],
    ['a wrong passphrase', ['identity', 'grant', '--name', 'carol', '--role', 'steward', '--as', 'alice', '--passphrase-file', 'wrong.pass'], {}, 2, /Wrong passphrase for alice's signing key/],
    ['no passphrase at all', ['identity', 'grant', '--name', 'carol', '--role', 'steward', '--as', 'alice'], {}, 2, /A passphrase for alice is needed: give --passphrase-file FILE or set SANITIZER_PASSPHRASE/],
    ['the last admin stepping down', ['identity', 'revoke', '--name', 'alice', '--role', 'admin', '--as', 'alice', '--passphrase-file', 'alice.pass'], {}, 2, /only admin/],
    ['an unknown role', ['identity', 'grant', '--name', 'carol', '--role', 'boss', '--as', 'alice'], {}, 2, /"boss" is not a role; the roles are admin, steward, approver, auditor/],
    ['an unknown identity', ['identity', 'grant', '--name', 'zed', '--role', 'steward', '--as', 'alice', '--passphrase-file', 'alice.pass'], {}, 2, /no identity named "zed" in this workspace \(there are: alice, bob, carol\)\./],
    ['grant without --as', ['identity', 'grant', '--name', 'carol', '--role', 'steward'], {}, 2, /required option '--as <name>'/],
    ['a duplicate name', ['identity', 'create', '--name', 'ALICE'], { SANITIZER_PASSPHRASE: 'some passphrase' }, 2, /already an identity named "alice"/],
    // A short reason is refused in the flag's words, before the request ("settings.setGoverned: reason: …" before).
    ['a one-letter reason for a grant', ['identity', 'grant', '--name', 'carol', '--role', 'steward', '--as', 'alice', '--passphrase-file', 'alice.pass', '--reason', 'x'], {}, 2, /^sanitizer: --reason "x": give a reason \(at least 3 characters\)\.$/m],
    ['a two-letter reason for governed', ['settings', 'governed', 'on', '--as', 'alice', '--passphrase-file', 'alice.pass', '--reason', 'go'], {}, 2, /^sanitizer: --reason "go": give a reason \(at least 3 characters\)\.$/m],
    ['a blank reason for a key rotation', ['key', 'rotate', '--as', 'alice', '--passphrase-file', 'alice.pass', '--reason', '   '], {}, 2, /^sanitizer: --reason " {3}": give a reason \(at least 3 characters\)\.$/m],
    // The message names the flag that gives this passphrase (it said --passphrase-file, which with --as is the admin's).
    ['no passphrase for the new identity', ['identity', 'create', '--name', 'dave', '--as', 'alice', '--passphrase-file', 'alice.pass'], {}, 2, /A passphrase for dave is needed: give --new-passphrase-file FILE or set SANITIZER_NEW_PASSPHRASE/],
    ['a missing passphrase file', ['identity', 'grant', '--name', 'carol', '--role', 'steward', '--as', 'alice', '--passphrase-file', 'nope.pass'], {}, 2, /Cannot read the passphrase file .*nope\.pass: there is no such file \(ENOENT\)\./],
    ['a folder as the passphrase file', ['identity', 'grant', '--name', 'carol', '--role', 'steward', '--as', 'alice', '--passphrase-file', 'home'], {}, 2, /Cannot read the passphrase file .*home: it is a folder, not a file \(EISDIR\)\./],
  ])('refuses %s (exit 2)', async (_what, args, env, code, message) => {
    const r = await cli(args, env);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('grants and revokes as the admin with the default reason', async () => {
    const g = await cli(['identity', 'grant', '--name', 'carol', '--role', 'steward', '--as', 'alice', '--passphrase-file', 'alice.pass']);
    expect(g.code, g.stderr).toBe(0);
    expect(g.stdout).toBe('Granted steward to carol; roles now: steward.\n');
    const v = await cli(['identity', 'revoke', '--name', 'bob', '--role', 'auditor', '--as', 'alice', '--reason', 'left the audit team'], { SANITIZER_PASSPHRASE: 'alice passphrase' });
    expect(v.code, v.stderr).toBe(0);
    const log = json<{ entries: { action: string; details: Record<string, unknown> }[] }>(await cli(['log', '--json', '--limit', '10']));
    const changes = log.entries.filter((e) => e.action.startsWith('identity.role')).slice(0, 2);
    expect(changes.map((e) => [e.action, e.details.role, e.details.reason])).toEqual([
      ['identity.roleRevoked', 'auditor', 'left the audit team'],
      ['identity.roleGranted', 'steward', 'from the command line'],
    ]);
  });
});

describe('sanitizer settings', () => {
  it('shows, and turns governed mode on as the admin only', async () => {
    const s = await cli(['settings', 'show']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/^Workspace id: +[0-9a-f-]{36}\nGoverned: +no\nKey generation: 1\nKey fingerprint: [0-9a-f]{64}\n$/);
    const bob = await cli(['settings', 'governed', 'on', '--as', 'bob', '--passphrase-file', 'bob.pass', '--reason', 'why not']);
    expect(bob.code).toBe(2);
    expect(bob.stderr).toContain('Turning governed mode on refused: bob holds approver; it needs admin');
    const on = await cli(['settings', 'governed', 'on', '--as', 'alice', '--passphrase-file', 'alice.pass', '--reason', 'audit season']);
    expect(on.code, on.stderr).toBe(0);
    expect(on.stdout).toBe('Governed mode is now on.\n');
    const again = await cli(['settings', 'governed', 'on', '--as', 'alice', '--passphrase-file', 'alice.pass', '--reason', 'audit season']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already governed');
    expect(json<{ settings: { governed: boolean } }>(await cli(['settings', 'show', '--json'])).settings.governed).toBe(true);
    const bad = await cli(['settings', 'governed', 'maybe', '--as', 'alice', '--reason', 'x y z']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('say on or off');
  });
});

describe('sanitizer key', () => {
  it('backs up (passphrase from a file or the environment, never an argument), rotates, and refuses a non-admin', async () => {
    const before = json<{ settings: { keyFingerprint: string } }>(await cli(['settings', 'show', '--json'])).settings.keyFingerprint;
    const noPass = await cli(['key', 'backup', '--out', 'k.json', '--as', 'alice', '--passphrase-file', 'alice.pass']);
    expect(noPass.code).toBe(2);
    expect(noPass.stderr).toContain('give --backup-passphrase-file FILE or set SANITIZER_BACKUP_PASSPHRASE');
    const b = await cli(['key', 'backup', '--out', 'k.json', '--as', 'alice', '--passphrase-file', 'alice.pass', '--backup-passphrase-file', 'backup.pass', '--json']);
    expect(b.code, b.stderr).toBe(0);
    expect(json<{ path: string; generation: number; fingerprint: string }>(b)).toMatchObject({ path: path.join(root, 'k.json'), generation: 1, fingerprint: before });
    const file = path.join(root, 'k.json');
    expect(keyFingerprint(openBackup(readBackupFile(file), 'backup passphrase', file))).toBe(before);
    const clobber = await cli(['key', 'backup', '--out', 'k.json', '--as', 'alice', '--passphrase-file', 'alice.pass'], { SANITIZER_BACKUP_PASSPHRASE: 'backup passphrase' });
    expect(clobber.code).toBe(2);
    expect(clobber.stderr).toContain('already exists');

    const refused = await cli(['key', 'rotate', '--as', 'carol', '--reason', 'mine now'], { SANITIZER_PASSPHRASE: 'carol passphrase' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Rotating the workspace key refused: carol holds steward; it needs admin');
    const r = await cli(['key', 'rotate', '--as', 'alice', '--passphrase-file', 'alice.pass', '--reason', 'yearly', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const after = json<{ settings: { keyGeneration: number; keyFingerprint: string } }>(r).settings;
    expect(after.keyGeneration).toBe(2);
    expect(after.keyFingerprint).not.toBe(before);
    expect(fs.existsSync(path.join(ws, 'keys', 'workspace.gen1.key'))).toBe(true);
  });

  it('restores a lost key from its backup', async () => {
    await cli(['key', 'backup', '--out', 'k2.json', '--as', 'alice', '--passphrase-file', 'alice.pass'], { SANITIZER_BACKUP_PASSPHRASE: 'backup passphrase' });
    const fp = json<{ settings: { keyFingerprint: string } }>(await cli(['settings', 'show', '--json'])).settings.keyFingerprint;
    fs.rmSync(path.join(ws, 'workspace.key'));
    const lost = await cli(['settings', 'show']);
    expect(lost.code).toBe(2);
    expect(lost.stderr).toContain('is missing; restore it from a backup (sanitizer key restore');
    const r = await cli(['key', 'restore', '--from', 'k2.json', '--as', 'alice', '--passphrase-file', 'alice.pass', '--backup-passphrase-file', 'backup.pass']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Restored generation 2 (fingerprint ${fp}) to ${path.join(ws, 'workspace.key')}.\n`);
    expect(json<{ settings: { keyFingerprint: string } }>(await cli(['settings', 'show', '--json'])).settings.keyFingerprint).toBe(fp);
  });
});
