// The Electron main process: starts the engine on the workspace (asking what to do if it cannot
// be opened), opens the hardened window, wires IPC and menus, and closes the engine on quit.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow } from 'electron';
import { toErrorInfo } from '../shared/api/result';
import { Engine } from './engine/engine';
import { askAfterStartupFailure, pickFolder, showFatal } from './dialogs';
import { registerIpc, type IpcBinding } from './ipc';
import { installMenu } from './menu';
import { openWorkspaceAtStart } from './startup';
import { appFiles, parseShellArgs } from './shell-policy';
import { createMainWindow, hardenAllContents, hardenSession } from './window';

const PROCESS_NAME = 'Data Sanitizer (desktop)';
const files = appFiles(path.dirname(fileURLToPath(import.meta.url)));

let engine: Engine | null = null;
let ipc: IpcBinding | null = null;
let win: BrowserWindow | null = null;
let shutdown: Promise<void> | null = null;

/** Opens the workspace; on failure asks for another folder until one opens or the user quits. */
function startEngine(workspace: string | null, create: boolean): Promise<Engine | null> {
  return openWorkspaceAtStart(
    {
      start: (dir, mustCreate) => Engine.start({ processName: PROCESS_NAME, ...(dir ? { workspaceDir: dir, create: mustCreate } : {}) }),
      ask: askAfterStartupFailure,
      pickFolder: (action) => pickFolder(null, action === 'create' ? 'Choose a folder for the new workspace' : 'Open a workspace folder'),
    },
    workspace,
    create,
  );
}

function openWindow(e: Engine): void {
  win = createMainWindow(files);
  win.on('closed', () => (win = null));
  ipc ??= registerIpc(e, () => win, files.indexHtml);
}

async function main(): Promise<void> {
  await app.whenReady();
  hardenSession(files);
  const args = parseShellArgs(process.argv.slice(1));
  engine = await startEngine(args.workspace, args.create);
  if (!engine) {
    app.quit();
    return;
  }
  const e = engine;
  openWindow(e);
  const binding = ipc;
  if (binding) {
    await installMenu(e, binding);
    e.events.on('workspace.changed', () => void installMenu(e, binding));
  }
}

/** Cancels running jobs and closes the engine, which removes the workspace lock. */
function closeEngine(): Promise<void> {
  shutdown ??= (async () => {
    ipc?.dispose();
    ipc = null;
    await engine?.close();
    engine = null;
  })().catch((err: unknown) => console.error(`closing the workspace: ${toErrorInfo(err).message}`));
  return shutdown;
}

hardenAllContents();
app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  if (engine === null) return;
  event.preventDefault();
  void closeEngine().finally(() => app.quit());
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
process.on('uncaughtException', (err) => {
  console.error(err);
  showFatal(`An unexpected error occurred: ${err.message}\n\nYour workspace is unchanged; please restart Data Sanitizer if the window stops responding.`);
});

main().catch((err: unknown) => {
  showFatal(`Data Sanitizer could not start: ${toErrorInfo(err).message}`);
  app.exit(1);
});
