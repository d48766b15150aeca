// `sanitizer log`: the workspace's event log, newest first.
import type { Command } from 'commander';
import type { CommandContext } from '../command';
import { addJsonFlag, addWorkspaceFlag, positiveInt } from '../flags';
import { printJson, table } from '../output';
import { withSession } from '../session';

export function logCommand(program: Command, ctx: CommandContext): void {
  const cmd = program.command('log').description('Show the event log of a workspace, newest first.');
  addWorkspaceFlag(cmd);
  cmd.option('--limit <n>', 'how many entries (default 20, at most 1000)', positiveInt('--limit'), 20);
  addJsonFlag(cmd);
  cmd.action(async (flags: { workspace?: string; limit: number; json?: boolean }) => {
    ctx.json = Boolean(flags.json);
    await withSession(ctx.io, { ...(flags.workspace ? { workspace: flags.workspace } : {}), create: false, command: 'log' }, async (s) => {
      const entries = await s.call('log.list', { limit: flags.limit });
      if (ctx.json) {
        printJson(ctx.io, { workspace: s.workspaceDir, entries });
        return;
      }
      const rows = entries.map((e) => [
        String(e.seq),
        e.at.slice(0, 19).replace('T', ' '),
        e.actor,
        e.action,
        Object.entries(e.subject).map(([k, v]) => `${k}=${v}`).join(' '),
        JSON.stringify(e.details).slice(0, 120),
      ]);
      ctx.io.out(`${table([['seq', 'at (UTC)', 'actor', 'action', 'subject', 'details'], ...rows])}\n`);
    });
  });
}
