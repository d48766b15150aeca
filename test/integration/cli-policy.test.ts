// The policy lifecycle from the command line, end to end through runCli (in process, a real
// workspace on disk): a steward drafts and submits, an approver rejects with a reason, the steward
// edits and resubmits, the approver approves, `clean --policy` makes a compliance run — and the
// audit log holds every step in order. Refusals exit 2 naming their guard.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Interrupts, type CliIO } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import type { ApprovalFile } from '../../src/shared/api/governance-types';
import { verifyApproval } from '../../src/main/engine/policy/approval';
import { policyDoc } from '../support/clean';
import { startTestEngine, tempDir } from '../support/engine';

let root: string;
let ws: string;
const PASS: Record<string, string> = { root: 'root passphrase', sam: 'sam passphrase', ann: 'ann passphrase', aud: 'auditor passphrase' };

async function cli(args: string[], as?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = {
    stdout: '', stderr: '', errIsTTY: false, cwd: root, interrupts: new Interrupts(),
    env: { ...process.env, DATA_SANITIZER_HOME: path.join(root, 'home'), ...(as ? { SANITIZER_PASSPHRASE: PASS[as] } : {}) },
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
  } satisfies CliIO & { stdout: string; stderr: string };
  const code = await runCli([...args, '--workspace', ws, ...(as ? ['--as', as] : [])], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

beforeAll(async () => {
  root = tempDir('ds-cli-policy-');
  ws = path.join(root, 'ws');
  fs.mkdirSync(path.join(root, 'home'));
  fs.writeFileSync(path.join(root, 'people.csv'), 'name,city\n Ann ,nyc\nBob,paris\n');
  const recipe = (extra: { from: string[]; to: string }[]) => JSON.stringify(policyDoc([{ id: 'trim', type: 'trim' }, { id: 'city', type: 'category_aliases', columns: { names: ['city'] }, params: { map: [{ from: ['nyc'], to: 'New York' }, ...extra] } }]));
  fs.writeFileSync(path.join(root, 'v1.json'), recipe([]));
  fs.writeFileSync(path.join(root, 'v2.json'), recipe([{ from: ['paris'], to: 'Paris' }]));
  fs.writeFileSync(path.join(root, 'sam.pass'), `${PASS.sam}\n`);
  // Identities are made through the API (the identity CLI is built beside this work).
  const t = await startTestEngine({ workspaceDir: ws });
  await t.call('identity.create', { name: 'root', passphrase: PASS.root!, roles: [], activate: true });
  await t.call('identity.create', { name: 'sam', passphrase: PASS.sam!, roles: ['steward'], activate: false });
  await t.call('identity.create', { name: 'ann', passphrase: PASS.ann!, roles: ['approver'], activate: false });
  await t.call('identity.create', { name: 'aud', passphrase: PASS.aud!, roles: ['auditor'], activate: false });
  await t.engine.close();
}, 60_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('sanitizer policy', () => {
  it('drafts, submits, rejects, edits, resubmits, approves; clean --policy makes a compliance run; the log has it all in order', async () => {
    expect((await cli(['import', 'people.csv'])).code).toBe(0);
    const noActive = await cli(['clean', 'd1', '--policy', 'cities', '--out', 'x.csv']);
    expect(noActive).toMatchObject({ code: 2, stderr: expect.stringContaining('no policy named "cities"') });

    const created = await cli(['policy', 'create', 'cities', '--file', 'v1.json', '--passphrase-file', 'sam.pass', '--summary', 'first cut'], 'sam');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^Saved cities \(p1\) v1 revision 1, DRAFT, by sam: 2 steps/);
    const dup = await cli(['policy', 'create', 'Cities', '--preset', 'standard'], 'sam');
    expect(dup).toMatchObject({ code: 2, stderr: expect.stringContaining('sanitizer policy edit "Cities"') });

    const submitted = await cli(['policy', 'submit', 'cities', '--reason', 'ready for review', '--dataset', 'd1'], 'sam');
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(submitted.stdout).toMatch(/^v1 of cities: DRAFT → REVIEW \(submit by sam, entry #\d+\): ready for review\nPreview on d1 v1 \(2 rows\): trim 1 cell, 0 rows, 0 failures; city 1 cell/);
    const notHisJob = await cli(['policy', 'approve', 'cities', '--reason', 'my own work'], 'sam');
    expect(notHisJob).toMatchObject({ code: 2, stderr: expect.stringContaining('Approving v1 of cities refused: sam holds steward; a version is approved by approver.') });
    const stillDraft = await cli(['clean', 'd1', '--policy', 'cities', '--out', 'x.csv']);
    expect(stillDraft).toMatchObject({ code: 2, stderr: expect.stringContaining('cities has no ACTIVE version (v1 REVIEW)') });
    const noPass = await cli(['policy', 'reject', 'cities', '--reason', 'x', '--as', 'ann']);
    expect(noPass).toMatchObject({ code: 2, stderr: expect.stringContaining('SANITIZER_PASSPHRASE') });
    // A one-letter reason is refused in the flag's words, not the request field's ("policy.transition: reason: …").
    const short = await cli(['policy', 'reject', 'cities', '--reason', 'x'], 'ann');
    expect(short).toMatchObject({ code: 2, stderr: 'sanitizer: --reason "x": give a reason (at least 3 characters).\n' });

    expect((await cli(['policy', 'reject', 'cities', '--reason', 'paris is not mapped'], 'ann')).code).toBe(0);
    const edited = await cli(['policy', 'edit', 'cities', '--file', 'v2.json', '--summary', 'maps paris'], 'sam');
    expect(edited.stdout).toMatch(/^Saved cities \(p1\) v1 revision 2, DRAFT, by sam/);
    expect((await cli(['policy', 'submit', 'cities', '--reason', 'paris mapped'], 'sam')).code).toBe(0);
    const approved = await cli(['policy', 'approve', 'cities', '--reason', 'checked the preview'], 'ann');
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).toMatch(/^v1 of cities: REVIEW → ACTIVE \(approve by ann/);

    const run = await cli(['clean', 'd1', '--policy', 'cities', '--out', 'clean.csv', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { kind: string; stamp: string; approvals: ApprovalFile[]; keyGeneration: number; runId: string };
    expect(result).toMatchObject({ kind: 'compliance', stamp: 'APPROVED', keyGeneration: 1, approvals: [{ approver: { name: 'ann' }, reason: 'checked the preview' }] });
    expect(fs.readFileSync(path.join(root, 'clean.csv'), 'utf8')).toBe('name,city\nAnn,New York\nBob,Paris\n');

    const log = JSON.parse((await cli(['log', '--json', '--limit', '200'])).stdout) as { entries: { action: string; actor: string; subject: Record<string, string>; details: Record<string, unknown> }[] };
    const story = log.entries.reverse().filter((e) => e.subject.policy === 'p1' || (e.action === 'clean.run' && e.subject.run === result.runId))
      .map((e) => `${e.actor} ${e.action}${typeof e.details.action === 'string' ? ` ${e.details.action}` : ''}${e.action === 'clean.run' ? ` ${String(e.details.kind)}` : ''}`);
    expect(story).toEqual([
      'sam policy.saved', 'sam policy.transition submit', 'ann policy.transition reject', 'sam policy.saved',
      'sam policy.transition submit', 'ann policy.transition approve', `${story.at(-1)!.split(' ')[0]} clean.run compliance`,
    ]);

    // The auditor takes a signed checkpoint away, and the log verifies against it.
    const held = await cli(['audit', 'checkpoint', '--out', 'held-checkpoint.json'], 'aud');
    expect(held.code, held.stderr).toBe(0);
    const checkpoint = JSON.parse(fs.readFileSync(path.join(root, 'held-checkpoint.json'), 'utf8')) as { seq: number; signer: { name: string } };
    expect(checkpoint.signer.name).toBe('aud');
    const verified = await cli(['audit', 'verify', '--checkpoint', 'held-checkpoint.json', '--json']);
    expect(verified.code, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, firstBad: null, problems: [] });
  }, 120_000);

  it('lists, shows, diffs and exports the signed approval', async () => {
    const list = JSON.parse((await cli(['policy', 'list', '--json'])).stdout) as { policies: { name: string; state: string; activeVersion: number; owner: string }[] };
    expect(list.policies).toEqual([expect.objectContaining({ name: 'cities', state: 'ACTIVE', activeVersion: 1, owner: 'sam' })]);
    const show = await cli(['policy', 'show', 'cities']);
    expect(show.stdout).toMatch(/v1 +ACTIVE +2 +sam +sam/);
    expect(show.stdout).toContain('ann: reject REVIEW → DRAFT: paris is not mapped');
    const one = await cli(['policy', 'show', 'cities', '--version', '1']);
    expect(one.stdout).toContain('Steps:\n  1. trim (trim)\n  2. city (category_aliases)\n');
    expect(await cli(['policy', 'show', 'cities', '--version', '7'])).toMatchObject({ code: 2, stderr: expect.stringContaining('cities has no version 7 (its versions are 1)') });
    const diff = await cli(['policy', 'diff', 'cities', '0', '1']);
    expect(diff.stdout).toContain('cities: v0 → v1: 2 steps added');
    const out = await cli(['policy', 'approval', 'cities', '--out', 'approval.json']);
    expect(out.code, out.stderr).toBe(0);
    const file = JSON.parse(fs.readFileSync(path.join(root, 'approval.json'), 'utf8')) as ApprovalFile;
    expect(verifyApproval(file)).toBe(true);
    expect(await cli(['policy', 'approval', 'cities', '--out', 'approval.json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('already exists') });
    expect(await cli(['policy', 'diff', 'cities', '1', 'two'])).toMatchObject({ code: 2, stderr: expect.stringContaining('<v2> must be a version number') });
  });

  it('editing the ACTIVE policy makes v2 DRAFT; a governed workspace refuses presets but runs the ACTIVE version', async () => {
    const edited = await cli(['policy', 'edit', 'cities', '--preset', 'standard'], 'sam');
    expect(edited.stdout).toMatch(/v2 revision 1, DRAFT/);
    const notAdmin = await cli(['settings', 'governed', 'on', '--reason', 'go live'], 'sam');
    expect(notAdmin).toMatchObject({ code: 2, stderr: expect.stringContaining('it needs admin') });
    const governed = await cli(['settings', 'governed', 'on', '--reason', 'go live'], 'root');
    expect(governed.code, governed.stderr).toBe(0);
    const preset = await cli(['clean', 'd1', '--preset', 'standard', '--out', 'p.csv']);
    expect(preset).toMatchObject({ code: 2, stderr: expect.stringContaining('this workspace is governed') });
    const draft = await cli(['clean', 'd1', '--policy', 'cities', '--policy-version', '2', '--out', 'p.csv']);
    expect(draft).toMatchObject({ code: 2, stderr: expect.stringContaining('cities v2, which is not ACTIVE') });
    const ok = await cli(['clean', 'd1', '--policy', 'cities', '--out', 'ok.csv']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/with cities v1, a compliance run \(APPROVED by ann\)/);
  }, 60_000);
});
