// `sanitizer profile <dataset|file>`: profiles every column of a dataset version (or of a file,
// through a temporary workspace) and prints a table per column, or the DatasetProfile as JSON.
import path from 'node:path';
import type { Command } from 'commander';
import type { ColumnProfile, DatasetProfile } from '../../shared/api/profile-types';
import { BASIS_TEXT, FLAG_TEXT, formatPercent, formatValue, profileFlags, type ProfileFlag } from '../../shared/profile/format';
import type { CommandContext } from '../command';
import { addJsonFlag, addWorkspaceFlag, positiveInt } from '../flags';
import { printJson, shown, table } from '../output';
import { withSource } from '../source';

interface ProfileFlags {
  workspace?: string;
  version?: number;
  json?: boolean;
}

const count = (n: number) => n.toLocaleString('en-US');

function typeText(c: ColumnProfile): string {
  return c.inferredType === c.logicalType ? c.inferredType : `${c.inferredType} (as ${c.logicalType})`;
}

function row(c: ColumnProfile, rows: number): string[] {
  const n = c.numeric;
  const stat = (v: number | null) => (n ? formatValue(v, n.kind) : '');
  const top = c.patterns[0];
  const present = c.patterns.reduce((s, p) => s + p.count, 0);
  return [
    String(c.position + 1),
    shown(c.header),
    typeText(c),
    count(c.nulls),
    count(c.empty),
    `${c.distinctExact ? '' : '≈'}${count(c.distinct)}`,
    c.failing > 0 ? `${count(c.failing)} (${formatPercent(c.failing, rows)})` : '0',
    stat(n?.min ?? null),
    stat(n?.median ?? null),
    stat(n?.max ?? null),
    top ? `${shown(top.pattern)} ${formatPercent(top.count, present)}` : '',
    profileFlags(c, rows).join(' '),
  ];
}

export function printProfile(ctx: CommandContext, p: DatasetProfile, source: string): void {
  const cols = Object.values(p.columns);
  const flags = new Set<ProfileFlag>(cols.flatMap((c) => profileFlags(c, p.rowCount)));
  const sample = p.sample.complete
    ? 'Every figure covers every row (the table is small enough to profile whole).'
    : `Sample: ${count(p.sample.rows)} rows, every ${p.sample.every}th by row id. From it: ${(['inferredType', 'quantiles', 'topValues', 'patterns', 'whitespace', 'caseVariants', 'nearGroups'] as const).filter((f) => p.basis[f] === 'sample').join(', ')}. ` +
      `Over ${BASIS_TEXT['all-rows']}: counts, lengths, min/max/mean and outlier counts${p.basis.distinct === 'estimate' ? '; distinct counts marked ≈ are estimated (±0.1 %)' : ''}.`;
  const lines = [
    `Profile of ${source} (version ${p.version}): ${count(p.rowCount)} rows × ${cols.length} columns in ${p.seconds} s`,
    sample,
    '',
    table([['#', 'column', 'type', 'nulls', 'empty', 'distinct', 'failing type', 'min', 'median', 'max', 'top pattern', 'flags'], ...cols.map((c) => row(c, p.rowCount))]),
  ];
  if (flags.size > 0) lines.push('', 'Flags:', ...[...flags].map((f) => `  ${f}: ${FLAG_TEXT[f]}`));
  ctx.io.out(`${lines.join('\n')}\n`);
}

export function profileCommand(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('profile')
    .description('Profile every column of a dataset: type and values failing it, nulls, distinct values, ranges and quantiles, top values, patterns, outliers, whitespace and case anomalies, near-identical values.')
    .argument('<dataset|file>', 'a dataset id (d12), or a file to profile (imported into a temporary workspace, deleted afterwards, unless --workspace is given)');
  addWorkspaceFlag(cmd);
  cmd.option('--version <n>', 'the dataset version (default: the latest)', positiveInt('--version'));
  addJsonFlag(cmd);
  cmd.action(async (source: string, flags: ProfileFlags) => {
    ctx.json = Boolean(flags.json);
    await withSource(ctx.io, source, { ...(flags.workspace ? { workspace: flags.workspace } : {}), command: 'profile' }, async ({ session, datasetId, imported }) => {
      const version = (await session.call('dataset.get', { datasetId, ...(flags.version ? { version: flags.version } : {}) })).version.version;
      const p = (await session.runJob('profile.start', { datasetId, version }, `Profiling ${datasetId} v${version}`)) as DatasetProfile;
      if (ctx.json) {
        printJson(ctx.io, p);
        return;
      }
      printProfile(ctx, p, imported ? path.basename(source) : datasetId);
    });
  });
}
