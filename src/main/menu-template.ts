// The application menu as data: every item either uses a standard role or sends an app.command
// to the renderer, which owns the dialogs. Pure (Electron is only a type here), so it is tested.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../shared/api/contract';
import type { RecentWorkspace } from '../shared/api/types';

export interface MenuInput {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  appName: string;
  recent: readonly RecentWorkspace[];
  currentWorkspace: string | null;
  send(command: AppCommand, path?: string): void;
}

type Item = MenuItemConstructorOptions;

function commandItem(input: MenuInput, label: string, command: AppCommand, accelerator?: string): Item {
  return { label, ...(accelerator ? { accelerator } : {}), click: () => input.send(command) };
}

function recentMenu(input: MenuInput): Item[] {
  if (input.recent.length === 0) return [{ label: 'No Recent Workspaces', enabled: false }];
  return input.recent.map((r) => {
    const isOpen = r.path === input.currentWorkspace;
    return {
      label: isOpen ? `${r.path} (open)` : r.exists ? r.path : `${r.path} (missing)`,
      enabled: r.exists && !isOpen,
      click: () => input.send('open-workspace', r.path),
    };
  });
}

function fileMenu(input: MenuInput, mac: boolean): Item {
  return {
    label: '&File',
    submenu: [
      commandItem(input, 'Import…', 'import', 'CmdOrCtrl+O'),
      commandItem(input, 'Export…', 'export', 'CmdOrCtrl+E'),
      { type: 'separator' },
      commandItem(input, 'Open Workspace…', 'open-workspace'),
      commandItem(input, 'New Workspace…', 'new-workspace'),
      { label: 'Open Recent', submenu: recentMenu(input) },
      { type: 'separator' },
      commandItem(input, 'Open Bundle…', 'open-bundle', 'CmdOrCtrl+Shift+O'),
      ...(mac ? [] : [{ type: 'separator' } as Item, { role: 'quit' } as Item]),
    ],
  };
}

function viewMenu(input: MenuInput): Item {
  const dev: Item[] = input.isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];
  return {
    label: '&View',
    submenu: [
      commandItem(input, 'Find…', 'find', 'CmdOrCtrl+F'),
      commandItem(input, 'Activity Log', 'show-log', 'CmdOrCtrl+Shift+L'),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...dev,
    ],
  };
}

export function buildMenuTemplate(input: MenuInput): Item[] {
  const mac = input.platform === 'darwin';
  const appMenu: Item[] = mac
    ? [{
        label: input.appName,
        submenu: [
          commandItem(input, `About ${input.appName}`, 'about'),
          { type: 'separator' },
          { role: 'services' },
          { type: 'separator' },
          { role: 'hide' },
          { role: 'hideOthers' },
          { role: 'unhide' },
          { type: 'separator' },
          { role: 'quit' },
        ],
      }]
    : [];
  return [
    ...appMenu,
    fileMenu(input, mac),
    { role: 'editMenu', label: '&Edit' },
    viewMenu(input),
    { role: 'help', label: '&Help', submenu: [commandItem(input, `About ${input.appName}`, 'about')] },
  ];
}
