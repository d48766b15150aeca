// The bundles auditor mode has open: each verified first (with the user's trusted signers) and kept
// open under a bundleId through the verifier's own reader (bundle/read.ts: unsafe zip entries and
// links are refused there). A file DuckDB must read from disk (the Parquet ledger and findings) is
// unpacked from a .zip into a private folder outside the bundle, removed on close or exit. Nothing
// is ever written into the bundle, and the workspace database is never touched: each bundle gets
// an in-memory DuckDB of its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BUNDLE_FILES, type BundleFileInfo, type BundleVerifyResult, type OpenedBundle } from '../../../shared/api/bundle-types';
import { AppError } from '../../../shared/api/result';
import { openBundleSource, type BundleSource } from '../bundle/read';
import { verifySource } from '../bundle/verify';
import { Database } from '../db/database';
import { literal } from '../db/sql';
import { findingsView, ledgerView, type ParquetView } from './tables';

/** What auditor mode may show as text, at most this many bytes. */
export const MAX_TEXT_BYTES = 20 * 2 ** 20;
const MAX_OPEN = 8;
/** DuckDB's glob characters: a path with any is copied to our own folder before read_parquet sees it. */
const GLOB = /[*?[\]{}]/;

export interface OpenBundle {
  id: string;
  source: BundleSource;
  /** Our private folder (files unpacked from a .zip, DuckDB's spill files); removed on close. */
  tmp: string;
  verification: BundleVerifyResult;
  files: BundleFileInfo[];
  db: Database | null;
  views: Map<string, ParquetView>;
}

/** `manifest.json` picked inside a bundle folder stands for the folder (a native file dialog cannot pick both). */
export function bundleLocation(given: string): string {
  const p = path.resolve(given);
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    throw new AppError('NOT_FOUND', `There is no bundle at ${p}.`, { file: p });
  }
  if (st.isFile() && path.basename(p) === BUNDLE_FILES.manifest) return path.dirname(p);
  if (st.isDirectory() || (st.isFile() && p.toLowerCase().endsWith('.zip'))) return p;
  throw new AppError('INVALID_ARGUMENT', `${p} is not a bundle: pick a bundle folder (or its manifest.json) or a bundle .zip.`, { file: p });
}

export class BundleSessions {
  private readonly open = new Map<string, OpenBundle>();
  private seq = 0;
  private readonly exitHook = () => {
    for (const b of this.open.values()) fs.rmSync(b.tmp, { recursive: true, force: true });
  };

  async openBundle(given: string, trust: string[]): Promise<OpenedBundle> {
    if (this.open.size >= MAX_OPEN) throw new AppError('LIMIT_EXCEEDED', `${MAX_OPEN} bundles are open already; close one first.`);
    const source = await openBundleSource(bundleLocation(given));
    try {
      const verification = await verifySource(source, { trust: trust.length > 0 ? trust : undefined });
      const files: BundleFileInfo[] = (verification.manifest?.files ?? []).map((f) => ({ path: f.path, kind: f.kind, size: f.size, sha256: f.sha256 }));
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-bundle-'));
      fs.chmodSync(tmp, 0o700);
      if (this.open.size === 0) process.once('exit', this.exitHook);
      const id = `b${++this.seq}`;
      this.open.set(id, { id, source, tmp, verification, files, db: null, views: new Map() });
      return { bundleId: id, verification, files };
    } catch (err) {
      source.close();
      throw err;
    }
  }

  get(id: string): OpenBundle {
    const b = this.open.get(id);
    if (!b) throw new AppError('NOT_FOUND', `Bundle ${id} is not open (it was closed, or the app restarted); open it again.`);
    return b;
  }

  /** Only files the manifest lists (and the manifest, its signatures and SHA256SUMS) are served. */
  private listed(b: OpenBundle, name: string): void {
    const ok = b.files.some((f) => f.path === name) || name === BUNDLE_FILES.manifest || name === BUNDLE_FILES.sums
      || (b.verification.manifest?.signers ?? []).some((s) => s.signature === name || s.publicKey === name);
    if (!ok) throw new AppError('NOT_FOUND', `${name} is not a file of this bundle's manifest.`, { file: name });
    if (!b.source.has(name)) throw new AppError('NOT_FOUND', `${name} is listed in the manifest but missing from the bundle.`, { file: name });
  }

  async readText(id: string, name: string): Promise<{ file: string; text: string }> {
    const b = this.get(id);
    this.listed(b, name);
    const bytes = await b.source.read(name, MAX_TEXT_BYTES);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError('UNSUPPORTED', `${name} is not UTF-8 text (a ${path.extname(name) || 'binary'} file); it cannot be shown as text.`, { file: name });
    }
    return { file: name, text };
  }

  /** A path on disk DuckDB can read for `name`: the folder's own file, or one unpacked into our folder. */
  private async localFile(b: OpenBundle, name: string): Promise<string> {
    const inPlace = path.join(b.source.path, ...name.split('/'));
    if (b.source.container === 'folder' && !GLOB.test(inPlace)) return inPlace;
    const copy = path.join(b.tmp, 'files', ...name.split('/'));
    if (!fs.existsSync(copy)) {
      fs.mkdirSync(path.dirname(copy), { recursive: true, mode: 0o700 });
      const part = `${copy}.part`;
      await pipeline(await b.source.stream(name), fs.createWriteStream(part, { mode: 0o600 }));
      fs.renameSync(part, copy);
    }
    return copy;
  }

  /** The bundle's own in-memory DuckDB, and a view of one of its Parquet files (provenance or findings). */
  async parquet(id: string, which: 'provenance' | 'findings'): Promise<{ db: Database; view: ParquetView }> {
    const b = this.get(id);
    const name = which === 'provenance' ? BUNDLE_FILES.provenance : BUNDLE_FILES.findings;
    if (!b.files.some((f) => f.path === name)) throw new AppError('NOT_FOUND', `This bundle has no ${name}.`);
    this.listed(b, name);
    if (!b.db) {
      b.db = await Database.open(':memory:', { threads: 1 });
      await b.db.run(`SET temp_directory = ${literal(path.join(b.tmp, 'duckdb'))}`);
    }
    let view = b.views.get(name);
    if (!view) {
      const file = await this.localFile(b, name);
      view = which === 'provenance' ? await ledgerView(b.db, file, name) : await findingsView(b.db, file, name);
      b.views.set(name, view);
    }
    return { db: b.db, view };
  }

  /** The path an open bundle was opened from (a folder or a .zip), or null. */
  sourceOf(id: string): string | null {
    return this.open.get(id)?.source.path ?? null;
  }

  close(id: string): boolean {
    const b = this.open.get(id);
    if (!b) return false;
    this.open.delete(id);
    b.db?.close();
    b.source.close();
    fs.rmSync(b.tmp, { recursive: true, force: true });
    if (this.open.size === 0) process.removeListener('exit', this.exitHook);
    return true;
  }

  closeAll(): void {
    for (const id of [...this.open.keys()]) this.close(id);
  }

  /** How many bundles are open, and their private folders (tests check they are gone after close). */
  openFolders(): string[] {
    return [...this.open.values()].map((b) => b.tmp);
  }
}
