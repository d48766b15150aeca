// Who holds a workspace: a small lock file beside the database, read when DuckDB refuses to open
// it, so the user learns which process has it open rather than a low-level lock error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/api/result';

export const LOCK_FILE = 'workspace.lock';

export interface LockInfo {
  pid: number;
  process: string;
  user: string;
  host: string;
  startedAt: string;
}

export function writeLock(dir: string, processName: string, user: string): void {
  const info: LockInfo = { pid: process.pid, process: processName, user, host: os.hostname(), startedAt: new Date().toISOString() };
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(info, null, 2));
}

export function removeLock(dir: string): void {
  try {
    const info = readLock(dir);
    if (info?.pid === process.pid) fs.rmSync(path.join(dir, LOCK_FILE), { force: true });
  } catch {
    // a lock file we cannot read is not ours to remove
  }
}

export function readLock(dir: string): LockInfo | null {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as Partial<LockInfo>;
    if (typeof v.pid !== 'number') return null;
    return {
      pid: v.pid,
      process: String(v.process ?? 'unknown process'),
      user: String(v.user ?? 'unknown'),
      host: String(v.host ?? ''),
      startedAt: String(v.startedAt ?? ''),
    };
  } catch {
    return null;
  }
}

/**
 * The holder named by the lock file, if it is another process that is still alive (or runs on
 * another host, where we cannot tell). Consulted only when DuckDB has refused the file, for
 * platforms whose lock error does not name the holder.
 */
export function liveHolder(dir: string): LockInfo | null {
  const lock = readLock(dir);
  if (!lock || lock.pid === process.pid) return null;
  if (lock.host && lock.host !== os.hostname()) return lock;
  try {
    process.kill(lock.pid, 0);
    return lock;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? lock : null;
  }
}

/** DuckDB says: `Conflicting lock is held in /usr/bin/node (PID 123) by user bob`. */
const DUCKDB_LOCK = /Conflicting lock is held in (.*?) \(PID (\d+)\)(?: by user (\S+))?/;

export function isLockError(err: unknown): boolean {
  const m = err instanceof Error ? err.message : String(err);
  return /Could not set lock on file/i.test(m) || DUCKDB_LOCK.test(m);
}

/** Builds the clear error for a workspace held by another process. */
export function lockedError(dir: string, err: unknown): AppError {
  const m = err instanceof Error ? err.message : String(err);
  const dk = DUCKDB_LOCK.exec(m);
  const pid = dk ? Number(dk[2]) : undefined;
  const lock = readLock(dir);
  const holder =
    lock && (pid === undefined || lock.pid === pid)
      ? `${lock.process} (PID ${lock.pid}, user ${lock.user}${lock.host ? ` on ${lock.host}` : ''}, open since ${lock.startedAt})`
      : dk
        ? `${dk[1]} (PID ${dk[2]}${dk[3] ? `, user ${dk[3]}` : ''})`
        : 'another process';
  return new AppError(
    'WORKSPACE_LOCKED',
    `The workspace ${dir} is open in another process: ${holder}. Close it there, or open a different workspace.`,
    { file: dir, pid: lock?.pid ?? pid, process: lock?.process ?? dk?.[1] },
  );
}
