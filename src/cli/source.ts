// For commands that take `<file|dataset>`: a dataset id names a dataset in the workspace; a file
// is imported first. Given a file and no --workspace, the work happens in a temporary workspace
// that is deleted afterwards (also on error and Ctrl-C), so personal data does not linger; ones
// left by a killed process are swept the next time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../shared/api/result';
import type { ImportOptions, ImportResult } from '../shared/api/types';
import { LOCK_FILE } from '../main/engine/workspace/lock';
import type { CliIO } from './io';
import { withSession, type Session } from './session';

export const TEMP_PREFIX = 'sanitizer-ws-';
const DATASET_ID = /^d[0-9]+$/;
/** A temp workspace without a lock file is left alone this long (its process may be starting). */
const UNLOCKED_GRACE_MS = 60 * 60 * 1000;

export type SourceRef = { kind: 'dataset'; datasetId: string } | { kind: 'file'; path: string };

export function classifySource(arg: string, cwd: string): SourceRef {
  const file = path.resolve(cwd, arg);
  const exists = fs.existsSync(file);
  if (DATASET_ID.test(arg)) {
    if (exists) throw new AppError('INVALID_ARGUMENT', `"${arg}" is both a dataset id and a file here; write ./${arg} for the file.`, { file });
    return { kind: 'dataset', datasetId: arg };
  }
  if (!exists) throw new AppError('NOT_FOUND', `${file}: no such file (and "${arg}" is not a dataset id, which looks like d12).`, { file });
  if (fs.statSync(file).isDirectory()) throw new AppError('INVALID_ARGUMENT', `${file} is a folder; give a file or a dataset id.`, { file });
  return { kind: 'file', path: file };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary workspaces whose process is gone (killed before it could clean up). */
export function sweepStaleTempWorkspaces(root = os.tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(root).filter((n) => n.startsWith(TEMP_PREFIX));
  } catch {
    return removed;
  }
  for (const n of names) {
    const dir = path.join(root, n);
    try {
      const lock = path.join(dir, 'ws', LOCK_FILE);
      if (fs.existsSync(lock)) {
        const pid = Number((JSON.parse(fs.readFileSync(lock, 'utf8')) as { pid?: unknown }).pid);
        if (Number.isInteger(pid) && alive(pid)) continue;
      } else if (Date.now() - fs.statSync(dir).mtimeMs < UNLOCKED_GRACE_MS) {
        continue;
      }
      fs.rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // another process may be removing it at the same moment
    }
  }
  return removed;
}

export interface SourceOptions {
  workspace?: string;
  command: string;
  importOptions?: ImportOptions;
  /** Where temporary workspaces go (tests). */
  tempRoot?: string;
}

export interface ResolvedSource {
  session: Session;
  datasetId: string;
  /** Set when the source was a file imported for this command. */
  imported?: ImportResult;
  temporary: boolean;
}

/** Runs `fn` on the dataset `arg` names, importing a file first (into a temporary workspace unless one is given). */
export async function withSource<T>(io: CliIO, arg: string, opts: SourceOptions, fn: (s: ResolvedSource) => Promise<T>): Promise<T> {
  const ref = classifySource(arg, io.cwd);
  if (ref.kind === 'dataset') {
    return withSession(io, { ...(opts.workspace ? { workspace: opts.workspace } : {}), create: false, command: opts.command }, (session) =>
      fn({ session, datasetId: ref.datasetId, temporary: false }),
    );
  }
  const importInto = (session: Session, temporary: boolean) => async () => {
    const imported = (await session.runJob('import.start', { path: ref.path, options: opts.importOptions ?? {} }, `Importing ${path.basename(ref.path)}`)) as ImportResult;
    return fn({ session, datasetId: imported.datasetId, imported, temporary });
  };
  if (opts.workspace) {
    return withSession(io, { workspace: opts.workspace, create: true, command: opts.command }, (session) => importInto(session, false)());
  }
  const root = opts.tempRoot ?? os.tmpdir();
  sweepStaleTempWorkspaces(root);
  const dir = fs.mkdtempSync(path.join(root, TEMP_PREFIX));
  try {
    return await withSession(io, { workspace: path.join(dir, 'ws'), create: true, command: opts.command, temporary: true }, (session) => importInto(session, true)());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
