// Where a bundle goes, atomically: it is built in a hidden temp folder beside the target, then
// renamed into place (a folder) or zipped — deterministically: entries sorted, one fixed time — to a
// temp file that is linked into place (a .zip). Never over an existing target without force, and
// force only ever replaces an earlier bundle (a folder with a manifest.json, or a file).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { BUNDLE_FILES } from '../../../shared/api/bundle-types';
import { AppError } from '../../../shared/api/result';
import { cleanup, prepareDestination, publish, type Destination } from '../export/destination';

export interface BundleTarget {
  path: string;
  container: 'folder' | 'zip';
  /** The hidden folder the bundle is built in. */
  work: string;
  /** The .zip's temp file and its publishing (zip only). */
  zip: Destination | null;
}

const exists = (p: string): fs.Stats | null => {
  try {
    return fs.lstatSync(p);
  } catch {
    return null;
  }
};

/** Checks the target before any work and claims the temp folder beside it. */
export function prepareTarget(target: string, force: boolean): BundleTarget {
  if (!path.isAbsolute(target)) throw new AppError('INVALID_ARGUMENT', `${target}: give an absolute path for the bundle.`, { file: target });
  const dest = path.normalize(target).replace(/[/\\]+$/, '');
  const dir = path.dirname(dest);
  const d = exists(dir);
  if (!d?.isDirectory()) throw new AppError('NOT_FOUND', `The folder ${dir} does not exist; create it first, or write the bundle somewhere else.`, { file: dir });
  const container = dest.toLowerCase().endsWith('.zip') ? 'zip' : 'folder';
  const st = exists(dest);
  if (st && !force) throw new AppError('ALREADY_EXISTS', `${dest} already exists; nothing was written. Choose another name, or give force (--force) to replace it.`, { file: dest });
  if (st && container === 'folder' && !(st.isDirectory() && exists(path.join(dest, BUNDLE_FILES.manifest)))) {
    throw new AppError('INVALID_ARGUMENT', `${dest} exists and is not an evidence bundle (a folder with ${BUNDLE_FILES.manifest}); it is never replaced. Choose another name.`, { file: dest });
  }
  const zip = container === 'zip' ? prepareDestination(dest, force, []) : null;
  const work = path.join(dir, `.${path.basename(dest)}.${crypto.randomBytes(6).toString('hex')}.bundle`);
  try {
    fs.mkdirSync(work, { mode: 0o755 });
  } catch (err) {
    if (zip) cleanup(zip);
    throw new AppError('INVALID_ARGUMENT', `Cannot write in the folder ${dir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); choose another folder.`, { file: dir });
  }
  return { path: dest, container, work, zip };
}

/** Every file under `root` (relative, forward slashes), sorted by code unit. */
export function listFiles(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const d of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const name = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) out.push(...listFiles(root, name));
    else out.push(name);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Zips the work folder into the zip's temp file: sorted entries, fixed time and modes. */
export async function zipWork(t: BundleTarget, mtime: Date, signal: AbortSignal): Promise<void> {
  const zip = t.zip as Destination;
  const z = new yazl.ZipFile();
  for (const f of listFiles(t.work)) z.addFile(path.join(t.work, ...f.split('/')), f, { mtime, mode: 0o100644, compress: true, forceDosTimestamp: true });
  z.end();
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(zip.temp);
    const abort = () => {
      z.outputStream.unpipe(out);
      out.destroy();
      reject(new AppError('CANCELLED', 'cancelled'));
    };
    signal.addEventListener('abort', abort, { once: true });
    out.on('close', () => {
      signal.removeEventListener('abort', abort);
      resolve();
    });
    out.on('error', reject);
    z.outputStream.on('error', reject);
    z.outputStream.pipe(out);
  });
}

/** Moves the finished bundle into place (the last step: nothing before it is visible). */
export function publishTarget(t: BundleTarget, force: boolean): void {
  if (t.zip) {
    publish(t.zip, force);
    return;
  }
  const old = exists(t.path);
  if (old && !force) throw new AppError('ALREADY_EXISTS', `${t.path} was created by something else while the bundle was written; it was left as it is and nothing was written.`, { file: t.path });
  if (!old) {
    fs.renameSync(t.work, t.path);
    return;
  }
  const aside = `${t.work}.old`;
  fs.renameSync(t.path, aside);
  try {
    fs.renameSync(t.work, t.path);
  } catch (err) {
    fs.renameSync(aside, t.path);
    throw err;
  }
  fs.rmSync(aside, { recursive: true, force: true });
}

/** Removes whatever of the bundle is still temporary (nothing of a published one). */
export function discardTarget(t: BundleTarget): void {
  fs.rmSync(t.work, { recursive: true, force: true });
  if (t.zip) cleanup(t.zip);
}
