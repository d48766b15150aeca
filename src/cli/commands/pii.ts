// `sanitizer pii <file|dataset> [--column NAME]… [--json] [--summary] --findings-out FINDINGS.(csv|parquet)`:
// scans a dataset version (or a file, through a temporary workspace) for personal data and writes
// the findings (row_id,column,entity,start,end,confidence,recogniser,preview,decision — the masked
// preview, never the found values; --out is the same flag); --summary prints each column's classification.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { PiiScanSummary } from '../../shared/api/pii-types';
import { AppError } from '../../shared/api/result';
import type { ExportResult } from '../../shared/api/types';
import type { CommandContext } from '../command';
import { addColumnFlags, addJsonFlag, addWorkspaceFlag, positiveInt, resolveColumns } from '../flags';
import { printJson, shown, table } from '../output';
import { withSource } from '../source';

interface PiiFlags {
  column?: string[];
  columnId?: string[];
  out?: string;
  findingsOut?: string;
  summary?: boolean;
  workspace?: string;
  version?: number;
  force?: boolean;
  json?: boolean;
}

const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number) => `${Math.round(x * 100)} %`;

export function summaryTable(s: PiiScanSummary): string {
  const rows = s.columns.map((c) => [
    shown(c.header),
    c.entity ?? (c.freeText ? 'free text' : '—'),
    c.entity ? pct(c.share) : '',
    c.entity ? c.confidence.toFixed(2) : '',
    n(c.nonMissing),
    c.entities.map((e) => `${e.entity} ${n(e.cells)} (${pct(e.share)}, ${e.confidence.toFixed(2)})`).join(', ') || 'not detected',
  ]);
  return table([['column', 'class', 'share', 'confidence', 'values', 'entities found: cells (share, mean confidence)'], ...rows]);
}

function checkFlags(flags: PiiFlags, out: string | null): void {
  if (!out && !flags.summary && !flags.json) throw new AppError('INVALID_ARGUMENT', 'Say where the findings go with --findings-out FINDINGS.csv (or .parquet), or print the classification with --summary (or --json).');
  if (out && !/\.(csv|parquet)$/i.test(out)) throw new AppError('INVALID_ARGUMENT', `${out}: findings are written as .csv or .parquet.`, { file: out });
  if (out && !flags.force && fs.existsSync(out)) throw new AppError('ALREADY_EXISTS', `${out} already exists; nothing was written. Choose another name, or add --force.`, { file: out });
}

export function piiCommand(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('pii')
    .description('Scan a dataset for personal data: classifies each column and writes the findings (row_id,column,entity,start,end,confidence,recogniser,preview,decision; the masked preview, never the values found).')
    .argument('<dataset|file>', 'a dataset id (d12), or a file (imported into a temporary workspace, deleted afterwards, unless --workspace is given)');
  addColumnFlags(cmd, 'scan only this column');
  cmd
    .option('--summary', 'print the classification of each column')
    .option('--findings-out <file>', 'write the findings to this file: .csv or .parquet')
    .option('--out <file>', 'the same as --findings-out');
  addWorkspaceFlag(cmd);
  cmd.option('--version <n>', 'the dataset version (default: the latest)', positiveInt('--version')).option('--force', 'overwrite the findings file if it exists');
  addJsonFlag(cmd);
  cmd.action(async (source: string, flags: PiiFlags) => {
    ctx.json = Boolean(flags.json);
    if (flags.out && flags.findingsOut && path.resolve(ctx.io.cwd, flags.out) !== path.resolve(ctx.io.cwd, flags.findingsOut)) {
      throw new AppError('INVALID_ARGUMENT', '--out and --findings-out are the same flag; give one.');
    }
    const given = flags.findingsOut ?? flags.out;
    const out = given ? path.resolve(ctx.io.cwd, given) : null;
    checkFlags(flags, out);
    await withSource(ctx.io, source, { ...(flags.workspace ? { workspace: flags.workspace } : {}), command: 'pii' }, async ({ session, datasetId, temporary }) => {
      const detail = await session.call('dataset.get', { datasetId, ...(flags.version ? { version: flags.version } : {}) });
      const version = detail.version.version;
      const named = resolveColumns(detail.columns, flags.column, flags.columnId);
      const columnIds = named.length > 0 ? [...new Set(named.map((c) => c.id))] : undefined;
      const summary = (await session.runJob('pii.start', { datasetId, version, ...(columnIds ? { columnIds } : {}) }, `Scanning ${datasetId} v${version} for personal data`)) as PiiScanSummary;
      const findings = out ? ((await session.runJob('pii.exportFindings', { datasetId, version, path: out, force: Boolean(flags.force) }, `Writing findings to ${path.basename(out)}`)) as ExportResult) : null;
      if (ctx.json) return printJson(ctx.io, { ...summary, workspace: temporary ? null : session.workspaceDir, output: findings });
      const what = temporary ? path.basename(source) : `${datasetId} version ${version}`;
      const entities = summary.byEntity.map((e) => `${e.entity} ${n(e.findings)}`).join(', ');
      const lines = [
        `Scanned ${what}: ${n(summary.rows)} rows × ${summary.columns.length} columns in ${summary.seconds} s; ${n(summary.findings)} findings${entities ? ` (${entities})` : ''}.`,
      ];
      if (flags.summary) lines.push('', summaryTable(summary), '');
      lines.push(summary.caveat);
      if (findings) lines.push(`Wrote ${findings.path} (${n(findings.rows)} findings, sha256 ${findings.sha256})`);
      ctx.io.out(`${lines.join('\n')}\n`);
    });
  });
}
