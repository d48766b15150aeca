// Unpacks a bundle .zip into a private folder for browsing (the .zip itself is only read). Entry
// names are checked (no absolute paths, no `..`, no backslashes), sizes are checked against the
// central directory, and an entry count and total size cap stop a zip bomb before it fills the disk.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { AppError } from '../../../shared/api/result';

export const MAX_ENTRIES = 20_000;
export const MAX_TOTAL_BYTES = 32 * 2 ** 30;

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true, strictFileNames: true, validateEntrySizes: true }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
}

/** Extracts every file of `zipFile` under `dest` (an empty folder we own); the names extracted. */
export async function extractZip(zipFile: string, dest: string): Promise<string[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(zipFile);
  } catch (err) {
    throw new AppError('BAD_FILE', `${zipFile} cannot be read as a .zip: ${(err as Error).message}`);
  }
  if (zip.entryCount > MAX_ENTRIES) {
    zip.close();
    throw new AppError('LIMIT_EXCEEDED', `${zipFile} holds ${zip.entryCount} entries; a bundle holds far fewer (at most ${MAX_ENTRIES} are read).`);
  }
  const names: string[] = [];
  let total = 0;
  return new Promise<string[]>((resolve, reject) => {
    const fail = (err: unknown) => {
      zip.close();
      reject(err instanceof AppError ? err : new AppError('BAD_FILE', `${zipFile} cannot be unpacked: ${(err as Error).message}`));
    };
    zip.on('error', fail);
    zip.on('end', () => resolve(names));
    zip.on('entry', (entry: yauzl.Entry) => {
      void (async () => {
        const name = entry.fileName;
        if (name.endsWith('/')) {
          fs.mkdirSync(path.join(dest, name), { recursive: true, mode: 0o700 });
          return;
        }
        total += entry.uncompressedSize;
        if (total > MAX_TOTAL_BYTES) throw new AppError('LIMIT_EXCEEDED', `${zipFile} unpacks to more than ${MAX_TOTAL_BYTES / 2 ** 30} GiB; it is not read.`);
        const target = path.resolve(dest, name);
        if (!target.startsWith(path.resolve(dest) + path.sep)) throw new AppError('BAD_FILE', `${zipFile}: the entry ${JSON.stringify(name)} points outside the bundle.`);
        fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
        const from = await openEntry(zip, entry);
        // 'wx': an entry listed twice is an error, never a silent replacement.
        await pipeline(from, fs.createWriteStream(target, { flags: 'wx', mode: 0o600 })).catch((err: NodeJS.ErrnoException) => {
          throw err.code === 'EEXIST' ? new AppError('BAD_FILE', `${zipFile}: the entry ${JSON.stringify(name)} appears more than once.`) : err;
        });
        names.push(name);
      })().then(() => zip.readEntry(), fail);
    });
    zip.readEntry();
  });
}
