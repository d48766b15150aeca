// `npm start`'s decisions: desktop or browser mode (and why), when to fetch Electron's binary,
// which flags pass through, and what counts as Electron failing to start.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EARLY_EXIT_MS,
  decideStart,
  electronBinary,
  electronFailedToStart,
  installEnv,
  parseStartArgs,
  type StartDecision,
} from '../../scripts/start-plan.mjs';

const X11 = { DISPLAY: ':0' };
const WAYLAND = { WAYLAND_DISPLAY: 'wayland-0' };
const NONE = {};

describe('decideStart', () => {
  type Case = [string, boolean, Record<string, string>, boolean, boolean, boolean, StartDecision['action'], RegExp | null];
  it.each<Case>([
    // platform, --browser, env, isRoot, binary present, install attempted → action, reason
    ['linux', false, X11, false, true, false, 'electron', null],
    ['linux', false, WAYLAND, false, true, false, 'electron', null],
    ['linux', false, X11, false, false, false, 'install', null],
    ['linux', false, X11, false, false, true, 'browser', /could not be downloaded/],
    ['linux', false, NONE, false, true, false, 'browser', /no display/],
    ['linux', false, NONE, false, false, false, 'browser', /no display/],
    ['linux', false, X11, true, true, false, 'browser', /root/],
    ['linux', true, X11, false, true, false, 'browser', null],
    ['linux', true, NONE, false, false, false, 'browser', null],
    ['freebsd', false, NONE, false, true, false, 'browser', /no display/],
    ['win32', false, NONE, false, true, false, 'electron', null],
    ['win32', false, NONE, false, false, false, 'install', null],
    ['win32', false, NONE, false, false, true, 'browser', /could not be downloaded/],
    ['win32', true, NONE, false, true, false, 'browser', null],
    ['darwin', false, NONE, false, true, false, 'electron', null],
    ['darwin', false, NONE, true, true, false, 'electron', null],
    ['darwin', false, NONE, false, false, false, 'install', null],
    ['darwin', true, NONE, false, true, false, 'browser', null],
  ])('%s browser=%s env=%j root=%s binary=%s attempted=%s → %s %s', (platform, browser, env, isRoot, binaryPresent, installAttempted, action, reason) => {
    const d = decideStart({ platform, browser, env, isRoot, binaryPresent, installAttempted });
    expect(d.action).toBe(action);
    if (d.action === 'browser') {
      if (reason === null) expect(d.reason).toBeNull();
      else expect(d.reason).toMatch(reason);
    }
  });

  it('never asks to install when browser mode was asked for', () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      expect(decideStart({ platform, browser: true, env: X11, isRoot: false, binaryPresent: false, installAttempted: false }).action).toBe('browser');
    }
  });
});

describe('parseStartArgs', () => {
  it.each([
    [[], { browser: false, build: true, serveArgs: [], electronArgs: [] }],
    [['--browser'], { browser: true, build: true, serveArgs: [], electronArgs: [] }],
    [['--root', '/data', '--root=/mnt/x', '--port', '8080'], { browser: false, build: true, serveArgs: ['--root', '/data', '--root', '/mnt/x', '--port', '8080'], electronArgs: [] }],
    [['--workspace', '/ws', '--create'], { browser: false, build: true, serveArgs: ['--workspace', '/ws', '--create'], electronArgs: ['--workspace', '/ws', '--create'] }],
    [['--no-build', '--workspace=/a b'], { browser: false, build: false, serveArgs: ['--workspace', '/a b'], electronArgs: ['--workspace', '/a b'] }],
  ])('%j', (argv, expected) => {
    expect(parseStartArgs(argv)).toMatchObject({ ...expected, unknown: [], help: false });
  });

  it.each([[['--toString']], [['--bogus']], [['stray']]])('reports %j as unknown', (argv) => {
    expect(parseStartArgs(argv).unknown).toEqual(argv);
  });

  it('recognises --help', () => {
    expect(parseStartArgs(['-h']).help).toBe(true);
  });
});

describe('electronFailedToStart', () => {
  it.each([
    [1, null, 500, true],
    [null, 'SIGSEGV', 800, true],
    [1, null, EARLY_EXIT_MS + 1, false],
    [0, null, 200, false],
    [null, 'SIGINT', 100, false],
    [null, 'SIGTERM', 100, false],
    [0, null, 60_000, false],
  ])('code=%s signal=%s after %s ms → %s', (code, signal, ms, expected) => {
    expect(electronFailedToStart(code, signal, ms)).toBe(expected);
  });
});

describe('electronBinary', () => {
  const dir = path.resolve('/app/node_modules/electron');
  const probe = (files: Record<string, string>) => ({
    readFile: (p: string) => files[p] ?? null,
    exists: (p: string) => p in files,
  });

  it.each([
    ['no path.txt (installer never ran)', {}, {}, 'linux', null],
    ['path.txt but no binary (download interrupted)', { [path.join(dir, 'path.txt')]: 'electron' }, {}, 'linux', null],
    ['installed', { [path.join(dir, 'path.txt')]: 'electron', [path.join(dir, 'dist', 'electron')]: '' }, {}, 'linux', path.join(dir, 'dist', 'electron')],
    ['installed, path.txt with a newline', { [path.join(dir, 'path.txt')]: 'electron.exe\n', [path.join(dir, 'dist', 'electron.exe')]: '' }, {}, 'win32', path.join(dir, 'dist', 'electron.exe')],
    ['override dist without path.txt', { [path.resolve('/opt/el/Electron.app/Contents/MacOS/Electron')]: '' }, { ELECTRON_OVERRIDE_DIST_PATH: path.resolve('/opt/el') }, 'darwin', path.resolve('/opt/el/Electron.app/Contents/MacOS/Electron')],
    ['override dist that is empty', {}, { ELECTRON_OVERRIDE_DIST_PATH: path.resolve('/opt/el') }, 'linux', null],
  ])('%s', (_name, files, env, platform, expected) => {
    expect(electronBinary(dir, probe(files), env, platform)).toBe(expected);
  });
});

describe('installEnv', () => {
  it('removes ELECTRON_SKIP_BINARY_DOWNLOAD and keeps the rest, without touching the input', () => {
    const env = { ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PATH: '/bin', HTTPS_PROXY: 'http://proxy:3128' };
    expect(installEnv(env)).toEqual({ PATH: '/bin', HTTPS_PROXY: 'http://proxy:3128' });
    expect(env.ELECTRON_SKIP_BINARY_DOWNLOAD).toBe('1');
  });
});
