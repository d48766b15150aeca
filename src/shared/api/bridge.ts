// What the desktop preload exposes on `window.sanitizer`, and the browser transport's routes.
// Typed from the contract, so the renderer's calls are checked end to end.
import type { EventName, Events, MethodInput, MethodName, MethodOutput } from './contract';
import type { Result } from './result';

export interface DesktopShell {
  /** Native open dialog; null when cancelled. */
  pickFile(): Promise<string | null>;
  /** Native open dialog for a policy recipe (JSON files first); null when cancelled. */
  pickRecipe(): Promise<string | null>;
  pickFolder(): Promise<string | null>;
  /** Native open dialog for an evidence bundle: a .zip, or a bundle folder's manifest.json (which stands for the folder); null when cancelled. */
  pickBundle(): Promise<string | null>;
  /** Native save dialog for exports; null when cancelled. */
  pickSavePath(defaultName: string): Promise<string | null>;
  /** The path of a dropped File (Electron's webUtils). */
  pathForFile(file: File): string;
}

export interface DesktopBridge {
  send<K extends MethodName>(name: K, args: MethodInput<K>): Promise<Result<MethodOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  shell: DesktopShell;
}

/** IPC channel names (the preload and the main process both use these). */
export const IPC = { invoke: 'api:invoke', event: 'api:event', shell: 'shell:' } as const;

/** Browser-mode HTTP routes under the loopback server. */
export const HTTP = {
  call: '/api/call/', // + method name; POST JSON args → JSON Result
  events: '/api/events', // GET; server-sent events
  upload: '/api/upload', // POST raw bytes ?name=file.csv → { path }
  tokenHeader: 'x-sanitizer-token',
} as const;
