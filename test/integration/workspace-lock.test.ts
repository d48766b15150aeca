// A workspace held by another (real) process: a clear WORKSPACE_LOCKED naming that process and
// its PID, from Workspace.open, Engine.start and workspace.open alike; usable again once the
// holder exits, and also after it was killed without cleaning up.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/main/engine/engine';
import { LOCK_FILE, readLock } from '../../src/main/engine/workspace/lock';
import { Workspace } from '../../src/main/engine/workspace/workspace';
import { startTestEngine, tempDir } from '../support/engine';

const HOLDER = path.resolve('test/support/hold-workspace.ts');
const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGKILL');
      await new Promise((r) => c.once('exit', r));
    }
  }
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function newDir(): string {
  const d = tempDir('ds-lock-');
  dirs.push(d);
  return path.join(d, 'workspace');
}

/** Starts a second Node process that opens `dir` and holds it; resolves with its PID. */
async function holdInAnotherProcess(dir: string, name: string): Promise<{ child: ChildProcessWithoutNullStreams; pid: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dir, name], { stdio: 'pipe' });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const pid = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /ready (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the holder exited (${code}) before it was ready: ${err}`)));
  });
  return { child, pid };
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));

async function lockError(open: () => Promise<unknown>) {
  try {
    await open();
  } catch (err) {
    return err as { code: string; message: string; details?: Record<string, unknown> };
  }
  throw new Error('expected WORKSPACE_LOCKED');
}

describe('a workspace open in another process', () => {
  it('is refused with the holder\'s name and PID, and opens once the holder has closed it', async () => {
    const dir = newDir();
    const { child, pid } = await holdInAnotherProcess(dir, 'sanitizer import (test holder)');
    expect(pid).toBe(child.pid);

    const err = await lockError(() => Workspace.open(dir, { create: false, processName: 'vitest', actor: 'me' }));
    expect(err.code).toBe('WORKSPACE_LOCKED');
    expect(err.message).toContain(`The workspace ${dir} is open in another process`);
    expect(err.message).toContain('sanitizer import (test holder)');
    expect(err.message).toContain(`PID ${pid}`);
    expect(err.details).toMatchObject({ pid, process: 'sanitizer import (test holder)', file: dir });
    expect(readLock(dir)?.pid).toBe(pid);

    child.stdin.end();
    await exited(child);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const ws = await Workspace.open(dir, { create: false, processName: 'vitest', actor: 'me' });
    expect(readLock(dir)?.pid).toBe(process.pid);
    ws.close();
  });

  it('is refused by Engine.start too (what the desktop app and browser mode report at start)', async () => {
    const dir = newDir();
    const { pid } = await holdInAnotherProcess(dir, 'Data Sanitizer (browser mode)');
    const err = await lockError(() => Engine.start({ workspaceDir: dir, processName: 'Data Sanitizer (desktop)', rememberRecent: false }));
    expect(err.code).toBe('WORKSPACE_LOCKED');
    expect(err.message).toMatch(new RegExp(`Data Sanitizer \\(browser mode\\) \\(PID ${pid}\\b`));
  });

  it('is refused by workspace.open, and the current workspace stays open', async () => {
    const dir = newDir();
    const { pid } = await holdInAnotherProcess(dir, 'other holder');
    const t = await startTestEngine();
    try {
      const err = await t.fail('workspace.open', { path: dir });
      expect(err).toMatchObject({ code: 'WORKSPACE_LOCKED', details: { pid } });
      expect(err.message).toContain(`other holder (PID ${pid}`);
      expect((await t.call('workspace.current', {})).path).toBe(t.dir);
      expect(await t.call('dataset.list', {})).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('opens after the holder was killed without cleaning up (a stale lock file is not a lock)', async () => {
    const dir = newDir();
    const { child, pid } = await holdInAnotherProcess(dir, 'killed holder');
    child.kill('SIGKILL');
    await exited(child);
    expect(readLock(dir)?.pid).toBe(pid);
    const ws = await Workspace.open(dir, { create: false, processName: 'vitest', actor: 'me' });
    expect(readLock(dir)).toMatchObject({ pid: process.pid, process: 'vitest' });
    ws.close();
  });
});
