// The main window and its hardening: sandboxed renderer, our CSP on every response, no
// navigation, no new windows, no webviews, no permissions, and no request that leaves the app.
import { BrowserWindow, app, session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './security';
import { isAllowedRequest, withCsp, type appFiles } from './shell-policy';

type Files = ReturnType<typeof appFiles>;

/** Session-wide rules; installed once, before the first window loads anything. */
export function hardenSession(files: Files): void {
  const s = session.defaultSession;
  s.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, files.rendererDir);
    if (!allowed) console.warn(`blocked a request the app must never make: ${details.url}`);
    callback({ cancel: !allowed });
  });
  s.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, CONTENT_SECURITY_POLICY) });
  });
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
}

/** Rules for every web contents the app ever creates (the window, devtools, anything else). */
export function hardenAllContents(): void {
  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export function createMainWindow(files: Files): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Data Sanitizer',
    backgroundColor: '#ffffff',
    webPreferences: {
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
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(files.indexHtml);
  return win;
}
