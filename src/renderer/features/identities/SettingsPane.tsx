// Workspace settings: governed on/off (admin only, with a reason), the workspace key's generation
// and fingerprint, backing the key up to an encrypted file, and rotating it.
import { useEffect, useState } from 'react';
import { formatCount } from '../../lib/format';
import { ErrorBanner } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { Fingerprint } from './Fingerprint';
import { adminOnlyNote } from './identity-logic';
import { BackupKeyDialog, GovernedDialog, RotateKeyDialog } from './SettingsDialogs';
import { useSession } from './session-store';
import './identities.css';

type Open = 'governed' | 'backup' | 'rotate' | null;

export function SettingsPane() {
  const settings = useSession((s) => s.settings);
  const error = useSession((s) => s.settingsError);
  const session = useSession((s) => s.session);
  const [open, setOpen] = useState<Open>(null);
  useEffect(() => {
    void useSession.getState().loadSettings();
    void useSession.getState().load();
  }, []);
  const note = adminOnlyNote(session, 'change these settings');

  return (
    <div className="gpane set-pane">
      {error ? <ErrorBanner error={error} title="The settings could not be read" /> : null}
      {note ? (
        <p className="banner id-note" role="note">
          <Icon name="info" size={15} /> {note}
        </p>
      ) : null}
      <section className="set-card" aria-labelledby="set-governed">
        <div className="set-card-text">
          <h2 id="set-governed" className="set-title">
            Governed workspace{' '}
            {settings ? <span className={`badge ${settings.governed ? 'badge-success' : ''}`} data-testid="governed-state">{settings.governed ? 'on' : 'off'}</span> : null}
          </h2>
          <p className="muted">
            When on, cleaning runs need an ACTIVE, approved policy (compliance runs); previews still work. Unapproved runs from a policy file or preset are refused. Turning it on or off is signed and audited.
          </p>
        </div>
        <button type="button" className="btn" disabled={!settings} onClick={() => setOpen('governed')}>
          {settings?.governed ? 'Turn off…' : 'Turn on…'}
        </button>
      </section>
      <section className="set-card" aria-labelledby="set-key">
        <div className="set-card-text">
          <h2 id="set-key" className="set-title">
            Workspace key
          </h2>
          <p className="muted">The secret behind pseudonyms (keyed hashes). Every run records the generation it used; the key itself is never shown.</p>
          {settings ? (
            <dl className="facts set-facts">
              <div className="fact">
                <dt>Generation</dt>
                <dd data-testid="key-generation">{formatCount(settings.keyGeneration)}</dd>
              </div>
              <div className="fact">
                <dt>Fingerprint</dt>
                <dd>
                  <Fingerprint value={settings.keyFingerprint} label="the workspace key" />
                </dd>
              </div>
              <div className="fact">
                <dt>Workspace id</dt>
                <dd className="mono">{settings.workspaceId}</dd>
              </div>
            </dl>
          ) : null}
        </div>
        <div className="set-actions">
          <button type="button" className="btn" disabled={!settings} onClick={() => setOpen('backup')}>
            <Icon name="download" size={14} /> Back up the key…
          </button>
          <button type="button" className="btn btn-danger" disabled={!settings} onClick={() => setOpen('rotate')}>
            <Icon name="refresh" size={14} /> Rotate the key…
          </button>
        </div>
      </section>
      {settings && open === 'governed' ? <GovernedDialog settings={settings} onClose={() => setOpen(null)} /> : null}
      {settings && open === 'backup' ? <BackupKeyDialog settings={settings} onClose={() => setOpen(null)} /> : null}
      {settings && open === 'rotate' ? <RotateKeyDialog settings={settings} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
