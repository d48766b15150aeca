// Browser mode as a real process (serve.ts, run from source): prints the URL, answers, stops
// cleanly on Ctrl-C releasing the workspace, and refuses bad flags, a busy port and a workspace
// another browser-mode process holds, with exit code 2 and a message saying why.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP } from '../../src/shared/api/bridge';
import { LOCK_FILE } from '../../src/main/engine/workspace/lock';
import { tempDir } from '../support/engine';

const SERVE = path.resolve('src/main/server/serve.ts');
let root: string;
let staticDir: string;
const children: ChildProcessWithoutNullStreams[] = [];

interface Serving {
  child: ChildProcessWithoutNullStreams;
  port: number;
  token: string;
  stderr: () => string;
}

function spawnServe(args: string[]): { child: ChildProcessWithoutNullStreams; out: () => string; err: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE, '--static', staticDir, ...args], {
    env: { ...process.env, DATA_SANITIZER_HOME: path.join(root, 'home') },
    stdio: 'pipe',
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, out: () => out, err: () => err, exit };
}

async function serve(args: string[]): Promise<Serving> {
  const s = spawnServe(args);
  const m = await new Promise<RegExpExecArray>((resolve, reject) => {
    s.child.stdout.on('data', () => {
      const found = /Open: http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)/.exec(s.out());
      if (found) resolve(found);
    });
    void s.exit.then((code) => reject(new Error(`serve exited (${code}) before printing its URL: ${s.err()}`)));
  });
  return { child: s.child, port: Number(m[1]), token: m[2] ?? '', stderr: s.err };
}

function appInfo(port: number, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: `${HTTP.call}app.info`, headers: { [HTTP.tokenHeader]: token }, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

beforeAll(() => {
  root = tempDir('ds-serve-');
  staticDir = path.join(root, 'ui');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ui</title>');
});

afterAll(async () => {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGKILL');
      await new Promise((r) => c.once('exit', r));
    }
  }
  fs.rmSync(root, { recursive: true, force: true });
});

describe('serve', () => {
  it('prints the URL, answers with the token, and on Ctrl-C exits 0 and releases the workspace', async () => {
    const ws = path.join(root, 'ws-main');
    const s = await serve(['--workspace', ws, '--create']);
    const r = await appInfo(s.port, s.token);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { name: 'Data Sanitizer' } });
    expect(fs.existsSync(path.join(ws, LOCK_FILE))).toBe(true);

    const exit = new Promise<number | null>((res) => s.child.once('exit', (code) => res(code)));
    s.child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(fs.existsSync(path.join(ws, LOCK_FILE))).toBe(false);
    expect(fs.existsSync(path.join(ws, 'tmp'))).toBe(false);
  });

  it('refuses a workspace another browser-mode process holds, naming it, with exit code 2', async () => {
    const ws = path.join(root, 'ws-held');
    const first = await serve(['--workspace', ws, '--create']);
    const second = spawnServe(['--workspace', ws]);
    expect(await second.exit).toBe(2);
    expect(second.err()).toContain(`is open in another process: Data Sanitizer (browser mode) (PID ${first.child.pid}`);
    expect((await appInfo(first.port, first.token)).status).toBe(200);

    const busy = spawnServe(['--workspace', path.join(root, 'ws-other'), '--create', '--port', String(first.port)]);
    expect(await busy.exit).toBe(2);
    expect(busy.err()).toContain(`Cannot listen on 127.0.0.1:${first.port}`);
    expect(fs.existsSync(path.join(root, 'ws-other', LOCK_FILE))).toBe(false);
    first.child.kill('SIGTERM');
  });

  it.each([
    [['--port', 'abc'], /--port abc: give a port number from 0 to 65535/],
    [['--port', '70000'], /--port 70000: give a port number/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--workspace', 'NOWHERE'], /There is no workspace at/],
  ])('%j → exit 2 and says why', async (args, message) => {
    const s = spawnServe(args.map((a) => (a === 'NOWHERE' ? path.join(root, 'does-not-exist') : a)));
    expect(await s.exit).toBe(2);
    expect(s.err()).toMatch(message);
    expect(s.out()).not.toContain('Open:');
  });
});
