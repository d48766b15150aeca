// `sanitizer audit verify | checkpoint | list`: verify the tamper-evident log (exit 3 when it was
// tampered with, naming the first bad entry), write a signed head checkpoint for an auditor to keep,
// and list entries with filters.
import path from 'node:path';
import type { Command } from 'commander';
import type { AuditVerifyResult } from '../../shared/api/governance-types';
import { AppError } from '../../shared/api/result';
import type { CommandContext } from '../command';
import { addJsonFlag, addWorkspaceFlag, positiveInt } from '../flags';
import { addIdentityFlags, unlockAs, type IdentityFlags } from '../identity-flags';
import { printJson, table } from '../output';
import { withSession } from '../session';

interface Common {
  workspace?: string;
  json?: boolean;
}

const sessionOpts = (flags: Common, command: string, observeOnly = false) => ({ ...(flags.workspace ? { workspace: flags.workspace } : {}), create: false, command, observeOnly });
const short = (hash: string) => hash.slice(0, 16);

export function verifyReport(r: AuditVerifyResult, workspace: string): string {
  const head = r.head ? `head entry ${r.head.seq} (${short(r.head.hash)}…)` : 'no entries';
  const checked = `${r.entries} entries, ${head}, ${r.checkpoints} checkpoint${r.checkpoints === 1 ? '' : 's'} checked`;
  if (r.ok) return `The audit log of ${workspace} is intact: ${checked}.\n`;
  const lines = [`The audit log of ${workspace} was TAMPERED WITH (${checked}).`, `First bad entry: ${r.firstBad?.message ?? ''}`, `All problems (${r.problems.length}):`];
  for (const p of r.problems) lines.push(`  - [${p.kind}] ${p.message}`);
  return `${lines.join('\n')}\n`;
}

function verifyCommand(audit: Command, ctx: CommandContext): void {
  const cmd = audit.command('verify').description('Recompute every hash, link and signature of the audit log and check its checkpoints (exit 3 when tampered).');
  addWorkspaceFlag(cmd);
  cmd.option('--checkpoint <file>', 'a checkpoint file you kept (from `audit checkpoint --out`): entries cut off after it are detected');
  addJsonFlag(cmd);
  cmd.action(async (flags: Common & { checkpoint?: string }) => {
    ctx.json = Boolean(flags.json);
    await withSession(ctx.io, sessionOpts(flags, 'audit verify', true), async (s) => {
      const r = await s.call('audit.verify', flags.checkpoint ? { checkpoint: path.resolve(ctx.io.cwd, flags.checkpoint) } : {});
      if (ctx.json) printJson(ctx.io, { workspace: s.workspaceDir, ...r });
      else ctx.io.out(verifyReport(r, s.workspaceDir));
      if (!r.ok) {
        // The result is already printed (one JSON object under --json): the error adds only the exit code and a line on stderr.
        ctx.json = false;
        throw new AppError('VERIFICATION_FAILED', `audit log verification failed: ${r.firstBad?.message ?? 'see above'}`);
      }
    });
  });
}

function checkpointCommand(audit: Command, ctx: CommandContext): void {
  const cmd = audit.command('checkpoint').description('Sign the head of the audit log (as --as, else with the workspace checkpoint key) and write it to a file to keep.');
  addWorkspaceFlag(cmd);
  cmd.requiredOption('--out <file>', 'where to write the checkpoint (JSON)');
  cmd.option('--force', 'replace the file if it exists');
  addIdentityFlags(cmd);
  addJsonFlag(cmd);
  cmd.action(async (flags: Common & IdentityFlags & { out: string; force?: boolean }) => {
    ctx.json = Boolean(flags.json);
    await withSession(ctx.io, sessionOpts(flags, 'audit checkpoint'), async (s) => {
      await unlockAs(s, ctx.io, flags);
      const file = path.resolve(ctx.io.cwd, flags.out);
      const cp = await s.call('audit.checkpoint', { path: file, force: Boolean(flags.force) });
      if (ctx.json) printJson(ctx.io, { file, checkpoint: cp });
      else {
        const who = cp.signer.name ?? "the workspace's checkpoint key";
        ctx.io.out(`Checkpoint of entry ${cp.seq} (${short(cp.hash)}…) signed by ${who} (key ${cp.signer.fingerprint.slice(0, 16)}…) written to ${file}.\nKeep it outside the workspace; \`sanitizer audit verify --checkpoint ${flags.out}\` detects entries cut off after it.\n`);
      }
    });
  });
}

function listCommand(audit: Command, ctx: CommandContext): void {
  const cmd = audit.command('list').description('List audit-log entries, newest first, with their signers.');
  addWorkspaceFlag(cmd);
  cmd.option('--actor <name>', 'only entries by this actor');
  cmd.option('--action <action>', 'only this action, or a prefix ending in "." (e.g. policy.)');
  cmd.option('--subject <id>', 'only entries about this dataset, policy, run or identity id');
  cmd.option('--before <seq>', 'only entries before this sequence number (paging)', positiveInt('--before'));
  cmd.option('--limit <n>', 'how many entries (default 50, at most 1000)', positiveInt('--limit'), 50);
  addJsonFlag(cmd);
  cmd.action(async (flags: Common & { actor?: string; action?: string; subject?: string; before?: number; limit: number }) => {
    ctx.json = Boolean(flags.json);
    if (flags.limit > 1000) throw new AppError('INVALID_ARGUMENT', `--limit is at most 1000 (got ${flags.limit}).`);
    await withSession(ctx.io, sessionOpts(flags, 'audit list', true), async (s) => {
      const filter = {
        ...(flags.actor ? { actor: flags.actor } : {}),
        ...(flags.action ? { action: flags.action } : {}),
        ...(flags.subject ? { subject: flags.subject } : {}),
      };
      const entries = await s.call('audit.list', { limit: flags.limit, filter, ...(flags.before ? { beforeSeq: flags.before } : {}) });
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
        e.signer ? e.signer.slice(0, 8) : '-',
        JSON.stringify(e.details).slice(0, 100),
      ]);
      ctx.io.out(`${table([['seq', 'at (UTC)', 'actor', 'action', 'subject', 'signed', 'details'], ...rows])}\n`);
    });
  });
}

export function auditCommand(program: Command, ctx: CommandContext): void {
  const audit = program.command('audit').description('The tamper-evident audit log: verify it, checkpoint its head, list entries.');
  verifyCommand(audit, ctx);
  checkpointCommand(audit, ctx);
  listCommand(audit, ctx);
}
