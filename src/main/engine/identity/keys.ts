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
}

function derive(passphrase: string, salt: Buffer, p: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r });
}

/** Encrypts a secret under a passphrase (fresh salt and IV each time). */
export function encryptSecret(secret: Buffer, passphrase: string): EncryptedKey {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = derive(passphrase, salt, SCRYPT);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([c.update(secret), c.final()]);
  return {
    format: 'data-sanitizer/encrypted-key@1', kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'),
    cipher: 'aes-256-gcm', iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64'),
  };
}

/** Decrypts; a wrong passphrase (or a damaged file) is UNAUTHENTICATED, never a garbage key. */
export function decryptSecret(enc: EncryptedKey, passphrase: string, what = 'the key'): Buffer {
  if (enc.kdf !== 'scrypt' || enc.cipher !== 'aes-256-gcm' || !(enc.N > 1 && enc.N <= 1 << 20) || !(enc.r > 0 && enc.r <= 32) || !(enc.p > 0 && enc.p <= 16)) {
    throw new AppError('UNSUPPORTED', `${what} is encrypted in a way this version does not read (${enc.kdf}/${enc.cipher}).`);
  }
  try {
    const key = derive(passphrase, Buffer.from(enc.salt, 'base64'), enc);
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(enc.iv, 'base64'));
    d.setAuthTag(Buffer.from(enc.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(enc.data, 'base64')), d.final()]);
  } catch {
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
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  return { publicKey: pem, fingerprint: fingerprintOf(pem), privateKey, encrypted: encryptSecret(der, passphrase) };
}

/** The private key in `enc`, checked against the public key the record holds for it. */
export function unlockPrivateKey(enc: EncryptedKey, passphrase: string, publicKeyPem: string, who: string): KeyObject {
  const der = decryptSecret(enc, passphrase, `${who}'s signing key`);
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
