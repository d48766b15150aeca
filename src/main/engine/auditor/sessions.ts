// The bundles auditor mode has open: each verified first (with the user's trusted signers), kept
// under a bundleId, read from its folder or from a private copy of its .zip's contents outside the
// bundle. Nothing is ever written into the bundle, and the workspace database is never touched:
// each bundle gets an in-memory DuckDB of its own for its Parquet files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUNDLE_FILES, type BundleFileInfo, type BundleVerifyResult, type OpenedBundle } from '../../../shared/api/bundle-types';
import { AppError } from '../../../shared/api/result';
import { Database } from '../db/database';
import { literal } from '../db/sql';
import { extractZip } from './extract';
import { findingsView, ledgerView, type ParquetView } from './tables';

export type BundleVerifier = (path: string, trust: string[]) => Promise<BundleVerifyResult>;

/** What auditor mode may show as text, at most this many bytes. */
export const MAX_TEXT_BYTES = 20 * 2 ** 20;
const MAX_OPEN = 8;
/** DuckDB's glob characters: a path with any is copied to our own folder before read_parquet sees it. */
const GLOB = /[*?[\]{}]/;

export interface OpenBundle {
  id: string;
  /** The path as the auditor gave it (a folder or a .zip). */
  source: string;
  /** The folder files are read from: the bundle folder itself, or the .zip unpacked in `tmp`. */
  root: string;
  /** Our private folder (unpacked .zip, DuckDB's spill files); removed on close. */
  tmp: string;
  verification: BundleVerifyResult;
  files: BundleFileInfo[];
  db: Database | null;
  views: Map<string, ParquetView>;
}

/** `manifest.json` picked inside a bundle folder stands for the folder (a native file dialog cannot pick both). */
export function bundleLocation(given: string): { path: string; container: 'folder' | 'zip' } {
  let p = path.resolve(given);
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    throw new AppError('NOT_FOUND', `There is no bundle at ${p}.`);
  }
  if (st.isFile() && path.basename(p) === BUNDLE_FILES.manifest) {
    p = path.dirname(p);
    st = fs.statSync(p);
  }
  if (st.isDirectory()) return { path: p, container: 'folder' };
  if (st.isFile() && p.toLowerCase().endsWith('.zip')) return { path: p, container: 'zip' };
  throw new AppError('INVALID_ARGUMENT', `${p} is not a bundle: pick a bundle folder (or its manifest.json) or a bundle .zip.`);
}

export class BundleSessions {
  private readonly open = new Map<string, OpenBundle>();
  private seq = 0;
  private readonly exitHook = () => this.removeAllSync();

  constructor(private readonly verify: BundleVerifier) {}

  async openBundle(given: string, trust: string[]): Promise<OpenedBundle> {
    if (this.open.size >= MAX_OPEN) throw new AppError('LIMIT_EXCEEDED', `${MAX_OPEN} bundles are open already; close one first.`);
    const where = bundleLocation(given);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-bundle-'));
    fs.chmodSync(tmp, 0o700);
    if (this.open.size === 0) process.once('exit', this.exitHook);
    try {
      let root = where.path;
      if (where.container === 'zip') {
        root = path.join(tmp, 'contents');
        fs.mkdirSync(root, { mode: 0o700 });
        await extractZip(where.path, root);
      }
      const verification = await this.verify(where.path, trust);
      const files: BundleFileInfo[] = (verification.manifest?.files ?? []).map((f) => ({ path: f.path, kind: f.kind, size: f.size, sha256: f.sha256 }));
      const id = `b${++this.seq}`;
      this.open.set(id, { id, source: where.path, root, tmp, verification, files, db: null, views: new Map() });
      return { bundleId: id, verification, files };
    } catch (err) {
      fs.rmSync(tmp, { recursive: true, force: true });
      if (this.open.size === 0) process.removeListener('exit', this.exitHook);
      throw err;
    }
  }

  get(id: string): OpenBundle {
    const b = this.open.get(id);
    if (!b) throw new AppError('NOT_FOUND', `Bundle ${id} is not open (it was closed, or the app restarted); open it again.`);
    return b;
  }

  /** A file of the bundle by its bundle path, only if the manifest lists it (or it is the manifest, its signatures or SHA256SUMS). */
  fileOf(b: OpenBundle, name: string): string {
    const listed = b.files.some((f) => f.path === name) || name === BUNDLE_FILES.manifest || name === BUNDLE_FILES.sums
      || (b.verification.manifest?.signers ?? []).some((s) => s.signature === name || s.publicKey === name);
    if (!listed) throw new AppError('NOT_FOUND', `${name} is not a file of this bundle's manifest.`);
    const file = path.resolve(b.root, ...name.split('/'));
    if (!file.startsWith(path.resolve(b.root) + path.sep)) throw new AppError('INVALID_ARGUMENT', `${name} is not a path inside the bundle.`);
    return file;
  }

  readText(id: string, name: string): { file: string; text: string } {
    const b = this.get(id);
    const file = this.fileOf(b, name);
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      throw new AppError('NOT_FOUND', `${name} is listed in the manifest but missing from the bundle.`);
    }
    if (size > MAX_TEXT_BYTES) throw new AppError('LIMIT_EXCEEDED', `${name} is ${size} bytes; at most ${MAX_TEXT_BYTES} are shown as text.`);
    const bytes = fs.readFileSync(file);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError('UNSUPPORTED', `${name} is not UTF-8 text (a ${path.extname(name) || 'binary'} file); it cannot be shown as text.`);
    }
    return { file: name, text };
  }

  /** The bundle's own in-memory DuckDB, and a view of one of its Parquet files (provenance or findings). */
  async parquet(id: string, which: 'provenance' | 'findings'): Promise<{ db: Database; view: ParquetView }> {
    const b = this.get(id);
    const name = which === 'provenance' ? BUNDLE_FILES.provenance : BUNDLE_FILES.findings;
    if (!b.files.some((f) => f.path === name)) throw new AppError('NOT_FOUND', `This bundle has no ${name}.`);
    if (!b.db) {
      b.db = await Database.open(':memory:', { threads: 1 });
      await b.db.run(`SET temp_directory = ${literal(path.join(b.tmp, 'duckdb'))}`);
    }
    let view = b.views.get(name);
    if (!view) {
      let file = this.fileOf(b, name);
      if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `${name} is listed in the manifest but missing from the bundle.`);
      if (GLOB.test(file)) {
        const copy = path.join(b.tmp, name);
        fs.copyFileSync(file, copy);
        file = copy;
      }
      view = which === 'provenance' ? await ledgerView(b.db, file, name) : await findingsView(b.db, file, name);
      b.views.set(name, view);
    }
    return { db: b.db, view };
  }

  close(id: string): boolean {
    const b = this.open.get(id);
    if (!b) return false;
    this.open.delete(id);
    b.db?.close();
    fs.rmSync(b.tmp, { recursive: true, force: true });
    if (this.open.size === 0) process.removeListener('exit', this.exitHook);
    return true;
  }

  closeAll(): void {
    for (const id of [...this.open.keys()]) this.close(id);
  }

  private removeAllSync(): void {
    for (const b of this.open.values()) fs.rmSync(b.tmp, { recursive: true, force: true });
  }
}
