// Where the app keeps its data on each OS, the default workspace, and the recent-workspaces list.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeDirs } from '../files/make-dirs';
import type { RecentWorkspace } from '../../../shared/api/types';

export const APP_DIR_NAME = 'data-sanitizer';

/** The per-user application data folder. `DATA_SANITIZER_HOME` overrides it (tests, portable use). */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.DATA_SANITIZER_HOME) return path.resolve(env.DATA_SANITIZER_HOME);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Data Sanitizer');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Data Sanitizer');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), APP_DIR_NAME);
}

export function defaultWorkspaceDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(appDataDir(env), 'workspace');
}

const RECENT_LIMIT = 10;

function recentFile(env: NodeJS.ProcessEnv): string {
  return path.join(appDataDir(env), 'recent-workspaces.json');
}

export function readRecent(env: NodeJS.ProcessEnv = process.env): RecentWorkspace[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(recentFile(env), 'utf8'));
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((r): r is { path: string; lastOpenedAt: string } =>
      typeof r?.path === 'string' && typeof r?.lastOpenedAt === 'string')
    .map((r) => ({ path: r.path, lastOpenedAt: r.lastOpenedAt, exists: fs.existsSync(r.path) }));
}

export function rememberRecent(dir: string, env: NodeJS.ProcessEnv = process.env): void {
  const list = readRecent(env).filter((r) => r.path !== dir);
  list.unshift({ path: dir, lastOpenedAt: new Date().toISOString(), exists: true });
  const file = recentFile(env);
  makeDirs(path.dirname(file));
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(list.slice(0, RECENT_LIMIT).map(({ path: p, lastOpenedAt }) => ({ path: p, lastOpenedAt })), null, 2));
  fs.renameSync(tmp, file);
}

/** The OS user, recorded as the actor of every logged action until identities exist. */
export function osUser(): string {
  try {
    return os.userInfo().username || process.env.USER || process.env.USERNAME || 'unknown';
  } catch {
    return process.env.USER || process.env.USERNAME || 'unknown';
  }
}
