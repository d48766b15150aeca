// `sanitizer identity create|list|grant|revoke`: the workspace's identities and their roles.
// Passphrases come only from files or the environment (identity-flags.ts), never from an argument.
import { InvalidArgumentError, type Command } from 'commander';
import { ROLES, type IdentityInfo, type Role } from '../../shared/api/governance-types';
import { shortFingerprint } from '../../main/engine/identity/keys';
import type { CommandContext } from '../command';
import { addJsonFlag, addWorkspaceFlag } from '../flags';
import { addIdentityFlags, readPassphrase, reasonFlag, unlockAs, type IdentityFlags } from '../identity-flags';
import { printJson, table } from '../output';
import { withSession } from '../session';

export const NEW_PASSPHRASE_ENV = 'SANITIZER_NEW_PASSPHRASE';
export const DEFAULT_REASON = 'from the command line';

/** `--role R` (repeatable), checked against the roles there are. */
export function roleArg(value: string, previous: Role[] | undefined): Role[] {
  const r = value.trim().toLowerCase();
  if (!(ROLES as readonly string[]).includes(r)) throw new InvalidArgumentError(`${JSON.stringify(value)} is not a role; the roles are ${ROLES.join(', ')}.`);
  return [...(previous ?? []), r as Role];
}

function oneRole(value: string): Role {
  return roleArg(value, [])[0]!;
}

export function identityRow(i: IdentityInfo): string[] {
  return [i.name, i.roles.join(', ') || '(none)', shortFingerprint(i.fingerprint), i.createdAt.slice(0, 19).replace('T', ' ')];
}

interface CreateFlags extends IdentityFlags {
  workspace?: string;
  name: string;
  role?: Role[];
  newPassphraseFile?: string;
  json?: boolean;
}

interface ChangeFlags extends IdentityFlags {
  workspace?: string;
  name: string;
  role: Role;
  reason: string;
  json?: boolean;
}

export function identityCommand(program: Command, ctx: CommandContext): void {
  const cmd = program.command('identity').description('Local identities of a workspace: create them, list them, grant and revoke roles.');

  const create = cmd
    .command('create')
    .description(
      'Create an identity (an Ed25519 key pair, its private key encrypted under a passphrase). The first identity of a workspace is its admin. ' +
        'Without --as, the new identity\'s passphrase comes from --passphrase-file or SANITIZER_PASSPHRASE; with --as ADMIN, those give the admin\'s and ' +
        '--new-passphrase-file or SANITIZER_NEW_PASSPHRASE gives the new one\'s.',
    )
    .requiredOption('--name <name>', 'the display name (unique in the workspace, ignoring case)')
    .option('--role <role>', `a role to grant (repeatable): ${ROLES.join(', ')}`, roleArg);
  addIdentityFlags(create);
  create.option('--new-passphrase-file <file>', 'with --as: a file holding the new identity\'s passphrase (its first line)');
  addWorkspaceFlag(create);
  addJsonFlag(create);
  create.action(async (flags: CreateFlags) => {
    ctx.json = Boolean(flags.json);
    const passphrase = flags.as
      ? readPassphrase(ctx.io, flags.newPassphraseFile, NEW_PASSPHRASE_ENV, flags.name, '--new-passphrase-file')
      : readPassphrase(ctx.io, flags.passphraseFile, undefined, flags.name);
    await withSession(ctx.io, { ...(flags.workspace ? { workspace: flags.workspace } : {}), create: true, command: 'identity create' }, async (s) => {
      await unlockAs(s, ctx.io, flags);
      const made = await s.call('identity.create', { name: flags.name, passphrase, roles: flags.role ?? [], activate: !flags.as });
      if (ctx.json) {
        printJson(ctx.io, { workspace: s.workspaceDir, identity: made });
        return;
      }
      ctx.io.out(`Created ${made.name} (${made.id}) with roles ${made.roles.join(', ') || '(none)'}.\nFingerprint: ${shortFingerprint(made.fingerprint)}  (full: ${made.fingerprint})\n`);
    });
  });

  const list = cmd.command('list').description('List the identities: name, roles, key fingerprint (check it out of band), created.');
  addWorkspaceFlag(list);
  addJsonFlag(list);
  list.action(async (flags: { workspace?: string; json?: boolean }) => {
    ctx.json = Boolean(flags.json);
    await withSession(ctx.io, { ...(flags.workspace ? { workspace: flags.workspace } : {}), create: false, command: 'identity list' }, async (s) => {
      const ids = await s.call('identity.list', {});
      if (ctx.json) {
        printJson(ctx.io, { workspace: s.workspaceDir, identities: ids.map(({ active: _active, ...i }) => i) });
        return;
      }
      if (ids.length === 0) {
        ctx.io.out('No identities yet; `sanitizer identity create --name NAME` makes the first one, the admin.\n');
        return;
      }
      ctx.io.out(`${table([['name', 'roles', 'fingerprint', 'created (UTC)'], ...ids.map(identityRow)])}\n`);
    });
  });

  for (const grant of [true, false]) {
    const sub = cmd
      .command(grant ? 'grant' : 'revoke')
      .description(`${grant ? 'Grant a role to' : 'Revoke a role from'} an identity: signed by an admin (--as) and recorded in the audit log.`)
      .requiredOption('--name <name>', 'the identity')
      .requiredOption('--role <role>', `the role: ${ROLES.join(', ')}`, oneRole)
      .option('--reason <text>', 'why (recorded)', DEFAULT_REASON);
    addIdentityFlags(sub, true);
    addWorkspaceFlag(sub);
    addJsonFlag(sub);
    sub.action(async (flags: ChangeFlags) => {
      ctx.json = Boolean(flags.json);
      await withSession(ctx.io, { ...(flags.workspace ? { workspace: flags.workspace } : {}), create: false, command: `identity ${grant ? 'grant' : 'revoke'}` }, async (s) => {
        await unlockAs(s, ctx.io, flags);
        const info = await s.call(grant ? 'identity.grant' : 'identity.revoke', { name: flags.name, role: flags.role, reason: reasonFlag(flags.reason) });
        if (ctx.json) {
          printJson(ctx.io, { workspace: s.workspaceDir, identity: { ...info, active: undefined } });
          return;
        }
        ctx.io.out(`${grant ? 'Granted' : 'Revoked'} ${flags.role} ${grant ? 'to' : 'from'} ${info.name}; roles now: ${info.roles.join(', ') || '(none)'}.\n`);
      });
    });
  }
}
