// `sanitizer settings show|governed`: the workspace's settings; governed mode only by an admin.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { WorkspaceSettings } from '../../shared/api/governance-types';
import type { CommandContext } from '../command';
import { addJsonFlag, addWorkspaceFlag } from '../flags';
import { addIdentityFlags, reasonFlag, unlockAs, type IdentityFlags } from '../identity-flags';
import { printJson } from '../output';
import { withSession } from '../session';

export function settingsText(s: WorkspaceSettings): string {
  return [
    `Workspace id:   ${s.workspaceId}`,
    `Governed:       ${s.governed ? 'yes (unapproved runs are refused; previews and compliance runs only)' : 'no'}`,
    `Key generation: ${s.keyGeneration}`,
    `Key fingerprint: ${s.keyFingerprint}`,
  ].join('\n');
}

function onOff(value: string): boolean {
  const v = value.toLowerCase();
  if (v === 'on') return true;
  if (v === 'off') return false;
  throw new InvalidArgumentError('say on or off.');
}

export function settingsCommand(program: Command, ctx: CommandContext): void {
  const cmd = program.command('settings').description('Workspace settings: show them; turn governed mode on or off (admin only).');

  const show = cmd.command('show').description('Show the workspace id, governed mode and the workspace key generation and fingerprint (never the key).');
  addWorkspaceFlag(show);
  addJsonFlag(show);
  show.action(async (flags: { workspace?: string; json?: boolean }) => {
    ctx.json = Boolean(flags.json);
    await withSession(ctx.io, { ...(flags.workspace ? { workspace: flags.workspace } : {}), create: false, command: 'settings show' }, async (s) => {
      const settings = await s.call('settings.get', {});
      if (ctx.json) printJson(ctx.io, { workspace: s.workspaceDir, settings });
      else ctx.io.out(`${settingsText(settings)}\n`);
    });
  });

  const governed = cmd
    .command('governed')
    .description('Turn governed mode on or off: only previews and compliance runs (ACTIVE policies) are allowed while on. Signed by an admin and audited.')
    .argument('<on|off>', 'on or off', onOff)
    .requiredOption('--reason <text>', 'why (recorded)');
  addIdentityFlags(governed, true);
  addWorkspaceFlag(governed);
  addJsonFlag(governed);
  governed.action(async (on: boolean, flags: IdentityFlags & { workspace?: string; reason: string; json?: boolean }) => {
    ctx.json = Boolean(flags.json);
    await withSession(ctx.io, { ...(flags.workspace ? { workspace: flags.workspace } : {}), create: false, command: 'settings governed' }, async (s) => {
      await unlockAs(s, ctx.io, flags);
      const settings = await s.call('settings.setGoverned', { governed: on, reason: reasonFlag(flags.reason) });
      if (ctx.json) printJson(ctx.io, { workspace: s.workspaceDir, settings });
      else ctx.io.out(`Governed mode is now ${settings.governed ? 'on' : 'off'}.\n`);
    });
  });
}
