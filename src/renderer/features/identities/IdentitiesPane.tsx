// The identity and role manager: every identity with its roles (derived from the signed record),
// its key fingerprint to check out of band, who acts now; create, switch, grant and revoke.
import { useEffect, useState } from 'react';
import type { IdentityInfo } from '../../../shared/api/governance-types';
import { formatDateTime, formatRelative } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { Fingerprint } from './Fingerprint';
import { adminOnlyNote } from './identity-logic';
import { RoleDialog } from './RoleDialog';
import { useSession } from './session-store';
import './identities.css';

export function IdentitiesPane() {
  const session = useSession((s) => s.session);
  const identities = useSession((s) => s.identities);
  const error = useSession((s) => s.error);
  const [roleEdit, setRoleEdit] = useState<{ identity: IdentityInfo; mode: 'grant' | 'revoke' } | null>(null);
  useEffect(() => {
    void useSession.getState().load();
  }, []);
  const note = adminOnlyNote(session, 'grant or revoke roles');

  return (
    <div className="gpane id-pane">
      <div className="gpane-head">
        <p className="muted gpane-intro">
          Who may do what here. Roles are replayed from grants and revocations signed by an admin in the audit log; compare fingerprints out of band before trusting a key.
        </p>
        <button type="button" className="btn" onClick={() => useSession.getState().openSwitch()}>
          <Icon name="shield" size={14} /> Switch identity…
        </button>
        <button type="button" className="btn btn-primary" onClick={() => useSession.getState().openCreate(!session?.identitiesExist)}>
          <Icon name="plus" size={14} /> New identity…
        </button>
      </div>
      {error ? <ErrorBanner error={error} title="The identities could not be read" /> : null}
      {note && identities.length > 0 ? (
        <p className="banner id-note" role="note">
          <Icon name="info" size={15} /> {note}
        </p>
      ) : null}
      {identities.length === 0 && !error ? (
        <EmptyState icon="shield" title="No identity yet">
          <p>Create the first identity: it becomes the admin of this workspace. Until then actions are recorded as {session?.osUser ?? 'the OS user'}, unsigned.</p>
          <button type="button" className="btn btn-primary" onClick={() => useSession.getState().openCreate(true)}>
            Create the first identity…
          </button>
        </EmptyState>
      ) : (
        <table className="gtable id-table" aria-label="Identities">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
              <th scope="col">Key fingerprint (SHA-256)</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {identities.map((i) => (
              <tr key={i.id} aria-label={i.name} className={i.active ? 'is-acting' : undefined}>
                <th scope="row">
                  <span className="id-name">{i.name}</span> {i.active ? <span className="badge badge-accent">acting</span> : null}
                  <div className="faint id-sub">{i.id}</div>
                </th>
                <td>
                  {i.roles.length === 0 ? <span className="faint">no role</span> : i.roles.map((r) => <span key={r} className={`badge id-role id-role-${r}`}>{r}</span>)}
                </td>
                <td>
                  <Fingerprint value={i.fingerprint} label={i.name} />
                </td>
                <td title={formatDateTime(i.createdAt)}>{formatRelative(i.createdAt)}</td>
                <td className="id-actions">
                  <button type="button" className="btn btn-sm" aria-label={`Grant a role to ${i.name}`} onClick={() => setRoleEdit({ identity: i, mode: 'grant' })}>
                    Grant…
                  </button>
                  <button type="button" className="btn btn-sm" aria-label={`Revoke a role from ${i.name}`} disabled={i.roles.length === 0} onClick={() => setRoleEdit({ identity: i, mode: 'revoke' })}>
                    Revoke…
                  </button>
                  {!i.active ? (
                    <button type="button" className="btn btn-sm btn-ghost" aria-label={`Switch to ${i.name}`} onClick={() => useSession.getState().openSwitch(i.name)}>
                      Switch…
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {roleEdit ? <RoleDialog identity={roleEdit.identity} mode={roleEdit.mode} onClose={() => setRoleEdit(null)} /> : null}
    </div>
  );
}
