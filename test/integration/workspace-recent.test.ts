// The recent-workspaces list and switching: most recent first, no duplicates, at most ten,
// folders that have gone marked as missing, a damaged list never an error, switching refused
// while jobs run, and throw-away workspaces never remembered.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/main/engine/engine';
import { inProcessApi } from '../../src/main/engine/in-process';
import { appDataDir, defaultWorkspaceDir, readRecent } from '../../src/main/engine/workspace/paths';
import { unwrap } from '../../src/shared/api/result';
import { tempDir, writeFixture } from '../support/engine';

const engines: Engine[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function setup() {
  const root = tempDir('ds-recent-');
  dirs.push(root);
  const env = { ...process.env, DATA_SANITIZER_HOME: path.join(root, 'home') };
  return { root, env, ws: (name: string) => path.join(root, name) };
}

async function start(env: NodeJS.ProcessEnv, workspaceDir?: string, rememberRecent = true) {
  const engine = await Engine.start({
    ...(workspaceDir ? { workspaceDir, create: true } : {}),
    processName: 'vitest',
    env,
    rememberRecent,
  });
  engines.push(engine);
  const api = inProcessApi(engine);
  return { engine, api, send: api.send };
}

describe('recent workspaces', () => {
  it('uses the default workspace under the app data folder when none is given', async () => {
    const { env } = setup();
    const { send } = await start(env);
    const info = unwrap(await send('workspace.current', {}));
    expect(info).toMatchObject({ path: defaultWorkspaceDir(env), isDefault: true, datasetCount: 0 });
    expect(info.path.startsWith(appDataDir(env))).toBe(true);
    expect(unwrap(await send('workspace.recent', {})).map((r) => r.path)).toEqual([defaultWorkspaceDir(env)]);
  });

  it('lists workspaces most recent first, once each, and says which have gone', async () => {
    const { env, ws } = setup();
    const { send } = await start(env, ws('a'));
    for (const p of ['b', 'c', 'a']) unwrap(await send('workspace.open', { path: ws(p), create: true }));
    fs.rmSync(ws('b'), { recursive: true, force: true });
    const recent = unwrap(await send('workspace.recent', {}));
    expect(recent.map((r) => [path.basename(r.path), r.exists])).toEqual([['a', true], ['c', true], ['b', false]]);
    expect(recent.every((r) => !Number.isNaN(Date.parse(r.lastOpenedAt)))).toBe(true);
  });

  it('keeps the ten most recent', async () => {
    const { env, ws } = setup();
    const { send } = await start(env, ws('w0'));
    for (let i = 1; i <= 11; i++) unwrap(await send('workspace.open', { path: ws(`w${i}`), create: true }));
    const names = unwrap(await send('workspace.recent', {})).map((r) => path.basename(r.path));
    expect(names).toEqual(['w11', 'w10', 'w9', 'w8', 'w7', 'w6', 'w5', 'w4', 'w3', 'w2']);
  });

  it.each([
    ['not JSON', '{"oops'],
    ['not a list', '{"path": "/x"}'],
    ['entries of the wrong shape', '[{"path": 3}, null, "x", {"path": "/ok", "lastOpenedAt": "2026-01-01T00:00:00Z"}]'],
  ])('survives a damaged list (%s)', async (_name, content) => {
    const { env, ws } = setup();
    fs.mkdirSync(appDataDir(env), { recursive: true });
    fs.writeFileSync(path.join(appDataDir(env), 'recent-workspaces.json'), content);
    const expectedBefore = content.includes('/ok') ? ['/ok'] : [];
    expect(readRecent(env).map((r) => r.path)).toEqual(expectedBefore);
    const { send } = await start(env, ws('fresh'));
    expect(unwrap(await send('workspace.recent', {})).map((r) => r.path)).toEqual([ws('fresh'), ...expectedBefore]);
  });

  it('does not remember throw-away workspaces (CLI runs on a file)', async () => {
    const { env, ws } = setup();
    const { send } = await start(env, ws('tmp'), false);
    unwrap(await send('workspace.open', { path: ws('tmp2'), create: true }));
    expect(readRecent(env)).toEqual([]);
  });
});

describe('switching workspace', () => {
  it('announces the new workspace and serves its datasets', async () => {
    const { env, ws, root } = setup();
    const { engine, send, api } = await start(env, ws('one'));
    const changed: string[] = [];
    api.on('workspace.changed', (w) => changed.push(w.path));
    const job = unwrap(await send('import.start', { path: writeFixture(root, 'x.csv', 'a\n1\n') }));
    await engine.jobs.wait(job.jobId);
    const info = unwrap(await send('workspace.open', { path: ws('two'), create: true }));
    expect(info).toMatchObject({ path: ws('two'), datasetCount: 0, isDefault: false });
    expect(changed).toEqual([ws('two')]);
    expect(fs.existsSync(path.join(ws('one'), 'workspace.lock'))).toBe(false);
    unwrap(await send('workspace.open', { path: ws('one') }));
    expect(unwrap(await send('dataset.list', {}))).toHaveLength(1);
  });

  it('is refused while a job runs, naming it', async () => {
    const { env, ws } = setup();
    const { engine, send } = await start(env, ws('busy'));
    let release: () => void = () => undefined;
    const job = engine.jobs.start('import', 'Import big.csv', () => new Promise<void>((r) => (release = r)));
    const r = await send('workspace.open', { path: ws('other'), create: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'BUSY', message: expect.stringContaining('Import big.csv') } });
    release();
    await engine.jobs.wait(job.id);
    expect(unwrap(await send('workspace.current', {})).path).toBe(ws('busy'));
  });

  it('opening the workspace already open is a no-op', async () => {
    const { env, ws } = setup();
    const { send } = await start(env, ws('same'));
    expect(unwrap(await send('workspace.open', { path: `${ws('same')}/` })).path).toBe(ws('same'));
  });
});
