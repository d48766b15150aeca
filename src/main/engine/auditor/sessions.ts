// The bundles auditor mode has open: each verified first (with the user's trusted signers) and kept
// open under a bundleId through the verifier's own reader (bundle/read.ts: unsafe zip entries and
// links are refused there). A file DuckDB must read from disk (the Parquet ledger and findings) is
// copied (from a folder or a .zip) into a private folder outside the bundle, removed on close or
// exit. Nothing is ever written into the bundle, and the workspace database is never touched: each
// bundle gets an in-memory DuckDB of its own.
// A bundle may change on disk after it was verified (a folder on a shared stick, a .zip rewritten
// in place): every file served is re-hashed as it is read and must match the digest the verified
// manifest gives it (manifest.json, its signatures and SHA256SUMS: the digest seen while verifying);
// otherwise the read is refused with VERIFICATION_FAILED. DuckDB reads only our private copies.
import { createHash } from 'node:crypto';
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

export interface OpenBundle {
  id: string;
  source: BundleSource;
  /** Our private folder (files unpacked from a .zip, DuckDB's spill files); removed on close. */
  tmp: string;
  verification: BundleVerifyResult;
  files: BundleFileInfo[];
  db: Database | null;
  views: Map<string, ParquetView>;
  /** SHA-256 each servable file must have when read: the manifest's, or (for files outside it) what the verifier read. */
  pinned: Map<string, string>;
}

/** `src` with the SHA-256 of every file the verifier reads or digests recorded in `seen`. */
function recording(src: BundleSource, seen: Map<string, string>): BundleSource {
  return {
    get path() { return src.path; },
    get container() { return src.container; },
    get files() { return src.files; },
    get refused() { return src.refused; },
    has: (f) => src.has(f),
    size: (f) => src.size(f),
    async read(f, max) {
      const bytes = await src.read(f, max);
      seen.set(f, createHash('sha256').update(bytes).digest('hex'));
      return bytes;
    },
    stream: (f) => src.stream(f),
    async digest(f) {
      const d = await src.digest(f);
      seen.set(f, d.sha256);
      return d;
    },
    close: () => src.close(),
  };
}

function changedSinceVerified(name: string, expected: string | undefined, actual: string): AppError {
  return new AppError(
    'VERIFICATION_FAILED',
    expected === undefined
      ? `${name} was not verified when the bundle was opened; it is not shown.`
      : `${name} changed after the bundle was verified (SHA-256 expected ${expected}, found ${actual}); open the bundle again to verify it.`,
    { file: name, ...(expected === undefined ? {} : { expected }), actual },
  );
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
      const seen = new Map<string, string>();
      const verification = await verifySource(recording(source, seen), { trust: trust.length > 0 ? trust : undefined });
      const files: BundleFileInfo[] = (verification.manifest?.files ?? []).map((f) => ({ path: f.path, kind: f.kind, size: f.size, sha256: f.sha256 }));
      const pinned = new Map<string, string>();
      for (const name of [BUNDLE_FILES.manifest, BUNDLE_FILES.sums, ...(verification.manifest?.signers ?? []).map((s) => s.signature)]) {
        const d = seen.get(name);
        if (d !== undefined) pinned.set(name, d);
      }
      for (const f of files) pinned.set(f.path, f.sha256);
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-bundle-'));
      fs.chmodSync(tmp, 0o700);
      if (this.open.size === 0) process.once('exit', this.exitHook);
      const id = `b${++this.seq}`;
      this.open.set(id, { id, source, tmp, verification, files, db: null, views: new Map(), pinned });
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

  /** A served file's bytes, refused (VERIFICATION_FAILED) unless they hash to the digest pinned at verification. */
  async verifiedBytes(id: string, name: string, maxBytes: number): Promise<Buffer> {
    const b = this.get(id);
    this.listed(b, name);
    const bytes = await b.source.read(name, maxBytes);
    const actual = createHash('sha256').update(bytes).digest('hex');
    const expected = b.pinned.get(name);
    if (actual !== expected) throw changedSinceVerified(name, expected, actual);
    return bytes;
  }

  async readText(id: string, name: string): Promise<{ file: string; text: string }> {
    const bytes = await this.verifiedBytes(id, name, MAX_TEXT_BYTES);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError('UNSUPPORTED', `${name} is not UTF-8 text (a ${path.extname(name) || 'binary'} file); it cannot be shown as text.`, { file: name });
    }
    return { file: name, text };
  }

  /**
   * A path on disk DuckDB can read for `name`: a copy in our private folder (never the bundle's own
   * file, which could change after verification), hashed as it is copied and kept only when it
   * matches the verified manifest's digest.
   */
  private async localFile(b: OpenBundle, name: string): Promise<string> {
    const copy = path.join(b.tmp, 'files', ...name.split('/'));
    if (!fs.existsSync(copy)) {
      fs.mkdirSync(path.dirname(copy), { recursive: true, mode: 0o700 });
      const part = `${copy}.part`;
      const h = createHash('sha256');
      const hashing = async function* (src: AsyncIterable<Buffer>) {
        for await (const chunk of src) {
          h.update(chunk);
          yield chunk;
        }
      };
      await pipeline(await b.source.stream(name), hashing, fs.createWriteStream(part, { mode: 0o600 }));
      const actual = h.digest('hex');
      const expected = b.pinned.get(name);
      if (actual !== expected) {
        fs.rmSync(part, { force: true });
        throw changedSinceVerified(name, expected, actual);
      }
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
