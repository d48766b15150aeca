// Installs the application menu and rebuilds it when the workspace changes (Open Recent).
import { Menu, app } from 'electron';
import type { Engine } from './engine/engine';
import type { IpcBinding } from './ipc';
import { buildMenuTemplate } from './menu-template';

export async function installMenu(engine: Engine, ipc: IpcBinding): Promise<void> {
  const recent = await engine.handlers['workspace.recent']({}).catch(() => []);
  const template = buildMenuTemplate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    appName: app.getName(),
    recent,
    currentWorkspace: engine.workspace.dir,
    send: (command, path) => ipc.command(command, path),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
