// The window's hardening against a stand-in for Electron (its binary cannot run here): the
// webPreferences, the request filter and CSP header on the session, denied permissions, and no
// navigation, redirects, new windows or webviews for any web contents.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security';
import { appFiles } from '../../src/main/shell-policy';
import { createMainWindow, hardenAllContents, hardenSession } from '../../src/main/window';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const state = {
    windowOptions: [] as Record<string, unknown>[],
    loaded: [] as string[],
    beforeRequest: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    headersReceived: null as null | ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    appListeners: new Map<string, Listener>(),
  };
  class BrowserWindow {
    webContents = {};
    constructor(options: Record<string, unknown>) {
      state.windowOptions.push(options);
    }
    once(): void {}
    loadFile(file: string): Promise<void> {
      state.loaded.push(file);
      return Promise.resolve();
    }
  }
  return {
    state,
    electron: {
      BrowserWindow,
      app: { on: (event: string, l: Listener) => state.appListeners.set(event, l) },
      session: {
        defaultSession: {
          webRequest: {
            onBeforeRequest: (l: typeof state.beforeRequest) => (state.beforeRequest = l),
            onHeadersReceived: (l: typeof state.headersReceived) => (state.headersReceived = l),
          },
          setPermissionRequestHandler: (l: typeof state.permissionRequest) => (state.permissionRequest = l),
          setPermissionCheckHandler: (l: typeof state.permissionCheck) => (state.permissionCheck = l),
        },
      },
    },
  };
});
vi.mock('electron', () => fake.electron);

const files = appFiles(path.resolve('/opt/ds/out/main'));

beforeAll(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  hardenSession(files);
  hardenAllContents();
  createMainWindow(files);
});

describe('the main window', () => {
  it('is isolated, sandboxed, without Node, with our preload, loading our page', () => {
    expect(fake.state.windowOptions[0]?.webPreferences).toMatchObject({
      preload: files.preload,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
    expect(fake.state.loaded).toEqual([files.indexHtml]);
  });
});

describe('the session', () => {
  it.each([
    [pathToFileURL(files.indexHtml).href, false],
    ['https://cdn.example.com/lib.js', true],
    ['http://127.0.0.1:9000/api/call/app.info', true],
    [pathToFileURL('/home/user/secrets.csv').href, true],
  ])('request %s cancelled: %s', (url, cancelled) => {
    let answer: { cancel: boolean } | null = null;
    fake.state.beforeRequest?.({ url }, (r) => (answer = r));
    expect(answer).toEqual({ cancel: cancelled });
  });

  it('puts our CSP on every response, replacing any other', () => {
    let headers: Record<string, string[]> = {};
    fake.state.headersReceived?.({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])('denies the permission %s', (permission) => {
    let granted: boolean | null = null;
    fake.state.permissionRequest?.({}, permission, (g) => (granted = g));
    expect(granted).toBe(false);
    expect(fake.state.permissionCheck?.({}, permission)).toBe(false);
  });
});

describe('every web contents', () => {
  it('may not navigate, redirect, attach a webview or open a window', () => {
    const listeners = new Map<string, Listener>();
    const opened: { handler?: () => { action: string } } = {};
    const contents = {
      on: (event: string, l: Listener) => listeners.set(event, l),
      setWindowOpenHandler: (h: () => { action: string }) => (opened.handler = h),
    };
    fake.state.appListeners.get('web-contents-created')?.({}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      listeners.get(event)?.({ preventDefault });
      expect(preventDefault, event).toHaveBeenCalledOnce();
    }
    expect(opened.handler?.()).toEqual({ action: 'deny' });
  });
});
