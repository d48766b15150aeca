// A checkpoint's signature and what a verifier checks of it: the canonical JSON of everything but
// `signature`, signed with Ed25519; the workspace it names; the key (introduced in the log); and
// the entry at its sequence number, which must still have the hash it recorded.
import { z } from 'zod';
import type { AuditProblem, Checkpoint } from '../../../shared/api/governance-types';
import { AppError } from '../../../shared/api/result';
import { canonicalJson } from './canonical';
import { fingerprintOf, shortFingerprint, verifyData, type Signer } from '../identity/keys';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const checkpointSchema = z.strictObject({
  format: z.literal('data-sanitizer/checkpoint@1'),
  workspaceId: z.string().min(1).max(200),
  seq: z.int().positive(),
  hash: hex64,
  at: z.string().min(1).max(40),
  signer: z.strictObject({ name: z.string().max(200).nullable(), fingerprint: hex64, publicKey: z.string().min(1).max(2000) }),
  signature: z.string().min(1).max(200),
});

/** The bytes signed: RFC 8785 canonical JSON of the checkpoint without `signature`. */
export function checkpointBytes(c: Omit<Checkpoint, 'signature'>): string {
  const { format, workspaceId, seq, hash, at, signer } = c;
  return canonicalJson({ format, workspaceId, seq, hash, at, signer });
}

export function signCheckpoint(body: { workspaceId: string; seq: number; hash: string; at: string }, signer: Signer, name: string | null): Checkpoint {
  const unsigned: Omit<Checkpoint, 'signature'> = {
    format: 'data-sanitizer/checkpoint@1', ...body, signer: { name, fingerprint: signer.fingerprint, publicKey: signer.publicKey },
  };
  return { ...unsigned, signature: signer.sign(checkpointBytes(unsigned)) };
}

/** Parses a checkpoint file's text, naming the file and what is wrong. */
export function parseCheckpoint(text: string, file: string): Checkpoint {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AppError('BAD_FILE', `The checkpoint file ${file} is not JSON: ${(err as Error).message}`, { file });
  }
  const r = checkpointSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new AppError('BAD_FILE', `The checkpoint file ${file} is not a Data Sanitizer checkpoint: ${i ? `${i.path.join('.') || 'the file'}: ${i.message}` : 'unreadable'}.`, { file });
  }
  return r.data;
}

export function describeCheckpoint(c: Checkpoint): string {
  const who = c.signer.name ?? "the workspace's checkpoint key";
  return `checkpoint of entry ${c.seq} signed by ${who} on ${c.at.slice(0, 19).replace('T', ' ')} UTC`;
}

export interface CheckpointContext {
  workspaceId: string | null;
  head: { seq: number; hash: string } | null;
  /** The stored hash of entry `seq`, or null if there is no such entry. */
  hashAt(seq: number): string | null;
  knownKey(fingerprint: string): { publicKey: string } | null;
}

/** What is wrong with a checkpoint against the log, or null. */
export function checkpointProblem(c: Checkpoint, ctx: CheckpointContext): Omit<AuditProblem, 'message'> & { message: string } | null {
  let fp: string | null;
  try {
    fp = fingerprintOf(c.signer.publicKey);
  } catch {
    fp = null;
  }
  if (fp !== c.signer.fingerprint || !verifyData(c.signer.publicKey, checkpointBytes(c), c.signature)) {
    return { seq: c.seq, kind: 'checkpoint', message: `a ${describeCheckpoint(c)} has a signature that does not verify — the checkpoint was altered` };
  }
  if (ctx.workspaceId !== null && c.workspaceId !== ctx.workspaceId) {
    return { seq: null, kind: 'checkpoint', message: `a checkpoint belongs to another workspace (${c.workspaceId}, this one is ${ctx.workspaceId})` };
  }
  // Truncation before the key: the entry introducing the key may be among those cut off.
  const head = ctx.head;
  if (!head || c.seq > head.seq) {
    const end = head ? `the log ends at entry ${head.seq}` : 'the log is empty';
    return { seq: head ? head.seq + 1 : 1, kind: 'truncated', message: `${end} but a ${describeCheckpoint(c)} covers entry ${c.seq} — entries were cut off the end` };
  }
  if (!ctx.knownKey(c.signer.fingerprint)) {
    return { seq: c.seq, kind: 'checkpoint', message: `a ${describeCheckpoint(c)} is signed by key ${shortFingerprint(c.signer.fingerprint)}, which the log never introduces` };
  }
  const at = ctx.hashAt(c.seq);
  if (at !== c.hash) {
    return { seq: c.seq, kind: 'checkpoint', message: `entry ${c.seq} no longer has the hash the ${describeCheckpoint(c)} recorded — the log was rewritten at or before entry ${c.seq}` };
  }
  return null;
}
