// Verifying an evidence bundle with no workspace and without writing into it: the manifest (schema,
// canonical bytes), each signer's key (fingerprint = file name = manifest) and detached signature,
// every listed file's size and SHA-256, no file the manifest does not list, SHA256SUMS, and the
// audit slice as a hash chain up to its signed head checkpoint. Every problem names its file.
import { BUNDLE_FILES, manifestSchema, type BundleManifest, type BundleSignerStatus, type BundleVerifyResult } from '../../../shared/api/bundle-types';
import { canonicalJson } from '../audit/canonical';
import { openBundleSource, type BundleSource } from './read';
import { checkAudit, type AuditOutcome } from './verify-audit';
import { Verification } from './verify-context';
import { checkSigners, SIGNATURE_OF } from './verify-signers';

export interface VerifyOptions {
  /** Trusted signer fingerprints: when given, every signer must be among them. */
  trust?: readonly string[] | undefined;
}

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
