// Native dialogs: the file, folder and save pickers the renderer asks for, and the message box
// shown when the workspace cannot be opened at start.
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { ErrorInfo } from '../shared/api/result';
import { EXPORT_FORMATS } from '../shared/api/types';
import { bundleFilters, exportFilters, importFilters, recipeFilters, safeDefaultName, startupFailureDialog, type StartupAction } from './shell-policy';

async function open(win: BrowserWindow | null, options: OpenDialogOptions): Promise<string | null> {
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

export function pickFile(win: BrowserWindow | null): Promise<string | null> {
  return open(win, { title: 'Import a file', properties: ['openFile'], filters: importFilters() });
}

export function pickRecipe(win: BrowserWindow | null): Promise<string | null> {
  return open(win, { title: 'Open a recipe file', properties: ['openFile'], filters: recipeFilters() });
}

export function pickFolder(win: BrowserWindow | null, title = 'Choose a workspace folder'): Promise<string | null> {
  return open(win, { title, properties: ['openDirectory', 'createDirectory'] });
}

/** A bundle .zip, or a bundle folder's manifest.json (one dialog cannot pick files and folders on every platform). */
export function pickBundle(win: BrowserWindow | null): Promise<string | null> {
  return open(win, { title: 'Open an evidence bundle (.zip, or manifest.json in a bundle folder)', properties: ['openFile'], filters: bundleFilters() });
}

export async function pickSavePath(win: BrowserWindow | null, defaultName: unknown): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: 'Export',
    defaultPath: safeDefaultName(defaultName),
    filters: exportFilters(EXPORT_FORMATS),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : r.filePath;
}

/** Asks what to do when the workspace cannot be opened; a closed box means quit. */
export async function askAfterStartupFailure(error: ErrorInfo, workspaceDir: string | null): Promise<StartupAction> {
  const d = startupFailureDialog(error, workspaceDir);
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: d.title,
    message: d.message,
    detail: d.detail,
    buttons: d.buttons,
    defaultId: 0,
    cancelId: d.cancelId,
    noLink: true,
  });
  return d.actions[response] ?? 'quit';
}

/** Last resort for an error outside any request: shown, never a silent crash. */
export function showFatal(message: string): void {
  dialog.showErrorBox('Data Sanitizer', message);
}
