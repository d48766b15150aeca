// A bundle's signers: each key file named by its fingerprint (and that fingerprint the manifest's),
// each raw Ed25519 signature over manifest.json, each key introduced by the audit log under the name
// the manifest gives, and — with a trust list — each signer trusted.
import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { BUNDLE_FILES, type BundleManifest, type BundleSignerStatus, type ManifestSigner } from '../../../shared/api/bundle-types';
import { fingerprintOf } from '../identity/keys';
import type { Verification } from './verify-context';

/** Where each role's signature lives. */
export const SIGNATURE_OF: Record<ManifestSigner['role'], string> = { runner: BUNDLE_FILES.signature, approver: BUNDLE_FILES.countersignature };

export async function checkSigners(
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
