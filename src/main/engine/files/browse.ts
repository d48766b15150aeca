// The in-app file browser's server side (browser mode): listings confined to the roots the
// server was started with — the home folder, mounted volumes, and any --root folders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/api/result';
import type { FsListing, FsRoot } from '../../../shared/api/types';

/** Where removable and network volumes appear on each OS. */
function mountedVolumes(platform: NodeJS.Platform): FsRoot[] {
  const out: FsRoot[] = [];
  const listDirs = (dir: string, depth: number): string[] => {
    try {
      const names = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name));
      return depth <= 1 ? names : names.flatMap((n) => listDirs(n, depth - 1));
    } catch {
      return [];
    }
  };
  if (platform === 'win32') {
    for (const letter of 'CDEFGHIJKLMNOPQRSTUVWXYZ') {
      const p = `${letter}:\\`;
      if (fs.existsSync(p)) out.push({ label: `Drive ${letter}:`, path: p });
    }
  } else if (platform === 'darwin') {
    for (const p of listDirs('/Volumes', 1)) out.push({ label: path.basename(p), path: p });
  } else {
    for (const p of [...listDirs('/media', 2), ...listDirs('/run/media', 2), ...listDirs('/mnt', 1)]) {
      out.push({ label: path.basename(p), path: p });
    }
  }
  return out;
}

export function fileRoots(extra: string[], platform: NodeJS.Platform = process.platform): FsRoot[] {
  const roots: FsRoot[] = [{ label: 'Home', path: os.homedir() }];
  for (const r of extra) roots.push({ label: path.basename(r) || r, path: path.resolve(r) });
  roots.push(...mountedVolumes(platform));
  const seen = new Set<string>();
  return roots.filter((r) => (seen.has(r.path) ? false : (seen.add(r.path), true)));
}

/** The real path; for a path that does not exist yet, its deepest existing ancestor's real path. */
function real(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(real(parent), path.basename(abs));
  }
}

function within(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Throws OUTSIDE_ROOTS unless the real path (symlinks resolved) lies under a root. */
export function assertInRoots(p: string, roots: FsRoot[]): string {
  const target = real(path.resolve(p));
  if (!roots.some((r) => within(target, real(r.path)))) {
    throw new AppError('OUTSIDE_ROOTS', `${p} is outside the folders this server may browse (${roots.map((r) => r.path).join(', ')}). Start it with --root to add one.`, {
      file: p,
    });
  }
  return target;
}

export function listDir(p: string, roots: FsRoot[], showHidden: boolean): FsListing {
  const dir = assertInRoots(p, roots);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError(code === 'ENOENT' ? 'NOT_FOUND' : 'FILE_UNREADABLE', `Cannot list ${p} (${code ?? 'error'}).`, { file: p });
  }
  const list = entries
    .filter((e) => showHidden || !e.name.startsWith('.'))
    .map((e) => {
      const full = path.join(dir, e.name);
      let st: fs.Stats | null;
      try {
        st = fs.statSync(full);
      } catch {
        st = null;
      }
      const isDir = st ? st.isDirectory() : e.isDirectory();
      return {
        name: e.name,
        path: full,
        kind: isDir ? ('dir' as const) : ('file' as const),
        size: st && !isDir ? st.size : null,
        modifiedAt: st ? st.mtime.toISOString() : null,
      };
    })
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }) : a.kind === 'dir' ? -1 : 1));
  const parent = path.dirname(dir);
  const parentAllowed = parent !== dir && roots.some((r) => within(parent, real(r.path)));
  return { path: dir, parent: parentAllowed ? parent : null, entries: list };
}
