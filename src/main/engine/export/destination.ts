// Where an export goes: the checks made before any work (folder exists, no clobbering without
// force, never a source file), the hidden temp files beside the destination, and the atomic
// publish (no-clobber hard link, or rename when overwriting is allowed).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/result';

export interface Destination {
  path: string;
  /** The temp file the writer fills; published by `publish`. */
  temp: string;
  /** Other scratch files of this export start with this prefix (all removed by `cleanup`). */
  scratchPrefix: string;
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

/** Checks the destination and claims a temp file beside it (which proves the folder is writable). */
export function prepareDestination(file: string, force: boolean, sourcePaths: string[]): Destination {
  if (!path.isAbsolute(file)) throw new AppError('INVALID_ARGUMENT', `${file}: give an absolute path for the export.`, { file });
  const dest = path.normalize(file);
  const dir = path.dirname(dest);
  const dirStat = statOrNull(dir);
  if (!dirStat) throw new AppError('NOT_FOUND', `The folder ${dir} does not exist; create it first, or export somewhere else.`, { file: dir });
  if (!dirStat.isDirectory()) throw new AppError('INVALID_ARGUMENT', `${dir} is a file, not a folder.`, { file: dir });
  const existing = statOrNull(dest);
  if (existing?.isDirectory()) throw new AppError('INVALID_ARGUMENT', `${dest} is a folder; give a file name.`, { file: dest });
  if (existing) {
    const real = fs.realpathSync(dest);
    if (sourcePaths.some((s) => statOrNull(s) && fs.realpathSync(s) === real)) {
      throw new AppError('INVALID_ARGUMENT', `${dest} is the source file of this dataset; sources are never modified. Export to another file.`, { file: dest });
    }
    if (!force) throw new AppError('ALREADY_EXISTS', `${dest} already exists; nothing was written. Choose another name, or export with force (--force) to overwrite it.`, { file: dest });
  }
  const scratchPrefix = path.join(dir, `.${path.basename(dest)}.${crypto.randomBytes(6).toString('hex')}`);
  const temp = `${scratchPrefix}.partial`;
  try {
    fs.closeSync(fs.openSync(temp, 'wx'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new AppError('INVALID_ARGUMENT', `Cannot write in the folder ${dir} (${code}); choose another folder.`, { file: dir, reason: code });
  }
  return { path: dest, temp, scratchPrefix };
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EINVAL']);

/** Moves the finished temp file into place; without force, never replaces a file that appeared meanwhile. */
export function publish(d: Destination, force: boolean): void {
  if (force) {
    fs.renameSync(d.temp, d.path);
    return;
  }
  try {
    // link() fails if the name exists, so a file created during the export is never clobbered.
    fs.linkSync(d.temp, d.path);
    fs.rmSync(d.temp, { force: true });
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw new AppError('ALREADY_EXISTS', `${d.path} was created by something else during the export; it was left as it is and nothing was written.`, { file: d.path });
    if (!NO_HARD_LINKS.has(code)) throw err;
  }
  // File systems without hard links (FAT, some network shares): check, then rename.
  if (fs.existsSync(d.path)) throw new AppError('ALREADY_EXISTS', `${d.path} was created by something else during the export; it was left as it is and nothing was written.`, { file: d.path });
  fs.renameSync(d.temp, d.path);
}

/** Removes every scratch file of this export (the temp file included, if still there). */
export function cleanup(d: Destination): void {
  const dir = path.dirname(d.scratchPrefix);
  const prefix = path.basename(d.scratchPrefix);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.startsWith(prefix));
  } catch {
    return;
  }
  for (const n of names) fs.rmSync(path.join(dir, n), { force: true });
}
