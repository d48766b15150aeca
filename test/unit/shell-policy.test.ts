// The desktop shell's pure decisions: which frames may call, which requests may load, the CSP
// header, dialog filters and names, the start-up failure box, and the shell's flags.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  appFiles,
  exportFilters,
  importFilters,
  isAllowedRequest,
  isAppPageUrl,
  parseShellArgs,
  safeDefaultName,
  startupFailureDialog,
  withCsp,
} from '../../src/main/shell-policy';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security';
import { EXPORT_FORMATS } from '../../src/shared/api/types';

const mainDir = path.resolve('/opt/Data Sanitizer/resources/app.asar/out/main');
const files = appFiles(mainDir);
const indexUrl = pathToFileURL(files.indexHtml).href;
const rendererUrl = pathToFileURL(files.rendererDir).href;

describe('appFiles', () => {
  it('finds the renderer and the CommonJS preload beside out/main', () => {
    expect(files.indexHtml).toBe(path.resolve('/opt/Data Sanitizer/resources/app.asar/out/renderer/index.html'));
    expect(files.preload).toBe(path.resolve('/opt/Data Sanitizer/resources/app.asar/out/preload/index.cjs'));
  });
});

describe('isAppPageUrl: only our own page may call the engine', () => {
  it.each([
    [indexUrl, true],
    [`${indexUrl}#/datasets/d1`, true],
    [`${indexUrl}?x=1`, true],
    [undefined, false],
    ['', false],
    ['not a url', false],
    ['https://evil.example/index.html', false],
    ['http://127.0.0.1:3000/index.html', false],
    [pathToFileURL('/tmp/index.html').href, false],
    [`${rendererUrl}/other.html`, false],
    ['devtools://devtools/bundled/inspector.html', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppPageUrl(url, files.indexHtml)).toBe(expected);
  });
});

describe('isAllowedRequest: the app makes no network request', () => {
  it.each([
    [indexUrl, true],
    [`${rendererUrl}/assets/index-abc.js`, true],
    ['devtools://devtools/bundled/inspector.js', true],
    ['data:image/png;base64,AAAA', true],
    ['blob:file:///0b6c3c1e-1d8c-4a43-9d0a-1f0b7d4a0c11', true],
    ['https://fonts.googleapis.com/css', false],
    ['http://127.0.0.1:8080/api/call/app.info', false],
    ['ws://localhost:1234/', false],
    [pathToFileURL('/etc/passwd').href, false],
    [`${rendererUrl}/../../../../etc/passwd`, false],
    [`${rendererUrl}-evil/x.js`, false],
    ['ftp://example.org/x', false],
    ['garbage', false],
  ])('%s → %s', (url, expected) => {
    expect(isAllowedRequest(url, files.rendererDir)).toBe(expected);
  });
});

describe('withCsp', () => {
  it('sets our policy and drops any other CSP header, whatever its case', () => {
    const out = withCsp({ 'content-security-policy': ["default-src *"], 'X-Other': ['1'] }, CONTENT_SECURITY_POLICY);
    expect(out).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
  it('works when there are no headers', () => {
    expect(withCsp(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('dialog filters', () => {
  it.each(['csv', 'tsv', 'json', 'jsonl', 'ndjson', 'parquet', 'xlsx'])('the first import filter offers .%s', (ext) => {
    expect(importFilters()[0]?.extensions).toContain(ext);
  });
  it('lets the user pick any file too (the format is sniffed)', () => {
    expect(importFilters().at(-1)).toEqual({ name: 'All files', extensions: ['*'] });
  });
  it('has one save filter per export format', () => {
    expect(exportFilters(EXPORT_FORMATS).map((f) => f.extensions)).toEqual(EXPORT_FORMATS.map((f) => [f]));
  });
});

describe('safeDefaultName: the renderer proposes a save name, never a path', () => {
  it.each([
    ['customers.csv', 'customers.csv'],
    ['/etc/cron.d/evil', 'evil'],
    ['..\\..\\Windows\\evil.csv', 'evil.csv'],
    ['a\u0000b\u0007.csv', 'ab.csv'],
    ['..', 'export.csv'],
    ['', 'export.csv'],
    [42, 'export.csv'],
    [null, 'export.csv'],
    ['x'.repeat(500), 'x'.repeat(200)],
  ])('%j → %j', (given, expected) => {
    expect(safeDefaultName(given)).toBe(expected);
  });
});

describe('startupFailureDialog: a workspace that cannot be opened is a question, not a crash', () => {
  it.each([
    ['WORKSPACE_LOCKED', 'The workspace is in use'],
    ['WORKSPACE_INCOMPATIBLE', 'The workspace cannot be opened'],
    ['NOT_FOUND', 'The workspace was not found'],
    ['INTERNAL', 'Data Sanitizer could not open its workspace'],
  ] as const)('%s', (code, title) => {
    const d = startupFailureDialog({ code, message: 'held by sanitizer import (PID 42)' }, '/data/ws');
    expect(d.message).toBe(title);
    expect(d.detail).toContain('held by sanitizer import (PID 42)');
    expect(d.detail).toContain('/data/ws');
    expect(d.buttons).toHaveLength(d.actions.length);
    expect(d.actions).toEqual(['open', 'create', 'quit']);
    expect(d.actions[d.cancelId]).toBe('quit');
  });
});

describe('parseShellArgs', () => {
  it.each([
    [['.'], { workspace: null, create: false }],
    [['.', '--workspace', '/data/ws'], { workspace: path.resolve('/data/ws'), create: false }],
    [['--workspace=/data/ws', '--create'], { workspace: path.resolve('/data/ws'), create: true }],
    [['.', '--no-sandbox', '--enable-logging', '--inspect=9229'], { workspace: null, create: false }],
    [['--workspace='], { workspace: null, create: false }],
  ])('%j', (argv, expected) => {
    expect(parseShellArgs(argv)).toEqual(expected);
  });
});
