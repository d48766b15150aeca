// Ctrl-C and a held workspace, with the real binary: SIGINT during a big import or export exits
// 130 and leaves nothing (no dataset, no temp workspace, no output or scratch file); a workspace
// held by another process is refused with exit 2, naming that process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/engine';
import { REPO, bigCsv, runCli, startCli, tempWorkspaces, waitFor, type CliEnv } from './cli-support';

let env: CliEnv;
let big: string;
beforeAll(() => {
  const root = tempDir('ds-cli-int-');
  env = { home: path.join(root, 'home'), tmp: path.join(root, 'tmp'), cwd: path.join(root, 'work'), extra: { SANITIZER_PROGRESS: '1' } };
  for (const d of [env.home, env.tmp, env.cwd]) fs.mkdirSync(d, { recursive: true });
  big = bigCsv(path.join(env.cwd, 'big.csv'), 1_000_000);
});
afterAll(() => fs.rmSync(path.dirname(env.home), { recursive: true, force: true }));

describe('Ctrl-C', () => {
  it('during a big import: exit 130, no dataset, nothing staged', async () => {
    const ws = path.join(env.cwd, 'ws-int');
    const run = startCli(['import', big, '--workspace', ws], env);
    await waitFor(run.output, /Importing big\.csv: /);
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('sanitizer: interrupted; cancelling and cleaning up');
    expect(r.stderr).toMatch(/sanitizer: Importing big\.csv: interrupted; nothing was left half-written/);
    expect(r.stdout).toBe('');
    const wsTmp = path.join(ws, 'tmp');
    expect(fs.existsSync(wsTmp) ? fs.readdirSync(wsTmp) : []).toEqual([]);
    expect(fs.existsSync(path.join(ws, 'workspace.lock'))).toBe(false);
    const list = await runCli(['datasets', '--workspace', ws, '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as { datasets: unknown[] }).datasets).toEqual([]);
    const log = await runCli(['log', '--workspace', ws, '--json', '--limit', '100'], env);
    const entries = (JSON.parse(log.stdout) as { entries: { action: string; details: { sweptTables?: string[] } }[] }).entries;
    expect(entries.map((e) => e.action)).not.toContain('dataset.imported');
    // A staging table left behind would have been swept (and logged) when the workspace was reopened.
    const opens = entries.filter((e) => e.action === 'workspace.opened');
    expect(opens.length).toBeGreaterThanOrEqual(2);
    for (const e of opens) expect(e.details.sweptTables ?? []).toEqual([]);
  });

  it('during an export of a file: exit 130, no output, no scratch file, no temp workspace', async () => {
    const outDir = path.join(env.cwd, 'out');
    fs.mkdirSync(outDir);
    const run = startCli(['export', big, '--out', path.join(outDir, 'big.xlsx')], env);
    await waitFor(run.output, /Exporting to big\.xlsx: /);
    expect(tempWorkspaces(env.tmp)).toHaveLength(1);
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/sanitizer: Exporting to big\.xlsx: interrupted/);
    expect(fs.readdirSync(outDir)).toEqual([]);
    expect(tempWorkspaces(env.tmp)).toEqual([]);
  });
});

describe('a workspace held by another process', () => {
  it('is refused with exit 2, naming the process that holds it', async () => {
    const ws = path.join(env.cwd, 'ws-held');
    const holderScript = path.join(env.cwd, 'holder.mts');
    fs.writeFileSync(
      holderScript,
      `import { Engine } from ${JSON.stringify(path.join(REPO, 'src/main/engine/engine.ts'))};
       const engine = await Engine.start({ workspaceDir: process.argv[2], create: true, processName: 'Data Sanitizer (desktop)', rememberRecent: false });
       process.stdout.write('ready\\n');
       process.stdin.on('end', () => void engine.close().then(() => process.exit(0)));
       process.stdin.resume();`,
    );
    const holder = spawn(process.execPath, ['--import', 'tsx', holderScript, ws], { cwd: REPO, env: { ...process.env, DATA_SANITIZER_HOME: env.home }, stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        holder.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
      });
      for (const args of [['datasets', '--workspace', ws], ['import', big, '--workspace', ws]]) {
        const r = await runCli(args, env);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`sanitizer: The workspace ${ws} is open in another process: Data Sanitizer (desktop) (PID ${holder.pid}`);
      }
    } finally {
      holder.stdin!.end();
      await new Promise((r) => holder.on('close', r));
    }
    const after = await runCli(['datasets', '--workspace', ws, '--json'], env);
    expect(after.code, after.stderr).toBe(0);
  });
});
