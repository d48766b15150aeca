// The policy lifecycle as the screens show it: a badge per state, the actions a state offers (the
// engine decides whether they are allowed), and the reason every transition needs.
import type { PolicyAction, PolicyState } from '../../../shared/api/governance-types';
import { reasonSchema } from '../../../shared/api/governance-types';
import { joinPath } from '../../lib/format';

export interface StateBadge {
  label: string;
  /** The badge's colour class (controls.css). */
  tone: 'badge-warning' | 'badge-accent' | 'badge-success' | '';
  /** What the state means, for a tooltip and screen readers. */
  meaning: string;
}

const BADGES: Record<PolicyState, StateBadge> = {
  DRAFT: { label: 'Draft', tone: '', meaning: 'Being written; not yet submitted for review.' },
  REVIEW: { label: 'In review', tone: 'badge-warning', meaning: 'Waiting for an approver; it cannot be edited meanwhile.' },
  ACTIVE: { label: 'Active', tone: 'badge-success', meaning: 'Approved: compliance runs use this version.' },
  RETIRED: { label: 'Retired', tone: 'badge-accent', meaning: 'No longer in force; kept for the record.' },
};

export function stateBadge(state: PolicyState): StateBadge {
  return BADGES[state];
}

export interface ActionInfo {
  action: PolicyAction;
  /** The button: "Submit for review…". */
  button: string;
  /** The dialog's title and primary button. */
  title: string;
  verb: string;
  /** For the notice afterwards: “… version 2 approved”. */
  done: string;
  to: PolicyState;
  /** What happens, said before the reason is asked for. */
  explain: string;
  placeholder: string;
  tone: 'default' | 'danger';
}

const ACTIONS: Record<PolicyAction, ActionInfo> = {
  submit: {
    action: 'submit', button: 'Submit for review…', title: 'Submit for review', verb: 'Submit', done: 'submitted for review', to: 'REVIEW',
    explain: 'The version is checked and previewed, then waits for an approver. It cannot be edited while in review.',
    placeholder: 'e.g. Ready: city aliases agreed with the registry team', tone: 'default',
  },
  approve: {
    action: 'approve', button: 'Approve…', title: 'Approve', verb: 'Approve', done: 'approved', to: 'ACTIVE',
    explain: 'The version becomes ACTIVE: compliance runs use it. An ACTIVE version it replaces is retired.',
    placeholder: 'e.g. Checked the diff and the preview counts', tone: 'default',
  },
  reject: {
    action: 'reject', button: 'Reject…', title: 'Reject', verb: 'Reject', done: 'rejected', to: 'DRAFT',
    explain: 'The version goes back to DRAFT for its author to change. Say what must change.',
    placeholder: 'e.g. The phone step drops the country code', tone: 'danger',
  },
  retire: {
    action: 'retire', button: 'Retire…', title: 'Retire', verb: 'Retire', done: 'retired', to: 'RETIRED',
    explain: 'The version stops being in force: compliance runs are no longer possible with it. It stays in the history.',
    placeholder: 'e.g. Replaced by the 2027 rules', tone: 'danger',
  },
};

export function actionInfo(action: PolicyAction): ActionInfo {
  return ACTIONS[action];
}

/** The actions offered on a version in `state` (from the detail screen; approve/reject live in the queue). */
export function actionsFor(state: PolicyState, where: 'detail' | 'queue'): PolicyAction[] {
  if (where === 'queue') return state === 'REVIEW' ? ['approve', 'reject'] : [];
  if (state === 'DRAFT') return ['submit'];
  if (state === 'ACTIVE') return ['retire'];
  return [];
}

/** The reason as the engine will see it, or why it is not acceptable yet. */
export function checkReason(text: string): { ok: true; reason: string } | { ok: false; message: string } {
  const r = reasonSchema.safeParse(text);
  if (r.success) return { ok: true, reason: r.data };
  return { ok: false, message: r.error.issues[0]?.message ?? 'give a reason' };
}

/** A fingerprint as people compare it out of band: groups of four, the first 16 hex digits. */
export function shortFingerprint(fp: string | null): string {
  if (!fp) return 'unsigned';
  return (fp.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}

/** What saving the editor's draft does to a policy whose newest version is in `state`. */
export function saveOutcome(state: PolicyState | null, latest: number | null): { allowed: boolean; text: string } {
  if (state === null || latest === null) return { allowed: true, text: 'Saves a new policy (version 1, a DRAFT).' };
  if (state === 'DRAFT') return { allowed: true, text: `Saves a new revision of the DRAFT version ${latest}.` };
  if (state === 'REVIEW') {
    return { allowed: false, text: `Version ${latest} is in review: it cannot be changed until an approver approves or rejects it.` };
  }
  const what = state === 'ACTIVE' ? 'is ACTIVE' : 'is RETIRED';
  return { allowed: true, text: `Version ${latest} ${what} and stays as it is: saving creates a new DRAFT version ${latest + 1}.` };
}

/** Where a version's signed approval is written by default: the workspace's exports folder. */
export function approvalPath(workspace: string, name: string, version: number): string {
  const base = name.trim().replace(/[\\/:*?"<>|]+/g, '_').replace(/\s+/g, '-').toLowerCase() || 'policy';
  return joinPath(joinPath(workspace, 'exports'), `${base}-v${version}.approval.json`);
}
