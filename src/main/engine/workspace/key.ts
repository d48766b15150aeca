// The workspace key file (workspace.key): created atomically — a full temporary file linked into
// place, never over an existing key, so two processes that race end with the same key — and
// checked on every read: exactly KEY_BYTES bytes, a regular file, and on POSIX readable by its
// owner only (a key others could read is refused, not silently re-moded: it may already be copied).
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
function createKey(file: string): void {
  if (fs.existsSync(file)) return;
  const tmp = writeTemp(file);
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw err;
    try {
      fs.copyFileSync(tmp, file, fs.constants.COPYFILE_EXCL);
      if (POSIX) fs.chmodSync(file, 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Reads and checks the key at `file`; throws a clear error naming the file. */
export function readKey(file: string): Buffer {
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
    throw new AppError(
      'WORKSPACE_INCOMPATIBLE',
      `The workspace key ${file} can be read by other users (mode ${mode}); it was not used. If nobody else could have copied it, run \`chmod 600 ${file}\` and try again; otherwise treat keyed hashes and pseudonyms made with it as exposed.`,
      { file, mode },
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

/** The key at `file`, created first if there is none. */
export function readOrCreateKey(file: string): Buffer {
  try {
    createKey(file);
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `Cannot create the workspace key ${file}: ${(err as Error).message}`, { file });
  }
  return readKey(file);
}
