// `sanitizer dedupe <file|dataset> [--id COL] [--exclude NAME]… [--threshold P] --clusters OUT.csv
// [--pairs PAIRS.csv] [--json]`: finds exact and near duplicates with no configuration, and writes
// every input row's cluster (record_id,cluster_id) and, if asked, every scored pair
// (record_id_l,record_id_r,probability). The --id column is reported, never compared.
import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { DedupeRunResult } from '../../main/engine/dedupe/run';
import { DEDUPE_ROLE_LABEL } from '../../shared/api/dedupe-types';
import { AppError } from '../../shared/api/result';
import type { ColumnInfo } from '../../shared/api/types';
import type { CommandContext } from '../command';
import { addJsonFlag, addWorkspaceFlag, positiveInt, repeatable } from '../flags';
import { printJson, shown } from '../output';
import { withSource } from '../source';

interface DedupeFlags {
  id?: string;
  exclude?: string[];
  threshold?: number;
  clusters?: string;
  pairs?: string;
  workspace?: string;
  version?: number;
  force?: boolean;
  json?: boolean;
}

type RunResult = DedupeRunResult;

const n = (x: number) => x.toLocaleString('en-US');
/** "1 row", "2 rows": a one-row file or a single match should not read "1 rows". */
const count = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

function thresholdArg(value: string): number {
  const p = Number(value);
  if (!/^(0?\.[0-9]+|[01](\.[0-9]*)?)$/.test(value) || !(p > 0 && p < 1)) {
    throw new InvalidArgumentError('The threshold is a match probability between 0 and 1 (exclusive), e.g. 0.9.');
  }
  return p;
}

/** The column with exactly this header (case-sensitive); otherwise a clear error listing the headers. */
export function columnByHeader(columns: ColumnInfo[], flag: string, name: string): ColumnInfo {
  const hits = columns.filter((c) => c.header === name);
  if (hits.length === 1) return hits[0]!;
  const headers = columns.map((c) => JSON.stringify(c.header)).join(', ');
  if (hits.length > 1) {
    throw new AppError('INVALID_ARGUMENT', `${flag} ${JSON.stringify(name)}: ${hits.length} columns have that header (${hits.map((c) => `${c.id} at position ${c.position + 1}`).join(', ')}); headers must tell columns apart here.`, { header: name });
  }
  const near = columns.filter((c) => c.header.toLowerCase() === name.toLowerCase().trim()).map((c) => JSON.stringify(c.header));
  throw new AppError('INVALID_ARGUMENT', `${flag} ${JSON.stringify(name)}: no column has that header (headers are case-sensitive).${near.length ? ` Did you mean ${near.join(' or ')}?` : ''} The headers are: ${headers}.`, { header: name });
}

function outputPaths(ctx: CommandContext, flags: DedupeFlags): { clusters: string; pairs: string | undefined } {
  if (!flags.clusters) throw new AppError('INVALID_ARGUMENT', 'Say where the clusters go with --clusters OUT.csv (record_id,cluster_id for every row).');
  const clusters = path.resolve(ctx.io.cwd, flags.clusters);
  const pairs = flags.pairs ? path.resolve(ctx.io.cwd, flags.pairs) : undefined;
  if (pairs === clusters) throw new AppError('INVALID_ARGUMENT', `--clusters and --pairs both name ${clusters}; give two files.`, { file: clusters });
  for (const f of [clusters, pairs]) {
    if (f && !flags.force && fs.existsSync(f)) throw new AppError('ALREADY_EXISTS', `${f} already exists; nothing was written. Choose another name, or add --force.`, { file: f });
  }
  return { clusters, pairs };
}

function report(s: RunResult, what: string): string[] {
  const c = s.counts;
  const compared = s.roles.filter((r) => r.role !== 'ignore').map((r) => `${shown(r.header)} (${DEDUPE_ROLE_LABEL[r.role].toLowerCase()})`);
  const ignored = s.roles.filter((r) => r.role === 'ignore').map((r) => {
    const why = r.columnId === s.settings.idColumn ? '--id' : s.settings.exclude.includes(r.columnId) ? '--exclude' : 'not compared';
    return `${shown(r.header)} (${why})`;
  });
  const used = s.rules.filter((r) => r.used);
  const lines = [
    `Found duplicates in ${what}: ${count(c.rows, 'row')} in ${s.seconds} s.`,
    `Compared: ${compared.join(', ') || 'nothing'}${ignored.length ? `; not compared: ${ignored.join(', ')}` : ''}.`,
    `Blocking: ${used.map((r) => `${r.label} (${count(r.pairs, 'pair')})`).join('; ') || 'no rule'}; ${count(c.candidatePairs, 'candidate pair')}. Exact duplicate rows: ${n(c.exactDuplicateRows)}.`,
    `Matched ${count(c.matchedPairs, 'pair')} at probability ≥ ${s.settings.threshold}: ${count(c.clusters, 'cluster')} of two or more (largest ${n(c.largestCluster)}, ${n(c.chainedClusters)} chained), ${count(c.duplicateRows, 'duplicate row')}.`,
    `To review: ${count(c.reviewPairs, 'pair')} with probability in [${s.settings.review.lower}, ${s.settings.review.upper}).`,
  ];
  for (const w of [...s.warnings, ...(s.fileWarnings ?? [])]) lines.push(`Note: ${w}`);
  for (const f of s.files ?? []) lines.push(`Wrote ${f.path} (${count(f.rows, f.kind === 'pairs' ? 'pair' : 'row')}, sha256 ${f.sha256})`);
  return lines;
}

export function dedupeCommand(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('dedupe')
    .description('Find exact and near-duplicate records with no configuration: writes every row\'s cluster (record_id,cluster_id) and, with --pairs, every scored pair.')
    .argument('<dataset|file>', 'a dataset id (d12), or a file (imported into a temporary workspace, deleted afterwards, unless --workspace is given)')
    .option('--id <header>', 'the column holding record ids (exact header): written as record_id, never compared')
    .option('--exclude <header>', 'a column never compared (exact header; repeatable)', repeatable)
    .option('--threshold <p>', 'pairs with a match probability at or above this are duplicates (default 0.9)', thresholdArg)
    .option('--clusters <file>', 'where every row\'s cluster goes: CSV with record_id,cluster_id')
    .option('--pairs <file>', 'also write every scored pair: CSV with record_id_l,record_id_r,probability');
  addWorkspaceFlag(cmd);
  cmd.option('--version <n>', 'the dataset version (default: the latest)', positiveInt('--version')).option('--force', 'overwrite the output files if they exist');
  addJsonFlag(cmd);
  cmd.action(async (source: string, flags: DedupeFlags) => {
    ctx.json = Boolean(flags.json);
    const out = outputPaths(ctx, flags);
    await withSource(ctx.io, source, { ...(flags.workspace ? { workspace: flags.workspace } : {}), command: 'dedupe' }, async ({ session, datasetId, temporary }) => {
      const detail = await session.call('dataset.get', { datasetId, ...(flags.version ? { version: flags.version } : {}) });
      const version = detail.version.version;
      const idColumn = flags.id === undefined ? undefined : columnByHeader(detail.columns, '--id', flags.id).id;
      const exclude = [...new Set((flags.exclude ?? []).map((h) => columnByHeader(detail.columns, '--exclude', h).id))];
      const settings = { ...(idColumn ? { idColumn } : {}), exclude, ...(flags.threshold !== undefined ? { threshold: flags.threshold } : {}) };
      const files = { clusters: out.clusters, ...(out.pairs ? { pairs: out.pairs } : {}), force: Boolean(flags.force) };
      const result = (await session.runJob('dedupe.start', { datasetId, version, settings, files }, `Finding duplicates in ${datasetId} v${version}`)) as RunResult;
      if (ctx.json) return printJson(ctx.io, { ...result, workspace: temporary ? null : session.workspaceDir });
      const what = temporary ? path.basename(source) : `${datasetId} version ${version}`;
      ctx.io.out(`${report(result, what).join('\n')}\n`);
    });
  });
}
