// Verifying an evidence bundle with no workspace and without writing into it: the manifest (schema,
// canonical bytes), each signer's key (fingerprint = file name = manifest) and detached signature,
// every listed file's size and SHA-256, no file the manifest does not list, SHA256SUMS, and the
// audit slice as a hash chain up to its signed head checkpoint. Every problem names its file.
import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { AuditEntry, Checkpoint } from '../../../shared/api/governance-types';
import { BUNDLE_FILES, manifestSchema, type BundleManifest, type BundleProblem, type BundleSignerStatus, type BundleVerifyResult, type ManifestSigner } from '../../../shared/api/bundle-types';
import { canonicalJson } from '../audit/canonical';
import { checkpointSchema } from '../audit/checkpoint-sign';
import { ChainVerifier } from '../audit/verify';
import { fingerprintOf } from '../identity/keys';
import { openBundleSource, type BundleSource } from './read';

export interface VerifyOptions {
  /** Trusted signer fingerprints: when given, every signer must be among them. */
  trust?: readonly string[] | undefined;
}

const SIGNATURE_OF: Record<ManifestSigner['role'], string> = { runner: BUNDLE_FILES.signature, approver: BUNDLE_FILES.countersignature };
const entrySchema = z.strictObject({
  seq: z.int().positive(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.record(z.string(), z.string()),
  details: z.record(z.string(), z.unknown()),
  payloadDigest: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  signer: z.string().nullable(),
  signature: z.string().nullable(),
});

/** A path a manifest may list: relative, forward slashes, no `..`, not one of the files outside the manifest. */
export function isBundlePath(p: string): boolean {
  return p.length > 0 && !p.startsWith('/') && !p.includes('\\') && !p.includes('\0') && !/^[a-zA-Z]:/.test(p)
    && !p.split('/').some((s) => s === '..' || s === '.' || s === '');
}

/** Parses SHA256SUMS (`sha256sum` output: digest, two spaces or " *", path). */
export function parseSums(text: string): { sums: Map<string, string>; bad: string[] } {
  const sums = new Map<string, string>();
  const bad: string[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, i) => {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m || sums.has(m[2] as string)) bad.push(`line ${i + 1}: ${m ? `${m[2]} is listed twice` : JSON.stringify(line.slice(0, 120))}`);
    else sums.set(m[2] as string, m[1] as string);
  });
  return { sums, bad };
}

class Verification {
  readonly problems: BundleProblem[] = [];
  private readonly digests = new Map<string, { size: number; sha256: string } | null>();
  /** Files with a problem already (a sums mismatch on them adds nothing). */
  private readonly flagged = new Set<string>();

  constructor(readonly src: BundleSource) {}

  add(p: BundleProblem): void {
    this.problems.push(p);
    this.flagged.add(p.file);
  }

  isFlagged(file: string): boolean {
    return this.flagged.has(file);
  }

  /** A file's size and digest (once), or null when it cannot be read (reported). */
  async digest(file: string): Promise<{ size: number; sha256: string } | null> {
    if (this.digests.has(file)) return this.digests.get(file) ?? null;
    let d: { size: number; sha256: string } | null = null;
    try {
      d = await this.src.digest(file);
    } catch (err) {
      this.add({ file, kind: 'unreadable', message: `${file} cannot be read: ${(err as Error).message}` });
    }
    this.digests.set(file, d);
    return d;
  }

  async text(file: string): Promise<string | null> {
    try {
      return (await this.src.read(file)).toString('utf8');
    } catch (err) {
      this.add({ file, kind: 'unreadable', message: `${file} cannot be read: ${(err as Error).message}` });
      return null;
    }
  }
}

/** Verifies the bundle at `path` (a folder or a .zip). Throws only when there is nothing at `path`. */
export async function verifyBundle(path: string, opts: VerifyOptions = {}): Promise<BundleVerifyResult> {
  let src: BundleSource;
  try {
    src = await openBundleSource(path);
  } catch (err) {
    if ((err as { code?: string }).code === 'NOT_FOUND') throw err;
    return {
      ok: false, path, container: 'zip', manifest: null, signers: [], filesChecked: 0, audit: null, verifiedAt: new Date().toISOString(),
      problems: [{ file: path, kind: 'unreadable', message: (err as Error).message }],
    };
  }
  try {
    return await verifySource(src, opts);
  } finally {
    src.close();
  }
}

/** Verifies an opened bundle (auditor mode keeps its source open afterwards). */
export async function verifySource(src: BundleSource, opts: VerifyOptions = {}): Promise<BundleVerifyResult> {
  const v = new Verification(src);
  for (const r of src.refused) v.add({ file: r.file, kind: 'unexpected', message: `${r.file} is not read: ${r.reason}` });
  const manifestBytes = await readManifestBytes(v);
  const manifest = manifestBytes ? parseManifest(v, manifestBytes) : null;
  let signers: BundleSignerStatus[] = [];
  let filesChecked = 0;
  let audit: AuditOutcome | null = null;
  if (manifest && manifestBytes) {
    filesChecked = await checkFiles(v, manifest);
    audit = await checkAudit(v, manifest);
    signers = await checkSigners(v, manifest, manifestBytes, audit?.keys ?? null, opts.trust);
  }
  // Files whose bytes the signed manifest vouches for: a SHA256SUMS line that disagrees is the altered one.
  const vouched = new Set<string>(manifest ? manifest.files.map((f) => f.path) : []);
  if (manifest && signers.length > 0 && signers.every((s) => s.valid)) for (const f of [BUNDLE_FILES.manifest, ...manifest.signers.map((s) => s.signature)]) vouched.add(f);
  await checkSums(v, vouched);
  return {
    ok: v.problems.length === 0,
    path: src.path,
    container: src.container,
    manifest,
    signers,
    filesChecked,
    audit: audit ? { entries: audit.entries, head: audit.head, ok: audit.ok } : null,
    problems: v.problems,
    verifiedAt: new Date().toISOString(),
  };
}

async function readManifestBytes(v: Verification): Promise<Buffer | null> {
  const file = BUNDLE_FILES.manifest;
  if (!v.src.has(file)) {
    v.add({ file, kind: 'missing', message: `${file} is missing: nothing in the bundle can be checked against a signed list` });
    return null;
  }
  try {
    return await v.src.read(file);
  } catch (err) {
    v.add({ file, kind: 'unreadable', message: `${file} cannot be read: ${(err as Error).message}` });
    return null;
  }
}

function parseManifest(v: Verification, bytes: Buffer): BundleManifest | null {
  const file = BUNDLE_FILES.manifest;
  const text = bytes.toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    v.add({ file, kind: 'manifest', message: `${file} is not JSON (${(err as Error).message}) — it was altered` });
    return null;
  }
  const r = manifestSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    v.add({ file, kind: 'manifest', message: `${file} is not a bundle manifest this app reads: ${i ? `${i.path.join('.') || 'the document'}: ${i.message}` : 'unreadable'}` });
    return null;
  }
  if (canonicalJson(raw) !== text) {
    v.add({ file, kind: 'manifest', message: `${file} is not in canonical form (RFC 8785): it was rewritten after it was signed` });
  }
  const m = r.data;
  const seen = new Set<string>();
  for (const f of m.files) {
    if (!isBundlePath(f.path) || f.path === BUNDLE_FILES.manifest || f.path === BUNDLE_FILES.sums || Object.values(SIGNATURE_OF).includes(f.path)) {
      v.add({ file, kind: 'manifest', message: `${file} lists ${JSON.stringify(f.path)}, which is not a path a bundle's manifest may list` });
    } else if (seen.has(f.path)) {
      v.add({ file, kind: 'manifest', message: `${file} lists ${f.path} twice` });
    }
    seen.add(f.path);
  }
  return m;
}

async function checkFiles(v: Verification, m: BundleManifest): Promise<number> {
  let checked = 0;
  for (const f of m.files) {
    if (!isBundlePath(f.path)) continue;
    if (!v.src.has(f.path)) {
      v.add({ file: f.path, kind: 'missing', message: `${f.path} is listed in the manifest but not in the bundle — removed`, expected: f.sha256 });
      continue;
    }
    const d = await v.digest(f.path);
    checked++;
    if (!d) continue;
    if (d.size !== f.size) {
      v.add({ file: f.path, kind: 'size', message: `${f.path} is ${d.size} bytes; the manifest says ${f.size} — altered`, expected: f.sha256, actual: d.sha256 });
    } else if (d.sha256 !== f.sha256) {
      v.add({ file: f.path, kind: 'digest', message: `${f.path} does not match its SHA-256 in the manifest — altered`, expected: f.sha256, actual: d.sha256 });
    }
  }
  const allowed = new Set([BUNDLE_FILES.manifest, BUNDLE_FILES.sums, ...m.signers.map((s) => s.signature), ...m.files.map((f) => f.path)]);
  for (const f of v.src.files) {
    if (!allowed.has(f)) v.add({ file: f, kind: 'unexpected', message: `${f} is in the bundle but not in the manifest — added after signing` });
  }
  return checked;
}

async function checkSigners(
  v: Verification, m: BundleManifest, manifestBytes: Buffer, logKeys: Map<string, string | null> | null, trust: readonly string[] | undefined,
): Promise<BundleSignerStatus[]> {
  const out: BundleSignerStatus[] = [];
  const runners = m.signers.filter((s) => s.role === 'runner').length;
  if (runners !== 1) v.add({ file: BUNDLE_FILES.manifest, kind: 'manifest', message: `the manifest names ${runners} runners; a bundle is signed by exactly one` });
  if (m.signers.filter((s) => s.role === 'approver').length > 1) v.add({ file: BUNDLE_FILES.manifest, kind: 'manifest', message: 'the manifest names more than one approver' });
  const trusted = trust ? new Set(trust.map((t) => t.toLowerCase())) : null;
  for (const s of m.signers) {
    const valid = await checkSigner(v, s, manifestBytes, logKeys);
    const isTrusted = trusted ? trusted.has(s.fingerprint) : null;
    if (isTrusted === false) {
      v.add({ file: s.publicKey, kind: 'untrusted', message: `the ${s.role} ${s.name} (key ${s.fingerprint}) is not in the trusted list`, actual: s.fingerprint });
    }
    out.push({ role: s.role, name: s.name, fingerprint: s.fingerprint, valid, trusted: isTrusted });
  }
  await checkOtherKeys(v, m);
  return out;
}

/** Every other key file (the audit log's signers) is named by its own fingerprint too. */
async function checkOtherKeys(v: Verification, m: BundleManifest): Promise<void> {
  const signerKeys = new Set(m.signers.map((s) => s.publicKey));
  for (const f of m.files) {
    if (f.kind !== 'key' || signerKeys.has(f.path) || !v.src.has(f.path) || v.isFlagged(f.path)) continue;
    const expected = /^keys\/([0-9a-f]{64})\.pem$/.exec(f.path)?.[1];
    const pem = await v.text(f.path);
    let actual: string | null;
    try {
      actual = pem === null ? null : fingerprintOf(pem);
    } catch {
      actual = null;
    }
    if (!expected || actual !== expected) {
      v.add({ file: f.path, kind: 'signature', ...(expected ? { expected } : {}), ...(actual ? { actual } : {}), message: `${f.path} is not the public key its name gives (keys/<SHA-256 of the DER public key>.pem)` });
    }
  }
}

async function checkSigner(v: Verification, s: ManifestSigner, manifestBytes: Buffer, logKeys: Map<string, string | null> | null): Promise<boolean> {
  const who = `the ${s.role} ${s.name}`;
  const keyFile = `${BUNDLE_FILES.keysDir}/${s.fingerprint}.pem`;
  if (s.publicKey !== keyFile) {
    v.add({ file: BUNDLE_FILES.manifest, kind: 'manifest', message: `${who}'s key is listed as ${s.publicKey}; it must be ${keyFile} (named by its fingerprint)` });
    return false;
  }
  if (s.signature !== SIGNATURE_OF[s.role]) {
    v.add({ file: BUNDLE_FILES.manifest, kind: 'manifest', message: `${who}'s signature is listed as ${s.signature}; it must be ${SIGNATURE_OF[s.role]}` });
    return false;
  }
  if (!v.src.has(keyFile)) {
    if (!v.isFlagged(keyFile)) v.add({ file: keyFile, kind: 'missing', message: `${who}'s public key ${keyFile} is missing` });
    return false;
  }
  if (!v.src.has(s.signature)) {
    v.add({ file: s.signature, kind: 'missing', message: `${who}'s signature ${s.signature} is missing` });
    return false;
  }
  const pem = await v.text(keyFile);
  let actual: string | null;
  try {
    actual = pem === null ? null : fingerprintOf(pem);
  } catch {
    actual = null;
  }
  if (actual !== s.fingerprint) {
    v.add({
      file: keyFile, kind: 'signature', expected: s.fingerprint, ...(actual ? { actual } : {}),
      message: actual ? `${keyFile}'s fingerprint (SHA-256 of the DER public key) is ${actual}, not the ${s.fingerprint} its name and the manifest give — replaced` : `${keyFile} is not a readable public key — altered`,
    });
    return false;
  }
  let sig: Buffer;
  try {
    sig = await v.src.read(s.signature, 1024);
  } catch (err) {
    v.add({ file: s.signature, kind: 'unreadable', message: `${s.signature} cannot be read: ${(err as Error).message}` });
    return false;
  }
  let ok: boolean;
  try {
    ok = sig.length === 64 && verifySignature(null, manifestBytes, createPublicKey(pem as string), sig);
  } catch {
    ok = false;
  }
  if (!ok) {
    const why = sig.length === 64 ? 'does not verify over manifest.json with' : `is ${sig.length} bytes, not a raw 64-byte Ed25519 signature by`;
    v.add({ file: s.signature, kind: 'signature', message: `${s.signature} ${why} ${who}'s key ${s.fingerprint} — manifest.json or the signature was altered` });
    return false;
  }
  // The audit log must introduce the signing key, under the name the manifest gives.
  if (logKeys) {
    const known = logKeys.get(s.fingerprint);
    if (known === undefined) {
      v.add({ file: s.signature, kind: 'signature', message: `${who}'s key ${s.fingerprint} is not introduced by the bundle's audit log — not a key of this workspace` });
      return false;
    }
    if (known !== null && known !== s.name) {
      v.add({ file: BUNDLE_FILES.manifest, kind: 'manifest', message: `the manifest names the ${s.role} ${s.name}, but the audit log gives key ${s.fingerprint} to ${known}` });
      return false;
    }
  }
  return true;
}

interface AuditOutcome {
  entries: number;
  head: { seq: number; hash: string } | null;
  ok: boolean;
  /** Keys the slice introduces: fingerprint → identity name (null for the checkpoint key). */
  keys: Map<string, string | null>;
}

async function checkAudit(v: Verification, m: BundleManifest): Promise<AuditOutcome | null> {
  const file = BUNDLE_FILES.auditEntries;
  const cpFile = BUNDLE_FILES.auditCheckpoint;
  for (const f of [file, cpFile]) {
    if (!m.files.some((x) => x.path === f)) v.add({ file: f, kind: 'manifest', message: `the manifest does not list ${f}; a bundle carries the audit log to a signed checkpoint` });
  }
  if (!v.src.has(file) || !v.src.has(cpFile)) return null;
  const before = v.problems.length;
  const entries = await parseEntries(v, file);
  const checkpoint = await parseCheckpointFile(v, cpFile);
  if (!entries || !checkpoint) return null;
  const chain = new ChainVerifier([checkpoint.seq]);
  for (const e of entries) chain.add(e);
  const result = chain.finish([{ checkpoint, source: cpFile }], m.workspaceId);
  for (const p of result.problems) {
    v.add({ file: p.kind === 'checkpoint' && p.message.includes('signature') ? cpFile : file, kind: 'audit', message: p.message, ...(p.seq !== null ? { seq: p.seq } : {}) });
  }
  const head = result.head;
  if (head && checkpoint.seq < head.seq) {
    v.add({ file, kind: 'audit', seq: checkpoint.seq + 1, message: `${file} goes on past the signed checkpoint (entry ${checkpoint.seq}) to entry ${head.seq}: entries ${checkpoint.seq + 1}–${head.seq} are covered by no signature`, expected: String(checkpoint.seq), actual: String(head.seq) });
  }
  if (checkpoint.workspaceId !== m.workspaceId) {
    v.add({ file: cpFile, kind: 'audit', message: `${cpFile} belongs to workspace ${checkpoint.workspaceId}; the manifest names ${m.workspaceId}`, expected: m.workspaceId, actual: checkpoint.workspaceId });
  }
  const seqs = new Set(entries.map((e) => e.seq));
  for (const s of m.runEntries) {
    if (!seqs.has(s)) v.add({ file, kind: 'audit', seq: s, message: `the manifest names entry ${s} as one of the run's, but ${file} has no entry ${s}` });
  }
  const keys = new Map<string, string | null>([...chain.keys].map(([fp, k]) => [fp, k.name]));
  return { entries: entries.length, head, ok: v.problems.length === before, keys };
}

async function parseEntries(v: Verification, file: string): Promise<AuditEntry[] | null> {
  const out: AuditEntry[] = [];
  let n = 0;
  try {
    // Streamed line by line: a long log is not one string in memory.
    const lines = createInterface({ input: await v.src.stream(file), crlfDelay: Infinity });
    for await (const line of lines) {
      n++;
      const entry = parseEntryLine(line);
      if (typeof entry === 'string') {
        lines.close();
        v.add({ file, kind: 'audit', message: `${file} line ${n} ${entry} — altered` });
        return null;
      }
      out.push(entry);
    }
  } catch (err) {
    v.add({ file, kind: 'unreadable', message: `${file} cannot be read: ${(err as Error).message}` });
    return null;
  }
  if (out.length === 0) v.add({ file, kind: 'audit', message: `${file} holds no entries` });
  return out;
}

/** An entry, or what is wrong with the line. */
function parseEntryLine(line: string): AuditEntry | string {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return 'is not JSON';
  }
  const r = entrySchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  return `is not an audit entry (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unreadable'})`;
}

async function parseCheckpointFile(v: Verification, file: string): Promise<Checkpoint | null> {
  const text = await v.text(file);
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    v.add({ file, kind: 'audit', message: `${file} is not JSON — altered` });
    return null;
  }
  const r = checkpointSchema.safeParse(raw);
  if (!r.success) {
    v.add({ file, kind: 'audit', message: `${file} is not a signed checkpoint — altered` });
    return null;
  }
  return r.data;
}

async function checkSums(v: Verification, vouched: ReadonlySet<string>): Promise<void> {
  const file = BUNDLE_FILES.sums;
  if (!v.src.has(file)) {
    if (!v.isFlagged(file)) v.add({ file, kind: 'missing', message: `${file} is missing (sha256sum -c has nothing to check)` });
    return;
  }
  const text = await v.text(file);
  if (text === null) return;
  const { sums, bad } = parseSums(text);
  for (const b of bad) v.add({ file, kind: 'sums', message: `${file} ${b} is not a sha256sum line — altered` });
  const present = new Set(v.src.files.filter((f) => f !== file));
  for (const [p, want] of sums) {
    if (!present.has(p)) {
      if (!v.isFlagged(p) && !vouched.has(p)) v.add({ file, kind: 'sums', message: `${file} lists ${p}, which is not in the bundle`, expected: want });
      continue;
    }
    const d = await v.digest(p);
    if (d && d.sha256 !== want && !v.isFlagged(p)) {
      const message = vouched.has(p) ? `${file} gives another SHA-256 for ${p} than the signed manifest vouches for — ${file} was altered or belongs to another bundle` : `${p} does not match its line in ${file} — altered`;
      v.add({ file: vouched.has(p) ? file : p, kind: 'sums', message, expected: want, actual: d.sha256 });
    }
  }
  for (const p of present) {
    if (!sums.has(p) && !v.isFlagged(p)) v.add({ file, kind: 'sums', message: `${file} does not list ${p}` });
  }
}
