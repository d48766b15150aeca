// `npm start`'s decisions as pure functions (unit-tested): which flags go where, whether to run
// Electron, fetch its binary first, or fall back to browser mode, and why, in one clear line.
import path from 'node:path';

/** Flags passed through to browser mode (name → takes a value). */
const SERVE_FLAGS = { '--root': true, '--workspace': true, '--port': true, '--create': false };
/** Flags the desktop shell understands too. */
const SHELL_FLAGS = new Set(['--workspace', '--create']);
/** How soon after starting an Electron failure counts as "could not start" (then: browser mode). */
export const EARLY_EXIT_MS = 5000;

/**
 * @param {readonly string[]} argv
 * @returns {{ browser: boolean, build: boolean, help: boolean, serveArgs: string[], electronArgs: string[], unknown: string[] }}
 */
export function parseStartArgs(argv) {
  const out = { browser: false, build: true, help: false, serveArgs: [], electronArgs: [], unknown: [] };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    const eq = raw.indexOf('=');
    const name = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    if (name === '--browser') out.browser = true;
    else if (name === '--no-build') out.build = false;
    else if (name === '--help' || name === '-h') out.help = true;
    else if (Object.hasOwn(SERVE_FLAGS, name)) {
      const takesValue = SERVE_FLAGS[/** @type {keyof typeof SERVE_FLAGS} */ (name)];
      const pair = takesValue ? [name, eq > 0 ? raw.slice(eq + 1) : (argv[++i] ?? '')] : [name];
      out.serveArgs.push(...pair);
      if (SHELL_FLAGS.has(name)) out.electronArgs.push(...pair);
    } else out.unknown.push(raw);
  }
  return out;
}

/** Whether a Linux/BSD desktop session is there to show a window in. */
export function hasDisplay(platform, env) {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * What to do next.
 * @param {{ browser: boolean, platform: string, env: Record<string, string | undefined>, isRoot: boolean,
 *           binaryPresent: boolean, installAttempted: boolean }} s
 * @returns {{ action: 'electron' } | { action: 'install' } | { action: 'browser', reason: string | null }}
 */
export function decideStart(s) {
  if (s.browser) return { action: 'browser', reason: null };
  if (!hasDisplay(s.platform, s.env)) {
    return { action: 'browser', reason: 'There is no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the desktop window cannot open.' };
  }
  if (s.isRoot && s.platform === 'linux') {
    return { action: 'browser', reason: 'Electron refuses to run as root without disabling its sandbox, which this app never does.' };
  }
  if (!s.binaryPresent) {
    if (!s.installAttempted) return { action: 'install' };
    return { action: 'browser', reason: 'The Electron binary is not installed and could not be downloaded (see the output above).' };
  }
  return { action: 'electron' };
}

/** Whether an Electron exit means it never really started (then browser mode takes over). */
export function electronFailedToStart(code, signal, elapsedMs) {
  if (signal === 'SIGINT' || signal === 'SIGTERM') return false;
  return (code !== 0 || signal !== null) && elapsedMs < EARLY_EXIT_MS;
}

/** Electron's executable inside its dist folder (what electron's install.js writes to path.txt). */
export function platformExecutable(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

/**
 * The Electron executable named by electron's own path.txt, or null when it is not installed.
 * ELECTRON_OVERRIDE_DIST_PATH (electron's own variable) points at an unpacked Electron elsewhere.
 * @param {string} electronDir node_modules/electron
 * @param {{ readFile(p: string): string | null, exists(p: string): boolean }} fs
 * @param {Record<string, string | undefined>} env
 * @param {string} platform
 */
export function electronBinary(electronDir, fs, env, platform) {
  const rel = fs.readFile(path.join(electronDir, 'path.txt'))?.trim() || null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (rel === null && !override) return null;
  const bin = path.join(override || path.join(electronDir, 'dist'), rel ?? platformExecutable(platform));
  return fs.exists(bin) ? bin : null;
}

/** The environment for electron's install.js: the download must not be skipped this time. */
export function installEnv(env) {
  const out = { ...env };
  delete out.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return out;
}
