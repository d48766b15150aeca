// Identity keys: Ed25519 key pairs (node:crypto) whose private half is kept encrypted at rest with a
// passphrase-derived key (scrypt → AES-256-GCM). The one mechanism the app and the CLI share.
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scryptSync, sign, verify, type KeyObject } from 'node:crypto';
import { AppError } from '../../../shared/api/result';
import { sha256Hex } from '../audit/canonical';

/** scrypt cost: N = 2^15, r = 8, p = 1 (~100 ms, 32 MiB) — the OWASP-recommended floor. */
export const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;

export interface EncryptedKey {
  format: 'data-sanitizer/encrypted-key@1';
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
  cipher: 'aes-256-gcm';
  iv: string;
  tag: string;
  /** The encrypted secret (a PKCS#8 DER private key, or the raw workspace key), base64. */
  data: string;
  /**
   * SHA-256 (hex) of the second half of the scrypt output: tells a wrong passphrase (this differs)
   * from a damaged or edited secret (this matches, the GCM tag does not). Absent in older files.
   */
  check?: string;
  /**
   * What the secret belongs to (an identity's public-key fingerprint, a workspace id), also bound
   * into the cipher as associated data: a secret moved to another owner is refused before use.
   */
  boundTo?: string;
}

function derive(passphrase: string, salt: Buffer, p: { N: number; r: number; p: number }): { key: Buffer; check: string } {
  // scrypt's last step is PBKDF2: the first 32 bytes are the same whatever length is asked for.
  const out = scryptSync(passphrase.normalize('NFC'), salt, 64, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r });
  return { key: out.subarray(0, 32), check: sha256Hex(out.subarray(32)) };
}

/** Encrypts a secret under a passphrase (fresh salt and IV each time), bound to `boundTo` when given. */
export function encryptSecret(secret: Buffer, passphrase: string, boundTo?: string): EncryptedKey {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { key, check } = derive(passphrase, salt, SCRYPT);
  const c = createCipheriv('aes-256-gcm', key, iv);
  if (boundTo !== undefined) c.setAAD(Buffer.from(boundTo, 'utf8'));
  const data = Buffer.concat([c.update(secret), c.final()]);
  return {
    format: 'data-sanitizer/encrypted-key@1', kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'),
    cipher: 'aes-256-gcm', iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64'),
    check, ...(boundTo !== undefined ? { boundTo } : {}),
  };
}

/**
 * Decrypts. A wrong passphrase is UNAUTHENTICATED; a secret that belongs to someone else
 * (`expectBoundTo`) or was edited after it was written is VERIFICATION_FAILED — never a garbage key.
 */
export function decryptSecret(enc: EncryptedKey, passphrase: string, what = 'the key', expectBoundTo?: string): Buffer {
  if (enc.kdf !== 'scrypt' || enc.cipher !== 'aes-256-gcm' || !(enc.N > 1 && enc.N <= 1 << 20) || !(enc.r > 0 && enc.r <= 32) || !(enc.p > 0 && enc.p <= 16)) {
    throw new AppError('UNSUPPORTED', `${what} is encrypted in a way this version does not read (${enc.kdf}/${enc.cipher}).`);
  }
  if (expectBoundTo !== undefined && enc.boundTo !== undefined && enc.boundTo !== expectBoundTo) {
    throw new AppError('VERIFICATION_FAILED', `${what} belongs to something else (it was made for ${enc.boundTo.slice(0, 16)}…, not ${expectBoundTo.slice(0, 16)}…); it was replaced outside the app.`);
  }
  let derived: { key: Buffer; check: string };
  try {
    derived = derive(passphrase, Buffer.from(enc.salt, 'base64'), enc);
  } catch (err) {
    throw new AppError('UNSUPPORTED', `${what} cannot be read: ${(err as Error).message}`);
  }
  if (enc.check !== undefined && enc.check !== derived.check) throw new AppError('UNAUTHENTICATED', `Wrong passphrase for ${what}.`);
  try {
    const d = createDecipheriv('aes-256-gcm', derived.key, Buffer.from(enc.iv, 'base64'));
    if (enc.boundTo !== undefined) d.setAAD(Buffer.from(enc.boundTo, 'utf8'));
    d.setAuthTag(Buffer.from(enc.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(enc.data, 'base64')), d.final()]);
  } catch {
    if (enc.check !== undefined) throw new AppError('VERIFICATION_FAILED', `${what} is damaged or was edited outside the app (the passphrase is right, the encrypted key does not authenticate).`);
    throw new AppError('UNAUTHENTICATED', `Wrong passphrase for ${what}.`);
  }
}

export interface NewKeyPair {
  publicKey: string;
  fingerprint: string;
  privateKey: KeyObject;
  encrypted: EncryptedKey;
}

/** A fresh Ed25519 key pair, its private key encrypted under `passphrase`. */
export function generateIdentityKeys(passphrase: string): NewKeyPair {
  const { privateKey } = generateKeyPairSync('ed25519');
  return identityKeysFrom(privateKey, passphrase);
}

/** An existing Ed25519 private key, encrypted under `passphrase` and bound to its own fingerprint. */
export function identityKeysFrom(privateKey: KeyObject, passphrase: string): NewKeyPair {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new AppError('UNSUPPORTED', `Identity keys are Ed25519, not ${privateKey.asymmetricKeyType ?? 'unknown'}.`);
  const pem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const fingerprint = fingerprintOf(pem);
  return { publicKey: pem, fingerprint, privateKey, encrypted: encryptSecret(der, passphrase, fingerprint) };
}

/** The private key in `enc`, checked against the public key the record holds for it. */
export function unlockPrivateKey(enc: EncryptedKey, passphrase: string, publicKeyPem: string, who: string): KeyObject {
  if (enc.boundTo === undefined || enc.check === undefined) {
    throw new AppError('VERIFICATION_FAILED', `${who}'s stored signing key lacks the binding to its public key that this app writes; it was replaced outside the app.`);
  }
  const der = decryptSecret(enc, passphrase, `${who}'s signing key`, fingerprintOf(publicKeyPem));
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const pub = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  if (fingerprintOf(pub) !== fingerprintOf(publicKeyPem)) {
    throw new AppError('VERIFICATION_FAILED', `${who}'s stored signing key does not match the public key recorded in the audit log; it was replaced outside the app.`);
  }
  return key;
}

/** SHA-256 (hex) of the public key's DER SPKI: `openssl pkey -pubin -in key.pem -outform DER | sha256sum`. */
export function fingerprintOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return sha256Hex(der);
}

/** "ab12 cd34 …": the first 32 hex digits in groups of four, for people to compare out of band. */
export function shortFingerprint(fp: string): string {
  return (fp.slice(0, 32).match(/.{4}/g) ?? []).join(' ');
}

/** Ed25519 signature (base64) of `data`. */
export function signData(key: KeyObject, data: Buffer | string): string {
  return sign(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, key).toString('base64');
}

/** Whether `signature` (base64) is `publicKeyPem`'s signature of `data`; false for any malformed input. */
export function verifyData(publicKeyPem: string, data: Buffer | string, signature: string): boolean {
  try {
    return verify(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Who signs: the unlocked identity (or the workspace's checkpoint key). */
export interface Signer {
  /** The identity id (i3), or null for the workspace's checkpoint key. */
  identityId: string | null;
  name: string;
  fingerprint: string;
  publicKey: string;
  sign(data: Buffer | string): string;
}

export function signerFor(identityId: string | null, name: string, publicKey: string, key: KeyObject): Signer {
  return { identityId, name, publicKey, fingerprint: fingerprintOf(publicKey), sign: (d) => signData(key, d) };
}
