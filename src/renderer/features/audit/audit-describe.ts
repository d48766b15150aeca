// Audit entries in words: the governance actions (identities, roles, settings, the workspace key,
// purges, checkpoints) here, the data actions by the activity panel's describe, and any other
// action as readable words with its reason — never the bare action name twice.
import type { AuditEntry } from '../../../shared/api/governance-types';
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
