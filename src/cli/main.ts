// The `sanitizer` command line: the same engine as the app, through the in-process transport.
// Builds the program from one small module per command, runs it, and turns every outcome into
// an exit code (exit-codes.ts); `main` adds the process wiring (Ctrl-C, exit status).
import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { toErrorInfo } from '../shared/api/result';
import type { CommandContext, CommandModule } from './command';
import { auditCommand } from './commands/audit';
import { cleanCommand } from './commands/clean';
import { datasetsCommand } from './commands/datasets';
import { dedupeCommand } from './commands/dedupe';
import { exportCommand } from './commands/export';
import { identityCommand } from './commands/identity';
import { importCommand } from './commands/import';
import { keyCommand } from './commands/key';
import { logCommand } from './commands/log';
import { piiCommand } from './commands/pii';
import { policyCommand } from './commands/policy';
import { profileCommand } from './commands/profile';
import { reportCommand } from './commands/report';
import { riskCommand } from './commands/risk';
import { settingsCommand } from './commands/settings';
import { verifyCommand } from './commands/verify';
import { EXIT, exitCodeFor } from './exit-codes';
import { processIO, type CliIO } from './io';
import { printError } from './output';

export const COMMANDS: CommandModule[] = [importCommand, exportCommand, profileCommand, cleanCommand, piiCommand, riskCommand, reportCommand, dedupeCommand, datasetsCommand, logCommand, policyCommand, identityCommand, settingsCommand, keyCommand, auditCommand, verifyCommand];

const AFTER_HELP = `
Workspaces: without --workspace, commands use the default workspace (the one the app opens).
A command given a file instead of a dataset works in a temporary workspace, deleted afterwards.

Exit codes: 0 success · 1 internal error · 2 bad input, bad usage or a refused action ·
3 verification failed · 130 interrupted (Ctrl-C; nothing is left half-written)`;

function appVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function buildProgram(ctx: CommandContext, commands: CommandModule[] = COMMANDS): Command {
  const program = new Command('sanitizer')
    .description('Data Sanitizer: clean, de-duplicate and de-identify tabular data on this machine.')
    .version(appVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.out(s),
      writeErr: (s) => ctx.io.err(s),
      outputError: (s, write) => write(`sanitizer: ${s.replace(/^error: /, '')}`),
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', AFTER_HELP);
  for (const register of commands) register(program, ctx);
  return program;
}

/** Runs the command line `args` (without node and script) and returns the exit code. */
export async function runCli(args: string[], io: CliIO = processIO(), commands: CommandModule[] = COMMANDS): Promise<number> {
  const ctx: CommandContext = { io, json: false };
  const program = buildProgram(ctx, commands);
  try {
    if (args.length === 0) {
      program.outputHelp({ error: true });
      return EXIT.refused;
    }
    await program.parseAsync(args, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.refused;
    const info = toErrorInfo(err);
    const code = exitCodeFor(info.code);
    printError(io, info, ctx.json, code);
    return code;
  }
}

/** The process entry: Ctrl-C cancels the running job (twice: stop at once), then exits 130. */
export async function main(args: string[]): Promise<void> {
  const io = processIO();
  // `sanitizer log | head -1`: a reader that stops early is not an error of ours.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  });
  process.on('SIGINT', () => {
    if (io.interrupts.interrupted) process.exit(EXIT.interrupted);
    io.err('\nsanitizer: interrupted; cancelling and cleaning up (Ctrl-C again to stop at once)\n');
    io.interrupts.trigger();
  });
  process.exitCode = await runCli(args, io);
}
