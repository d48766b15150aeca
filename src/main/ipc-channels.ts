// The native-dialog IPC channel names, shared by the preload and the main process so the two
// can never disagree (the API channels themselves are IPC.invoke / IPC.event in the contract).
import { IPC, type DesktopShell } from '../shared/api/bridge';

/** The shell methods that cross IPC (pathForFile runs in the preload itself). */
export type ShellMethod = Exclude<keyof DesktopShell, 'pathForFile'>;

export const SHELL_METHODS: readonly ShellMethod[] = ['pickFile', 'pickRecipe', 'pickFolder', 'pickBundle', 'pickSavePath'];

export function shellChannel(m: ShellMethod): `${typeof IPC.shell}${ShellMethod}` {
  return `${IPC.shell}${m}`;
}
