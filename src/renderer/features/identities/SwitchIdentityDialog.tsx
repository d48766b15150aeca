// Switching identity: pick one, type its passphrase (a wrong one is refused in place), or lock
// the key so actions are attributed to the OS user, unsigned.
import { useState } from 'react';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { notify } from '../notices/store';
import { shortFingerprint } from './identity-logic';
import { useSession } from './session-store';

export function SwitchIdentityDialog() {
  const switching = useSession((s) => s.switching);
  if (!switching) return null;
  return <SwitchForm first={switching.name} />;
}

function SwitchForm({ first }: { first: string | null }) {
  const session = useSession((s) => s.session);
  const identities = useSession((s) => s.identities);
  const close = useSession((s) => s.closeSwitch);
  const active = session?.identity?.name ?? null;
  const [name, setName] = useState(() => first ?? identities.find((i) => i.name !== active)?.name ?? identities[0]?.name ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);

  const unlock = async () => {
    if (busy || !name || !passphrase) return;
    setBusy(true);
    const r = await api.send('identity.unlock', { name, passphrase });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setPassphrase('');
      return;
    }
    useSession.getState().setSession(r.value);
    close();
    notify('success', `Acting as ${name}`, 'Actions are signed with this identity’s key.');
  };
  const lock = async () => {
    setBusy(true);
    const r = await api.send('identity.lock', {});
    setBusy(false);
    if (!r.ok) return setError(r.error);
    useSession.getState().setSession(r.value);
    close();
    notify('info', 'Identity locked', `Actions are attributed to ${r.value.osUser}, unsigned.`);
  };

  const current = session?.identity ? `${session.identity.name} (${session.identity.roles.join(', ') || 'no role'}), signed` : `${session?.osUser ?? 'the OS user'}, unsigned`;
  return (
    <Dialog
      title="Switch identity"
      subtitle={<>You act as {current}.</>}
      size="md"
      onClose={close}
      footer={
        <>
          {session?.identity ? (
            <button type="button" className="btn" disabled={busy} onClick={() => void lock()} title="Forget the unlocked key: later actions are unsigned">
              <Icon name="x" size={14} /> Lock {session.identity.name}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              close();
              useSession.getState().openCreate(!session?.identitiesExist);
            }}
          >
            <Icon name="plus" size={14} /> New identity…
          </button>
          <div className="spacer" />
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={busy || !name || !passphrase} onClick={() => void unlock()}>
            {busy ? <span className="spinner" aria-hidden="true" /> : <Icon name="shield" size={14} />} Switch
          </button>
        </>
      }
    >
      {identities.length === 0 ? (
        <p className="muted">This workspace has no identity yet. Create the first one: it becomes the admin.</p>
      ) : (
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void unlock();
          }}
        >
          {error ? (
            <ErrorBanner error={error} title={error.code === 'UNAUTHENTICATED' ? 'Not unlocked' : undefined}>
              {error.code === 'UNAUTHENTICATED' ? <p className="help">Check the passphrase of {name} and try again.</p> : null}
            </ErrorBanner>
          ) : null}
          <fieldset className="field id-fieldset id-pick">
            <legend className="field-label">Identity</legend>
            {identities.map((i) => (
              <label key={i.id} className={`id-pick-row ${name === i.name ? 'is-on' : ''}`}>
                <input type="radio" name="switch-identity" value={i.name} checked={name === i.name} onChange={() => setName(i.name)} />
                <span className="id-pick-name">{i.name}</span>
                <span className="faint">{i.roles.join(', ') || 'no role'}</span>
                <span className="mono faint id-pick-fp" title={i.fingerprint}>
                  {shortFingerprint(i.fingerprint)}
                </span>
                {i.name === active ? <span className="badge badge-accent">acting</span> : null}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label className="field-label" htmlFor="switch-passphrase">
              Passphrase of {name || '…'}
            </label>
            <input id="switch-passphrase" className="input" type="password" autoComplete="current-password" value={passphrase} data-autofocus onChange={(e) => setPassphrase(e.target.value)} />
          </div>
        </form>
      )}
    </Dialog>
  );
}
