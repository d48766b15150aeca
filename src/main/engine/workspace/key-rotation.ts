// The workspace key's life after creation: an encrypted backup, a rotation to a new generation
// (the old key kept, private, for the digests and pseudonyms made with it), a restore into a
// workspace that lost its key, and the repair at opening of a rotation a crash cut short.
//
// Rotation, step by step, and what a crash between steps leaves:
//   1. the current key is copied to keys/workspace.gen<N>.key (0600; never overwritten) —
//      a crash after this leaves a harmless extra copy of the key in force;
//   2. the new key is written whole to keys/workspace.next.key (0600, synced) —
//      a crash after this leaves a pending key no record speaks of: discarded at the next open;
//   3. one transaction sets meta key_generation = N+1 and appends the signed `key.rotated` —
//      the commit point: a crash after it leaves the pending key named by the log: the next open
//      moves it into place (and logs `key.rotationFinished`);
//   4. keys/workspace.next.key is renamed over workspace.key (atomic: a reader sees the old key or
//      the new one, never none and never half of one); the cached key is dropped.
// While 2–4 run the workspace refuses to hand out its key (BUSY), so no job mixes generations.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/result';
import type { Database } from '../db/database';
import { table } from '../db/sql';
import { cleanup, prepareDestination, publish } from '../export/destination';
import { decryptSecret, encryptSecret, type EncryptedKey, type Signer } from '../identity/keys';
import { appendEvent } from './event-log';
import { KEY_BYTES, readKey } from './key';
import { currentKeyInfo, keyFingerprint } from './key-generation';
import type { Workspace } from './workspace';

export const KEYS_DIR = 'keys';
export const BACKUP_FORMAT = 'data-sanitizer/workspace-key-backup@1';

export interface KeyBackupFile {
  format: typeof BACKUP_FORMAT;
  workspaceId: string;
  generation: number;
  fingerprint: string;
  /** The 32-byte key under the backup passphrase (scrypt + AES-256-GCM), bound to workspaceId. */
  encrypted: EncryptedKey;
}

export interface Rotation {
  from: number;
  to: number;
  oldFingerprint: string;
  newFingerprint: string;
}

const POSIX = process.platform !== 'win32';

export function keysDir(wsDir: string): string {
  return path.join(wsDir, KEYS_DIR);
}
/** Where generation `g`'s key is kept once a later one replaced it. */
export function archivedKeyFile(wsDir: string, g: number): string {
  return path.join(keysDir(wsDir), `workspace.gen${g}.key`);
}
/** The next generation's key between its creation and its commit (step 2 above). */
export function pendingKeyFile(wsDir: string): string {
  return path.join(keysDir(wsDir), 'workspace.next.key');
}

function makeKeysDir(wsDir: string): void {
  fs.mkdirSync(keysDir(wsDir), { recursive: true, mode: 0o700 });
}

function fsyncDir(dir: string): void {
  if (!POSIX) return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems cannot sync a folder; the rename is still atomic.
  }
}

/** Writes `bytes` to a fresh temp file beside `file` (0600, synced); returns its path. */
function writeTempPrivate(file: string, bytes: Buffer): string {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    if (POSIX) fs.fchmodSync(fd, 0o600);
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return tmp;
}

/** Puts `bytes` at `file` unless it is there already (then it must hold the same bytes). */
function keepKeyFile(file: string, bytes: Buffer): void {
  if (fs.existsSync(file)) {
    if (!fs.readFileSync(file).equals(bytes)) {
      throw new AppError('WORKSPACE_INCOMPATIBLE', `${file} already holds a different key; it was left as it is and the key was not rotated. Move it aside if it is not this workspace's.`, { file });
    }
    return;
  }
  const tmp = writeTempPrivate(file, bytes);
  try {
    try {
      fs.linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw err;
      fs.copyFileSync(tmp, file, fs.constants.COPYFILE_EXCL);
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  fsyncDir(path.dirname(file));
}

async function metaValue(db: Database, key: string): Promise<string | null> {
  const r = await db.one(`SELECT value FROM ${table.meta} WHERE key = $key`, { key });
  return r ? String(r.value) : null;
}

export async function workspaceId(ws: Workspace): Promise<string> {
  const id = await metaValue(ws.db, 'workspace_id');
  if (!id) throw new AppError('WORKSPACE_INCOMPATIBLE', `The workspace ${ws.dir} records no workspace id; it was not upgraded to the governance format.`);
  return id;
}

/** The key of generation `g`: the one in force, or an archived one (earlier digests and pseudonyms). */
export async function keyForGeneration(ws: Workspace, g: number): Promise<Buffer> {
  const now = await currentKeyInfo(ws);
  if (g === now.generation) return ws.secretKey();
  if (!Number.isInteger(g) || g < 1 || g > now.generation) throw new AppError('NOT_FOUND', `The workspace key has no generation ${g} (generations 1 to ${now.generation}).`);
  return readKey(archivedKeyFile(ws.dir, g));
}

/**
 * Rotates the workspace key (steps above). The caller checks the role and that no job runs;
 * `signer` signs the `key.rotated` entry.
 */
export async function rotateWorkspaceKey(ws: Workspace, signer: Signer, reason: string): Promise<Rotation> {
  return ws.exclusive(async () => {
    const { generation: from, fingerprint: oldFingerprint } = await currentKeyInfo(ws);
    const old = ws.secretKey();
    makeKeysDir(ws.dir);
    keepKeyFile(archivedKeyFile(ws.dir, from), old);
    const pending = pendingKeyFile(ws.dir);
    fs.rmSync(pending, { force: true });
    const next = randomBytes(KEY_BYTES);
    const newFingerprint = keyFingerprint(next);
    const tmp = writeTempPrivate(pending, next);
    fs.renameSync(tmp, pending);
    fsyncDir(keysDir(ws.dir));
    const to = from + 1;
    const rotation: Rotation = { from, to, oldFingerprint, newFingerprint };
    ws.holdKey('the workspace key is being rotated; try again in a moment');
    try {
      await ws.db.transaction(async (c) => {
        await c.run(`INSERT OR REPLACE INTO ${table.meta} VALUES ('key_generation', $g)`, { g: String(to) });
        await appendEvent(c, { action: 'key.rotated', actor: signer.name, subject: { workspace: ws.dir }, details: { ...rotation, reason }, signer });
      });
    } catch (err) {
      fs.rmSync(pending, { force: true });
      ws.releaseKey();
      throw err;
    }
    try {
      fs.renameSync(pending, ws.keyFile);
      fsyncDir(ws.dir);
    } catch (err) {
      // Committed but not in place: the next open finishes it; until then no key is handed out.
      ws.holdKey(`the workspace key rotation to generation ${to} was recorded but its key could not be put in place (${(err as Error).message}); close and reopen the workspace to finish it`);
      throw new AppError('INTERNAL', `Rotated the workspace key to generation ${to} but could not put the new key in place: ${(err as Error).message}. Reopen the workspace to finish the rotation.`);
    }
    ws.releaseKey();
    return rotation;
  });
}

/**
 * At opening: finishes a rotation whose commit happened (the log names the pending key) or
 * discards one that never committed. Returns what was done, for the open's log entry; null if nothing.
 */
export async function recoverKeyRotation(wsDir: string, db: Database, keyFile: string): Promise<Record<string, unknown> | null> {
  const pending = pendingKeyFile(wsDir);
  if (!fs.existsSync(pending)) return null;
  const bytes = fs.readFileSync(pending);
  const fp = bytes.length === KEY_BYTES ? keyFingerprint(bytes) : '';
  const gen = Number((await metaValue(db, 'key_generation')) ?? '1');
  const last = await db.one(`SELECT details::VARCHAR AS d FROM ${table.eventLog} WHERE action = 'key.rotated' ORDER BY seq DESC LIMIT 1`);
  const rotated = last ? (JSON.parse(String(last.d)) as Partial<Rotation>) : null;
  if (fp && rotated && rotated.to === gen && rotated.newFingerprint === fp) {
    const inPlace = fs.existsSync(keyFile) && keyFingerprint(fs.readFileSync(keyFile)) === fp;
    if (inPlace) fs.rmSync(pending, { force: true });
    else {
      fs.renameSync(pending, keyFile);
      fsyncDir(wsDir);
    }
    return { action: 'finished', generation: gen, fingerprint: fp };
  }
  fs.rmSync(pending, { force: true });
  return { action: 'discarded', generation: gen, reason: 'the rotation was not recorded (the process stopped before its commit)' };
}

/** Writes the current key, encrypted under `passphrase`, to `file` (atomically, mode 0600). */
export async function backupWorkspaceKey(ws: Workspace, file: string, passphrase: string, force: boolean, signer: Signer): Promise<{ path: string; generation: number; fingerprint: string }> {
  return ws.exclusive(async () => {
    const id = await workspaceId(ws);
    const { generation, fingerprint } = await currentKeyInfo(ws);
    const doc: KeyBackupFile = { format: BACKUP_FORMAT, workspaceId: id, generation, fingerprint, encrypted: encryptSecret(ws.secretKey(), passphrase, id) };
    const d = prepareDestination(file, force, [ws.databaseFile, ws.keyFile]);
    try {
      if (POSIX) fs.chmodSync(d.temp, 0o600);
      const fd = fs.openSync(d.temp, 'w');
      try {
        fs.writeSync(fd, `${JSON.stringify(doc, null, 2)}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      publish(d, force);
    } finally {
      cleanup(d);
    }
    await ws.db.with((c) => appendEvent(c, { action: 'key.backedUp', actor: signer.name, subject: { workspace: ws.dir }, details: { path: d.path, generation, fingerprint }, signer }));
    return { path: d.path, generation, fingerprint };
  });
}

/** Reads and checks a backup file's outer form (not its secret). */
export function readBackupFile(file: string): KeyBackupFile {
  let doc: Partial<KeyBackupFile>;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<KeyBackupFile>;
  } catch (err) {
    throw new AppError('BAD_FILE', `${file} is not a workspace key backup: ${(err as Error).message}`, { file });
  }
  if (doc.format !== BACKUP_FORMAT || typeof doc.workspaceId !== 'string' || !Number.isInteger(doc.generation) || typeof doc.fingerprint !== 'string' || typeof doc.encrypted !== 'object' || doc.encrypted === null) {
    throw new AppError('BAD_FILE', `${file} is not a workspace key backup (${BACKUP_FORMAT}).`, { file });
  }
  return doc as KeyBackupFile;
}

/** The key in a backup, decrypted and checked against the fingerprint it claims. */
export function openBackup(doc: KeyBackupFile, passphrase: string, file: string): Buffer {
  const key = decryptSecret(doc.encrypted, passphrase, `the key backup ${file}`, doc.workspaceId);
  if (key.length !== KEY_BYTES || keyFingerprint(key) !== doc.fingerprint) {
    throw new AppError('VERIFICATION_FAILED', `The key in ${file} does not match the fingerprint the backup records; it was edited.`, { file });
  }
  return key;
}

/**
 * Puts a backed-up key back into a workspace that lost it: the backup must be of this workspace,
 * and of the generation in force (then it becomes workspace.key) or of an earlier one whose kept
 * copy is missing. Never replaces a key that is there.
 */
export async function restoreWorkspaceKey(ws: Workspace, file: string, passphrase: string, signer: Signer): Promise<{ generation: number; fingerprint: string; restoredTo: string }> {
  return ws.exclusive(async () => {
    const doc = readBackupFile(file);
    const id = await workspaceId(ws);
    if (doc.workspaceId !== id) throw new AppError('FORBIDDEN', `${file} is the key of another workspace (${doc.workspaceId}); this one is ${id}.`, { guard: 'workspace', file });
    const key = openBackup(doc, passphrase, file);
    const gen = Number((await metaValue(ws.db, 'key_generation')) ?? '1');
    let target: string;
    if (doc.generation === gen) target = ws.keyFile;
    else if (doc.generation >= 1 && doc.generation < gen) {
      makeKeysDir(ws.dir);
      target = archivedKeyFile(ws.dir, doc.generation);
    } else throw new AppError('INVALID_ARGUMENT', `${file} holds generation ${doc.generation}; this workspace is at generation ${gen}.`, { file });
    if (fs.existsSync(target)) throw new AppError('ALREADY_EXISTS', `${target} is there already; a restore never replaces a key. Move it aside first if it is damaged.`, { file: target });
    keepKeyFile(target, key);
    ws.forgetSecretKey();
    await ws.db.with((c) => appendEvent(c, { action: 'key.restored', actor: signer.name, subject: { workspace: ws.dir }, details: { path: file, generation: doc.generation, fingerprint: doc.fingerprint }, signer }));
    return { generation: doc.generation, fingerprint: doc.fingerprint, restoredTo: target };
  });
}
