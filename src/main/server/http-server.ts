// Browser mode: the same UI and the same API on 127.0.0.1 only. Every API request needs the
// per-launch token; Host and Origin must name this server (no DNS rebinding, no cross-site
// calls); static files carry a strict Content-Security-Policy.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createDispatcher } from '../../shared/api/client';
import { HTTP } from '../../shared/api/bridge';
import type { Engine } from '../engine/engine';
import { CONTENT_SECURITY_POLICY } from '../security';

export interface ServerOptions {
  engine: Engine;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_CALL_BODY = 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

const safeEqual = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

/**
 * Reads a call's body; null when it is over the limit. An oversized body is drained, not kept,
 * so the client (already authenticated) reads our 413 rather than a reset connection.
 */
async function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size <= limit) chunks.push(c);
  }
  return size > limit ? null : Buffer.concat(chunks).toString('utf8');
}

/** Percent-decoding that answers null for a malformed sequence instead of throwing. */
function decodePath(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** A dropped file's name, reduced to something safe to create in our own folder. */
export function safeUploadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base].filter((ch) => ch.charCodeAt(0) >= 0x20 && !'<>:"|?*'.includes(ch)).join('').replace(/^\.+/, '').trim();
  return cleaned.slice(0, 200) || 'upload';
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const dispatch = createDispatcher(opts.engine.handlers);
  const staticRoot = path.resolve(opts.staticDir);
  const clients = new Set<http.ServerResponse>();
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: String(err) } }));
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, '{"error":"bad host"}');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return send(res, 403, '{"error":"bad origin"}');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      const given = req.headers[HTTP.tokenHeader];
      if (typeof given !== 'string' || !safeEqual(given, token)) return send(res, 401, '{"error":"missing or wrong token"}');
      if (url.pathname.startsWith(HTTP.call) && req.method === 'POST') {
        const body = await readBody(req, MAX_CALL_BODY);
        if (body === null) return send(res, 413, '{"error":"request too large"}');
        let args: unknown;
        try {
          args = body === '' ? {} : JSON.parse(body);
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'INVALID_ARGUMENT', message: 'the request body is not JSON' } }));
        }
        const name = decodePath(url.pathname.slice(HTTP.call.length));
        if (name === null) return send(res, 400, JSON.stringify({ ok: false, error: { code: 'INVALID_ARGUMENT', message: 'the method name is not valid percent-encoding' } }));
        const result = await dispatch(name, args);
        return send(res, 200, JSON.stringify(result));
      }
      if (url.pathname === HTTP.events && req.method === 'GET') {
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        // A client that vanished mid-write must not take the server down with an unhandled error.
        res.on('error', () => clients.delete(res));
        return;
      }
      if (url.pathname === HTTP.upload && req.method === 'POST') return upload(req, res, url);
      return send(res, 404, '{"error":"no such API route"}');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '{"error":"method not allowed"}');
    return serveStatic(url.pathname, res);
  }

  async function upload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const name = safeUploadName(url.searchParams.get('name') ?? 'upload');
    const dir = path.join(opts.engine.workspace.tmpDir, 'uploads', crypto.randomBytes(8).toString('hex'));
    fs.mkdirSync(dir, { recursive: true });
    const dest = path.join(dir, name);
    try {
      await pipeline(req, fs.createWriteStream(dest, { flags: 'wx' }));
    } catch (err) {
      fs.rmSync(dir, { recursive: true, force: true });
      return send(res, 400, JSON.stringify({ ok: false, error: { code: 'FILE_UNREADABLE', message: `The upload of ${name} did not complete: ${String(err)}` } }));
    }
    return send(res, 200, JSON.stringify({ ok: true, value: { path: dest } }));
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const rel = decodePath(pathname === '/' ? '/index.html' : pathname);
    const file = rel === null || rel.includes('\0') ? null : path.resolve(staticRoot, `.${rel}`);
    if (file === null || !file.startsWith(staticRoot + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, 'not found', 'text/plain; charset=utf-8');
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
    });
    res.end(body);
  }

  const offEvents = opts.engine.events.onAny((event, payload) => {
    const frame = `event: ${String(event)}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const c of clients) c.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const c of clients) c.write(': ping\n\n');
  }, 15_000);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: async () => {
      clearInterval(heartbeat);
      offEvents();
      for (const c of clients) c.end();
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      await closed;
    },
  };
}
