// Creating an identity: a name, a passphrase typed twice (it encrypts the private key; it cannot be
// recovered), and roles when an admin creates it. The workspace's first identity is its admin.
import { useState } from 'react';
import { ROLES, type Role } from '../../../shared/api/governance-types';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { FormDialog } from '../../ui/FormDialog';
import { notify } from '../notices/store';
import { isAdmin, passphraseProblem, ROLE_HINT } from './identity-logic';
import { useSession } from './session-store';

export function CreateIdentityDialog() {
  const creating = useSession((s) => s.creating);
  if (!creating) return null;
  return <CreateForm first={creating.first} />;
}

function CreateForm({ first }: { first: boolean }) {
  const session = useSession((s) => s.session);
  const close = useSession((s) => s.closeCreate);
  const admin = isAdmin(session);
  const [name, setName] = useState('');
  const [pass1, setPass1] = useState('');
  const [pass2, setPass2] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const problem = name.trim() === '' ? 'give the identity a name' : passphraseProblem(pass1, pass2);

  const submit = async () => {
    setTried(true);
    if (problem) return;
    setBusy(true);
    // The first identity acts at once (it is the admin); an admin creating another stays who they are.
    const r = await api.send('identity.create', { name: name.trim(), passphrase: pass1, roles: first ? [] : roles, activate: first || !session?.identity });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    close();
    await useSession.getState().load();
    notify('success', `Identity ${r.value.name} created`, `${r.value.roles.join(', ') || 'no role'} · fingerprint ${r.value.fingerprint.slice(0, 16)}…`);
  };

  return (
    <FormDialog
      title={first ? 'Create the first identity' : 'New identity'}
      subtitle={first ? 'It becomes the admin of this workspace: it grants roles and changes settings.' : 'An Ed25519 key pair; the private key is encrypted with the passphrase.'}
      onClose={close}
      error={error}
      submit="Create identity"
      icon="plus"
      busy={busy}
      onSubmit={() => void submit()}
    >
      <div className="field">
        <label className="field-label" htmlFor="id-name">
          Name
        </label>
        <input id="id-name" className="input" value={name} data-autofocus autoComplete="off" spellCheck={false} onChange={(e) => setName(e.target.value)} />
        <span className="help">What people type after --as on the command line.</span>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="id-pass1">
          Passphrase
        </label>
        <input id="id-pass1" className="input" type="password" autoComplete="new-password" value={pass1} onChange={(e) => setPass1(e.target.value)} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="id-pass2">
          Passphrase again
        </label>
        <input id="id-pass2" className="input" type="password" autoComplete="new-password" value={pass2} onChange={(e) => setPass2(e.target.value)} />
        <span className={`help ${tried && problem ? 'id-problem' : ''}`} role={tried && problem ? 'alert' : undefined}>
          {tried && problem ? `Cannot create yet: ${problem}.` : 'At least 8 characters; a sentence is better. It cannot be recovered if lost.'}
        </span>
      </div>
      {first ? null : (
        <fieldset className="field id-fieldset">
          <legend className="field-label">Roles</legend>
          {!admin ? <p className="help">Only an admin can give roles: the identity starts with none.</p> : null}
          <div className="id-roles-pick">
            {ROLES.map((r) => (
              <label key={r} className="check" title={ROLE_HINT[r]}>
                <input type="checkbox" disabled={!admin} checked={roles.includes(r)} onChange={(e) => setRoles((rs) => (e.target.checked ? [...rs, r] : rs.filter((x) => x !== r)))} />
                {r}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </FormDialog>
  );
}
