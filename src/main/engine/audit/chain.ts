// The audit log's hash chain. Each entry's hash covers its sequence number, time, actor, action,
// subjects, the digest of its payload (details), the signer's fingerprint and the previous entry's
// hash; a signed entry's signature is Ed25519 over that hash (32 bytes). Changing, removing,
// inserting or reordering any entry breaks every later link.
import { canonicalJson, sha256Hex } from './canonical';

/** The previous hash of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainFields {
  seq: number;
  /** ISO 8601 with milliseconds (what the log stores). */
  at: string;
  actor: string;
  action: string;
  subject: Record<string, string>;
  payloadDigest: string;
  prevHash: string;
  signer: string | null;
}

/** SHA-256 of the canonical JSON of an entry's details. */
export function payloadDigest(details: Record<string, unknown>): string {
  return sha256Hex(canonicalJson(details));
}

/** The entry's hash (hex): SHA-256 of the canonical JSON of its fields (format v1). */
export function entryHash(f: ChainFields): string {
  return sha256Hex(canonicalJson({ v: 1, seq: f.seq, at: f.at, actor: f.actor, action: f.action, subject: f.subject, payloadDigest: f.payloadDigest, prevHash: f.prevHash, signer: f.signer }));
}

/** What a signature covers: the entry hash's 32 bytes. */
export function signedBytes(hash: string): Buffer {
  return Buffer.from(hash, 'hex');
}
