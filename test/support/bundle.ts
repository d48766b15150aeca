// Test support for evidence bundles: a workspace with a compliance run that de-identifies e-mail
// addresses (alice runs, bob approves), bundles written through the real API, and copies to tamper.
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import type { BundleManifest, WrittenBundle } from '../../src/shared/api/bundle-types';
import { canonicalJson, sha256Hex } from '../../src/main/engine/audit/canonical';
import { kindOf } from '../../src/main/engine/bundle/write';
import type { Signer } from '../../src/main/engine/identity/keys';
import type { RunResult } from '../../src/shared/api/clean-types';
import type { ActiveIdentity } from '../../src/main/engine/identity/session';
import { jobResult, policyDoc, writeCsv } from './clean';
import { startTestEngine, tempDir, type TestEngine } from './engine';

export const PASS = 'a long passphrase';

/** The raw values a de-identification step replaced: none may appear anywhere in a bundle. */
export const SECRET_EMAILS = ['ann.quill@example.org', 'bob.marsh@example.com', 'cyd.oakes@example.net', 'dee.frost@example.org'];

export interface Governed {
  t: TestEngine;
  run: RunResult;
  alice: ActiveIdentity;
  bob: ActiveIdentity;
}

/** A compliance run: trim + mask of the email column, approved by bob, run by alice (unlocked after). */
export async function governedRun(): Promise<Governed> {
  const t = await startTestEngine();
  // Padded, so trim changes them before the mask does: the ledger must hide that step's before too.
  const rows = SECRET_EMAILS.map((e, i) => [` Person ${i + 1} `, ` ${e} `, i % 2 ? 'Paris' : 'Oslo']);
  const { datasetId } = await t.importFile(writeCsv(['name', 'email', 'city'], rows));
  await jobResult(await t.runJob('pii.start', { datasetId, version: 1 }));
  await t.call('identity.create', { name: 'alice', passphrase: PASS, roles: ['steward'] });
  const alice = t.engine.identity as ActiveIdentity;
  await t.call('identity.create', { name: 'bob', passphrase: PASS, roles: ['approver'], activate: false });
  const policy = policyDoc([
    { id: 'trim', type: 'trim' },
    { id: 'mask', type: 'deidentify', columns: { names: ['email'] }, params: { operators: { default: { op: 'mask' } } } },
  ], 'mask emails');
  const saved = await t.call('policy.save', { policy, summary: 'mask the e-mail addresses' });
  await t.call('policy.transition', { policyId: saved.policyId, version: 1, action: 'submit', reason: 'ready for review' });
  await t.call('identity.unlock', { name: 'bob', passphrase: PASS });
  const bob = t.engine.identity as ActiveIdentity;
  await t.call('policy.transition', { policyId: saved.policyId, version: 1, action: 'approve', reason: 'masks what it must' });
  await t.call('identity.unlock', { name: 'alice', passphrase: PASS });
  const run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { policyId: saved.policyId } }));
  if (run.kind !== 'compliance') throw new Error(`expected a compliance run, got ${run.kind}`);
  return { t, run, alice, bob };
}

export async function writeBundleVia(t: TestEngine, args: { runId: string; path: string; includeData?: boolean; countersign?: { identity: string; passphrase: string }; force?: boolean }): Promise<WrittenBundle> {
  const job = await t.runJob('bundle.write', { includeData: false, force: false, ...args });
  return jobResult<WrittenBundle>(job);
}

/** Every file under `root` (relative, forward slashes), sorted. */
export function filesUnder(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const d of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const name = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) out.push(...filesUnder(root, name));
    else out.push(name);
  }
  return out.sort();
}

/** A copy of a folder bundle in a fresh temp folder. */
export function copyBundle(src: string): string {
  const dest = path.join(tempDir('ds-bundle-copy-'), 'bundle');
  fs.cpSync(src, dest, { recursive: true });
  return dest;
}

/** Flips the lowest bit of the byte in the middle of `file`. */
export function flipByte(file: string): void {
  const b = fs.readFileSync(file);
  const i = Math.floor(b.length / 2);
  b[i] = (b[i] as number) ^ 0x01;
  fs.writeFileSync(file, b);
}

/** Zips a folder (names as given, sorted, then `extra` entries with their own modes) — to build tampered .zip bundles. */
export async function zipFolder(folder: string, zipFile: string, rename: (name: string) => string = (n) => n, extra: { name: string; data: string; mode: number }[] = []): Promise<void> {
  const z = new yazl.ZipFile();
  for (const f of filesUnder(folder)) z.addFile(path.join(folder, f), rename(f), { mtime: new Date(0), mode: 0o100644 });
  for (const e of extra) z.addBuffer(Buffer.from(e.data), e.name, { mtime: new Date(0), mode: e.mode });
  z.end();
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(zipFile);
    out.on('close', () => resolve());
    out.on('error', reject);
    z.outputStream.pipe(out);
  });
}

/**
 * Re-signs a folder bundle after an edit, as an insider holding the signing keys would: the
 * manifest's file list recomputed (through `edit` for other fields), canonical, signed by each
 * signer, SHA256SUMS rewritten. What still fails then is what the signatures cannot cover.
 */
export function resign(dir: string, signers: Record<string, Signer>, edit: (m: BundleManifest) => BundleManifest = (m) => m): void {
  const old = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BundleManifest;
  const outside = new Set(['manifest.json', 'SHA256SUMS', ...old.signers.map((s) => s.signature)]);
  const files = filesUnder(dir).filter((f) => !outside.has(f)).map((f) => {
    const bytes = fs.readFileSync(path.join(dir, f));
    return { path: f, kind: old.files.find((x) => x.path === f)?.kind ?? kindOf(f), size: bytes.length, sha256: sha256Hex(bytes) };
  });
  const manifest = canonicalJson(edit({ ...old, files }));
  fs.writeFileSync(path.join(dir, 'manifest.json'), manifest);
  for (const s of old.signers) {
    const signer = signers[s.name];
    if (!signer) throw new Error(`no key for ${s.name}`);
    fs.writeFileSync(path.join(dir, s.signature), Buffer.from(signer.sign(manifest), 'base64'));
  }
  const sums = filesUnder(dir).filter((f) => f !== 'SHA256SUMS').map((f) => `${sha256Hex(fs.readFileSync(path.join(dir, f)))}  ${f}\n`);
  fs.writeFileSync(path.join(dir, 'SHA256SUMS'), sums.join(''));
}
