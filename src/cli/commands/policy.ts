// `sanitizer policy …`: saved policies and their lifecycle — create and edit (DRAFT revisions, or a
// new version after an ACTIVE one), submit / approve / reject / retire with a reason as a signed
// identity, list, show, diff and the signed approval file. A refused transition exits 2 naming its guard.
import path from 'node:path';
import type { Command } from 'commander';
import type { PolicyAction, PolicyDiff, PolicyListItem, PolicyVersionInfo } from '../../shared/api/governance-types';
import { AppError } from '../../shared/api/result';
import { presetPolicy } from '../../shared/policy/presets';
import type { CommandContext } from '../command';
import { addJsonFlag, addWorkspaceFlag, positiveInt } from '../flags';
import { addIdentityFlags, reasonFlag, unlockAs, type IdentityFlags } from '../identity-flags';
import { printJson, table } from '../output';
import { withSession, type Session } from '../session';

interface Flags extends IdentityFlags {
  workspace?: string;
  json?: boolean;
  file?: string;
  preset?: string;
  summary?: string;
  version?: number;
  reason?: string;
  dataset?: string;
  out?: string;
  force?: boolean;
}

/** The policy named `name`: exactly, else case-insensitively; NOT_FOUND lists the names there are. */
export async function findPolicy(s: Session, name: string): Promise<PolicyListItem> {
  const all = await s.call('policy.list', {});
  const hit = all.find((p) => p.name === name) ?? all.find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (hit) return hit;
  const there = all.length ? ` (there are: ${all.map((p) => JSON.stringify(p.name)).join(', ')})` : '';
  throw new AppError('NOT_FOUND', `There is no policy named ${JSON.stringify(name)} in this workspace${there}.`, { name });
}

const session = (ctx: CommandContext, flags: Flags, command: string, fn: (s: Session) => Promise<void>) => {
  ctx.json = Boolean(flags.json);
  return withSession(ctx.io, { ...(flags.workspace ? { workspace: flags.workspace } : {}), create: false, command: `policy ${command}` }, async (s) => {
    await unlockAs(s, ctx.io, flags);
    await fn(s);
  });
};

async function documentOf(s: Session, ctx: CommandContext, flags: Flags, name: string): Promise<unknown> {
  if (Boolean(flags.file) === Boolean(flags.preset)) throw new AppError('INVALID_ARGUMENT', 'Give the policy as --file P.json or --preset NAME (one of them).');
  const doc = flags.file
    ? ((await s.call('policy.readFile', { path: path.resolve(ctx.io.cwd, flags.file) })).policy as Record<string, unknown>)
    : presetPolicy((flags.preset ?? '').split(',').map((x) => x.trim()).filter(Boolean), s.engine.actor);
  return { ...doc, name };
}

function versionsTable(versions: PolicyVersionInfo[]): string {
  const rows = versions.map((v) => [`v${v.version}`, v.state, String(v.revisions), v.authors.map((a) => a.name).join(', '), v.submittedBy?.name ?? '', v.updatedAt.slice(0, 19).replace('T', ' '), v.sha256.slice(0, 12)]);
  return table([['version', 'state', 'revisions', 'authors', 'submitted by', 'updated (UTC)', 'sha256'], ...rows]);
}

function transitionsText(v: PolicyVersionInfo): string {
  return v.transitions.map((t) => `  #${t.seq} ${t.at.slice(0, 19).replace('T', ' ')} ${t.actor}: ${t.action} ${t.from} → ${t.to}: ${t.reason}`).join('\n');
}

export function diffText(d: PolicyDiff): string {
  const show = (x: unknown) => JSON.stringify(x);
  const lines = [`v${d.from.version} → v${d.to.version}: ${d.summary}`];
  for (const c of d.policy) lines.push(`  policy ${c.path}: ${show(c.before)} → ${show(c.after)}`);
  for (const st of d.steps.filter((x) => x.kind !== 'same')) {
    const where = st.kind === 'moved' ? ` (position ${(st.fromIndex ?? 0) + 1} → ${(st.toIndex ?? 0) + 1})` : '';
    lines.push(`  ${st.kind.padEnd(7)} ${st.stepId} (${st.label})${where}`);
    for (const c of st.changes) lines.push(`      ${c.path}: ${show(c.before)} → ${show(c.after)}`);
  }
  return lines.join('\n');
}

/** The version an action applies to by default: the newest one in the state it leaves, else the newest. */
function defaultVersion(versions: PolicyVersionInfo[], action: PolicyAction): number {
  const from = { submit: 'DRAFT', approve: 'REVIEW', reject: 'REVIEW', retire: 'ACTIVE' }[action];
  return (versions.find((v) => v.state === from) ?? versions[0])!.version;
}

async function previewOf(s: Session, spec: string | undefined): Promise<{ datasetId: string; version: number } | undefined> {
  if (!spec) return undefined;
  const m = /^(d[0-9]+)(?:@v?([0-9]+))?$/.exec(spec);
  if (!m) throw new AppError('INVALID_ARGUMENT', `--dataset ${spec}: give a dataset id, optionally with a version (d1 or d1@2).`);
  const version = m[2] ? Number(m[2]) : (await s.call('dataset.get', { datasetId: m[1]! })).version.version;
  return { datasetId: m[1]!, version };
}

const count = (n: number, noun: string): string => `${n} ${n === 1 ? noun : `${noun}s`}`;

function transitionCommand(policy: Command, ctx: CommandContext, action: PolicyAction, help: string): void {
  const cmd = policy.command(action).description(help).argument('<name>', 'the policy name');
  cmd.requiredOption('--reason <text>', 'why (recorded in the signed audit entry)').option('--version <n>', 'the policy version (default: the newest one this action applies to)', positiveInt('--version'));
  if (action === 'submit' || action === 'approve') cmd.option('--dataset <d[@v]>', 'preview on this dataset version (default: the newest version of the most recently imported dataset)');
  addIdentityFlags(cmd, true);
  addWorkspaceFlag(cmd);
  addJsonFlag(cmd);
  cmd.action((name: string, flags: Flags) => session(ctx, flags, action, async (s) => {
    const reason = reasonFlag(flags.reason);
    const p = await findPolicy(s, name);
    const version = flags.version ?? defaultVersion(await s.call('policy.versions', { policyId: p.policyId }), action);
    const preview = await previewOf(s, flags.dataset);
    const v = await s.call('policy.transition', { policyId: p.policyId, version, action, reason, ...(preview ? { preview } : {}) });
    if (ctx.json) return printJson(ctx.io, v);
    const t = v.transitions.filter((x) => x.action === action).at(-1)!;
    const pv = t.preview ? `\nPreview on ${t.preview.datasetId} v${t.preview.version} (${t.preview.rowsIn} rows${t.preview.sampled ? ', a sample' : ''}): ${t.preview.steps.map((x) => `${x.stepId} ${count(x.cellsChanged, 'cell')}, ${count(x.rowsRemoved, 'row')}, ${count(x.failures, 'failure')}`).join('; ')}` : '';
    ctx.io.out(`v${v.version} of ${v.name}: ${t.from} → ${t.to} (${action} by ${t.actor}, entry #${t.seq}): ${t.reason}${pv}\n`);
  }));
}

function saveCommand(policy: Command, ctx: CommandContext, verb: 'create' | 'edit'): void {
  const cmd = policy.command(verb).argument('<name>', 'the policy name (unique in the workspace)')
    .description(verb === 'create' ? 'Save a new policy (v1, DRAFT) from a recipe file or presets.' : 'Save an edit: a new revision of the DRAFT version, or a new DRAFT version after an ACTIVE or RETIRED one (refused while in REVIEW).')
    .option('--file <file>', 'a policy (recipe) JSON file').option('--preset <names>', 'built-in presets, in order (e.g. standard)').option('--summary <text>', 'what changed');
  addIdentityFlags(cmd);
  addWorkspaceFlag(cmd);
  addJsonFlag(cmd);
  cmd.action((name: string, flags: Flags) => session(ctx, flags, verb, async (s) => {
    const policyId = verb === 'edit' ? (await findPolicy(s, name)).policyId : undefined;
    const doc = await documentOf(s, ctx, flags, name);
    const saved = await s.call('policy.save', { ...(policyId ? { policyId } : {}), policy: doc, summary: flags.summary ?? '' });
    const [v] = await s.call('policy.versions', { policyId: saved.policyId });
    if (ctx.json) return printJson(ctx.io, { ...saved, state: v?.state, revision: v?.revisions });
    ctx.io.out(`Saved ${saved.policy.name} (${saved.policyId}) v${saved.policy.version} revision ${v?.revisions ?? 1}, ${v?.state ?? 'DRAFT'}, by ${saved.savedBy}: ${saved.policy.steps.length} steps, sha256 ${saved.sha256}\n`);
  }));
}

export function policyCommand(program: Command, ctx: CommandContext): void {
  const policy = program.command('policy').description('Saved policies and their lifecycle: DRAFT → REVIEW → ACTIVE → RETIRED, signed by identities (--as NAME).');
  saveCommand(policy, ctx, 'create');
  saveCommand(policy, ctx, 'edit');
  transitionCommand(policy, ctx, 'submit', 'Submit a DRAFT version for review (steward or admin); it must validate and preview without errors.');
  transitionCommand(policy, ctx, 'approve', 'Approve a version in review (approver; not its author or submitter): it becomes ACTIVE and the previous ACTIVE version is retired.');
  transitionCommand(policy, ctx, 'reject', 'Send a version in review back to DRAFT (approver).');
  transitionCommand(policy, ctx, 'retire', 'Retire the ACTIVE version (approver or admin).');

  const list = policy.command('list').description('Every policy with its newest version, state, ACTIVE version and owner.');
  addWorkspaceFlag(list);
  addJsonFlag(list);
  list.action((flags: Flags) => session(ctx, flags, 'list', async (s) => {
    const all = await s.call('policy.list', {});
    if (ctx.json) return printJson(ctx.io, { policies: all });
    const rows = all.map((p) => [p.name, p.policyId, `v${p.latestVersion}`, p.state, p.activeVersion ? `v${p.activeVersion}` : '—', p.owner, p.savedBy, String(p.stepCount)]);
    ctx.io.out(`${table([['name', 'id', 'latest', 'state', 'active', 'owner', 'saved by', 'steps'], ...rows])}\n`);
  }));

  const show = policy.command('show').description('A policy\'s versions (state, authors, transitions) or, with --version, one version\'s steps.').argument('<name>', 'the policy name');
  show.option('--version <n>', 'one version', positiveInt('--version'));
  addWorkspaceFlag(show);
  addJsonFlag(show);
  show.action((name: string, flags: Flags) => session(ctx, flags, 'show', async (s) => {
    const p = await findPolicy(s, name);
    const versions = await s.call('policy.versions', { policyId: p.policyId });
    const picked = flags.version ? versions.filter((v) => v.version === flags.version) : versions;
    if (picked.length === 0) throw new AppError('NOT_FOUND', `${p.name} has no version ${flags.version} (its versions are ${versions.map((v) => v.version).join(', ')}).`);
    const doc = flags.version ? await s.call('policy.get', { policyId: p.policyId, version: flags.version }) : null;
    if (ctx.json) return printJson(ctx.io, { policyId: p.policyId, name: p.name, versions: picked, ...(doc ? { policy: doc.policy } : {}) });
    const steps = doc ? `\nSteps:\n${doc.policy.steps.map((x, i) => `  ${i + 1}. ${x.id} (${x.type})${x.enabled ? '' : ' [disabled]'}`).join('\n')}` : '';
    ctx.io.out(`${p.name} (${p.policyId})\n${versionsTable(picked)}\n${picked.filter((v) => v.transitions.length).map((v) => `v${v.version}:\n${transitionsText(v)}`).join('\n')}${steps}\n`);
  }));

  const diff = policy.command('diff').description('What changed between two versions (0 = nothing).').argument('<name>', 'the policy name').argument('<v1>', 'from version').argument('<v2>', 'to version');
  addWorkspaceFlag(diff);
  addJsonFlag(diff);
  diff.action((name: string, v1: string, v2: string, flags: Flags) => session(ctx, flags, 'diff', async (s) => {
    const num = (x: string, what: string, min: number) => {
      if (!/^v?[0-9]+$/.test(x) || Number(x.replace('v', '')) < min) throw new AppError('INVALID_ARGUMENT', `${what} must be a version number${min === 0 ? ' (0 = nothing)' : ''}, not ${JSON.stringify(x)}.`);
      return Number(x.replace('v', ''));
    };
    const p = await findPolicy(s, name);
    const d = await s.call('policy.diff', { policyId: p.policyId, from: num(v1, '<v1>', 0), to: num(v2, '<v2>', 1) });
    if (ctx.json) return printJson(ctx.io, d);
    ctx.io.out(`${p.name}: ${diffText(d)}\n`);
  }));

  const approval = policy.command('approval').description('Write the signed approval of an approved version (a small file that travels with bundles).').argument('<name>', 'the policy name');
  approval.requiredOption('--out <file>', 'where to write it (JSON)').option('--version <n>', 'the version (default: the ACTIVE one)', positiveInt('--version')).option('--force', 'overwrite the file if it exists');
  addWorkspaceFlag(approval);
  addJsonFlag(approval);
  approval.action((name: string, flags: Flags) => session(ctx, flags, 'approval', async (s) => {
    const p = await findPolicy(s, name);
    const version = flags.version ?? p.activeVersion;
    if (!version) throw new AppError('NOT_FOUND', `${p.name} has no ACTIVE version; name an approved one with --version.`);
    const out = path.resolve(ctx.io.cwd, flags.out ?? '');
    const a = await s.call('policy.approval', { policyId: p.policyId, version, path: out, force: Boolean(flags.force) });
    if (ctx.json) return printJson(ctx.io, { path: out, approval: a });
    ctx.io.out(`Wrote ${out}: ${a.policy.name} v${a.policy.version} approved by ${a.approver.name} (key ${a.approver.fingerprint.slice(0, 16)}…) at ${a.at}, entry #${a.seq}\n`);
  }));
}
