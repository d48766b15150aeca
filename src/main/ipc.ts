// IPC registration derived from the contract: one invoke channel that validates and dispatches
// every method, engine events forwarded to the window, and the native-dialog channels. Only our
// own page may call; values cross as JSON, exactly as in browser mode.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC } from '../shared/api/bridge';
import { createDispatcher } from '../shared/api/client';
import type { AppCommand } from '../shared/api/contract';
import type { Result } from '../shared/api/result';
import type { Engine } from './engine/engine';
import { pickBundle, pickFile, pickFolder, pickRecipe, pickSavePath } from './dialogs';
import { shellChannel, SHELL_METHODS, type ShellMethod } from './ipc-channels';
import { isAppPageUrl } from './shell-policy';

const asJson = <T>(v: T): T => JSON.parse(JSON.stringify(v ?? null)) as T;

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'INVALID_ARGUMENT', message: 'Calls are only accepted from the Data Sanitizer window itself.' },
};

export interface IpcBinding {
  /** Sends a menu command to the renderer. */
  command(command: AppCommand, path?: string): void;
  dispose(): void;
}

export function registerIpc(engine: Engine, window: () => BrowserWindow | null, indexHtml: string): IpcBinding {
  const dispatch = createDispatcher(engine.handlers);
  const fromApp = (e: IpcMainInvokeEvent) => isAppPageUrl(e.senderFrame?.url, indexHtml);

  ipcMain.handle(IPC.invoke, async (e, name: unknown, args: unknown) => {
    if (!fromApp(e)) return REFUSED;
    return asJson(await dispatch(name, args));
  });

  const shell: Record<ShellMethod, (arg: unknown) => Promise<string | null>> = {
    pickFile: () => pickFile(window()),
    pickRecipe: () => pickRecipe(window()),
    pickFolder: () => pickFolder(window()),
    pickBundle: () => pickBundle(window()),
    pickSavePath: (defaultName) => pickSavePath(window(), defaultName),
  };
  for (const m of SHELL_METHODS) {
    ipcMain.handle(shellChannel(m), (e, arg: unknown) => (fromApp(e) ? shell[m](arg) : Promise.resolve(null)));
  }

  const send = (name: string, payload: unknown) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(IPC.event, name, asJson(payload));
  };
  const offEvents = engine.events.onAny((name, payload) => send(name, payload));

  return {
    command: (command, path) => send('app.command', path === undefined ? { command } : { command, path }),
    dispose: () => {
      offEvents();
      ipcMain.removeHandler(IPC.invoke);
      for (const m of SHELL_METHODS) ipcMain.removeHandler(shellChannel(m));
    },
  };
}
