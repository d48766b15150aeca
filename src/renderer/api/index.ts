// Picks the transport: the desktop bridge when the preload exposed one, else browser mode.
import type { Api } from '../../shared/api/client';
import type { DesktopBridge, DesktopShell } from '../../shared/api/bridge';
import type { Result } from '../../shared/api/result';
import { browserTransport, takeToken, type BrowserApi } from './browser-transport';

declare global {
  interface Window {
    sanitizer?: DesktopBridge;
  }
}

export interface AppApi extends Api {
  /** Desktop only: native dialogs and dropped-file paths. */
  shell: DesktopShell | null;
  /** Browser mode only: streams a dropped file into the workspace. */
  upload: BrowserApi['upload'] | null;
}

function create(): AppApi {
  const bridge = window.sanitizer;
  if (bridge) {
    return { transport: 'desktop', send: bridge.send, on: bridge.on, shell: bridge.shell, upload: null };
  }
  const b = browserTransport(takeToken());
  return { transport: 'browser', send: b.send, on: b.on, shell: null, upload: b.upload };
}

export const api: AppApi = create();

/** Calls a method and throws its error (for code that prefers exceptions, e.g. loaders). */
export async function call<K extends Parameters<Api['send']>[0]>(
  name: K,
  args: Parameters<typeof api.send<K>>[1],
): Promise<Awaited<ReturnType<typeof api.send<K>>> extends Result<infer T> ? T : never> {
  const r = await api.send(name, args);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { info: r.error });
  return r.value as never;
}
