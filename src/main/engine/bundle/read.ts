// Reading a bundle's files from a folder or a .zip, the same way for the verifier and auditor mode:
// only regular files under the bundle are read; zip entries with an absolute path, a `..`, a
// backslash or a repeated name, and symlinks or other special files in a folder, are refused
// (listed, never opened). Nothing is ever written into the bundle.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../../../shared/api/result';

export interface RefusedEntry {
  file: string;
  reason: string;
}

export interface BundleSource {
  readonly path: string;
  readonly container: 'folder' | 'zip';
  /** The bundle's readable files (relative, forward slashes), sorted. */
  readonly files: readonly string[];
  /** What was found but will not be read (unsafe names, links, special files). */
  readonly refused: readonly RefusedEntry[];
  has(file: string): boolean;
  size(file: string): number;
  /** A file's bytes; refused above `maxBytes` (LIMIT_EXCEEDED). */
  read(file: string, maxBytes?: number): Promise<Buffer>;
  stream(file: string): Promise<Readable>;
  /** SHA-256 (hex) and size, streamed. */
  digest(file: string): Promise<{ size: number; sha256: string }>;
  close(): void;
}

const MAX_READ = 64 * 1024 * 1024;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;

/** Opens a bundle: a folder, or a .zip file. NOT_FOUND / BAD_FILE name the path and the reason. */
export async function openBundleSource(p: string): Promise<BundleSource> {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    throw new AppError('NOT_FOUND', `There is no bundle at ${p} (no such file or folder).`, { file: p });
  }
  if (st.isDirectory()) return openFolder(p);
  if (st.isFile()) return openZip(p);
  throw new AppError('BAD_FILE', `${p} is neither a folder nor a .zip file.`, { file: p });
}

function notInBundle(bundle: string, file: string): AppError {
  return new AppError('NOT_FOUND', `The bundle ${bundle} has no file ${file}.`, { file });
}

function tooBig(file: string, size: number, max: number): AppError {
  return new AppError('LIMIT_EXCEEDED', `${file} is ${size} bytes; at most ${max} are read into memory.`, { file, size });
}

async function digestStream(s: Readable): Promise<{ size: number; sha256: string }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of s) {
    const b = chunk as Buffer;
    size += b.length;
    h.update(b);
  }
  return { size, sha256: h.digest('hex') };
}

async function collect(s: Readable, file: string, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of s) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > max) {
      s.destroy();
      throw tooBig(file, size, max);
    }
    parts.push(b);
  }
  return Buffer.concat(parts);
}

function openFolder(root: string): BundleSource {
  const sizes = new Map<string, number>();
  const refused: RefusedEntry[] = [];
  const walk = (rel: string): void => {
    const dir = path.join(root, rel);
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const name = rel ? `${rel}/${d.name}` : d.name;
      const st = fs.lstatSync(path.join(dir, d.name));
      if (st.isSymbolicLink()) refused.push({ file: name, reason: 'a symbolic link (links are never followed)' });
      else if (st.isDirectory()) walk(name);
      else if (st.isFile()) sizes.set(name, st.size);
      else refused.push({ file: name, reason: 'not a regular file' });
    }
  };
  walk('');
  const files = [...sizes.keys()].sort();
  const abs = (file: string): string => {
    if (!sizes.has(file)) throw notInBundle(root, file);
    return path.join(root, ...file.split('/'));
  };
  return {
    path: root,
    container: 'folder',
    files,
    refused,
    has: (f) => sizes.has(f),
    size: (f) => sizes.get(f) ?? 0,
    async read(file, max = MAX_READ) {
      const p = abs(file);
      const size = fs.statSync(p).size;
      if (size > max) throw tooBig(file, size, max);
      return fs.promises.readFile(p);
    },
    async stream(file) {
      return fs.createReadStream(abs(file));
    },
    async digest(file) {
      return digestStream(fs.createReadStream(abs(file)));
    },
    close() {},
  };
}

function decodeName(e: yauzl.Entry): string {
  const raw = e.fileName as unknown as Buffer | string;
  if (typeof raw === 'string') return raw;
  // Bit 11: the name is UTF-8 (what yazl writes); otherwise CP437, read here as Latin-1.
  return raw.toString((e.generalPurposeBitFlag & 0x800) !== 0 ? 'utf8' : 'latin1');
}

function entryProblem(name: string, e: yauzl.Entry, seen: Map<string, yauzl.Entry>): string | null {
  if (name.includes('\\')) return 'its name has a backslash';
  if (/^[a-zA-Z]:/.test(name) || name.startsWith('/')) return 'an absolute path';
  if (name.split('/').includes('..')) return 'its path climbs out of the bundle (..)';
  if (name.includes('\0')) return 'its name has a NUL character';
  const made = e.versionMadeBy >> 8;
  const mode = (e.externalFileAttributes >>> 16) & S_IFMT;
  // 3 = Unix: the high half of the external attributes is the file mode.
  if (made === 3 && mode === S_IFLNK) return 'a symbolic link (links are never followed)';
  if (made === 3 && mode !== 0 && mode !== S_IFREG) return 'not a regular file';
  if (e.isEncrypted()) return 'encrypted';
  if (seen.has(name)) return 'the zip holds two entries with this name';
  return null;
}

async function openZip(file: string): Promise<BundleSource> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (err, z) => (err ? reject(err) : resolve(z))));
  } catch (err) {
    throw new AppError('BAD_FILE', `${file} is not a readable .zip bundle: ${(err as Error).message}.`, { file });
  }
  const entries = new Map<string, yauzl.Entry>();
  const refused: RefusedEntry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        const name = decodeName(e);
        if (!name.endsWith('/')) {
          const why = entryProblem(name, e, entries);
          if (why) {
            refused.push({ file: name, reason: why });
            // A repeated name: neither copy can be trusted to be the one meant.
            if (entries.has(name)) entries.delete(name);
          } else entries.set(name, e);
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (err) {
    zip.close();
    throw new AppError('BAD_FILE', `${file} is not a readable .zip bundle: ${(err as Error).message}.`, { file });
  }
  for (const r of refused) entries.delete(r.file);
  const entryOf = (f: string): yauzl.Entry => {
    const e = entries.get(f);
    if (!e) throw notInBundle(file, f);
    return e;
  };
  const stream = (f: string): Promise<Readable> => {
    const e = entryOf(f);
    return new Promise((resolve, reject) =>
      zip.openReadStream(e, (err, s) => (err ? reject(new AppError('BAD_FILE', `${f} in ${file} cannot be read: ${err.message}.`, { file: f })) : resolve(s))));
  };
  const guarded = async <T>(f: string, work: (s: Readable) => Promise<T>): Promise<T> => {
    const s = await stream(f);
    try {
      return await work(s);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('BAD_FILE', `${f} in ${file} cannot be read: ${(err as Error).message}.`, { file: f });
    }
  };
  return {
    path: file,
    container: 'zip',
    files: [...entries.keys()].sort(),
    refused,
    has: (f) => entries.has(f),
    size: (f) => entries.get(f)?.uncompressedSize ?? 0,
    async read(f, max = MAX_READ) {
      const size = entryOf(f).uncompressedSize;
      if (size > max) throw tooBig(f, size, max);
      return guarded(f, (s) => collect(s, f, max));
    },
    stream,
    digest: (f) => guarded(f, digestStream),
    close: () => zip.close(),
  };
}
