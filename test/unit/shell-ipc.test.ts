// The main process's IPC registration with a real engine on a temp workspace, and a stand-in
// for Electron's ipcMain/dialog (the Electron binary cannot run here): only our own page may
// call, validation cannot be skipped, values cross as JSON, events and menu commands reach the
// window, and the native dialogs answer on the channels the preload uses.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../src/shared/api/bridge';
import type { Result } from '../../src/shared/api/result';
import { registerIpc, type IpcBinding } from '../../src/main/ipc';
import { shellChannel } from '../../src/main/ipc-channels';
import { startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';

type Handler = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>;

const fake = vi.hoisted(() => {
  const handlers = new Map<string, Handler>();
  const dialogCalls: { kind: string; options: Record<string, unknown> }[] = [];
  return {
    handlers,
    dialogCalls,
    electron: {
      ipcMain: {
        handle: (channel: string, fn: Handler) => {
          if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
          handlers.set(channel, fn);
        },
        removeHandler: (channel: string) => handlers.delete(channel),
      },
      dialog: {
        showOpenDialog: async (...args: unknown[]) => {
          dialogCalls.push({ kind: 'open', options: args.at(-1) as Record<string, unknown> });
          return { canceled: false, filePaths: ['/data/picked.csv'] };
        },
        showSaveDialog: async (...args: unknown[]) => {
          dialogCalls.push({ kind: 'save', options: args.at(-1) as Record<string, unknown> });
          return { canceled: true, filePath: '' };
        },
      },
    },
  };
});
vi.mock('electron', () => fake.electron);

const indexHtml = path.resolve('/opt/ds/out/renderer/index.html');
const ours = { senderFrame: { url: `${pathToFileURL(indexHtml).href}#/grid` } };
const foreign = { senderFrame: { url: 'https://evil.example/' } };
const detached = { senderFrame: null };

let t: TestEngine;
let ipc: IpcBinding;
const sent: unknown[][] = [];
const win = { isDestroyed: () => false, webContents: { send: (...args: unknown[]) => sent.push(args) } } as unknown as BrowserWindow;

const invoke = (event: typeof ours | typeof foreign | typeof detached, name: unknown, args?: unknown) =>
  fake.handlers.get(IPC.invoke)?.(event, name, args) as Promise<Result<unknown>>;

beforeAll(async () => {
  t = await startTestEngine();
  ipc = registerIpc(t.engine, () => win, indexHtml);
});
afterAll(async () => {
  ipc.dispose();
  await t.close();
});
beforeEach(() => {
  sent.length = 0;
  fake.dialogCalls.length = 0;
});

describe('api:invoke', () => {
  it('answers our own page through the contract', async () => {
    const r = await invoke(ours, 'workspace.current', {});
    expect(r).toMatchObject({ ok: true, value: { path: t.dir } });
  });

  it.each([
    ['a foreign page', foreign],
    ['a frame that is gone', detached],
  ])('refuses %s without running the handler', async (_name, event) => {
    const before = await t.call('log.list', {});
    const r = await invoke(event, 'workspace.open', { path: tempDir(), create: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/only accepted from the Data Sanitizer window/) } });
    expect(await t.call('log.list', {})).toEqual(before);
    expect((await t.call('workspace.current', {})).path).toBe(t.dir);
  });

  it.each([
    ['an unknown method', 'dataset.explode', {}, /unknown method "dataset.explode"/],
    ['a wrong type', 'grid.window', { datasetId: 'd1', version: 1, offset: -1, limit: 10 }, /offset/],
    ['a bad id', 'dataset.get', { datasetId: "d1'; DROP TABLE x" }, /datasetId: a dataset id looks like d12/],
    ['an extra field', 'job.list', { sneaky: true }, /sneaky/],
    ['no arguments at all', 'job.get', undefined, /jobId/],
  ])('validates: %s', async (_name, method, args, message) => {
    const r = await invoke(ours, method, args);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_ARGUMENT');
      expect(r.error.message).toMatch(message);
    }
  });

  it('returns plain JSON values (what browser mode would return)', async () => {
    const r = await invoke(ours, 'job.list', {});
    expect(r).toEqual(JSON.parse(JSON.stringify(r)));
  });
});

describe('events and commands', () => {
  it('forwards engine events to the window as JSON, with their name', async () => {
    const file = writeFixture(tempDir(), 'people.csv', 'id,name\n1,Ann\n2,Bob\n');
    await t.importFile(file);
    const names = sent.map((s) => s[1]);
    expect(sent.every((s) => s[0] === IPC.event)).toBe(true);
    expect(names).toContain('job.updated');
    expect(names).toContain('datasets.changed');
    const last = sent.filter((s) => s[1] === 'job.updated').at(-1)?.[2] as { state: string };
    expect(last.state).toBe('succeeded');
  });

  it.each([
    ['import', undefined, { command: 'import' }],
    ['open-workspace', '/ws/x', { command: 'open-workspace', path: '/ws/x' }],
  ] as const)('sends the menu command %s', (command, p, payload) => {
    ipc.command(command, p);
    expect(sent).toEqual([[IPC.event, 'app.command', payload]]);
  });
});

describe('native dialogs', () => {
  it('uses the channel names the preload uses', () => {
    expect(['pickFile', 'pickRecipe', 'pickFolder', 'pickSavePath'].map((m) => shellChannel(m as 'pickFile'))).toEqual([
      'shell:pickFile',
      'shell:pickRecipe',
      'shell:pickFolder',
      'shell:pickSavePath',
    ]);
  });

  it('opens the file dialog with the import filters for our page', async () => {
    const p = await fake.handlers.get(shellChannel('pickFile'))?.(ours);
    expect(p).toBe('/data/picked.csv');
    expect(fake.dialogCalls[0]?.options).toMatchObject({ properties: ['openFile'] });
  });

  it('opens the recipe dialog with JSON files first', async () => {
    await fake.handlers.get(shellChannel('pickRecipe'))?.(ours);
    expect(fake.dialogCalls[0]?.options).toMatchObject({ title: 'Open a recipe file', properties: ['openFile'], filters: [{ extensions: ['json'] }, { extensions: ['*'] }] });
  });

  it('asks for a folder that may be created', async () => {
    await fake.handlers.get(shellChannel('pickFolder'))?.(ours);
    expect(fake.dialogCalls[0]?.options.properties).toEqual(['openDirectory', 'createDirectory']);
  });

  it('opens the bundle dialog with .zip and manifest.json (a folder\'s stand-in) first', async () => {
    await fake.handlers.get(shellChannel('pickBundle'))?.(ours);
    expect(fake.dialogCalls[0]?.options).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['zip', 'json'] }, { extensions: ['*'] }] });
  });

  it('proposes only a bare file name in the save dialog; cancel is null', async () => {
    const p = await fake.handlers.get(shellChannel('pickSavePath'))?.(ours, '../../etc/evil.csv');
    expect(p).toBeNull();
    expect(fake.dialogCalls[0]?.options.defaultPath).toBe('evil.csv');
  });

  it.each(['pickFile', 'pickRecipe', 'pickFolder', 'pickBundle', 'pickSavePath'] as const)('%s opens nothing for a foreign page', async (m) => {
    expect(await fake.handlers.get(shellChannel(m))?.(foreign, 'x.csv')).toBeNull();
    expect(fake.dialogCalls).toEqual([]);
  });
});

describe('dispose', () => {
  it('removes every handler and stops forwarding events', async () => {
    const other = await startTestEngine();
    // Background jobs of earlier tests (an import's compaction) may still be reporting.
    await t.settle();
    sent.length = 0;
    ipc.dispose();
    const binding = registerIpc(other.engine, () => win, indexHtml);
    binding.dispose();
    expect([...fake.handlers.keys()]).toEqual([]);
    t.engine.events.emit('datasets.changed', { datasetId: null });
    other.engine.events.emit('datasets.changed', { datasetId: null });
    expect(sent).toEqual([]);
    await other.close();
    ipc = registerIpc(t.engine, () => win, indexHtml);
  });
});
