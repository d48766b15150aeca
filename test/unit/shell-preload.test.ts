// The preload against a stand-in for Electron's sandboxed preload modules (the Electron binary
// cannot run here): it exposes exactly `window.sanitizer`, maps every call onto the IPC channels
// the main process registers, fans events out by name, and unsubscribes.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC, type DesktopBridge } from '../../src/shared/api/bridge';
import { shellChannel } from '../../src/main/ipc-channels';

const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const ipcListeners: ((e: unknown, ...args: unknown[]) => void)[] = [];
  const invoked: unknown[][] = [];
  return {
    exposed,
    ipcListeners,
    invoked,
    electron: {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args);
          return { ok: true, value: args[0] };
        },
        on: (channel: string, l: (e: unknown, ...args: unknown[]) => void) => {
          if (channel === 'api:event') ipcListeners.push(l);
        },
      },
      webUtils: { getPathForFile: (f: { name: string }) => `/dropped/${f.name}` },
    },
  };
});
vi.mock('electron', () => fake.electron);

let bridge: DesktopBridge;
const emit = (name: string, payload: unknown) => fake.ipcListeners.forEach((l) => l({}, name, payload));

beforeAll(async () => {
  await import('../../src/preload/index');
  bridge = fake.exposed.get('sanitizer') as DesktopBridge;
});

describe('preload bridge', () => {
  it('exposes only window.sanitizer, with one IPC listener for all events', () => {
    expect([...fake.exposed.keys()]).toEqual(['sanitizer']);
    expect(fake.ipcListeners).toHaveLength(1);
  });

  it('sends every method over the one invoke channel, unchanged', async () => {
    fake.invoked.length = 0;
    await bridge.send('dataset.get', { datasetId: 'd1', version: 2 });
    expect(fake.invoked).toEqual([[IPC.invoke, 'dataset.get', { datasetId: 'd1', version: 2 }]]);
  });

  it('delivers an event to the listeners of that event only, until they unsubscribe', () => {
    const jobs: unknown[] = [];
    const changes: unknown[] = [];
    const offJobs = bridge.on('job.updated', (p) => jobs.push(p.id));
    bridge.on('datasets.changed', (p) => changes.push(p.datasetId));
    emit('job.updated', { id: 'j1' });
    emit('datasets.changed', { datasetId: 'd3' });
    emit('app.command', { command: 'import' });
    offJobs();
    emit('job.updated', { id: 'j2' });
    expect(jobs).toEqual(['j1']);
    expect(changes).toEqual(['d3']);
  });

  it.each([
    ['pickFile', () => bridge.shell.pickFile(), [shellChannel('pickFile')]],
    ['pickRecipe', () => bridge.shell.pickRecipe(), [shellChannel('pickRecipe')]],
    ['pickFolder', () => bridge.shell.pickFolder(), [shellChannel('pickFolder')]],
    ['pickBundle', () => bridge.shell.pickBundle(), [shellChannel('pickBundle')]],
    ['pickSavePath', () => bridge.shell.pickSavePath('out.csv'), [shellChannel('pickSavePath'), 'out.csv']],
  ])('shell.%s invokes its channel', async (_name, call, expected) => {
    fake.invoked.length = 0;
    await call();
    expect(fake.invoked).toEqual([expected]);
  });

  it('resolves a dropped file to its path with webUtils', () => {
    expect(bridge.shell.pathForFile({ name: 'a.csv' } as File)).toBe('/dropped/a.csv');
  });
});
