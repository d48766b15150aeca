// The identity, settings and audit screens' pure parts as tables: fingerprints in groups of four,
// passphrase checks, who may change roles and which roles are offered, the first-run prompt, the
// audit filter's action choices and form, and a verification result in words — including the red
// state, rendered to markup (tampering a real workspace from the e2e browser is not practical).
import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditVerifyResult, IdentityInfo, Role, SessionInfo } from '../../../src/shared/api/governance-types';
import { actionOptions, filterCount, filterFromForm, problemText, verifySummary } from '../../../src/renderer/features/audit/audit-logic';
import { adminOnlyNote, groupFingerprint, isAdmin, passphraseProblem, roleChoices, shortFingerprint, showFirstRun } from '../../../src/renderer/features/identities/identity-logic';

const FP = '3f9a0c12ab34cd56ef7890aa11bb22cc33dd44ee55ff66007788990011223344';

const identity = (name: string, roles: Role[]): IdentityInfo => ({ id: 'i1', name, roles, fingerprint: FP, publicKey: '', createdAt: '2026-01-01T00:00:00Z', active: true });
const session = (who: IdentityInfo | null, identitiesExist = true): SessionInfo => ({ identity: who, osUser: 'pat', governed: false, identitiesExist });

describe('fingerprints', () => {
  it.each([
    [FP, '3f9a 0c12 ab34 cd56 ef78 90aa 11bb 22cc 33dd 44ee 55ff 6600 7788 9900 1122 3344'],
    ['ABCDEF', 'abcd ef'],
    ['', ''],
  ])('%s in groups of four', (fp, want) => {
    expect(groupFingerprint(fp)).toBe(want);
  });
  it('the short form is the first four groups', () => {
    expect(shortFingerprint(FP)).toBe('3f9a 0c12 ab34 cd56');
  });
});

describe('passphrases typed twice', () => {
  it.each([
    ['', '', 'type a passphrase'],
    ['short', 'short', 'a passphrase has at least 8 characters'],
    ['long enough', '', 'type the passphrase again'],
    ['long enough', 'long enougH', 'the two passphrases differ'],
    ['long enough', 'long enough', null],
  ])('%j / %j → %s', (a, b, want) => {
    expect(passphraseProblem(a, b)).toBe(want);
  });
});

describe('roles', () => {
  it.each([
    [['admin'], 'grant', ['steward', 'approver', 'auditor']],
    [['admin'], 'revoke', ['admin']],
    [[], 'revoke', []],
    [['admin', 'steward', 'approver', 'auditor'], 'grant', []],
    [['approver', 'auditor'], 'revoke', ['approver', 'auditor']],
  ] as const)('%j, %s → %j', (roles, mode, want) => {
    expect(roleChoices({ roles: [...roles] }, mode)).toEqual(want);
  });

  it.each([
    ['no session yet', null, false, null],
    ['an admin', session(identity('alice', ['admin'])), true, null],
    ['an approver', session(identity('bob', ['approver'])), false, 'Only an admin can grant or revoke roles. You act as bob (approver).'],
    ['no role', session(identity('carol', [])), false, 'Only an admin can grant or revoke roles. You act as carol (no role).'],
    ['unsigned', session(null), false, 'Only an admin can grant or revoke roles. You act as pat (unsigned): switch to an admin identity first.'],
  ])('%s', (_name, s, admin, note) => {
    expect(isAdmin(s)).toBe(admin);
    expect(adminOnlyNote(s, 'grant or revoke roles')).toBe(note);
  });
});

describe('the first-run prompt', () => {
  it.each([
    ['a workspace without identities', session(null, false), '/ws', [], true],
    ['dismissed for this workspace', session(null, false), '/ws', ['/ws'], false],
    ['dismissed for another workspace only', session(null, false), '/ws', ['/other'], true],
    ['identities exist', session(null, true), '/ws', [], false],
    ['no session read yet', null, '/ws', [], false],
    ['no workspace', session(null, false), null, [], false],
  ])('%s → %s', (_name, s, ws, dismissed, want) => {
    expect(showFirstRun(s, ws, dismissed)).toBe(want);
  });
});

describe('the audit filter', () => {
  it('offers every group, the actions seen under their group, and unknown prefixes at the end', () => {
    const opts = actionOptions(['policy.saved', 'identity.granted', 'policy.transition', 'policy.saved', 'report.written']);
    const values = opts.map((o) => o.value);
    expect(values.slice(0, 3)).toEqual(['workspace.', 'dataset.', 'policy.']);
    expect(values.indexOf('policy.saved')).toBe(values.indexOf('policy.') + 1);
    expect(values.indexOf('policy.transition')).toBe(values.indexOf('policy.') + 2);
    expect(values.indexOf('identity.granted')).toBe(values.indexOf('identity.') + 1);
    expect(values.slice(-2)).toEqual(['report.', 'report.written']);
    expect(values.filter((v) => v === 'policy.saved')).toHaveLength(1);
    expect(opts.find((o) => o.value === 'policy.')).toEqual({ value: 'policy.', label: 'Policies and approvals (policy.*)', group: true });
  });

  it.each([
    [{ actor: '', action: '', subject: '' }, {}],
    [{ actor: '  alice ', action: '', subject: '' }, { actor: 'alice' }],
    [{ actor: '', action: 'policy.', subject: ' ds1 ' }, { action: 'policy.', subject: 'ds1' }],
    [{ actor: 'bob', action: 'identity.granted', subject: 'i2' }, { actor: 'bob', action: 'identity.granted', subject: 'i2' }],
  ])('%j → %j', (form, want) => {
    expect(filterFromForm(form)).toEqual(want);
    expect(filterCount(filterFromForm(form))).toBe(Object.keys(want).length);
  });
});

const at = (iso: string) => `AT(${iso})`;
// React and the TSX component must stay out of the node typecheck (React's global DOM shims would
// retype the e2e specs' DOM): loaded by computed specifiers at run time, where vitest compiles them.
const VIEW = '../../../src/renderer/features/audit/VerifyResult.tsx';
const load = async <T>(id: string): Promise<T> => (await import(/* @vite-ignore */ id)) as T;
async function renderView(props: { result: AuditVerifyResult; formatAt: (iso: string) => string }): Promise<string> {
  const { createElement } = await load<{ createElement: (type: unknown, props: unknown) => unknown }>('react');
  const { renderToStaticMarkup } = await load<{ renderToStaticMarkup: (element: unknown) => string }>('react-dom/server');
  const { VerifyResult } = await load<{ VerifyResult: unknown }>(VIEW);
  return renderToStaticMarkup(createElement(VerifyResult, props));
}
const intact: AuditVerifyResult = { ok: true, entries: 12, head: { seq: 12, hash: 'ab'.repeat(32) }, checkpoints: 1, firstBad: null, problems: [], verifiedAt: '2026-12-05T03:00:00Z' };
const tampered: AuditVerifyResult = {
  ok: false,
  entries: 12,
  head: { seq: 12, hash: 'cd'.repeat(32) },
  checkpoints: 2,
  firstBad: { seq: 5, kind: 'hash', message: 'entry 5 was altered: its hash does not match' },
  problems: [
    { seq: 5, kind: 'hash', message: 'entry 5 was altered: its hash does not match' },
    { seq: 6, kind: 'chain', message: '' },
    { seq: null, kind: 'checkpoint', message: 'checkpoint at #12 names another hash' },
  ],
  verifiedAt: '2026-12-05T03:00:00Z',
};

describe('the verification result', () => {
  it.each([
    ['intact', intact, 'ok', 'Intact: 12 entries, checked at AT(2026-12-05T03:00:00Z)', null, []],
    [
      'tampered',
      tampered,
      'bad',
      'Tampered: entry #5 failed verification (checked 12 entries at AT(2026-12-05T03:00:00Z))',
      'First bad: Entry #5: entry 5 was altered: its hash does not match (hash) — its hash does not match its contents.',
      ['Entry #5: entry 5 was altered: its hash does not match (hash)', 'Entry #6: it does not link to the entry before it (chain)', 'checkpoint at #12 names another hash (checkpoint)'],
    ],
    [
      'truncated, no entry named',
      { ...intact, ok: false, firstBad: { seq: null, kind: 'truncated', message: 'the log ends at #10 but a checkpoint holds #12' }, problems: [{ seq: null, kind: 'truncated', message: 'the log ends at #10 but a checkpoint holds #12' }] } as AuditVerifyResult,
      'bad',
      'Tampered: the log failed verification (checked 12 entries at AT(2026-12-05T03:00:00Z))',
      'First bad: the log ends at #10 but a checkpoint holds #12 (truncated) — entries are missing from the end.',
      ['the log ends at #10 but a checkpoint holds #12 (truncated)'],
    ],
  ] as const)('%s', (_name, r, tone, headline, first, problems) => {
    const s = verifySummary(r, at);
    expect(s.tone).toBe(tone);
    expect(s.headline).toBe(headline);
    expect(s.first).toBe(first);
    expect(s.problems).toEqual(problems);
  });

  it('names the head and the checkpoints checked', () => {
    expect(verifySummary(intact, at).facts).toEqual([`Head #12 ${'ab'.repeat(8)}…`, '1 checkpoint checked']);
    expect(verifySummary({ ...intact, entries: 0, head: null, checkpoints: 0 }, at).facts).toEqual(['The log is empty', '0 checkpoints checked']);
  });

  it('renders the red state as an alert naming the first bad entry and listing every problem', async () => {
    const html = await renderView({ result: tampered, formatAt: at });
    expect(html).toContain('audit-verify-bad');
    expect(html).toContain('role="alert"');
    expect(html).toContain('Tampered: entry #5 failed verification');
    expect(html).toContain('First bad: Entry #5');
    expect(html).toContain('<details open="">');
    expect((html.match(/<li>/g) ?? []).length).toBe(3);
    expect(html).not.toContain('audit-verify-ok');
  });

  it('renders the green state as a status without problems', async () => {
    const html = await renderView({ result: intact, formatAt: at });
    expect(html).toContain('audit-verify-ok');
    expect(html).toContain('role="status"');
    expect(html).toContain('Intact: 12 entries, checked at AT(2026-12-05T03:00:00Z)');
    expect(html).not.toContain('<details');
    expect(html).not.toContain('First bad');
  });
});

it('problemText falls back to the kind in words when the engine gave no message', () => {
  expect(problemText({ seq: 3, kind: 'signature', message: '' })).toBe('Entry #3: its signature does not verify (signature)');
});

describe('audit entries in words', () => {
  // audit-describe reuses the activity panel's describe, whose icon type lives in a TSX file: loaded at run time too.
  type Words = { describeAudit: (e: AuditEntry) => { title: string; detail: string }; humanAction: (action: string) => string };
  const words = () => load<Words>('../../../src/renderer/features/audit/audit-describe.ts');
  const entry = (action: string, details: Record<string, unknown>, subject: Record<string, string> = {}): AuditEntry => ({
    seq: 1, at: '2026-12-05T03:00:00Z', actor: 'alice', action, subject, details, payloadDigest: '', prevHash: '', hash: '', signer: null, signature: null,
  });
  it.each([
    [entry('identity.roleGranted', { name: 'bob', role: 'auditor', reason: 'joins internal audit' }), 'auditor granted to bob', 'joins internal audit'],
    [entry('identity.roleRevoked', { name: 'bob', role: 'approver', reason: 'left' }), 'approver revoked from bob', 'left'],
    [entry('identity.created', { name: 'alice', fingerprint: FP, firstOfWorkspace: true }), 'Identity alice created', 'the first of the workspace (admin) · key 3f9a0c12ab34cd56…'],
    [entry('identity.unlocked', { name: 'bob', previousActor: 'alice' }), 'bob unlocked their key', 'acting before: alice'],
    [entry('identity.unlockFailed', { name: 'bob', reason: 'wrong passphrase' }), 'Failed to unlock bob', 'wrong passphrase'],
    [entry('settings.governed', { governed: true, reason: 'audit season' }), 'Governed turned on', 'audit season'],
    [entry('settings.governed', { governed: false, reason: 'pilot ended' }), 'Governed turned off', 'pilot ended'],
    [entry('key.rotated', { from: 1, to: 2, reason: 'exposure' }), 'Workspace key rotated', 'generation 2 · exposure'],
    [entry('dataset.purged', { name: 'patients.csv', reason: 'erasure request' }, { dataset: 'ds1', version: '2' }), 'Purged patients.csv v2', 'erasure request'],
    [entry('dataset.deleted', {}, { dataset: 'ds1' }), 'Deleted dataset ds1', ''],
    [entry('policy.approved', { reason: 'looks right' }, { policy: 'p1' }), 'Policy: approved', 'policy p1 · looks right'],
    [entry('audit.checkpointKey', {}), 'Audit: checkpoint key', ''],
    // Policy transitions say which one they were (the tryout's auditor saw "Policy: transition" four times).
    [entry('policy.transition', { name: 'people', version: 1, action: 'submit', from: 'DRAFT', to: 'REVIEW', reason: 'ready' }, { policy: 'p1' }), 'Policy people v1 submitted for review', 'DRAFT → REVIEW · ready'],
    [entry('policy.transition', { name: 'people', version: 1, action: 'reject', from: 'REVIEW', to: 'DRAFT', reason: 'dates fail' }, { policy: 'p1' }), 'Policy people v1 rejected', 'REVIEW → DRAFT · dates fail'],
    [entry('policy.transition', { name: 'people', version: 2, action: 'approve', from: 'REVIEW', to: 'ACTIVE', reason: 'checked' }, { policy: 'p1' }), 'Policy people v2 approved', 'REVIEW → ACTIVE · checked'],
    [entry('policy.transition', { name: 'people', version: 1, action: 'superseded', from: 'ACTIVE', to: 'RETIRED', reason: 'replaced by v2: checked' }, { policy: 'p1' }), 'Policy people v1 retired (superseded)', 'ACTIVE → RETIRED · replaced by v2: checked'],
    [entry('policy.transition', { version: 3, action: 'retire' }, { policy: 'p1' }), 'Policy p1 v3 retired', ''],
    [entry('policy.saved', { name: 'people', version: 1, revision: 2, summary: 'dates day first' }, { policy: 'p1' }), 'Policy people v1 saved', 'revision 2 · dates day first'],
    [entry('policy.saved', { name: 'people', version: 1, revision: 1 }, { policy: 'p1' }), 'Policy people v1 saved', ''],
    [entry('clean.run', { kind: 'compliance', policy: 'people', policyVersion: 1, inputVersion: 1, outputVersion: 2, stamp: 'APPROVED', cellsChanged: 4, rowsRemoved: 0 }, { dataset: 'd1', run: 'r1' }), 'Compliance run of people v1', 'dataset d1 v1 → v2 · APPROVED · 4 cells changed, 0 rows removed'],
    [entry('clean.run', { kind: 'unapproved', policy: 'draft', policyVersion: 0, inputVersion: 2, outputVersion: 3, stamp: 'UNAPPROVED', cellsChanged: 1, rowsRemoved: 2 }, { dataset: 'd1', run: 'r2' }), 'Unapproved run of draft v0', 'dataset d1 v2 → v3 · UNAPPROVED · 1 cell changed, 2 rows removed'],
  ])('%#: %s', async (e, title, detail) => {
    expect((await words()).describeAudit(e)).toMatchObject({ title, detail });
  });
  it.each([
    ['identity.roleGranted', 'Identity: role granted'],
    ['workspace.keyUnprotected', 'Workspace: key unprotected'],
    ['dataset.risk_measured', 'Dataset: risk measured'],
    ['plain', 'Plain'],
  ])('%s → %s', async (action, want) => {
    expect((await words()).humanAction(action)).toBe(want);
  });
});
