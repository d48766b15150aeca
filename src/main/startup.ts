// Opening the workspace at start: on failure (locked, incompatible, missing) ask the user, and
// try the folder they pick, until one opens or they quit. Never a crash. Electron-free: the
// dialogs and the engine are passed in, so the loop is tested with a real engine.
import { toErrorInfo, type ErrorInfo } from '../shared/api/result';
import type { StartupAction } from './shell-policy';

export interface StartupSteps<E> {
  start(dir: string | null, create: boolean): Promise<E>;
  ask(error: ErrorInfo, dir: string | null): Promise<StartupAction>;
  pickFolder(action: Exclude<StartupAction, 'quit'>): Promise<string | null>;
}

/** Resolves to the started engine, or null when the user chose to quit. */
export async function openWorkspaceAtStart<E>(steps: StartupSteps<E>, dir: string | null, create: boolean): Promise<E | null> {
  let target = { dir, create };
  for (;;) {
    try {
      return await steps.start(target.dir, target.create);
    } catch (err) {
      const action = await steps.ask(toErrorInfo(err), target.dir);
      if (action === 'quit') return null;
      const picked = await steps.pickFolder(action);
      if (picked !== null) target = { dir: picked, create: action === 'create' };
    }
  }
}
