// The desktop start-up loop with real engines: a workspace that cannot be opened becomes a
// question (open another, create one, quit), and the loop runs until one opens or the user quits.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/main/engine/engine';
import { openWorkspaceAtStart, type StartupSteps } from '../../src/main/startup';
import type { StartupAction } from '../../src/main/shell-policy';
import type { ErrorInfo } from '../../src/shared/api/result';
import { tempDir } from '../support/engine';

const engines: Engine[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function scenario(answers: StartupAction[], picks: (string | null)[]) {
  const root = tempDir('ds-startup-');
  dirs.push(root);
  const asked: { error: ErrorInfo; dir: string | null }[] = [];
  const pickedFor: string[] = [];
  const steps: StartupSteps<Engine> = {
    start: async (dir, create) => {
      const e = await Engine.start({
        processName: 'Data Sanitizer (desktop)',
        rememberRecent: false,
        env: { ...process.env, DATA_SANITIZER_HOME: path.join(root, 'home') },
        ...(dir ? { workspaceDir: dir, create } : {}),
      });
      engines.push(e);
      return e;
    },
    ask: async (error, dir) => {
      asked.push({ error, dir });
      return answers.shift() ?? 'quit';
    },
    pickFolder: async (action) => {
      pickedFor.push(action);
      return picks.shift() ?? null;
    },
  };
  return { root, steps, asked, pickedFor };
}

describe('opening the workspace at start', () => {
  it('opens the default workspace without asking anything', async () => {
    const s = scenario([], []);
    const e = await openWorkspaceAtStart(s.steps, null, false);
    expect(e?.workspace.dir).toBe(path.join(s.root, 'home', 'workspace'));
    expect(s.asked).toEqual([]);
  });

  it('asks when the workspace is in use, then creates one in the folder the user picks', async () => {
    const holder = scenario([], []);
    const held = await holder.steps.start(path.join(holder.root, 'held'), true);
    const other = path.join(holder.root, 'other');
    const s = scenario(['create'], [other]);
    const e = await openWorkspaceAtStart(s.steps, held.workspace.dir, false);
    expect(s.asked).toHaveLength(1);
    expect(s.asked[0]?.error.code).toBe('WORKSPACE_LOCKED');
    expect(s.asked[0]?.dir).toBe(held.workspace.dir);
    expect(s.pickedFor).toEqual(['create']);
    expect(e?.workspace.dir).toBe(other);
  });

  it.each([
    ['missing', 'NOT_FOUND', (root: string) => path.join(root, 'nope')],
    ['not a workspace', 'WORKSPACE_INCOMPATIBLE', (root: string) => {
      fs.mkdirSync(path.join(root, 'plain'));
      return path.join(root, 'plain');
    }],
  ])('a %s folder → %s, and quit returns null without opening anything', async (_name, code, make) => {
    const s = scenario(['quit'], []);
    const e = await openWorkspaceAtStart(s.steps, make(s.root), false);
    expect(e).toBeNull();
    expect(s.asked.map((a) => a.error.code)).toEqual([code]);
    expect(s.pickedFor).toEqual([]);
    expect(engines).toEqual([]);
  });

  it('keeps asking while the picks fail or are cancelled, with each error in turn', async () => {
    const s = scenario(['open', 'open', 'create'], [null, 'PLAIN', 'NEW']);
    const plain = path.join(s.root, 'plain');
    fs.mkdirSync(plain);
    const steps = { ...s.steps, pickFolder: async (a: 'open' | 'create') => {
      const p = await s.steps.pickFolder(a);
      return p === 'PLAIN' ? plain : p === 'NEW' ? path.join(s.root, 'new') : p;
    } };
    const e = await openWorkspaceAtStart(steps, path.join(s.root, 'missing'), false);
    expect(s.asked.map((a) => [a.error.code, a.dir && path.basename(a.dir)])).toEqual([
      ['NOT_FOUND', 'missing'],
      ['NOT_FOUND', 'missing'],
      ['WORKSPACE_INCOMPATIBLE', 'plain'],
    ]);
    expect(s.pickedFor).toEqual(['open', 'open', 'create']);
    expect(e?.workspace.dir).toBe(path.join(s.root, 'new'));
  });
});
