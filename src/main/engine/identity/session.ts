// The acting identity of an engine: unlocked with its passphrase, held in memory (the decrypted
// key never touches disk), forgotten on lock, on switching workspace and on exit.
import type { Signer } from './keys';

export interface ActiveIdentity {
  id: string;
  name: string;
  fingerprint: string;
  publicKey: string;
  /** Signs as this identity (its private key, decrypted at unlock). */
  signer: Signer;
}
