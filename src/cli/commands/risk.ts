// `sanitizer risk <file|dataset> --quasi NAME… [--k K] [--json]`: k-anonymity of a dataset version
// over the named quasi-identifiers (optionally against a later version), the class sizes, and
// the generalisations that would reach k — or the RiskResult as JSON.
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { RiskMeasure, RiskResult } from '../../shared/api/pii-types';
import { AppError } from '../../shared/api/result';
import type { ColumnInfo } from '../../shared/api/types';
import type { CommandContext } from '../command';
import { addJsonFlag, addWorkspaceFlag, positiveInt } from '../flags';
import { printJson, shown, table } from '../output';
import { withSource } from '../source';

interface RiskFlags {
  quasi?: string[];
  quasiId?: string[];
  k: number;
  workspace?: string;
  version?: number;
  afterVersion?: number;
  json?: boolean;
}

const n = (x: number) => x.toLocaleString('en-US');
const pct = (part: number, whole: number) => (whole === 0 ? '0 %' : `${Math.round((part / whole) * 1000) / 10} %`);

function kArg(value: string): number {
  if (!/^[0-9]+$/.test(value) || Number(value) < 2 || Number(value) > 1000) {
    throw new InvalidArgumentError('k must be a whole number from 2 to 1000 (k = 1 holds for any data: every record is in a class of at least itself).');
  }
  return Number(value);
}

/** The named columns, in order; an unknown name is refused with every header listed. */
export function quasiColumns(columns: ColumnInfo[], names: string[], ids: string[]): ColumnInfo[] {
  const headers = columns.map((c) => JSON.stringify(c.header)).join(', ');
  const picked = names.map((name) => {
    const hits = columns.filter((c) => c.header === name);
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) {
      throw new AppError('INVALID_ARGUMENT', `The header ${JSON.stringify(name)} names ${hits.length} columns (${hits.map((c) => c.id).join(', ')}); name one with --quasi-id.`, { header: name });
    }
    const near = columns.filter((c) => c.header.toLowerCase() === name.toLowerCase().trim()).map((c) => JSON.stringify(c.header));
    throw new AppError('INVALID_ARGUMENT', `--quasi ${JSON.stringify(name)}: no column has that header.${near.length ? ` Did you mean ${near.join(' or ')}?` : ''} The headers are: ${headers}.`, { header: name });
  });
  for (const id of ids) {
    const hit = columns.find((c) => c.id === id);
    if (!hit) throw new AppError('INVALID_ARGUMENT', `--quasi-id ${JSON.stringify(id)}: no column has that id. The columns are: ${columns.map((c) => `${c.id} ${JSON.stringify(c.header)}`).join(', ')}.`, { columnId: id });
    picked.push(hit);
  }
  if (picked.length === 0) throw new AppError('INVALID_ARGUMENT', `Name the quasi-identifiers with --quasi NAME (one or more). The headers are: ${headers}.`);
  return picked;
}

function measureLine(label: string, m: RiskMeasure, k: number): string {
  return (
    `${label} (version ${m.version}): k = ${n(m.k)}; ${n(m.classes)} classes over ${n(m.rows)} rows; ` +
    `${n(m.recordsBelowK)} records (${pct(m.recordsBelowK, m.rows)}) in ${n(m.classesBelowK)} classes smaller than ${k}; ${n(m.uniqueRecords)} unique`
  );
}

function sizeTable(r: RiskResult): string {
  const sizes = [...new Set([...r.before.histogram, ...(r.after?.histogram ?? [])].map((h) => h.size))].sort((a, b) => a - b);
  const cell = (m: RiskMeasure, size: number) => {
    const h = m.histogram.find((x) => x.size === size);
    return h ? [n(h.classes), n(h.records)] : ['0', '0'];
  };
  const head = ['size', 'classes', 'records', ...(r.after ? [`classes v${r.after.version}`, `records v${r.after.version}`] : [])];
  const rows = sizes.map((s) => [`${s > 50 ? '51+' : s}${s < r.targetK ? ' <k' : ''}`, ...cell(r.before, s), ...(r.after ? cell(r.after, s) : [])]);
  return table([head, ...rows]);
}

export function printRisk(ctx: CommandContext, r: RiskResult, source: string): void {
  const lines = [
    `Re-identification risk of ${source}: quasi-identifiers ${r.quasi.map((q) => shown(q.header)).join(', ')}; target k = ${r.targetK}`,
    measureLine('Before', r.before, r.targetK),
    ...(r.after ? [measureLine('After', r.after, r.targetK)] : []),
    '',
    'Class sizes:',
    sizeTable(r),
    '',
  ];
  if (r.before.rows > 0 && r.before.k >= r.targetK) lines.push(`Every class has at least ${r.targetK} records: nothing to generalise.`);
  else if (r.suggestions.length > 0) {
    lines.push(`Generalisations that reach k = ${r.targetK}, least information loss first:`);
    r.suggestions.forEach((s, i) => lines.push(`  ${i + 1}. ${s.generalisations.map((g) => g.label).join('; ')}  (k = ${n(s.k)}, loss ${s.loss.toFixed(2)})`));
  }
  if (r.notes.length > 0) lines.push('', ...r.notes.map((x) => `Note: ${x}`));
  lines.push('', r.caveat);
  ctx.io.out(`${lines.join('\n')}\n`);
}

export function riskCommand(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('risk')
    .description('Re-identification risk: k-anonymity over the named quasi-identifiers (class sizes, records in classes smaller than k), and generalisations that would reach k.')
    .argument('<dataset|file>', 'a dataset id (d12), or a file (imported into a temporary workspace, deleted afterwards, unless --workspace is given)')
    .option('--quasi <names...>', 'quasi-identifiers by exact header, e.g. --quasi zip date_of_birth sex (repeatable)')
    .option('--quasi-id <ids...>', 'quasi-identifiers by internal id, e.g. c3 (for duplicated headers)')
    .option('--k <k>', 'the target k: every record in a class of at least k records', kArg, 5);
  addWorkspaceFlag(cmd);
  cmd
    .option('--version <n>', 'the dataset version to measure (default: the latest, or the parent of --after-version)', positiveInt('--version'))
    .option('--after-version <n>', 'also measure this later version (e.g. after a policy run), matching the columns by id', positiveInt('--after-version'));
  addJsonFlag(cmd);
  cmd.action(async (source: string, flags: RiskFlags) => {
    ctx.json = Boolean(flags.json);
    if (!flags.quasi?.length && !flags.quasiId?.length) throw new AppError('INVALID_ARGUMENT', 'Name the quasi-identifiers with --quasi NAME (one or more).');
    await withSource(ctx.io, source, { ...(flags.workspace ? { workspace: flags.workspace } : {}), command: 'risk' }, async ({ session, datasetId, imported }) => {
      // With only --after-version, "before" is the version that one was made from (what a user
      // means right after `clean`), not the latest — which is the after version itself.
      const after = flags.afterVersion && !flags.version ? await session.call('dataset.get', { datasetId, version: flags.afterVersion }) : null;
      const before = flags.version ?? after?.version.parentVersion ?? undefined;
      const detail = await session.call('dataset.get', { datasetId, ...(before ? { version: before } : {}) });
      const quasi = quasiColumns(detail.columns, flags.quasi ?? [], flags.quasiId ?? []);
      const version = detail.version.version;
      const r = (await session.runJob(
        'risk.start',
        { datasetId, version, quasi: quasi.map((c) => c.id), k: flags.k, ...(flags.afterVersion ? { afterVersion: flags.afterVersion } : {}) },
        `Measuring the re-identification risk of ${datasetId} v${version}`,
      )) as RiskResult;
      if (ctx.json) {
        printJson(ctx.io, r);
        return;
      }
      printRisk(ctx, r, imported ? path.basename(source) : `${datasetId} v${version}`);
    });
  });
}
