// Runs the real `bin/sanitizer.mjs` in a child process with its own data folder and temp folder,
// and generates big CSV files for the interrupt tests.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(REPO, 'bin', 'sanitizer.mjs');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliEnv {
  /** DATA_SANITIZER_HOME: where the default workspace lives. */
  home: string;
  /** TMPDIR of the child: where temporary workspaces go. */
  tmp: string;
  cwd: string;
  extra?: NodeJS.ProcessEnv;
}

export function startCli(args: string[], env: CliEnv): { child: ChildProcess; done: Promise<CliRun>; output: { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: env.cwd,
    env: { ...process.env, DATA_SANITIZER_HOME: env.home, TMPDIR: env.tmp, ...env.extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d: Buffer) => (output.stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (output.stderr += d.toString('utf8')));
  const done = new Promise<CliRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, ...output })));
  return { child, done, output };
}

export function runCli(args: string[], env: CliEnv): Promise<CliRun> {
  return startCli(args, env).done;
}

/** Resolves once `output.stderr` matches, polling (the child writes progress lines). */
export async function waitFor(output: { stderr: string }, pattern: RegExp, timeoutMs = 120_000): Promise<void> {
  const start = Date.now();
  while (!pattern.test(output.stderr)) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${pattern} in stderr: ${output.stderr.slice(-500)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A CSV of `rows` customer-like records, written in large blocks. */
export function bigCsv(file: string, rows: number): string {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'id,name,email,city,amount\n');
  const block: string[] = [];
  for (let i = 1; i <= rows; i++) {
    block.push(`${i},Name ${i},user${i}@example.org,City ${i % 97},${(i * 7) % 1000}.${i % 100}`);
    if (block.length === 50_000 || i === rows) {
      fs.writeSync(fd, `${block.join('\n')}\n`);
      block.length = 0;
    }
  }
  fs.closeSync(fd);
  return file;
}

export function tempWorkspaces(tmp: string): string[] {
  return fs.readdirSync(tmp).filter((n) => n.startsWith('sanitizer-ws-'));
}

/** A CLI sandbox (home, tmp, cwd under one temp root) with `csv` written as people.csv and imported into a workspace. */
export async function importedWorkspace(prefix: string, csv: string): Promise<{ env: CliEnv; ws: string; datasetId: string; remove(): void }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const env: CliEnv = { home: path.join(root, 'home'), tmp: path.join(root, 'tmp'), cwd: path.join(root, 'work') };
  for (const d of [env.home, env.tmp, env.cwd]) fs.mkdirSync(d, { recursive: true });
  const ws = path.join(root, 'ws');
  fs.writeFileSync(path.join(env.cwd, 'people.csv'), csv);
  const r = await runCli(['import', 'people.csv', '--workspace', ws, '--json'], env);
  if (r.code !== 0) throw new Error(`import failed (${r.code}): ${r.stderr}`);
  const datasetId = (JSON.parse(r.stdout) as { datasetId: string }).datasetId;
  return { env, ws, datasetId, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}
