// One browser-mode server per test: `node out/main/serve.js` on a fresh workspace, with a
// fixtures folder as its browse root; the printed URL (with its token) is what the page opens.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface AppServer {
  url: string;
  origin: string;
  /** The temp folder holding everything of this test. */
  dir: string;
  workspace: string;
  /** The folder the in-app file browser is rooted at (`--root`). */
  files: string;
  stop(): Promise<void>;
}

const SERVE = path.resolve('out/main/serve.js');
const START_TIMEOUT_MS = 60_000;

/** `env` adds to the server's environment (e.g. the job-hold test seam, HOLD_ENV in jobs.ts). */
export async function startServer(env: Record<string, string> = {}): Promise<AppServer> {
  if (!fs.existsSync(SERVE)) throw new Error(`${SERVE} is missing: build first (npx electron-vite build), or run npm run test:e2e.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-e2e-'));
  const workspace = path.join(dir, 'workspace');
  const files = path.join(dir, 'files');
  const home = path.join(dir, 'home');
  fs.mkdirSync(files);
  fs.mkdirSync(home);
  const child = spawn(process.execPath, [SERVE, '--workspace', workspace, '--create', '--root', files], {
    env: { ...process.env, ...env, DATA_SANITIZER_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await readUrl(child);
  return {
    url,
    origin: new URL(url).origin,
    dir,
    workspace,
    files,
    async stop() {
      await stopChild(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(`the server printed no URL within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`serve.js did not start: ${why}\nstdout: ${out}\nstderr: ${err}`));
    };
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code) => fail(`it exited with code ${code}`));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
