// The application menu: every command reachable, accelerators as documented, Open Recent from
// the recent list, developer items only when not packaged, and the macOS app menu.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuInput } from '../../src/main/menu-template';
import { APP_COMMANDS, type AppCommand } from '../../src/shared/api/contract';

type Item = MenuItemConstructorOptions;

function setup(over: Partial<MenuInput> = {}) {
  const sent: { command: AppCommand; path?: string }[] = [];
  const template = buildMenuTemplate({
    platform: 'linux',
    isPackaged: true,
    appName: 'Data Sanitizer',
    recent: [],
    currentWorkspace: '/ws/current',
    send: (command, path) => sent.push(path === undefined ? { command } : { command, path }),
    ...over,
  });
  return { template, sent };
}

const submenu = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? (item.submenu as Item[]) : []);
const top = (t: Item[], label: string) => t.find((i) => i.label?.replace('&', '') === label);
const find = (items: Item[], label: string) => items.find((i) => i.label === label);
const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all(submenu(i))]);
const click = (item: Item | undefined) => (item?.click as (() => void) | undefined)?.();

describe('menu template', () => {
  it('has File, Edit, View, Help in that order off macOS', () => {
    expect(setup().template.map((i) => i.label?.replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it.each([
    ['File', 'Import…', 'CmdOrCtrl+O', 'import'],
    ['File', 'Export…', 'CmdOrCtrl+E', 'export'],
    ['File', 'Open Workspace…', undefined, 'open-workspace'],
    ['File', 'New Workspace…', undefined, 'new-workspace'],
    ['File', 'Open Bundle…', 'CmdOrCtrl+Shift+O', 'open-bundle'],
    ['View', 'Find…', 'CmdOrCtrl+F', 'find'],
    ['View', 'Activity Log', 'CmdOrCtrl+Shift+L', 'show-log'],
    ['Help', 'About Data Sanitizer', undefined, 'about'],
  ] as const)('%s ▸ %s (%s) sends %s', (menu, label, accelerator, command) => {
    const { template, sent } = setup();
    const item = find(submenu(top(template, menu)), label);
    expect(item?.accelerator).toBe(accelerator);
    click(item);
    expect(sent).toEqual([{ command }]);
  });

  it('reaches every app command from some menu item', () => {
    const { template, sent } = setup();
    for (const item of all(template)) click(item);
    expect(new Set(sent.map((s) => s.command))).toEqual(new Set(APP_COMMANDS));
  });

  it('lists recent workspaces; the open one and missing ones cannot be chosen', () => {
    const { template, sent } = setup({
      recent: [
        { path: '/ws/current', lastOpenedAt: '2026-01-02T00:00:00Z', exists: true },
        { path: '/ws/other', lastOpenedAt: '2026-01-01T00:00:00Z', exists: true },
        { path: '/ws/gone', lastOpenedAt: '2025-12-01T00:00:00Z', exists: false },
      ],
    });
    const recent = submenu(find(submenu(top(template, 'File')), 'Open Recent'));
    expect(recent.map((i) => [i.label, i.enabled])).toEqual([
      ['/ws/current (open)', false],
      ['/ws/other', true],
      ['/ws/gone (missing)', false],
    ]);
    click(recent[1]);
    expect(sent).toEqual([{ command: 'open-workspace', path: '/ws/other' }]);
  });

  it('says so when there are no recent workspaces', () => {
    const recent = submenu(find(submenu(top(setup().template, 'File')), 'Open Recent'));
    expect(recent).toEqual([{ label: 'No Recent Workspaces', enabled: false }]);
  });

  it.each([
    [true, []],
    [false, ['reload', 'forceReload', 'toggleDevTools']],
  ])('packaged=%s: developer items %j', (isPackaged, roles) => {
    const view = submenu(top(setup({ isPackaged }).template, 'View'));
    const devRoles = view.map((i) => i.role).filter((r) => r === 'reload' || r === 'forceReload' || r === 'toggleDevTools');
    expect(devRoles).toEqual(roles);
    expect(view.map((i) => i.role)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']));
  });

  it('uses the standard Edit roles', () => {
    expect(top(setup().template, 'Edit')?.role).toBe('editMenu');
  });

  it.each([
    ['linux', 'File'],
    ['win32', 'File'],
    ['darwin', 'Data Sanitizer'],
  ] as const)('on %s Quit lives in the %s menu', (platform, menu) => {
    const t = setup({ platform }).template;
    expect(all(t).filter((i) => i.role === 'quit')).toHaveLength(1);
    expect(submenu(top(t, menu)).some((i) => i.role === 'quit')).toBe(true);
  });
});
