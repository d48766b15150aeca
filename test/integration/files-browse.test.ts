// The in-app file browser's listings and the browser-mode path confinement.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/main/engine/engine';
import { inProcessApi } from '../../src/main/engine/in-process';
import { assertInRoots, fileRoots, listDir } from '../../src/main/engine/files/browse';
import { tempDir } from '../support/engine';

describe('file browser', () => {
  const root = tempDir('ds-browse-');
  const outside = tempDir('ds-outside-');
  beforeAll(() => {
    fs.mkdirSync(path.join(root, 'b-folder'));
    fs.mkdirSync(path.join(root, 'A-folder'));
    fs.writeFileSync(path.join(root, 'data10.csv'), 'a\n1\n');
    fs.writeFileSync(path.join(root, 'data9.csv'), 'a\n1\n');
    fs.writeFileSync(path.join(root, '.hidden.csv'), 'a\n');
    fs.writeFileSync(path.join(outside, 'secret.csv'), 'a\n');
    fs.symlinkSync(outside, path.join(root, 'escape'));
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });
  const roots = () => [{ label: 'root', path: root }];

  it('lists folders first, then files in natural order, hiding dotfiles unless asked', () => {
    const l = listDir(root, roots(), false);
    expect(l.entries.map((e) => e.name)).toEqual(['A-folder', 'b-folder', 'escape', 'data9.csv', 'data10.csv']);
    expect(l.entries.find((e) => e.name === 'data9.csv')?.size).toBe(4);
    expect(l.parent).toBeNull();
    expect(listDir(root, roots(), true).entries.map((e) => e.name)).toContain('.hidden.csv');
  });

  it('gives the parent only while it stays inside a root', () => {
    expect(listDir(path.join(root, 'A-folder'), roots(), false).parent).toBe(fs.realpathSync(root));
  });

  it.each([
    { label: 'a folder outside every root', p: () => outside },
    { label: 'a ../ escape', p: () => path.join(root, '..') },
    { label: 'a symlink that leads outside', p: () => path.join(root, 'escape') },
    { label: 'a file behind an escaping symlink', p: () => path.join(root, 'escape', 'secret.csv') },
  ])('refuses $label with OUTSIDE_ROOTS', ({ p }) => {
    expect(() => assertInRoots(p(), roots())).toThrow(expect.objectContaining({ code: 'OUTSIDE_ROOTS' }));
  });

  it('allows a not-yet-existing file under a root (an export destination)', () => {
    expect(assertInRoots(path.join(root, 'new', 'out.csv'), roots())).toBe(path.join(fs.realpathSync(root), 'new', 'out.csv'));
  });

  it('always offers the home folder and the --root folders, without duplicates', () => {
    const r = fileRoots([root, root]);
    expect(r[0]?.label).toBe('Home');
    expect(r.filter((x) => x.path === path.resolve(root))).toHaveLength(1);
  });

  it('a missing folder is NOT_FOUND, naming it', () => {
    expect(() => listDir(path.join(root, 'nope'), roots(), false)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('nope') }));
  });

  it('a confined engine (browser mode) refuses to import, export or open a workspace outside its roots', async () => {
    const engine = await Engine.start({
      workspaceDir: path.join(tempDir(), 'ws'), create: true, processName: 'vitest', rememberRecent: false,
      roots: [root], confineToRoots: true, env: { ...process.env, DATA_SANITIZER_HOME: tempDir() },
    });
    try {
      const api = inProcessApi(engine);
      const bad = await api.send('import.preview', { path: path.join(outside, 'secret.csv') });
      expect(bad.ok ? null : bad.error.code).toBe('OUTSIDE_ROOTS');
      const good = await api.send('import.preview', { path: path.join(root, 'data9.csv') });
      expect(good.ok).toBe(true);
      const ws = await api.send('workspace.open', { path: path.join(outside, 'ws'), create: true });
      expect(ws.ok ? null : ws.error.code).toBe('OUTSIDE_ROOTS');
      expect(fs.existsSync(path.join(outside, 'ws'))).toBe(false);
      const exp = await api.send('export.start', { datasetId: 'd1', path: path.join(outside, 'out.csv') });
      expect(exp.ok ? null : exp.error.code).toBe('OUTSIDE_ROOTS');
      // The workspace it started with lies outside the roots, yet switching back must work.
      const start = engine.workspace.dir;
      const other = await api.send('workspace.open', { path: path.join(root, 'other-ws'), create: true });
      expect(other.ok).toBe(true);
      const back = await api.send('workspace.open', { path: start });
      expect(back.ok ? back.value.path : back.error.message).toBe(start);
    } finally {
      await engine.close();
    }
  });
});
