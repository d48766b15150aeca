// Browser mode's loopback HTTP server with a real engine on a temp workspace: loopback only,
// token, Host and Origin checks, the contract over HTTP with server-sent job events, static
// files with the CSP and no path traversal, and uploads streamed into the workspace.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/main/engine/engine';
import { startServer, type RunningServer } from '../../src/main/server/http-server';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security';
import { HTTP } from '../../src/shared/api/bridge';
import type { GridWindow, ImportResult, JobInfo } from '../../src/shared/api/types';
import { tempDir } from '../support/engine';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let root: string;
let dataDir: string;
let engine: Engine;
let server: RunningServer;

/** A raw request: the path is sent exactly as given (no normalisation of `..`). */
function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; host?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: opts.host ?? '127.0.0.1', port: server.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const auth = () => ({ [HTTP.tokenHeader]: server.token });

async function call(method: string, args: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const r = await request({ method: 'POST', path: HTTP.call + method, headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify(args) });
  expect(r.status).toBe(200);
  return JSON.parse(r.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** Follows the event stream until `done` says so; returns every event seen. */
function followEvents(done: (event: string, data: unknown) => boolean): { ready: Promise<void>; events: Promise<{ event: string; data: unknown }[]> } {
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r));
  const events = new Promise<{ event: string; data: unknown }[]>((resolve, reject) => {
    const seen: { event: string; data: unknown }[] = [];
    const req = http.get({ host: '127.0.0.1', port: server.port, path: HTTP.events, headers: auth(), agent: false }, (res) => {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/event-stream');
      let buf = '';
      res.on('data', (c: Buffer) => {
        buf += c.toString('utf8');
        if (buf.startsWith(': connected')) markReady();
        let cut: number;
        while ((cut = buf.indexOf('\n\n')) !== -1) {
          const frame = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (!event || data === undefined) continue;
          const parsed: unknown = JSON.parse(data);
          seen.push({ event, data: parsed });
          if (done(event, parsed)) {
            req.destroy();
            resolve(seen);
          }
        }
      });
    });
    req.on('error', (err) => (seen.length > 0 ? undefined : reject(err)));
  });
  return { ready, events };
}

async function runJob(method: string, args: unknown): Promise<JobInfo> {
  let jobId = '';
  const stream = followEvents((event, data) => event === 'job.updated' && (data as JobInfo).id === jobId && (data as JobInfo).state !== 'running');
  await stream.ready;
  const started = await call(method, args);
  expect(started.ok).toBe(true);
  jobId = (started.value as { jobId: string }).jobId;
  const events = await stream.events;
  const mine = events.filter((e) => e.event === 'job.updated' && (e.data as JobInfo).id === jobId).map((e) => e.data as JobInfo);
  const last = mine.at(-1);
  if (!last) throw new Error('no job event');
  return last;
}

beforeAll(async () => {
  root = tempDir('ds-server-');
  dataDir = path.join(root, 'data');
  const staticDir = path.join(root, 'static');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.mkdirSync(dataDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Data Sanitizer</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'package.json'), '{"secret": "outside the static root"}');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'outside the static root');
  fs.writeFileSync(path.join(dataDir, 'people.csv'), 'id,name,city\n1,Ann,Oslo\n2,Bob,Lima\n3,"Cy, Jr.",Rome\n');
  engine = await Engine.start({
    workspaceDir: path.join(root, 'workspace'),
    create: true,
    processName: 'vitest (browser mode)',
    roots: [dataDir],
    confineToRoots: true,
    rememberRecent: false,
    env: { ...process.env, DATA_SANITIZER_HOME: path.join(root, 'home') },
  });
  server = await startServer({ engine, staticDir });
});

afterAll(async () => {
  await server.close();
  await engine.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('listening', () => {
  it('binds 127.0.0.1 only, with a long random token in the URL fragment', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const external = Object.values(os.networkInterfaces()).flat().find((i) => i?.family === 'IPv4' && !i.internal);
    if (external) await expect(request({ host: external.address, path: '/' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const other = await startServer({ engine, staticDir: path.join(root, 'static') });
    expect(other.token).not.toBe(server.token);
    expect(other.port).not.toBe(server.port);
    await other.close();
  });
});

describe('who may call', () => {
  it.each([
    ['no token', {}],
    ['a wrong token', { [HTTP.tokenHeader]: 'x'.repeat(32) }],
    ['a token of another length', { [HTTP.tokenHeader]: 'short' }],
    ['the token as a bearer header instead', { authorization: 'Bearer TOKEN' }],
  ])('%s → 401 on every API route', async (_name, headers) => {
    const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('TOKEN', server.token)]));
    for (const [method, p] of [['POST', `${HTTP.call}app.info`], ['GET', HTTP.events], ['POST', `${HTTP.upload}?name=x.csv`], ['GET', `/api/call/app.info?token=${server.token}`]] as const) {
      const r = await request({ method, path: p, headers: h, body: method === 'POST' ? '{}' : undefined });
      expect(r.status).toBe(401);
    }
    expect(fs.existsSync(path.join(engine.workspace.tmpDir, 'uploads'))).toBe(false);
  });

  it.each([
    ['another host name (DNS rebinding)', { host: 'evil.example:PORT' }],
    ['a look-alike host', { host: '127.0.0.1.evil.example:PORT' }],
    ['another port', { host: '127.0.0.1:1' }],
    ['no port', { host: '127.0.0.1' }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['an opaque Origin', { origin: 'null' }],
    ['our host on another port as Origin', { origin: 'http://127.0.0.1:1' }],
  ])('%s → 403, even with the token, for API and UI alike', async (_name, headers) => {
    const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(server.port))]));
    expect((await request({ method: 'POST', path: `${HTTP.call}app.info`, headers: { ...auth(), ...h }, body: '{}' })).status).toBe(403);
    expect((await request({ path: '/', headers: h })).status).toBe(403);
  });

  it.each([
    ['127.0.0.1', 'http://127.0.0.1:PORT'],
    ['localhost', 'http://localhost:PORT'],
  ])('accepts Host %s:PORT with Origin %s', async (host, origin) => {
    const headers = { ...auth(), host: `${host}:${server.port}`, origin: origin.replace('PORT', String(server.port)) };
    const r = await request({ method: 'POST', path: `${HTTP.call}app.info`, headers, body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { name: 'Data Sanitizer' } });
  });
});

describe('the contract over HTTP', () => {
  it('imports a CSV as a job followed on the event stream, then serves a grid window', async () => {
    const job = await runJob('import.start', { path: path.join(dataDir, 'people.csv') });
    expect(job.state).toBe('succeeded');
    const result = job.result as ImportResult;
    expect(result.rowCount).toBe(3);
    const w = await call('grid.window', { datasetId: result.datasetId, version: 1, offset: 0, limit: 10 });
    expect(w.ok).toBe(true);
    const win = w.value as GridWindow;
    expect(win.total).toBe(3);
    expect(win.rowIds).toEqual([1, 2, 3]);
    expect(win.rows).toEqual([['1', 'Ann', 'Oslo'], ['2', 'Bob', 'Lima'], ['3', 'Cy, Jr.', 'Rome']]);
  });

  it.each([
    ['grid.window', { datasetId: 'd1', version: 1, offset: -5, limit: 10 }, /grid\.window: offset:/],
    ['grid.window', { datasetId: 'dataset one', version: 1, offset: 0, limit: 10 }, /datasetId: a dataset id looks like d12/],
    ['import.start', { path: '/data/x.csv', options: { delimiter: 'ab' } }, /options\.delimiter: the delimiter must be exactly one character/],
    ['no.such.method', {}, /unknown method "no.such.method"/],
    ['__proto__', {}, /unknown method "__proto__"/],
  ])('%s %j → INVALID_ARGUMENT naming the field', async (method, args, message) => {
    const r = await call(method, args);
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('INVALID_ARGUMENT');
    expect(r.error?.message).toMatch(message);
  });

  it('keeps browser mode to its roots: an import from elsewhere is refused', async () => {
    const r = await call('import.preview', { path: path.join(root, 'secret.txt') });
    expect(r).toMatchObject({ ok: false, error: { code: 'OUTSIDE_ROOTS' } });
  });

  it.each([
    ['a body that is not JSON', `${HTTP.call}app.info`, '{"oops', 400, 'INVALID_ARGUMENT'],
    ['a malformed method name', `${HTTP.call}%E0%A4%A`, '{}', 400, 'INVALID_ARGUMENT'],
  ])('%s → %s %s', async (_name, p, body, status, code) => {
    const r = await request({ method: 'POST', path: p, headers: auth(), body });
    expect(r.status).toBe(status);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses a call body over 1 MiB with 413, and keeps serving', async () => {
    const r = await request({ method: 'POST', path: `${HTTP.call}app.info`, headers: auth(), body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }) });
    expect(r.status).toBe(413);
    expect((await call('app.info', {})).ok).toBe(true);
  });

  it('answers 404 for an unknown API route', async () => {
    expect((await request({ method: 'GET', path: `${HTTP.call}app.info`, headers: auth() })).status).toBe(404);
    expect((await request({ method: 'GET', path: '/api/nothing', headers: auth() })).status).toBe(404);
  });
});

describe('static files', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', 'Data Sanitizer'],
    ['/index.html', 'text/html; charset=utf-8', 'Data Sanitizer'],
    ['/assets/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
  ])('%s is served with the CSP and other protective headers', async (p, type, content) => {
    const r = await request({ path: p });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(type);
    expect(r.body).toContain(content);
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/..%2fpackage.json',
    '/..%2Fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/%252e%252e%252fpackage.json',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/ABSOLUTE_SECRET',
    '//etc/passwd',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/assets',
    '/nothing-here.js',
  ])('%s → 404, never a file outside the UI', async (given) => {
    const p = given === '/ABSOLUTE_SECRET' ? `/${encodeURIComponent(path.join(root, 'secret.txt'))}` : given;
    const r = await request({ path: p });
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('outside the static root');
  });

  it('allows only GET and HEAD', async () => {
    expect((await request({ method: 'POST', path: '/index.html', body: 'x' })).status).toBe(405);
    const head = await request({ method: 'HEAD', path: '/' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('uploads (browser-mode drag and drop)', () => {
  it.each([
    ['plain.csv', 'plain.csv'],
    ['../../escape.csv', 'escape.csv'],
    ['..\\..\\windows.csv', 'windows.csv'],
    ['<evil>:"|?*.csv', 'evil.csv'],
    ['.hidden.csv', 'hidden.csv'],
    ['..', 'upload'],
    ['line\nbreak.csv', 'linebreak.csv'],
  ])('streams %j into <workspace>/tmp/uploads/… as %j', async (given, expected) => {
    const body = 'a,b\n1,2\n';
    const r = await request({ method: 'POST', path: `${HTTP.upload}?name=${encodeURIComponent(given)}`, headers: auth(), body });
    expect(r.status).toBe(200);
    const { value } = JSON.parse(r.body) as { value: { path: string } };
    expect(path.basename(value.path)).toBe(expected);
    expect(path.dirname(path.dirname(value.path))).toBe(path.join(engine.workspace.tmpDir, 'uploads'));
    expect(fs.readFileSync(value.path, 'utf8')).toBe(body);
    fs.rmSync(path.dirname(value.path), { recursive: true, force: true });
  });

  it('imports an uploaded file and removes the copy afterwards, byte for byte the same data', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i + 1},name ${i + 1},${'x'.repeat(40)}`);
    const csv = `id,name,pad\n${rows.join('\n')}\n`;
    const up = await request({ method: 'POST', path: `${HTTP.upload}?name=big.csv`, headers: auth(), body: Buffer.from(csv) });
    const { value } = JSON.parse(up.body) as { value: { path: string } };
    expect(fs.statSync(value.path).size).toBe(Buffer.byteLength(csv));
    const job = await runJob('import.start', { path: value.path });
    expect(job.state).toBe('succeeded');
    expect((job.result as ImportResult).rowCount).toBe(20_000);
    expect(fs.existsSync(path.dirname(value.path))).toBe(false);
    const last = await call('grid.window', { datasetId: (job.result as ImportResult).datasetId, version: 1, offset: 19_999, limit: 1 });
    expect((last.value as GridWindow).rows).toEqual([['20000', 'name 20000', 'x'.repeat(40)]]);
  });

  it('removes the copy when the import of an upload fails too', async () => {
    const up = await request({ method: 'POST', path: `${HTTP.upload}?name=empty.csv`, headers: auth(), body: '' });
    const { value } = JSON.parse(up.body) as { value: { path: string } };
    const job = await runJob('import.start', { path: value.path });
    expect(job.state).toBe('failed');
    expect(job.error?.message).toContain('empty.csv');
    expect(fs.existsSync(path.dirname(value.path))).toBe(false);
  });
});
