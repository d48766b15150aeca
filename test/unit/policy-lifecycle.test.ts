// The policy state machine as a table: (state × actor role × action) → allowed (and where to) or
// refused (which guard, in words); separation of duties by name, submitter and shared key.
import { describe, expect, it } from 'vitest';
import { POLICY_ACTIONS, POLICY_STATES, type PolicyAction, type PolicyState, type Role } from '../../src/shared/api/governance-types';
import { decideTransition, type TransitionFacts } from '../../src/main/engine/policy/lifecycle';

const KEY = { alice: 'a'.repeat(64), bob: 'b'.repeat(64), zed: 'c'.repeat(64) };
const facts = (roles: Role[], name = 'zed', fingerprint = KEY.zed): TransitionFacts => ({
  actor: { name, fingerprint, roles: new Set(roles) },
  authors: [{ name: 'alice', fingerprint: KEY.alice }],
  submitter: { name: 'bob', fingerprint: KEY.bob },
  namesByKey: new Map([[KEY.alice, ['alice', 'mallory']], [KEY.bob, ['bob']]]),
});

const NEXT: Record<PolicyAction, [PolicyState, PolicyState, Role[]]> = {
  submit: ['DRAFT', 'REVIEW', ['steward', 'admin']],
  approve: ['REVIEW', 'ACTIVE', ['approver']],
  reject: ['REVIEW', 'DRAFT', ['approver']],
  retire: ['ACTIVE', 'RETIRED', ['approver', 'admin']],
};
const ROLES_TRIED: (Role | 'none')[] = ['admin', 'steward', 'approver', 'auditor', 'none'];

const cases = POLICY_STATES.flatMap((state) => ROLES_TRIED.flatMap((role) => POLICY_ACTIONS.map((action) => [state, role, action] as const)));

describe('decideTransition: state × role × action', () => {
  it.each(cases)('%s, %s, %s', (state, role, action) => {
    const [from, to, roles] = NEXT[action];
    const d = decideTransition(state, action, 3, facts(role === 'none' ? [] : [role]));
    if (state !== from) {
      expect(d).toEqual({ ok: false, code: 'FORBIDDEN', guard: 'state', message: expect.stringMatching(new RegExp(`^version 3 is ${state}: only an? ${from} version can be `)) });
    } else if (role === 'none' || !roles.includes(role)) {
      expect(d).toEqual({ ok: false, code: 'FORBIDDEN', guard: 'role', message: `zed ${role === 'none' ? 'holds no role' : `holds ${role}`}; a version is ${{ submit: 'submitted for review', approve: 'approved', reject: 'rejected', retire: 'retired' }[action]} by ${roles.join(' or ')}` });
    } else {
      expect(d).toEqual({ ok: true, from, to });
    }
  });

  it('says "an ACTIVE version"', () => {
    expect(decideTransition('RETIRED', 'retire', 2, facts(['admin']))).toMatchObject({ message: 'version 2 is RETIRED: only an ACTIVE version can be retired' });
  });

  it('needs an identity for every action', () => {
    for (const action of POLICY_ACTIONS) expect(decideTransition('DRAFT', action, 1, { ...facts([]), actor: null })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', guard: 'identity' });
  });
});

describe('separation of duties on approval', () => {
  it.each([
    ['the author by name (any case)', 'Alice', KEY.zed, 'approver Alice authored version 3'],
    ['the submitter', 'bob', KEY.zed, 'bob submitted version 3'],
    ["another name on the author's key", 'mallory', KEY.alice, 'mallory signs with the key of alice, who authored version 3'],
    ["another name on the submitter's key", 'robert', KEY.bob, 'robert signs with the key of bob, who submitted version 3'],
  ])('refuses %s', (_what, name, fp, message) => {
    expect(decideTransition('REVIEW', 'approve', 3, facts(['approver'], name, fp))).toEqual({ ok: false, code: 'FORBIDDEN', guard: 'separation-of-duties', message });
  });

  it('allows an independent approver, and lets the author reject (no duty conflict in sending back)', () => {
    expect(decideTransition('REVIEW', 'approve', 3, facts(['approver']))).toEqual({ ok: true, from: 'REVIEW', to: 'ACTIVE' });
    expect(decideTransition('REVIEW', 'reject', 3, facts(['approver'], 'alice', KEY.alice))).toEqual({ ok: true, from: 'REVIEW', to: 'DRAFT' });
  });

  it('never approves a version with an edit made without an identity: its author cannot be told apart', () => {
    const f = { ...facts(['approver'], 'zed', KEY.zed), authors: [{ name: 'osuser', fingerprint: null }], submitter: null };
    expect(decideTransition('REVIEW', 'approve', 1, f)).toMatchObject({
      ok: false, guard: 'separation-of-duties',
      message: 'version 1 has an edit saved without an identity (by osuser), so its author cannot be told apart from approver zed: a steward must save it again under an identity',
    });
    expect(decideTransition('REVIEW', 'approve', 1, { ...f, actor: { ...f.actor!, name: 'osuser' } })).toMatchObject({ ok: false, message: 'approver osuser authored version 1' });
    expect(decideTransition('REVIEW', 'reject', 1, f)).toMatchObject({ ok: true });
  });
});
