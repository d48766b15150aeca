// Encrypted secrets: a wrong passphrase, a secret moved to another owner and an edited secret are
// told apart; passphrase rules; older files without the check value still open.
import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, SCRYPT, type EncryptedKey } from '../../src/main/engine/identity/keys';
import { checkPassphrase } from '../../src/main/engine/identity/store';

const secret = randomBytes(32);
const enc = encryptSecret(secret, 'a good passphrase', 'owner-A');
const flip = (b64: string) => {
  const b = Buffer.from(b64, 'base64');
  b[0] = b[0]! ^ 1;
  return b.toString('base64');
};

describe('decryptSecret', () => {
  it.each<[string, EncryptedKey, string, string | undefined, string | null]>([
    ['the right passphrase and owner', enc, 'a good passphrase', 'owner-A', null],
    ['no owner expected', enc, 'a good passphrase', undefined, null],
    ['a wrong passphrase', enc, 'a bad passphrase', 'owner-A', 'UNAUTHENTICATED'],
    ['another owner', enc, 'a good passphrase', 'owner-B', 'VERIFICATION_FAILED'],
    ['the owner label edited to match', { ...enc, boundTo: 'owner-B' }, 'a good passphrase', 'owner-B', 'VERIFICATION_FAILED'],
    ['the data edited', { ...enc, data: flip(enc.data) }, 'a good passphrase', 'owner-A', 'VERIFICATION_FAILED'],
    ['the tag edited', { ...enc, tag: flip(enc.tag) }, 'a good passphrase', 'owner-A', 'VERIFICATION_FAILED'],
    ['an unknown cipher', { ...enc, cipher: 'rot13' as 'aes-256-gcm' }, 'a good passphrase', 'owner-A', 'UNSUPPORTED'],
    ['an absurd scrypt cost', { ...enc, N: 1 << 30 }, 'a good passphrase', 'owner-A', 'UNSUPPORTED'],
  ])('%s', (_what, e, passphrase, owner, code) => {
    if (code === null) expect(decryptSecret(e, passphrase, 'the key', owner).equals(secret)).toBe(true);
    else expect(() => decryptSecret(e, passphrase, 'the key', owner)).toThrow(expect.objectContaining({ code }));
  });

  it('opens a file written before the check value (32-byte scrypt output), where any failure reads as a wrong passphrase', () => {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const key = scryptSync('old passphrase', salt, 32, { ...SCRYPT, maxmem: 256 * SCRYPT.N * SCRYPT.r });
    const c = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([c.update(secret), c.final()]);
    const old: EncryptedKey = { format: 'data-sanitizer/encrypted-key@1', kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), cipher: 'aes-256-gcm', iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') };
    expect(decryptSecret(old, 'old passphrase').equals(secret)).toBe(true);
    expect(() => decryptSecret(old, 'other passphrase')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('uses a fresh salt and IV every time', () => {
    const again = encryptSecret(secret, 'a good passphrase', 'owner-A');
    expect([again.salt, again.iv, again.data]).not.toEqual([enc.salt, enc.iv, enc.data]);
  });
});

describe('checkPassphrase', () => {
  it.each<[string, string | undefined, string | null]>([
    ['correct horse battery staple', 'alice', null],
    ['abcabcab', undefined, null],
    ['short', undefined, 'too short'],
    ['Alice Smith', 'alice smith', 'cannot be the name'],
    ['  alice smith ', 'Alice Smith', 'cannot be the name'],
    ['zzzzzzzzzzzz', undefined, 'repeats one or two characters'],
    ['AbAbAbAbAbAb', undefined, 'repeats one or two characters'],
  ])('%j (name %j)', (passphrase, name, message) => {
    if (message === null) expect(() => checkPassphrase(passphrase, 'x', name)).not.toThrow();
    else expect(() => checkPassphrase(passphrase, 'x', name)).toThrow(message);
  });
});
