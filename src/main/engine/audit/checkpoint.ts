// Head checkpoints: the log's last sequence number and hash, signed by the active identity or, with
// none unlocked, by the workspace's checkpoint key (audit.key: an Ed25519 PKCS#8 PEM beside the
// database, created atomically, owner-only, its public key logged once). Stored in _ds_checkpoint at
// every export, at close when the log grew, and on request — and written to a file an auditor keeps.
import { linkNew } from '../workspace/key';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Checkpoint } from '../../../shared/api/governance-types';
import { AppError } from '../../../shared/api/result';
import { num, type Database } from '../db/database';
import { table } from '../db/sql';
import type { ActiveIdentity } from '../identity/session';
import { signerFor, type Signer } from '../identity/keys';
import { appendEvent } from '../workspace/event-log';
import { keepsModes } from '../workspace/key';
import type { Workspace } from '../workspace/workspace';
import { logHead } from './entries';
import { signCheckpoint } from './checkpoint-sign';
import { CHECKPOINT_KEY_ACTION } from './verify';

export const AUDIT_KEY_FILE = 'audit.key';
const POSIX = process.platform !== 'win32';

/** Writes `data` to a fresh owner-only temporary file beside `file`, synced; returns its path. */
export function writeTempBeside(file: string, data: string | Buffer, mode = 0o600): string {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'wx', mode);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return tmp;
}


/** The checkpoint key at `file`, created first if missing (two racing processes end with the same key). */
export function readOrCreateAuditKey(file: string): KeyObject {
  if (!fs.existsSync(file)) {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const tmp = writeTempBeside(file, pem);
    try {
      if (linkNew(tmp, file) && POSIX) fs.chmodSync(file, 0o600);
    } catch (err) {
      throw new AppError('FILE_UNREADABLE', `Cannot create the checkpoint key ${file}: ${(err as Error).message}`, { file });
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const st = fs.lstatSync(file);
  if (!st.isFile()) throw new AppError('WORKSPACE_INCOMPATIBLE', `The checkpoint key ${file} is not a regular file (a link or a folder).`, { file });
  if (POSIX && (st.mode & 0o077) !== 0 && keepsModes(path.dirname(file))) {
    const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
    throw new AppError('WORKSPACE_INCOMPATIBLE', `The checkpoint key ${file} can be read by other users (mode ${mode}); it was not used. Run \`chmod 600 ${file}\` if nobody could have copied it.`, { file, mode });
  }
  try {
    const key = createPrivateKey(fs.readFileSync(file, 'utf8'));
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`it is an ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
    return key;
  } catch (err) {
    throw new AppError('WORKSPACE_INCOMPATIBLE', `The checkpoint key ${file} is damaged: ${(err as Error).message}`, { file });
  }
}

/**
 * The workspace's checkpoint signer; the first use logs its public key (signed by itself) so
 * verification knows it. Call inside Workspace.exclusive.
 */
export async function checkpointKeySigner(ws: Workspace, actor: string): Promise<Signer> {
  const key = readOrCreateAuditKey(path.join(ws.dir, AUDIT_KEY_FILE));
  const publicKey = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  const signer = signerFor(null, "the workspace's checkpoint key", publicKey, key);
  const logged = await ws.db.one(`SELECT 1 AS x FROM ${table.eventLog} WHERE action = $a AND signer = $fp LIMIT 1`, { a: CHECKPOINT_KEY_ACTION, fp: signer.fingerprint });
  if (!logged) {
    await ws.db.with((c) => appendEvent(c, {
      action: CHECKPOINT_KEY_ACTION, actor, subject: { workspace: ws.dir },
      details: { publicKey, fingerprint: signer.fingerprint, file: AUDIT_KEY_FILE }, signer,
    }));
  }
  return signer;
}

export async function workspaceId(db: Database): Promise<string | null> {
  const r = await db.one(`SELECT value FROM ${table.meta} WHERE key = 'workspace_id'`);
  return r ? String(r.value) : null;
}

async function lastCheckpointSeq(db: Database): Promise<number> {
  const r = await db.one(`SELECT coalesce(max(seq), 0) AS s FROM ${table.checkpoint}`);
  return num(r?.s);
}

/**
 * Signs and stores a checkpoint of the current head. With `ifGrown`, does nothing (null) when the
 * newest stored checkpoint already covers the head.
 */
export async function writeCheckpoint(ws: Workspace, identity: ActiveIdentity | null, actor: string, opts: { ifGrown?: boolean } = {}): Promise<Checkpoint | null> {
  return ws.exclusive(async () => {
    const before = await logHead(ws.db);
    if (!before || (opts.ifGrown && (await lastCheckpointSeq(ws.db)) >= before.seq)) return null;
    const signer = identity?.signer ?? (await checkpointKeySigner(ws, actor));
    const head = (await logHead(ws.db)) ?? before;
    const id = await workspaceId(ws.db);
    if (!id) throw new AppError('WORKSPACE_INCOMPATIBLE', `The workspace ${ws.dir} has no workspace id; it was not upgraded to format 9.`);
    const cp = signCheckpoint({ workspaceId: id, seq: head.seq, hash: head.hash, at: new Date().toISOString() }, signer, identity?.name ?? null);
    await ws.db.run(
      `INSERT INTO ${table.checkpoint} VALUES ($seq, $hash, $at::TIMESTAMPTZ, $name, $fp, $pk, $sig)`,
      { seq: cp.seq, hash: cp.hash, at: cp.at, name: cp.signer.name, fp: cp.signer.fingerprint, pk: cp.signer.publicKey, sig: cp.signature },
    );
    return cp;
  });
}

/** The stored checkpoints, oldest first. */
export async function storedCheckpoints(db: Database): Promise<Checkpoint[]> {
  const id = (await workspaceId(db)) ?? '';
  const rows = await db.all(`SELECT seq, hash, epoch_ms("at") AS at_ms, signer_name, fingerprint, public_key, signature FROM ${table.checkpoint} ORDER BY seq, "at"`);
  return rows.map((r) => ({
    format: 'data-sanitizer/checkpoint@1',
    workspaceId: id,
    seq: num(r.seq),
    hash: String(r.hash),
    at: new Date(num(r.at_ms)).toISOString(),
    signer: { name: r.signer_name === null ? null : String(r.signer_name), fingerprint: String(r.fingerprint), publicKey: String(r.public_key) },
    signature: String(r.signature),
  }));
}

/** Writes a checkpoint file atomically; an existing file is replaced only with `force`. */
export function writeCheckpointFile(file: string, cp: Checkpoint, force: boolean): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) throw new AppError('NOT_FOUND', `Cannot write the checkpoint to ${file}: the folder ${dir} does not exist.`, { file });
  if (fs.existsSync(file) && !force) throw new AppError('ALREADY_EXISTS', `${file} already exists; give force (CLI: --force) to replace it.`, { file });
  const tmp = writeTempBeside(file, `${JSON.stringify(cp, null, 2)}\n`, 0o644);
  try {
    if (force) fs.renameSync(tmp, file);
    else if (!linkNew(tmp, file)) throw new AppError('ALREADY_EXISTS', `${file} already exists; give force (CLI: --force) to replace it.`, { file });
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
