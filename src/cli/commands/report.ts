// `sanitizer report <run> --out FILE [--format html|pdf|json] [--force] [--json]`: writes a
// cleaning run's compliance report (format from the extension), atomically. Run ids (r12) are in
// `sanitizer clean`'s output and in `sanitizer log` (subject run=…).
import path from 'node:path';
import { Option, type Command } from 'commander';
import { REPORT_FORMATS, type ReportFormat, type WrittenFile } from '../../shared/api/report-types';
import { AppError } from '../../shared/api/result';
import type { CommandContext } from '../command';
import { addJsonFlag, addWorkspaceFlag } from '../flags';
import { printJson } from '../output';
import type { Session } from '../session';
import { withSession } from '../session';

interface ReportFlags {
  out: string;
  format?: ReportFormat;
  force?: boolean;
  workspace?: string;
  json?: boolean;
}

const RUN_ID = /^r[0-9]+$/;

/** Writes the report of `runId` to `out` through the session's engine (also used by `clean --report`). */
export async function writeRunReport(session: Session, runId: string, out: string, force: boolean, format?: ReportFormat): Promise<WrittenFile> {
  return (await session.runJob('report.write', { runId, path: out, force, ...(format ? { format } : {}) }, `Writing the report to ${path.basename(out)}`)) as WrittenFile;
}

export function reportLine(w: WrittenFile, runId: string): string {
  return `Wrote the ${w.format.toUpperCase()} report of run ${runId} to ${w.path} (${w.bytes.toLocaleString('en-US')} bytes, sha256 ${w.sha256})`;
}

export function reportCommand(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('report')
    .description('Write the compliance report of a cleaning run: HTML, PDF or JSON (from the extension). Written to a temp file, then moved into place: never half-written.')
    .argument('<run>', 'a run id (r12): `sanitizer clean` prints it, `sanitizer log` lists runs as run=…')
    .requiredOption('--out <file>', 'the report file: .html, .pdf or .json')
    .addOption(new Option('--format <format>', 'the format, when the file name does not say').choices(REPORT_FORMATS))
    .option('--force', 'overwrite the file if it exists');
  addWorkspaceFlag(cmd);
  addJsonFlag(cmd);
  cmd.action(async (runId: string, flags: ReportFlags) => {
    ctx.json = Boolean(flags.json);
    if (!RUN_ID.test(runId)) throw new AppError('INVALID_ARGUMENT', `"${runId}" is not a run id; run ids look like r12 (\`sanitizer log\` lists runs as run=…).`);
    const out = path.resolve(ctx.io.cwd, flags.out);
    await withSession(ctx.io, { ...(flags.workspace ? { workspace: flags.workspace } : {}), create: false, command: 'report' }, async (session) => {
      const w = await writeRunReport(session, runId, out, Boolean(flags.force), flags.format);
      if (ctx.json) return printJson(ctx.io, { ...w, runId, workspace: session.workspaceDir });
      ctx.io.out(`${reportLine(w, runId)}\n`);
    });
  });
}
