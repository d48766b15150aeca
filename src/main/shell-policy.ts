// The desktop shell's decisions as pure functions (no Electron at run time, so they are unit-
// tested in Node): which frames may call the API, which requests may load, dialog filters, the
// start-up failure box, and the shell's own command-line flags.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { ErrorInfo } from '../shared/api/result';
import type { ExportFormat, SourceFormat } from '../shared/api/types';

/** Where the built renderer, preload and main live relative to out/main/index.js. */
export function appFiles(mainDir: string): { indexHtml: string; rendererDir: string; preload: string } {
  const rendererDir = path.resolve(mainDir, '../renderer');
  return {
    indexHtml: path.join(rendererDir, 'index.html'),
    rendererDir,
    preload: path.resolve(mainDir, '../preload/index.cjs'),
  };
}

/** A URL without its fragment and query: what identifies a document. */
function documentOf(url: string): string | null {
  try {
    const u = new URL(url);
    u.hash = '';
    u.search = '';
    return u.href;
  } catch {
    return null;
  }
}

/** True when `url` is our own renderer page (the only frame allowed to call the engine). */
export function isAppPageUrl(url: string | undefined, indexHtml: string): boolean {
  if (!url) return false;
  return documentOf(url) === pathToFileURL(indexHtml).href;
}

/**
 * Whether the renderer may load `url`. The app makes no network request: only its own files
 * (under the renderer folder), the devtools, and in-memory data:/blob: URLs, which never leave
 * the process, are allowed.
 */
export function isAllowedRequest(url: string, rendererDir: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'devtools:' || u.protocol === 'data:' || u.protocol === 'blob:') return true;
  if (u.protocol !== 'file:') return false;
  const root = pathToFileURL(rendererDir).href.replace(/\/?$/, '/');
  return documentOf(url)?.startsWith(root) ?? false;
}

/** Response headers with our CSP set, replacing any CSP header already there (any case). */
export function withCsp(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() !== 'content-security-policy') out[k] = v;
  out['Content-Security-Policy'] = [csp];
  return out;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

const SOURCE_EXTENSIONS: Record<SourceFormat, string[]> = {
  csv: ['csv', 'tsv', 'tab', 'psv', 'txt'],
  json: ['json'],
  jsonl: ['jsonl', 'ndjson'],
  parquet: ['parquet'],
  xlsx: ['xlsx'],
};
const FORMAT_LABEL: Record<SourceFormat, string> = {
  csv: 'Delimited text (CSV, TSV)',
  json: 'JSON',
  jsonl: 'JSON Lines',
  parquet: 'Parquet',
  xlsx: 'Excel workbook',
};

export function importFilters(): FileFilter[] {
  const formats = Object.keys(SOURCE_EXTENSIONS) as SourceFormat[];
  return [
    { name: 'All supported files', extensions: formats.flatMap((f) => SOURCE_EXTENSIONS[f]) },
    ...formats.map((f) => ({ name: FORMAT_LABEL[f], extensions: SOURCE_EXTENSIONS[f] })),
    { name: 'All files', extensions: ['*'] },
  ];
}

/** A recipe is a policy exported as JSON. */
export function recipeFilters(): FileFilter[] {
  return [
    { name: 'Policy recipes (JSON)', extensions: ['json'] },
    { name: 'All files', extensions: ['*'] },
  ];
}

export function bundleFilters(): FileFilter[] {
  return [
    { name: 'Evidence bundles (.zip, or manifest.json in a bundle folder)', extensions: ['zip', 'json'] },
    { name: 'All files', extensions: ['*'] },
  ];
}

export function exportFilters(formats: readonly ExportFormat[]): FileFilter[] {
  return formats.map((f) => ({ name: FORMAT_LABEL[f], extensions: [f] }));
}

/** The default name the renderer proposes for a save dialog, reduced to a bare file name. */
export function safeDefaultName(name: unknown): string {
  if (typeof name !== 'string') return 'export.csv';
  const base = path.basename(name.replaceAll('\\', '/'));
  const clean = [...base].filter((ch) => ch.charCodeAt(0) >= 0x20).join('').trim().slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? 'export.csv' : clean;
}

export type StartupAction = 'open' | 'create' | 'quit';

export interface StartupDialog {
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  actions: StartupAction[];
  cancelId: number;
}

/** The message box shown when the workspace cannot be opened at start: never a crash. */
export function startupFailureDialog(error: ErrorInfo, workspaceDir: string | null): StartupDialog {
  const reason: Partial<Record<ErrorInfo['code'], string>> = {
    WORKSPACE_LOCKED: 'The workspace is in use',
    WORKSPACE_INCOMPATIBLE: 'The workspace cannot be opened',
    NOT_FOUND: 'The workspace was not found',
  };
  const buttons = ['Open Another Workspace…', 'Create a New Workspace…', 'Quit'];
  return {
    title: 'Data Sanitizer',
    message: reason[error.code] ?? 'Data Sanitizer could not open its workspace',
    detail: `${error.message}${workspaceDir ? `\n\nWorkspace: ${workspaceDir}` : ''}`,
    buttons,
    actions: ['open', 'create', 'quit'],
    cancelId: buttons.length - 1,
  };
}

export interface ShellArgs {
  workspace: string | null;
  create: boolean;
}

/** The shell's own flags; Chromium and Electron add switches of their own, which are ignored. */
export function parseShellArgs(argv: readonly string[]): ShellArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: { workspace: { type: 'string' }, create: { type: 'boolean', default: false } },
    strict: false,
    allowPositionals: true,
  });
  const ws = values.workspace;
  return { workspace: typeof ws === 'string' && ws !== '' ? path.resolve(ws) : null, create: values.create === true };
}
