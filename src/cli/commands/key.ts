// `sanitizer key backup|rotate|restore`: the workspace key (pseudonyms, keyed hashes, ledger
// digests). Admin only, signed and audited; the backup passphrase comes from a file or the
// environment, never from an argument.
import path from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../command';
import { addJsonFlag, addWorkspaceFlag } from '../flags';
import { addIdentityFlags, readPassphrase, reasonFlag, unlockAs, type IdentityFlags } from '../identity-flags';
import { printJson } from '../output';
import { withSession } from '../session';

export const BACKUP_PASSPHRASE_ENV = 'SANITIZER_BACKUP_PASSPHRASE';

interface Common extends IdentityFlags {
  workspace?: string;
  json?: boolean;
}

function backupPassphraseFlag(cmd: Command): Command {
  return cmd.option('--backup-passphrase-file <file>', `a file holding the backup's passphrase (its first line; else ${BACKUP_PASSPHRASE_ENV})`);
}

export function keyCommand(program: Command, ctx: CommandContext): void {
  const cmd = program.command('key').description('The workspace key: encrypted backup, rotation to a new generation, restore from a backup. Admin only.');

  const backup = cmd
    .command('backup')
    .description('Write the workspace key, encrypted under a backup passphrase, to a file (mode 0600). Audited.')
    .requiredOption('--out <file>', 'the backup file to write')
    .option('--force', 'overwrite the file if it exists');
  backupPassphraseFlag(backup);
  addIdentityFlags(backup, true);
  addWorkspaceFlag(backup);
  addJsonFlag(backup);
  backup.action(async (flags: Common & { out: string; force?: boolean; backupPassphraseFile?: string }) => {
    ctx.json = Boolean(flags.json);
    const passphrase = readPassphrase(ctx.io, flags.backupPassphraseFile, BACKUP_PASSPHRASE_ENV, 'the key backup', '--backup-passphrase-file');
    await withSession(ctx.io, { ...(flags.workspace ? { workspace: flags.workspace } : {}), create: false, command: 'key backup' }, async (s) => {
      await unlockAs(s, ctx.io, flags);
      const r = await s.call('key.backup', { path: path.resolve(ctx.io.cwd, flags.out), passphrase, force: Boolean(flags.force) });
      if (ctx.json) printJson(ctx.io, { workspace: s.workspaceDir, ...r });
      else ctx.io.out(`Backed up the workspace key (generation ${r.generation}, fingerprint ${r.fingerprint}) to ${r.path}.\nKeep the file and its passphrase apart.\n`);
    });
  });

  const rotate = cmd
    .command('rotate')
    .description('Replace the workspace key with a new generation; the old one is kept (keys/workspace.gen<N>.key) for what was made with it. Audited.')
    .requiredOption('--reason <text>', 'why (recorded)');
  addIdentityFlags(rotate, true);
  addWorkspaceFlag(rotate);
  addJsonFlag(rotate);
  rotate.action(async (flags: Common & { reason: string }) => {
    ctx.json = Boolean(flags.json);
    await withSession(ctx.io, { ...(flags.workspace ? { workspace: flags.workspace } : {}), create: false, command: 'key rotate' }, async (s) => {
      await unlockAs(s, ctx.io, flags);
      const settings = await s.call('key.rotate', { reason: reasonFlag(flags.reason) });
      if (ctx.json) printJson(ctx.io, { workspace: s.workspaceDir, settings });
      else ctx.io.out(`The workspace key is now generation ${settings.keyGeneration} (fingerprint ${settings.keyFingerprint}). Back it up: sanitizer key backup --out FILE.\n`);
    });
  });

  const restore = cmd
    .command('restore')
    .description('Put a backed-up key back into a workspace whose key file is missing (never replaces a key). Audited.')
    .requiredOption('--from <file>', 'the backup file');
  backupPassphraseFlag(restore);
  addIdentityFlags(restore, true);
  addWorkspaceFlag(restore);
  addJsonFlag(restore);
  restore.action(async (flags: Common & { from: string; backupPassphraseFile?: string }) => {
    ctx.json = Boolean(flags.json);
    const passphrase = readPassphrase(ctx.io, flags.backupPassphraseFile, BACKUP_PASSPHRASE_ENV, 'the key backup', '--backup-passphrase-file');
    await withSession(ctx.io, { ...(flags.workspace ? { workspace: flags.workspace } : {}), create: false, command: 'key restore' }, async (s) => {
      await unlockAs(s, ctx.io, flags);
      const r = await s.call('key.restore', { path: path.resolve(ctx.io.cwd, flags.from), passphrase });
      if (ctx.json) printJson(ctx.io, { workspace: s.workspaceDir, ...r });
      else ctx.io.out(`Restored generation ${r.generation} (fingerprint ${r.fingerprint}) to ${r.restoredTo}.\n`);
    });
  });
}
