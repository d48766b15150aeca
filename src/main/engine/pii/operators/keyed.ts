// Keyed hashing with the workspace key: the ledger's digest of a cell, the `hash` operator's
// pseudonym, and the normalisation that decides which spellings of a value count as the same.
import { createHmac } from 'node:crypto';
import { HASH_MAX_LENGTH, HASH_NORMALISATIONS, type HashNormalisation } from '../../../../shared/policy/operators';

export { HASH_MAX_LENGTH, HASH_NORMALISATIONS, type HashNormalisation };

/** Shorter keys would make every pseudonym guessable by brute force over the key. */
export const MIN_KEY_BYTES = 16;

export function checkKey(key: Uint8Array): void {
  if (key.byteLength < MIN_KEY_BYTES) throw new RangeError(`the key has ${key.byteLength} bytes; at least ${MIN_KEY_BYTES} are needed`);
}

export function hmac(key: Uint8Array, data: string): Buffer {
  checkKey(key);
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/**
 * HMAC-SHA-256 (hex) of the value exactly as it is, for the ledger's `before`: it proves which
 * cell was there without holding it. Plain HMAC, no normalisation, so a key holder can check it
 * with any HMAC tool (`openssl dgst -sha256 -mac HMAC -macopt hexkey:…`).
 */
export function keyedDigest(v: string, key: Uint8Array): string {
  return hmac(key, v).toString('hex');
}

/**
 * Which spellings hash alike. `text` (the default): NFC, outer whitespace trimmed, inner runs of
 * whitespace as one space, case kept — folding names is a cleaning decision the policy makes in
 * its own step, not one hidden in a hash. `email`: NFC, trimmed, lower-cased (providers treat the
 * local part case-insensitively, and the domain is by definition). `identifier` (cards, phones,
 * national ids, IBANs): NFKC, only letters and digits, upper-cased, so `4111-1111…` and
 * `4111 1111…` agree. `exact`: the value as given. (The list is HASH_NORMALISATIONS, shared with the policy schema.)
 */
export function normaliseForHash(v: string, how: HashNormalisation): string {
  switch (how) {
    case 'exact': return v;
    case 'text': return v.normalize('NFC').trim().replace(/\s+/gu, ' ');
    case 'email': return v.normalize('NFC').trim().toLowerCase();
    case 'identifier': return v.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '').toUpperCase();
  }
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 base32, lower case, no padding: shorter than hex for the same bits, and safe in file names. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(acc >>> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(acc << (5 - bits)) & 31];
  return out;
}

export interface KeyedHashOptions {
  /** Characters kept (16 by default: 64 bits in hex, enough for 100 million distinct values with rare collisions). */
  length?: number;
  prefix?: string;
  encoding?: 'hex' | 'base32';
  normalise?: HashNormalisation;
}

/** The `hash` operator: HMAC-SHA-256 of the normalised value; the same value and key always give the same pseudonym. */
export function keyedHash(v: string, key: Uint8Array, opts: KeyedHashOptions = {}): string {
  const encoding = opts.encoding ?? 'hex';
  const length = opts.length ?? 16;
  if (!Number.isInteger(length) || length < 1 || length > HASH_MAX_LENGTH[encoding]) throw new RangeError(`a ${encoding} hash has 1 to ${HASH_MAX_LENGTH[encoding]} characters, not ${length}`);
  const mac = hmac(key, normaliseForHash(v, opts.normalise ?? 'text'));
  const text = encoding === 'hex' ? mac.toString('hex') : base32(mac);
  return (opts.prefix ?? '') + text.slice(0, length);
}
