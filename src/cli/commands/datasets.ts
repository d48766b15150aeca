// `sanitizer datasets`: the datasets of a workspace and their versions.
import type { Command } from 'commander';
import type { CommandContext } from '../command';
import { addJsonFlag, addWorkspaceFlag } from '../flags';
import { printJson, shown, table } from '../output';
import { withSession } from '../session';

export function datasetsCommand(program: Command, ctx: CommandContext): void {
  const cmd = program.command('datasets').description('List the datasets of a workspace.');
  addWorkspaceFlag(cmd);
  addJsonFlag(cmd);
  cmd.action(async (flags: { workspace?: string; json?: boolean }) => {
    ctx.json = Boolean(flags.json);
    await withSession(ctx.io, { ...(flags.workspace ? { workspace: flags.workspace } : {}), create: false, command: 'datasets' }, async (s) => {
      const list = await s.call('dataset.list', {});
      if (ctx.json) {
        printJson(ctx.io, { workspace: s.workspaceDir, datasets: list });
        return;
      }
      if (list.length === 0) {
        ctx.io.out(`No datasets in ${s.workspaceDir}.\n`);
        return;
      }
      const rows = list.map((d) => {
        const v = d.versions.at(-1);
        return [d.id, shown(d.name), d.format, String(v?.version ?? ''), (v?.rowCount ?? 0).toLocaleString('en-US'), String(v?.columnCount ?? ''), d.createdAt.slice(0, 19).replace('T', ' ')];
      });
      ctx.io.out(`Datasets in ${s.workspaceDir}:\n${table([['id', 'name', 'format', 'version', 'rows', 'columns', 'created'], ...rows])}\n`);
    });
  });
}
