// The workspace key file (workspace.key): created atomically — a full temporary file linked into
// place, never over an existing key, so two processes that race end with the same key — and
// checked on every read: exactly KEY_BYTES bytes, a regular file, and on POSIX readable by its
// owner only (a key others could read is refused, not silently re-moded: it may already be copied)
// — except on a file system that keeps no modes (FAT, exFAT, some network mounts), where no key
// can be made private: there it is used, with a warning.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/result';

export const KEY_BYTES = 32;

const POSIX = process.platform !== 'win32';

/** Writes a fresh key to a temporary file beside `file` (mode 0600, synced) and returns its path. */
function writeTemp(file: string): string {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeSync(fd, randomBytes(KEY_BYTES));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return tmp;
}

/**
 * Puts a new key at `file` unless one is there already. A hard link never replaces an existing
 * name (EEXIST), and the key appears whole or not at all; where the file system has no hard links
 * the key is copied with COPYFILE_EXCL instead (no overwrite, though a reader racing the copy may
 * see it short and is told to retry).
 */
function createKey(file: string): boolean {
  if (fs.existsSync(file)) return false;
  const tmp = writeTemp(file);
  try {
    return linkNew(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Links the finished file `tmp` to `file` unless `file` exists (false then): never a replacement,
 * never a half-written file. Where the file system has no hard links, a copy with COPYFILE_EXCL.
 * Shared by every secret the workspace creates once (workspace.key, audit.key).
 */
export function linkNew(tmp: string, file: string): boolean {
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw err;
    try {
      fs.copyFileSync(tmp, file, fs.constants.COPYFILE_EXCL);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      return false;
    }
  }
}

/** The few file calls the mode probe makes (injectable: a test cannot mount a FAT volume). */
export type ModeProbeFs = Pick<typeof fs, 'openSync' | 'closeSync' | 'chmodSync' | 'statSync' | 'rmSync'>;

/**
 * Whether the file system holding `dir` keeps POSIX modes: a scratch file there is set to 0600
 * and read back. On FAT/exFAT and many SMB mounts chmod either changes nothing (files show 0755 or
 * 0777 whatever is asked) or fails with EPERM even for the file's owner, so only trying tells.
 * When no scratch file can be made the answer is "keeps modes" (fail closed: the key is refused).
 */
export function keepsModes(dir: string, fsx: ModeProbeFs = fs): boolean {
  const probe = path.join(dir, `.mode-probe.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fsx.closeSync(fsx.openSync(probe, 'wx', 0o600));
  } catch {
    return true;
  }
  try {
    fsx.chmodSync(probe, 0o600);
    return (fsx.statSync(probe).mode & 0o777) === 0o600;
  } catch {
    return false;
  } finally {
    fsx.rmSync(probe, { force: true });
  }
}

export interface KeyOptions {
  /** Told (once per read) when a key others could read is used because its file system keeps no modes. */
  warn?: (message: string) => void;
  /** The mode probe (tests inject one for the no-modes branch). */
  keepsModes?: (dir: string) => boolean;
}

/** Reads and checks the key at `file`; throws a clear error naming the file. */
export function readKey(file: string, opts: KeyOptions = {}): Buffer {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `Cannot read the workspace key ${file}: ${(err as Error).message}`, { file });
  }
  if (!st.isFile()) {
    throw new AppError('WORKSPACE_INCOMPATIBLE', `The workspace key ${file} is not a regular file (a link or a folder); replace it with the key file itself.`, { file });
  }
  if (POSIX && (st.mode & 0o077) !== 0) {
    const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
    if ((opts.keepsModes ?? keepsModes)(path.dirname(file))) {
      throw new AppError(
        'WORKSPACE_INCOMPATIBLE',
        `The workspace key ${file} can be read by other users (mode ${mode}); it was not used. If nobody else could have copied it, run \`chmod 600 ${file}\` and try again; otherwise treat keyed hashes and pseudonyms made with it as exposed.`,
        { file, mode },
      );
    }
    opts.warn?.(
      `The workspace key ${file} shows mode ${mode} and its file system (FAT, exFAT or a network mount, by the look of it) does not keep file permissions, so it cannot be made readable by its owner only; it was used. Anyone who can read that drive can read the key: keep the workspace on a private drive, or treat keyed hashes and pseudonyms made with it as exposed.`,
    );
  }
  const key = fs.readFileSync(file);
  if (key.length !== KEY_BYTES) {
    throw new AppError(
      'WORKSPACE_INCOMPATIBLE',
      `The workspace key ${file} has ${key.length} bytes, not ${KEY_BYTES}; it is damaged. Restore it from a backup (pseudonyms made with the old key cannot be reproduced without it).`,
      { file, bytes: key.length },
    );
  }
  return key;
}

/**
 * The key at `file`, created first if there is none. A key this call created is set to 0600
 * (a copied one may not be) before it is read and checked like any other.
 */
export function readOrCreateKey(file: string, opts: KeyOptions = {}): Buffer {
  let created: boolean;
  try {
    created = createKey(file);
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `Cannot create the workspace key ${file}: ${(err as Error).message}`, { file });
  }
  if (created && POSIX) {
    try {
      fs.chmodSync(file, 0o600);
    } catch {
      // A file system without modes may refuse chmod outright; readKey judges the mode it shows.
    }
  }
  return readKey(file, opts);
}
