// Audit entries in words: the governance actions (identities, roles, settings, the workspace key,
// purges, checkpoints) here, the data actions by the activity panel's describe, and any other
// action as readable words with its reason — never the bare action name twice.
import type { AuditEntry } from '../../../shared/api/governance-types';
import { plural } from '../../lib/format';
import { describe, type Described } from '../log/describe';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** "identity.roleGranted" → "Identity: role granted". */
export function humanAction(action: string): string {
  const [head = '', ...rest] = action.split('.');
  const words = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  const first = words(head);
  const title = first.charAt(0).toUpperCase() + first.slice(1);
  return rest.length ? `${title}: ${words(rest.join(' '))}` : title;
}

/** "people-clean v2", from a policy event's details (its name, else its id). */
function policyLabel(d: Record<string, unknown>, e: AuditEntry): string {
  const v = num(d.version);
  return `${str(d.name) ?? e.subject.policy ?? '?'}${v !== null ? ` v${v}` : ''}`;
}

function governance(e: AuditEntry): Described | null {
  const d = e.details;
  const name = str(d.name) ?? e.subject.identity ?? '?';
  const reason = str(d.reason) ?? '';
  switch (e.action) {
    case 'identity.created':
      return { icon: 'shield', title: `Identity ${name} created`, detail: [d.firstOfWorkspace === true ? 'the first of the workspace (admin)' : '', str(d.fingerprint) ? `key ${str(d.fingerprint)!.slice(0, 16)}…` : ''].filter(Boolean).join(' · ') };
    case 'identity.roleGranted':
      return { icon: 'shield', title: `${str(d.role) ?? 'A role'} granted to ${name}`, detail: reason };
    case 'identity.roleRevoked':
      return { icon: 'shield', title: `${str(d.role) ?? 'A role'} revoked from ${name}`, detail: reason };
    case 'identity.unlocked':
      return { icon: 'shield', title: `${name} unlocked their key`, detail: str(d.previousActor) ? `acting before: ${str(d.previousActor)}` : '' };
    case 'identity.unlockFailed':
      return { icon: 'alert', title: `Failed to unlock ${name}`, detail: reason };
    case 'identity.locked':
      return { icon: 'shield', title: `${name} locked their key`, detail: 'later actions unsigned' };
    case 'settings.governed':
      return { icon: 'shield', title: d.governed === true ? 'Governed turned on' : 'Governed turned off', detail: reason };
    case 'key.backedUp':
    case 'key.rotated':
    case 'key.restored': {
      const verb = e.action === 'key.backedUp' ? 'backed up' : e.action === 'key.rotated' ? 'rotated' : 'restored';
      const gen = num(d.to) ?? num(d.generation);
      return { icon: 'refresh', title: `Workspace key ${verb}`, detail: [gen !== null ? `generation ${gen}` : '', reason].filter(Boolean).join(' · ') };
    }
    case 'policy.transition': {
      // Which transition it was matters most to an auditor: say it, with the states and the reason.
      const verbs: Record<string, string> = { submit: 'submitted for review', approve: 'approved', reject: 'rejected', retire: 'retired', superseded: 'retired (superseded)' };
      const act = str(d.action);
      const verb = (act && verbs[act]) ?? act ?? 'changed state';
      const states = str(d.from) && str(d.to) ? `${str(d.from)} → ${str(d.to)}` : '';
      return { icon: 'shield', title: `Policy ${policyLabel(d, e)} ${verb}`, detail: [states, reason].filter(Boolean).join(' · ') };
    }
    case 'policy.saved': {
      const rev = num(d.revision);
      return { icon: 'save', title: `Policy ${policyLabel(d, e)} saved`, detail: [rev !== null && rev > 1 ? `revision ${rev}` : '', str(d.summary) ?? ''].filter(Boolean).join(' · ') };
    }
    case 'clean.run': {
      const pv = num(d.policyVersion);
      const policy = str(d.policy) ? `${str(d.policy)}${pv !== null ? ` v${pv}` : ''}` : 'a policy';
      const kind = d.kind === 'compliance' ? 'Compliance run' : d.kind === 'unapproved' ? 'Unapproved run' : 'Run';
      const inV = num(d.inputVersion);
      const outV = num(d.outputVersion);
      const versions = e.subject.dataset && inV !== null && outV !== null ? `dataset ${e.subject.dataset} v${inV} → v${outV}` : '';
      const counts = num(d.cellsChanged) !== null && num(d.rowsRemoved) !== null ? `${plural(num(d.cellsChanged) ?? 0, 'cell')} changed, ${plural(num(d.rowsRemoved) ?? 0, 'row')} removed` : '';
      return { icon: 'play', title: `${kind} of ${policy}`, detail: [versions, str(d.stamp) ?? '', counts].filter(Boolean).join(' · ') };
    }
    case 'dataset.purged':
      return { icon: 'trash', title: `Purged ${str(d.name) ?? e.subject.dataset ?? 'a dataset'}${e.subject.version ? ` v${e.subject.version}` : ''}`, detail: reason };
    default:
      return null;
  }
}

export function describeAudit(e: AuditEntry): Described {
  const own = governance(e);
  if (own) return own;
  const known = describe(e);
  if (known.title !== e.action) return known;
  const reason = str(e.details.reason);
  const subjects = Object.entries(e.subject).map(([k, v]) => `${k} ${v}`).join(' · ');
  return { icon: known.icon, title: humanAction(e.action), detail: [subjects, reason ?? ''].filter(Boolean).join(' · ') };
}
