// The audit screen's pure parts: the action filter's choices (groups like "policy.*" and the
// actions seen), the filter sent to the engine, and a verification result in plain words.
import type { AuditFilter, AuditProblem, AuditVerifyResult } from '../../../shared/api/governance-types';
import { plural } from '../../lib/format';

/** The action groups every workspace has, in the order a reader looks for them. */
export const ACTION_GROUPS: readonly { prefix: string; label: string }[] = [
  { prefix: 'workspace.', label: 'Workspace' },
  { prefix: 'dataset.', label: 'Datasets' },
  { prefix: 'policy.', label: 'Policies and approvals' },
  { prefix: 'clean.', label: 'Cleaning runs' },
  { prefix: 'pii.', label: 'Personal data' },
  { prefix: 'dedupe.', label: 'Duplicates' },
  { prefix: 'identity.', label: 'Identities and roles' },
  { prefix: 'settings.', label: 'Settings' },
  { prefix: 'key.', label: 'Workspace key' },
  { prefix: 'audit.', label: 'Audit log' },
];

export interface ActionOption {
  value: string;
  label: string;
  group: boolean;
}

/** Every group (and any other prefix seen), each followed by the actions seen in it, sorted. */
export function actionOptions(seen: Iterable<string>): ActionOption[] {
  const actions = [...new Set(seen)].sort();
  const groups = [...ACTION_GROUPS];
  for (const a of actions) {
    const dot = a.indexOf('.');
    const prefix = dot > 0 ? a.slice(0, dot + 1) : null;
    if (prefix && !groups.some((g) => g.prefix === prefix)) groups.push({ prefix, label: prefix.slice(0, -1) });
  }
  return groups.flatMap((g) => [
    { value: g.prefix, label: `${g.label} (${g.prefix}*)`, group: true },
    ...actions.filter((a) => a.startsWith(g.prefix)).map((a) => ({ value: a, label: a, group: false })),
  ]);
}

export interface FilterForm {
  actor: string;
  action: string;
  subject: string;
}

/** The form as the engine's filter: trimmed, empty fields left out. */
export function filterFromForm(f: FilterForm): AuditFilter {
  const out: AuditFilter = {};
  const actor = f.actor.trim();
  const action = f.action.trim();
  const subject = f.subject.trim();
  if (actor) out.actor = actor;
  if (action) out.action = action;
  if (subject) out.subject = subject;
  return out;
}

export function filterCount(f: AuditFilter): number {
  return Object.values(f).filter((v) => v !== undefined && v !== '').length;
}

const KIND: Record<AuditProblem['kind'], string> = {
  hash: 'its hash does not match its contents',
  chain: 'it does not link to the entry before it',
  sequence: 'the sequence numbers are out of order',
  signature: 'its signature does not verify',
  unauthorised: 'it was signed by a key that was not trusted for it',
  checkpoint: 'a checkpoint does not match the log',
  truncated: 'entries are missing from the end',
};

export function problemText(p: AuditProblem): string {
  const where = p.seq === null ? '' : `Entry #${p.seq}: `;
  return `${where}${p.message || KIND[p.kind]} (${p.kind})`;
}

export interface VerifySummary {
  tone: 'ok' | 'bad';
  headline: string;
  /** The first bad entry and why (null when intact). */
  first: string | null;
  facts: string[];
  problems: string[];
}

export function verifySummary(r: AuditVerifyResult, formatAt: (iso: string) => string): VerifySummary {
  const at = formatAt(r.verifiedAt);
  const facts = [
    r.head ? `Head #${r.head.seq} ${r.head.hash.slice(0, 16)}…` : 'The log is empty',
    `${plural(r.checkpoints, 'checkpoint')} checked`,
  ];
  if (r.ok) {
    return { tone: 'ok', headline: `Intact: ${plural(r.entries, 'entry', 'entries')}, checked at ${at}`, first: null, facts, problems: [] };
  }
  const first = r.firstBad ?? r.problems[0] ?? null;
  const where = first?.seq != null ? `entry #${first.seq}` : 'the log';
  return {
    tone: 'bad',
    headline: `Tampered: ${where} failed verification (checked ${plural(r.entries, 'entry', 'entries')} at ${at})`,
    first: first ? `First bad: ${problemText(first)} — ${KIND[first.kind]}.` : 'Verification failed without naming an entry.',
    facts,
    problems: r.problems.map(problemText),
  };
}
