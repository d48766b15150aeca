// Granting or revoking a role: which role, and why (the reason is signed into the audit log). A
// refusal (not an admin, the last admin stepping down) is shown in place, in the engine's words.
import { useState } from 'react';
import type { IdentityInfo, Role } from '../../../shared/api/governance-types';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { FormDialog } from '../../ui/FormDialog';
import { notify } from '../notices/store';
import { adminOnlyNote, roleChoices, ROLE_HINT } from './identity-logic';
import { useSession } from './session-store';

export function RoleDialog({ identity, mode, onClose }: { identity: IdentityInfo; mode: 'grant' | 'revoke'; onClose: () => void }) {
  const session = useSession((s) => s.session);
  const choices = roleChoices(identity, mode);
  const [role, setRole] = useState<Role | ''>(choices[0] ?? '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const note = adminOnlyNote(session, 'grant or revoke roles');

  const submit = async () => {
    if (!role) return;
    setBusy(true);
    const r = await api.send(mode === 'grant' ? 'identity.grant' : 'identity.revoke', { name: identity.name, role, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onClose();
    await useSession.getState().load();
    notify('success', mode === 'grant' ? `${identity.name} is now ${role}` : `${identity.name} is no longer ${role}`, `Signed by ${session?.identity?.name ?? '?'}: ${reason.trim()}`);
  };

  return (
    <FormDialog
      title={mode === 'grant' ? `Grant a role to ${identity.name}` : `Revoke a role from ${identity.name}`}
      subtitle="Signed by you and recorded in the audit log with the reason."
      onClose={onClose}
      error={error}
      errorTitle={error?.code === 'FORBIDDEN' ? 'Refused' : undefined}
      submit={mode === 'grant' ? 'Grant role' : 'Revoke role'}
      icon="shield"
      busy={busy}
      disabled={!role || reason.trim().length < 3}
      onSubmit={() => void submit()}
    >
      {note ? (
        <p className="banner id-note" role="note">
          {note}
        </p>
      ) : null}
      {choices.length === 0 ? (
        <p className="muted">{mode === 'grant' ? `${identity.name} already holds every role.` : `${identity.name} holds no role.`}</p>
      ) : (
        <fieldset className="field id-fieldset">
          <legend className="field-label">Role</legend>
          {choices.map((r) => (
            <label key={r} className="check id-role-choice">
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              <span>
                <strong>{r}</strong> <span className="faint">— {ROLE_HINT[r]}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="field">
        <label className="field-label" htmlFor="role-reason">
          Reason
        </label>
        <input id="role-reason" className="input" value={reason} data-autofocus onChange={(e) => setReason(e.target.value)} />
        <span className="help">At least 3 characters, e.g. “joins the privacy office”.</span>
      </div>
    </FormDialog>
  );
}
