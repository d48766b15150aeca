// The preload: exposes `window.sanitizer`, the typed DesktopBridge over IPC, and nothing else.
// Sandboxed, so it only uses what Electron gives a sandboxed preload (contextBridge, ipcRenderer,
// webUtils); one IPC listener fans engine events out to the renderer's subscribers.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { IPC, type DesktopBridge } from '../shared/api/bridge';
import type { EventName, Events, MethodInput, MethodName, MethodOutput } from '../shared/api/contract';
import type { Result } from '../shared/api/result';
import { shellChannel } from '../main/ipc-channels';

const listeners = new Map<string, Set<(payload: never) => void>>();
ipcRenderer.on(IPC.event, (_e: IpcRendererEvent, name: string, payload: unknown) => {
  for (const l of listeners.get(name) ?? []) (l as (p: unknown) => void)(payload);
});

const bridge: DesktopBridge = {
  send<K extends MethodName>(name: K, args: MethodInput<K>): Promise<Result<MethodOutput<K>>> {
    return ipcRenderer.invoke(IPC.invoke, name, args) as Promise<Result<MethodOutput<K>>>;
  },
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const l = listener as (payload: never) => void;
    set.add(l);
    return () => void set.delete(l);
  },
  shell: {
    pickFile: () => ipcRenderer.invoke(shellChannel('pickFile')) as Promise<string | null>,
    pickRecipe: () => ipcRenderer.invoke(shellChannel('pickRecipe')) as Promise<string | null>,
    pickFolder: () => ipcRenderer.invoke(shellChannel('pickFolder')) as Promise<string | null>,
    pickBundle: () => ipcRenderer.invoke(shellChannel('pickBundle')) as Promise<string | null>,
    pickSavePath: (defaultName: string) => ipcRenderer.invoke(shellChannel('pickSavePath'), defaultName) as Promise<string | null>,
    pathForFile: (file: File) => webUtils.getPathForFile(file),
  },
};

contextBridge.exposeInMainWorld('sanitizer', bridge);
