// Acting as an identity from the command line: `--as NAME` names it; its passphrase comes from
// `--passphrase-file F` or the SANITIZER_PASSPHRASE variable — never from an argument (argv is
// visible to every user of the machine in `ps`). The identity is unlocked for this one command.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { reasonSchema, type SessionInfo } from '../shared/api/governance-types';
import { AppError } from '../shared/api/result';
import { readErrorWords } from '../shared/read-error';
import type { CliIO } from './io';
import type { Session } from './session';

export interface IdentityFlags {
  as?: string;
  passphraseFile?: string;
}

export const PASSPHRASE_ENV = 'SANITIZER_PASSPHRASE';

export function addIdentityFlags(cmd: Command, required = false): Command {
  const help = 'act as this identity (its passphrase from --passphrase-file or SANITIZER_PASSPHRASE)';
  if (required) cmd.requiredOption('--as <name>', help);
  else cmd.option('--as <name>', help);
  return cmd.option('--passphrase-file <file>', 'a file holding the passphrase (its first line; a trailing newline is ignored)');
}

/** Reads a passphrase from `file` (first line) or, without one, from `envName`; `flag` is the option that names the file, for the message. */
export function readPassphrase(io: CliIO, file: string | undefined, envName: string = PASSPHRASE_ENV, who = 'the identity', flag = '--passphrase-file'): string {
  if (file) {
    const p = path.resolve(io.cwd, file);
    let text: string;
    try {
      text = fs.readFileSync(p, 'utf8');
    } catch (err) {
      throw new AppError('FILE_UNREADABLE', `Cannot read the passphrase file ${p}: ${readErrorWords(err)}.`, { file: p });
    }
    const line = text.split(/\r?\n/)[0] ?? '';
    if (line.length === 0) throw new AppError('INVALID_ARGUMENT', `The passphrase file ${p} is empty (the passphrase is its first line).`, { file: p });
    return line;
  }
  const v = io.env[envName];
  if (v === undefined || v.length === 0) {
    throw new AppError('UNAUTHENTICATED', `A passphrase for ${who} is needed: give ${flag} FILE or set ${envName} (never on the command line).`);
  }
  return v;
}

/** Unlocks `--as` for this command; without `--as`, acts as the OS user (unsigned). */
export async function unlockAs(s: Session, io: CliIO, flags: IdentityFlags): Promise<SessionInfo | null> {
  if (!flags.as) return null;
  const passphrase = readPassphrase(io, flags.passphraseFile, PASSPHRASE_ENV, flags.as);
  return s.call('identity.unlock', { name: flags.as, passphrase });
}

/** `--reason`, checked in the flag's words before the request (else it reads "settings.setGoverned: reason: …"). */
export function reasonFlag(reason: string | undefined): string {
  const r = reasonSchema.safeParse(reason ?? '');
  if (!r.success) throw new AppError('INVALID_ARGUMENT', `--reason ${JSON.stringify(reason ?? '')}: ${r.error.issues[0]?.message ?? 'give a reason'}.`);
  return r.data;
}
