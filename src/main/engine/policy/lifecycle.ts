// The policy lifecycle as a pure decision: (state, action, who acts and what they did to the
// version) → the next state, or the refusal in words. The engine's transitions, the approval
// queue's canApprove and the unit table all call this one function.
import type { PolicyAction, PolicyAuthor, PolicyState, Role } from '../../../shared/api/governance-types';

export interface Actor {
  name: string;
  fingerprint: string;
  roles: ReadonlySet<Role>;
}

export interface TransitionFacts {
  /** The unlocked identity; null when none is (UNAUTHENTICATED). */
  actor: Actor | null;
  /** Every author of any revision of the version. */
  authors: readonly PolicyAuthor[];
  /** Who submitted the version for review last. */
  submitter: PolicyAuthor | null;
  /** Every trusted identity's name by key fingerprint (to name whose key a shared one is). */
  namesByKey?: ReadonlyMap<string, readonly string[]>;
}

export type Guard = 'identity' | 'state' | 'role' | 'separation-of-duties';

export type Decision =
  | { ok: true; from: PolicyState; to: PolicyState }
  | { ok: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; guard: Guard; message: string };

interface Rule {
  from: PolicyState;
  to: PolicyState;
  roles: readonly Role[];
  /** What the action is called in a refusal ("approved"). */
  done: string;
}

export const TRANSITIONS: Record<PolicyAction, Rule> = {
  submit: { from: 'DRAFT', to: 'REVIEW', roles: ['steward', 'admin'], done: 'submitted for review' },
  approve: { from: 'REVIEW', to: 'ACTIVE', roles: ['approver'], done: 'approved' },
  reject: { from: 'REVIEW', to: 'DRAFT', roles: ['approver'], done: 'rejected' },
  retire: { from: 'ACTIVE', to: 'RETIRED', roles: ['approver', 'admin'], done: 'retired' },
};

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Separation of duties for an approver: not an author of any revision of the version, not its
 * submitter — by name, and by key (another identity holding the same key is the same person).
 */
export function dutyConflict(actor: Actor, version: number, authors: readonly PolicyAuthor[], submitter: PolicyAuthor | null, namesByKey?: ReadonlyMap<string, readonly string[]>): string | null {
  const author = authors.find((a) => same(a.name, actor.name));
  if (author) return `approver ${actor.name} authored version ${version}`;
  if (submitter && same(submitter.name, actor.name)) return `${actor.name} submitted version ${version}`;
  const keyOwner = (fp: string) => namesByKey?.get(fp)?.find((n) => !same(n, actor.name));
  const byKey = authors.find((a) => a.fingerprint !== null && a.fingerprint === actor.fingerprint);
  if (byKey) return `${actor.name} signs with the key of ${keyOwner(actor.fingerprint) ?? byKey.name}, who authored version ${version}`;
  if (submitter?.fingerprint && submitter.fingerprint === actor.fingerprint) {
    return `${actor.name} signs with the key of ${keyOwner(actor.fingerprint) ?? submitter.name}, who submitted version ${version}`;
  }
  // An edit saved with no identity names only an operating-system user: whether that person is the
  // approver cannot be told, so such a version is not approved until a steward saves it signed.
  const unsigned = authors.find((a) => a.fingerprint === null);
  if (unsigned) return `version ${version} has an edit saved without an identity (by ${unsigned.name}), so its author cannot be told apart from approver ${actor.name}: a steward must save it again under an identity`;
  return null;
}

/** Whether `action` may move version `version` (now in `state`) on, and where to. */
export function decideTransition(state: PolicyState, action: PolicyAction, version: number, facts: TransitionFacts): Decision {
  const rule = TRANSITIONS[action];
  const { actor } = facts;
  if (!actor) return { ok: false, code: 'UNAUTHENTICATED', guard: 'identity', message: `A policy is ${rule.done} by a signed action: unlock your identity first (CLI: --as NAME).` };
  if (state !== rule.from) {
    return { ok: false, code: 'FORBIDDEN', guard: 'state', message: `version ${version} is ${state}: only ${rule.from === 'ACTIVE' ? 'an' : 'a'} ${rule.from} version can be ${rule.done}` };
  }
  if (!rule.roles.some((r) => actor.roles.has(r))) {
    const held = actor.roles.size ? `holds ${[...actor.roles].sort().join(', ')}` : 'holds no role';
    return { ok: false, code: 'FORBIDDEN', guard: 'role', message: `${actor.name} ${held}; a version is ${rule.done} by ${rule.roles.join(' or ')}` };
  }
  if (action === 'approve') {
    const conflict = dutyConflict(actor, version, facts.authors, facts.submitter, facts.namesByKey);
    if (conflict) return { ok: false, code: 'FORBIDDEN', guard: 'separation-of-duties', message: conflict };
  }
  return { ok: true, from: rule.from, to: rule.to };
}
