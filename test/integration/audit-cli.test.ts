// `sanitizer audit verify | checkpoint | list` through the real bin: exit 0 on an intact log, 3 on a
// tampered or cut-off one (first bad entry, then every problem), 2 on a refused overwrite.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, tempDir, writeFixture } from '../support/engine';
import { runCli, type CliEnv } from './cli-support';

let root: string;
let env: CliEnv;
let ws: string;

async function sql(statement: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(path.join(ws, 'workspace.duckdb'));
  const c = await inst.connect();
  const rows = (await c.runAndReadAll(statement)).getRowObjects();
  c.closeSync();
  inst.closeSync();
  return rows;
}

beforeAll(async () => {
  root = tempDir('ds-audit-cli-');
  env = { home: path.join(root, 'home'), tmp: path.join(root, 'tmp'), cwd: root };
  fs.mkdirSync(env.home);
  fs.mkdirSync(env.tmp);
  ws = path.join(root, 'ws', 'workspace');
  const t = await startTestEngine({ workspaceDir: ws });
  await t.call('identity.create', { name: 'alice', passphrase: 'correct horse', roles: [] });
  await t.importFile(writeFixture(root, 'people.csv', 'name,city\nAda,Paris\nBo,Oslo\n'));
  await t.settle();
  await t.engine.close();
  fs.writeFileSync(path.join(root, 'pass.txt'), 'correct horse\n');
}, 120_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('sanitizer audit', () => {
  it('verifies an intact log (exit 0), writes checkpoints (as alice; no overwrite without --force), lists, and keeps `log` working', async () => {
    const ok = await runCli(['audit', 'verify', '--workspace', ws], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^The audit log of .*workspace is intact: \d+ entries, head entry \d+ \([0-9a-f]{16}…\), \d+ checkpoints? checked\.\n$/);

    // A checkpoint file that is not there is named, with the reason in words (it said a bare ENOENT).
    const missing = await runCli(['audit', 'verify', '--workspace', ws, '--checkpoint', 'not-here.json'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^sanitizer: Cannot read the checkpoint file .*not-here\.json: there is no such file \(ENOENT\)\.\n$/);

    const cp = await runCli(['audit', 'checkpoint', '--workspace', ws, '--out', 'held.json', '--as', 'alice', '--passphrase-file', 'pass.txt'], env);
    expect(cp.stderr).toBe('');
    expect(cp.code).toBe(0);
    expect(cp.stdout).toMatch(/^Checkpoint of entry \d+ \([0-9a-f]{16}…\) signed by alice \(key [0-9a-f]{16}…\) written to .*held\.json\./);
    const refused = await runCli(['audit', 'checkpoint', '--workspace', ws, '--out', 'held.json'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/held\.json already exists; give force \(CLI: --force\) to replace it\./);
    const forced = await runCli(['audit', 'checkpoint', '--workspace', ws, '--out', 'held.json', '--force', '--json'], env);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).checkpoint.signer.name).toBeNull();

    const list = await runCli(['audit', 'list', '--workspace', ws, '--action', 'identity.', '--json'], env);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { entries: { action: string }[] }).entries.map((e) => e.action)).toEqual(expect.arrayContaining(['identity.created', 'identity.unlocked']));
    const log = await runCli(['log', '--workspace', ws, '--limit', '3'], env);
    expect(log.code).toBe(0);
    expect(log.stdout).toMatch(/^seq\s+at \(UTC\)\s+actor\s+action/);
  }, 120_000);

  it('exits 3 on a tampered log, printing the first bad entry and every problem (text and JSON)', async () => {
    const held = path.join(root, 'held.json');
    const { seq } = JSON.parse(fs.readFileSync(held, 'utf8')) as { seq: number };
    await sql(`UPDATE _ds_event_log SET details = '{"rows": 99}' WHERE action = 'dataset.imported'`);
    // Cut the held checkpoint's entry and everything after it. Verifying only looks: it appends
    // nothing at the open or the close, so the gap it reports is never papered over.
    await sql(`DELETE FROM _ds_event_log WHERE seq >= ${seq}`);
    await sql(`DELETE FROM _ds_checkpoint WHERE seq >= ${seq}`);
    const before = await sql('SELECT count(*) AS n, max(seq) AS head FROM _ds_event_log');

    const text = await runCli(['audit', 'verify', '--workspace', ws, '--checkpoint', 'held.json'], env);
    expect(text.code).toBe(3);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toMatch(/^The audit log of .* was TAMPERED WITH/);
    expect(lines[1]).toMatch(/^First bad entry: entry \d+ \(dataset\.imported\): its details do not match its payload digest — edited after it was written$/);
    expect(lines[2]).toBe('All problems (2):');
    expect(lines[4]).toMatch(/^ {2}- \[truncated\] the log ends at entry \d+ but a checkpoint of entry \d+ signed by the workspace's checkpoint key on .* covers entry \d+ — entries were cut off the end \(held in .*held\.json\)$/);
    expect(text.stderr).toMatch(/^sanitizer: audit log verification failed: entry \d+ \(dataset\.imported\)/);

    const json = await runCli(['audit', 'verify', '--workspace', ws, '--checkpoint', 'held.json', '--json'], env);
    expect(json.code).toBe(3);
    const r = JSON.parse(json.stdout) as { ok: boolean; problems: { kind: string }[] };
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.kind)).toEqual(['hash', 'truncated']);
    expect(await sql('SELECT count(*) AS n, max(seq) AS head FROM _ds_event_log')).toEqual(before);
    expect(before[0]?.head).toBe(BigInt(seq - 1));
  }, 120_000);
});
