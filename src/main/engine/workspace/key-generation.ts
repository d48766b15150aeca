// The workspace key's generation and fingerprint: what runs record (never the key). Generation 1
// until the first rotation; the fingerprint is a one-way digest that cannot recover the key.
import { createHash } from 'node:crypto';
import { num } from '../db/database';
import { table } from '../db/sql';
import type { Workspace } from './workspace';

export interface KeyInfo {
  generation: number;
  fingerprint: string;
}

/** SHA-256 over a fixed label and the key, hex: two workspaces share it exactly when they share the key. */
export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update('data-sanitizer/workspace-key-fingerprint\u0000').update(key).digest('hex');
}

export async function currentKeyInfo(ws: Workspace): Promise<KeyInfo> {
  const r = await ws.db.one(`SELECT value FROM ${table.meta} WHERE key = 'key_generation'`);
  return { generation: r ? num(Number(r.value)) : 1, fingerprint: keyFingerprint(ws.secretKey()) };
}
