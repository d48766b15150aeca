// `sanitizer clean <file|dataset> (--policy NAME | --policy-file P.json | --preset NAME[,NAME…])
// [--preview] --out OUT [--provenance PROV] [--report R.html|pdf|json] [--bundle DIR|FILE.zip …]`: runs a policy (a saved policy's ACTIVE version makes a
// compliance run stamped APPROVED; anything else a version stamped UNAPPROVED, refused in a governed
// workspace), exports the result, its ledger and its evidence bundle; --preview reports counts without writing anything.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { PreviewResult, RunResult } from '../../shared/api/clean-types';
import type { PolicySource } from '../../shared/api/contract';
import { AppError } from '../../shared/api/result';
import type { ExportResult } from '../../shared/api/types';
import type { CommandContext } from '../command';
import { addJsonFlag, addWorkspaceFlag, positiveInt } from '../flags';
import { addIdentityFlags, readPassphrase, unlockAs, type IdentityFlags } from '../identity-flags';
import type { WrittenBundle } from '../../shared/api/bundle-types';
import { findPolicy } from './policy';
import { reportLine, writeRunReport } from './report';
import { reportFormatOf } from '../../main/engine/report/render';
import { printJson } from '../output';
import type { Session } from '../session';
import { withSource } from '../source';

interface CleanFlags extends IdentityFlags {
  policy?: string;
  policyVersion?: number;
  policyFile?: string;
  preset?: string;
  preview?: boolean;
  full?: boolean;
  out?: string;
  provenance?: string;
  report?: string;
  bundle?: string;
  includeData?: boolean;
  countersign?: string;
  countersignPassphraseFile?: string;
  workspace?: string;
  version?: number;
  force?: boolean;
  json?: boolean;
}

const n = (x: number) => x.toLocaleString('en-US');

/** Refuses, before any work, outputs that exist (without --force) or would overwrite each other. */
function checkOutputs(files: string[], force: boolean): void {
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice) throw new AppError('INVALID_ARGUMENT', `Two of --out, --provenance and --report name the same file, ${twice}.`);
  for (const f of files) {
    if (!force && fs.existsSync(f)) throw new AppError('ALREADY_EXISTS', `${f} already exists; nothing was written. Choose another name, or add --force.`, { file: f });
  }
}

function checkPolicyFlags(flags: CleanFlags): void {
  const given = [flags.policy && '--policy', flags.policyFile && '--policy-file', flags.preset && '--preset'].filter(Boolean);
  if (given.length > 1) throw new AppError('INVALID_ARGUMENT', given.length === 2 ? `Give either ${given.join(' or ')}, not both.` : 'Give one of --policy, --policy-file or --preset.');
  if (given.length === 0) throw new AppError('INVALID_ARGUMENT', 'Say which policy to run: --policy NAME (a saved policy), --policy-file P.json or --preset standard.');
  if (flags.policyVersion && !flags.policy) throw new AppError('INVALID_ARGUMENT', '--policy-version goes with --policy.');
}

/** A saved policy by name: its ACTIVE version (a compliance run), or the version asked for. */
async function savedSource(session: Session, flags: CleanFlags): Promise<PolicySource> {
  const p = await findPolicy(session, flags.policy ?? '');
  if (flags.policyVersion || flags.preview) return { policyId: p.policyId, ...(flags.policyVersion ? { version: flags.policyVersion } : {}) };
  if (p.activeVersion === null) {
    const states = (await session.call('policy.versions', { policyId: p.policyId })).map((v) => `v${v.version} ${v.state}`).join(', ');
    throw new AppError('FORBIDDEN', `${p.name} has no ACTIVE version (${states}): a compliance run needs an approved one. Preview it with --preview, or name a version with --policy-version for an unapproved run.`, { guard: 'state' });
  }
  return { policyId: p.policyId, version: p.activeVersion };
}

async function policySource(session: Session, flags: CleanFlags, cwd: string): Promise<PolicySource> {
  if (flags.policy) return savedSource(session, flags);
  if (flags.policyFile) return { policy: (await session.call('policy.readFile', { path: path.resolve(cwd, flags.policyFile) })).policy };
  return { presets: (flags.preset ?? '').split(',').map((s) => s.trim()).filter(Boolean) };
}

function stepTable(r: RunResult): string {
  const rows = r.steps.map((s) => [s.stepId, s.label, n(s.cellsChanged), n(s.rowsRemoved), n(s.failures)]);
  const head = ['step', 'type', 'cells changed', 'rows removed', 'failures'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((x) => (x[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ').trimEnd();
  const notes = r.steps.flatMap((s) => [...s.notes.map((x) => `  ${s.stepId}: ${x}`), ...s.failureExamples.map((f) => `  ${s.stepId}: row ${f.rowId}: ${JSON.stringify(f.value)} ${f.reason}`)]);
  return [line(head), ...rows.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n');
}

export function cleanCommand(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('clean')
    .description('Run a cleaning policy: writes a new dataset version (stamped APPROVED for a saved policy\'s ACTIVE version, else UNAPPROVED), exports it and, if asked, its provenance ledger. --preview changes nothing.')
    .argument('<dataset|file>', 'a dataset id (d12), or a file (imported into a temporary workspace, deleted afterwards, unless --workspace is given)')
    .option('--policy <name>', 'a saved policy: its ACTIVE version runs as a compliance run (stamped APPROVED)')
    .option('--policy-version <n>', 'with --policy: run this version instead (an unapproved run unless it is the ACTIVE one)', positiveInt('--policy-version'))
    .option('--policy-file <file>', 'a policy (recipe) JSON file; see docs/POLICY.md')
    .option('--preset <names>', 'built-in presets, applied in the order given (e.g. standard)')
    .option('--preview', 'dry run on a deterministic sample: print the counts per step and the first changes; write nothing')
    .option('--full', 'with --preview: use every row, not a sample')
    .option('--out <file>', 'the cleaned data: .csv, .parquet, .jsonl or .xlsx')
    .option('--provenance <file>', 'the ledger of changes: .csv or .parquet (row_id,kind,column,before,after,step_id,step,confidence)')
    .option('--report <file>', "the run's compliance report: .html, .pdf or .json")
    .option('--bundle <dir|file.zip>', 'the run\'s signed evidence bundle (a folder, or a .zip); see docs/BUNDLES.md')
    .option('--include-data', 'with --bundle: put the cleaned data in the bundle (data/<name>.csv)')
    .option('--countersign <name>', 'with --bundle: an approver who countersigns the manifest (passphrase from --countersign-passphrase-file or SANITIZER_COUNTERSIGN_PASSPHRASE)')
    .option('--countersign-passphrase-file <file>', 'a file holding the countersigning approver\'s passphrase (its first line)');
  addWorkspaceFlag(cmd);
  addIdentityFlags(cmd);
  cmd.option('--version <n>', 'the dataset version to clean (default: the latest)', positiveInt('--version')).option('--force', 'overwrite output files that exist');
  addJsonFlag(cmd);
  cmd.action(async (source: string, flags: CleanFlags) => {
    ctx.json = Boolean(flags.json);
    const out = flags.out ? path.resolve(ctx.io.cwd, flags.out) : null;
    const prov = flags.provenance ? path.resolve(ctx.io.cwd, flags.provenance) : null;
    const report = flags.report ? path.resolve(ctx.io.cwd, flags.report) : null;
    checkPolicyFlags(flags);
    if (flags.preview && (out || prov || report)) throw new AppError('INVALID_ARGUMENT', '--preview writes nothing; leave out --out, --provenance and --report.');
    if (report) reportFormatOf(report);
    if (!flags.preview && !out) throw new AppError('INVALID_ARGUMENT', 'Say where the cleaned data goes with --out FILE (or use --preview).');
    if (flags.full && !flags.preview) throw new AppError('INVALID_ARGUMENT', '--full goes with --preview.');
    const bundle = flags.bundle ? path.resolve(ctx.io.cwd, flags.bundle) : null;
    if (flags.preview && bundle) throw new AppError('INVALID_ARGUMENT', '--preview writes nothing; leave out --bundle.');
    if (!bundle && (flags.includeData || flags.countersign)) throw new AppError('INVALID_ARGUMENT', `${flags.includeData ? '--include-data' : '--countersign'} goes with --bundle.`);
    const countersign = flags.countersign
      ? { identity: flags.countersign, passphrase: readPassphrase(ctx.io, flags.countersignPassphraseFile, 'SANITIZER_COUNTERSIGN_PASSPHRASE', flags.countersign, '--countersign-passphrase-file') }
      : undefined;
    if (bundle && [out, prov, report].includes(bundle)) throw new AppError('INVALID_ARGUMENT', `--bundle names the same path as another output, ${bundle}.`);
    checkOutputs([out, prov, report, bundle].filter((x): x is string => x !== null), Boolean(flags.force));
    await withSource(ctx.io, source, { ...(flags.workspace ? { workspace: flags.workspace } : {}), command: 'clean' }, async ({ session, datasetId, temporary }) => {
      await unlockAs(session, ctx.io, flags);
      const src = await policySource(session, flags, ctx.io.cwd);
      const version = (await session.call('dataset.get', { datasetId, ...(flags.version ? { version: flags.version } : {}) })).version.version;
      if (flags.preview) {
        const r = (await session.runJob('clean.preview', { datasetId, version, source: src, full: Boolean(flags.full) }, 'Previewing')) as PreviewResult;
        if (ctx.json) return printJson(ctx.io, r);
        ctx.io.out(`Preview of ${r.policyName} on ${temporary ? source : `${datasetId} version ${version}`}: ${r.sampled ? `a sample of ${n(r.rowsIn)} rows` : `all ${n(r.rowsIn)} rows`}; nothing was written.\n${stepTable(r)}\n`);
        return;
      }
      const run = (await session.runJob('clean.run', { datasetId, version, source: src }, 'Cleaning')) as RunResult;
      const v = run.outputVersion as number;
      const data = (await session.runJob('export.start', { datasetId, version: v, path: out as string, force: Boolean(flags.force) }, `Exporting to ${path.basename(out as string)}`)) as ExportResult;
      const ledger = prov
        ? ((await session.runJob('provenance.export', { datasetId, version: v, path: prov, force: Boolean(flags.force) }, `Writing provenance to ${path.basename(prov)}`)) as ExportResult)
        : null;
      const written = report ? await writeRunReport(session, run.runId, report, Boolean(flags.force)) : null;
      const evidence = bundle
        ? ((await session.runJob('bundle.write', { runId: run.runId, path: bundle, includeData: Boolean(flags.includeData), force: Boolean(flags.force), ...(countersign ? { countersign } : {}) }, `Writing the evidence bundle ${path.basename(bundle)}`)) as WrittenBundle)
        : null;
      if (ctx.json) return printJson(ctx.io, { ...run, workspace: temporary ? null : session.workspaceDir, output: data, provenance: ledger, report: written, bundle: evidence });
      ctx.io.out(
        `Cleaned ${temporary ? source : `${datasetId} version ${version}`} with ${run.policyName}${run.kind === 'compliance' ? ` v${run.policyVersion}, a compliance run (APPROVED by ${(run.approvals ?? []).map((a) => a.approver.name).join(', ')})` : ' (UNAPPROVED)'}${temporary ? '' : ` into version ${v} (run ${run.runId})`}: ${n(run.rowsIn)} rows in, ${n(run.rowsOut)} out, ${n(run.cellsChanged)} cells changed, ${n(run.rowsRemoved)} rows removed, ${run.seconds.toFixed(1)} s.\n${stepTable(run)}\n` +
          `Wrote ${data.path} (sha256 ${data.sha256})${ledger ? `\nWrote ${ledger.path} (${n(ledger.rows)} entries, sha256 ${ledger.sha256})` : ''}${written ? `\n${reportLine(written, run.runId)}` : ''}\n` +
          (evidence ? `Wrote the evidence bundle ${evidence.path} (${evidence.files} files, manifest sha256 ${evidence.manifestSha256}, signed by ${evidence.signers.map((x) => `${x.name} ${x.fingerprint.slice(0, 16)}…`).join(' and ')}); check it with \`sanitizer verify ${flags.bundle}\`\n` : ''),
      );
    });
  });
}
