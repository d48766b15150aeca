// The auditor's trusted signers: fingerprints they have compared out of band, kept per user in
// the app's data folder (next to the recent-workspaces list), never in a workspace or a bundle.
// Written atomically (a temporary file renamed into place), so a crash leaves the old list.
import fs from 'node:fs';
import path from 'node:path';
import type { TrustedSigner } from '../../../shared/api/bundle-types';
import { AppError } from '../../../shared/api/result';
import { makeDirs } from '../files/make-dirs';
import { appDataDir } from '../workspace/paths';

export const TRUST_FILE = 'trusted-signers.json';
const FINGERPRINT = /^[0-9a-f]{64}$/;

export function trustFile(env: NodeJS.ProcessEnv): string {
  return path.join(appDataDir(env), TRUST_FILE);
}

/** The list as stored; a missing file is an empty list, an unreadable or malformed one is an error (never silently empty). */
export function readTrusted(env: NodeJS.ProcessEnv): TrustedSigner[] {
  const file = trustFile(env);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new AppError('FILE_UNREADABLE', `The trusted signers list ${file} cannot be read: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AppError('BAD_FILE', `The trusted signers list ${file} is not valid JSON (${(err as Error).message}); fix or remove it.`);
  }
  if (!Array.isArray(raw)) throw new AppError('BAD_FILE', `The trusted signers list ${file} should hold a JSON array; fix or remove it.`);
  return raw.map((r: unknown, i) => {
    const o = r as Partial<TrustedSigner> | null;
    if (typeof o?.fingerprint !== 'string' || !FINGERPRINT.test(o.fingerprint)) {
      throw new AppError('BAD_FILE', `The trusted signers list ${file}: entry ${i + 1} has no valid fingerprint (64 lower-case hex digits).`);
    }
    return { fingerprint: o.fingerprint, label: typeof o.label === 'string' ? o.label : '', addedAt: typeof o.addedAt === 'string' ? o.addedAt : '' };
  });
}

function writeTrusted(env: NodeJS.ProcessEnv, list: TrustedSigner[]): void {
  const file = trustFile(env);
  makeDirs(path.dirname(file));
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(tmp, `${JSON.stringify(list, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new AppError('FILE_UNREADABLE', `The trusted signers list ${file} cannot be written: ${(err as Error).message}`);
  }
}

/** Adds (or relabels) a fingerprint; the list stays sorted by when each was added. */
export function addTrusted(env: NodeJS.ProcessEnv, fingerprint: string, label: string, now = new Date()): TrustedSigner[] {
  const list = readTrusted(env);
  const at = list.findIndex((t) => t.fingerprint === fingerprint);
  if (at >= 0) {
    const was = list[at] as TrustedSigner;
    if (label && label !== was.label) list[at] = { ...was, label };
  } else {
    list.push({ fingerprint, label, addedAt: now.toISOString() });
  }
  writeTrusted(env, list);
  return list;
}

export function removeTrusted(env: NodeJS.ProcessEnv, fingerprint: string): TrustedSigner[] {
  const list = readTrusted(env);
  const next = list.filter((t) => t.fingerprint !== fingerprint);
  if (next.length !== list.length) writeTrusted(env, next);
  return next;
}
