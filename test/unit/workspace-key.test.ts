// The workspace key file: created atomically (processes racing to create it all end with the same
// key), and refused on reading when it has the wrong size, is not a regular file, or (POSIX) can be
// read by other users — each error naming the file.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY_BYTES, keepsModes, readKey, readOrCreateKey, type ModeProbeFs } from '../../src/main/engine/workspace/key';

const run = promisify(execFile);
const POSIX = process.platform !== 'win32';
let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-key-'));
  file = path.join(dir, 'workspace.key');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('creating the key', () => {
  it('writes 32 random bytes, owner-only, and leaves no temporary file', () => {
    const k = readOrCreateKey(file);
    expect(k).toHaveLength(KEY_BYTES);
    expect(fs.readFileSync(file)).toEqual(k);
    if (POSIX) expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['workspace.key']);
  });

  it('never replaces an existing key', () => {
    const k = readOrCreateKey(file);
    expect(readOrCreateKey(file)).toEqual(k);
  });

  it('is created with mode 0600 whatever the umask', () => {
    if (!POSIX) return;
    const old = process.umask(0o000);
    try {
      readOrCreateKey(file);
    } finally {
      process.umask(old);
    }
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('gives every process of a race the same key', async () => {
    const tsx = path.resolve('node_modules/.bin/tsx');
    const script = `import { readOrCreateKey } from ${JSON.stringify(path.resolve('src/main/engine/workspace/key.ts'))}; process.stdout.write(readOrCreateKey(process.argv[2]).toString('hex'));`;
    const entry = path.join(dir, 'race.mts');
    fs.writeFileSync(entry, script);
    const keys = await Promise.all(Array.from({ length: 6 }, () => run(tsx, [entry, file]).then((r) => r.stdout)));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe(fs.readFileSync(file).toString('hex'));
    expect(fs.readdirSync(dir).sort()).toEqual(['race.mts', 'workspace.key']);
  }, 60_000);
});

describe('reading the key', () => {
  const write = (bytes: number, mode = 0o600) => {
    fs.writeFileSync(file, Buffer.alloc(bytes, 7), { mode });
    fs.chmodSync(file, mode);
  };

  it.each([
    { name: 'empty', bytes: 0, message: /has 0 bytes, not 32; it is damaged/ },
    { name: 'short', bytes: 31, message: /has 31 bytes, not 32/ },
    { name: 'long', bytes: 33, message: /has 33 bytes, not 32/ },
  ])('refuses a key of the wrong size ($name), naming the file', ({ bytes, message }) => {
    write(bytes);
    expect(() => readOrCreateKey(file)).toThrow(message);
    expect(() => readKey(file)).toThrow(file);
  });

  it.each([
    { name: '644', mode: 0o644, readable: true },
    { name: '640', mode: 0o640, readable: true },
    { name: '604', mode: 0o604, readable: true },
    { name: '600', mode: 0o600, readable: false },
    { name: '400', mode: 0o400, readable: false },
  ])('mode $name: refused when group or others can read it ($readable)', ({ mode, readable }) => {
    if (!POSIX) return;
    write(KEY_BYTES, mode);
    if (readable) expect(() => readKey(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} can be read by other users \\(mode 0?${mode.toString(8)}\\).*chmod 600`));
    else expect(readKey(file)).toHaveLength(KEY_BYTES);
  });

  it('refuses a symbolic link in the key file\'s place', () => {
    if (!POSIX) return;
    const real = path.join(dir, 'elsewhere.key');
    fs.writeFileSync(real, Buffer.alloc(KEY_BYTES, 1), { mode: 0o600 });
    fs.symlinkSync(real, file);
    expect(() => readOrCreateKey(file)).toThrow(/is not a regular file/);
  });

  it('names the file it cannot read', () => {
    expect(() => readKey(file)).toThrow(`Cannot read the workspace key ${file}`);
  });
});

describe('a file system that keeps no modes (FAT, exFAT, SMB)', () => {
  const write = (mode: number) => {
    fs.writeFileSync(file, Buffer.alloc(KEY_BYTES, 7), { mode });
    fs.chmodSync(file, mode);
  };

  it('the probe finds that this temp folder keeps modes, and leaves no file behind', () => {
    if (!POSIX) return;
    expect(keepsModes(dir)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each([
    { name: 'keeps 0600 when asked', mode: 0o100600, keeps: true },
    { name: 'chmod ignored: shows 0755 (FAT/exFAT)', mode: 0o100755, keeps: false },
    { name: 'chmod ignored: shows 0777 (SMB)', mode: 0o100777, keeps: false },
    { name: 'chmod fails with EPERM (vfat without quiet)', mode: 'EPERM' as const, keeps: false },
    { name: 'no scratch file can be made: fail closed', mode: 'EROFS' as const, keeps: true },
  ])('probe with a stub file system: $name → keeps modes $keeps', ({ mode, keeps }) => {
    // Stubbed: a test cannot mount a FAT volume. Only the no-modes branch relies on the stub.
    const removed: string[] = [];
    const fail = (code: string) => Object.assign(new Error(code), { code });
    const stub = {
      openSync: () => { if (mode === 'EROFS') throw fail('EROFS'); return 99; },
      closeSync: () => undefined,
      chmodSync: () => { if (mode === 'EPERM') throw fail('EPERM'); },
      statSync: () => ({ mode: typeof mode === 'number' ? mode : 0o100755 }),
      rmSync: (p: string) => { removed.push(p); },
    } as unknown as ModeProbeFs;
    expect(keepsModes(dir, stub)).toBe(keeps);
    if (mode !== 'EROFS') expect(removed).toHaveLength(1);
  });

  it.each([
    { name: '0644 where modes are kept: refused, no warning', mode: 0o644, keeps: true, used: false, warned: false },
    { name: '0755 where modes are not kept: used, with a warning naming the file', mode: 0o755, keeps: false, used: true, warned: true },
    { name: '0600 where modes are not kept: used, no warning', mode: 0o600, keeps: false, used: true, warned: false },
  ])('$name', ({ mode, keeps, used, warned }) => {
    if (!POSIX) return;
    write(mode);
    const warnings: string[] = [];
    const read = () => readKey(file, { keepsModes: () => keeps, warn: (m) => warnings.push(m) });
    if (used) expect(read()).toHaveLength(KEY_BYTES);
    else expect(read).toThrow(/can be read by other users.*chmod 600/);
    expect(warnings).toHaveLength(warned ? 1 : 0);
    if (warned) expect(warnings[0]).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} shows mode 755 .*does not keep file permissions.*it was used`));
  });

  it('the real probe keeps refusing a readable key here (this file system keeps modes)', () => {
    if (!POSIX) return;
    write(0o644);
    const warnings: string[] = [];
    expect(() => readOrCreateKey(file, { warn: (m) => warnings.push(m) })).toThrow(/can be read by other users/);
    expect(warnings).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(['workspace.key']);
  });
});
