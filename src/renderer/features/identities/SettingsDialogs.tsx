// The settings' three admin actions, each a small form: governed on/off with a reason, the key
// backup (where, and a passphrase typed twice), the key rotation (a reason, and what changes).
import { useState } from 'react';
import type { WorkspaceSettings } from '../../../shared/api/governance-types';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { joinPath } from '../../lib/format';
import { FormDialog } from '../../ui/FormDialog';
import { existingFile, ReplaceQuestion } from '../../ui/ReplaceQuestion';
import { SavePathField } from '../export/FileJobDialog';
import { notify } from '../notices/store';
import { useWorkspace } from '../workspace/store';
import { passphraseProblem } from './identity-logic';
import { useSession } from './session-store';

interface Props {
  settings: WorkspaceSettings;
  onClose: () => void;
}

function ReasonField({ id, value, set, example }: { id: string; value: string; set: (v: string) => void; example: string }) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Reason
      </label>
      <input id={id} className="input" value={value} data-autofocus onChange={(e) => set(e.target.value)} />
      <span className="help">Signed into the audit log. At least 3 characters, e.g. “{example}”.</span>
    </div>
  );
}

export function GovernedDialog({ settings, onClose }: Props) {
  const on = !settings.governed;
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const submit = async () => {
    setBusy(true);
    const r = await api.send('settings.setGoverned', { governed: on, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    useSession.setState({ settings: r.value });
    void useSession.getState().load();
    onClose();
    notify('success', on ? 'The workspace is governed' : 'The workspace is no longer governed', on ? 'Only previews and compliance runs of ACTIVE policies are allowed.' : 'Unapproved runs are allowed again.');
  };
  return (
    <FormDialog
      title={on ? 'Turn governed on' : 'Turn governed off'}
      subtitle={on ? 'Unapproved runs will be refused; previews and compliance runs stay allowed.' : 'Unapproved runs (policy files, presets) will be allowed again.'}
      onClose={onClose}
      error={error}
      errorTitle={error?.code === 'FORBIDDEN' || error?.code === 'UNAUTHENTICATED' ? 'Refused' : undefined}
      submit={on ? 'Turn on' : 'Turn off'}
      icon="shield"
      busy={busy}
      disabled={reason.trim().length < 3}
      onSubmit={() => void submit()}
    >
      <ReasonField id="governed-reason" value={reason} set={setReason} example={on ? 'audit season starts' : 'pilot ended'} />
    </FormDialog>
  );
}

export function BackupKeyDialog({ settings, onClose }: Props) {
  const workspace = useWorkspace((s) => s.info?.path ?? '');
  const [path, setPath] = useState(() => joinPath(joinPath(workspace, 'exports'), `workspace-key-g${settings.keyGeneration}.json`));
  const [pass1, setPass1] = useState('');
  const [pass2, setPass2] = useState('');
  const [replacing, setReplacing] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const problem = path.trim() === '' ? 'choose where to save it' : passphraseProblem(pass1, pass2);
  const submit = async (force: boolean) => {
    setTried(true);
    if (problem) return;
    setBusy(true);
    const r = await api.send('key.backup', { path: path.trim(), passphrase: pass1, force });
    setBusy(false);
    if (!r.ok) {
      const file = existingFile(r.error);
      if (file !== null && !force) return setReplacing(file || path.trim());
      return setError(r.error);
    }
    onClose();
    notify('success', `Key generation ${r.value.generation} backed up`, 'Keep the file and its passphrase apart.', r.value.path);
  };
  const title = 'Back up the workspace key';
  const subtitle = `Generation ${settings.keyGeneration}, encrypted with a passphrase (scrypt + AES-256-GCM). Admin only; audited.`;
  if (replacing !== null) {
    const again = () => {
      setReplacing(null);
      void submit(true);
    };
    return <ReplaceQuestion title={title} subtitle={subtitle} path={replacing} onReplace={again} onKeep={() => setReplacing(null)} onClose={onClose} />;
  }
  return (
    <FormDialog
      title={title}
      subtitle={subtitle}
      onClose={onClose}
      error={error}
      submit="Back up"
      icon="download"
      busy={busy}
      onSubmit={() => void submit(false)}
    >
      <SavePathField id="key-backup-path" path={path} setPath={setPath} folderTitle="Back up the key into a folder" />
      <div className="field">
        <label className="field-label" htmlFor="key-pass1">
          Passphrase for the backup
        </label>
        <input id="key-pass1" className="input" type="password" autoComplete="new-password" value={pass1} data-autofocus onChange={(e) => setPass1(e.target.value)} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="key-pass2">
          Passphrase again
        </label>
        <input id="key-pass2" className="input" type="password" autoComplete="new-password" value={pass2} onChange={(e) => setPass2(e.target.value)} />
        <span className={`help ${tried && problem ? 'id-problem' : ''}`} role={tried && problem ? 'alert' : undefined}>
          {tried && problem ? `Cannot back up yet: ${problem}.` : 'At least 8 characters. Without it the backup cannot be opened.'}
        </span>
      </div>
    </FormDialog>
  );
}

export function RotateKeyDialog({ settings, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const submit = async () => {
    setBusy(true);
    const r = await api.send('key.rotate', { reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    useSession.setState({ settings: r.value });
    onClose();
    notify('success', `Workspace key rotated to generation ${r.value.keyGeneration}`, 'New runs use the new key; back it up.');
  };
  return (
    <FormDialog
      title="Rotate the workspace key"
      subtitle={`Generation ${settings.keyGeneration} → ${settings.keyGeneration + 1}. Admin only; audited.`}
      onClose={onClose}
      error={error}
      errorTitle={error?.code === 'FORBIDDEN' || error?.code === 'UNAUTHENTICATED' ? 'Refused' : undefined}
      submit="Rotate the key"
      icon="refresh"
      busy={busy}
      disabled={reason.trim().length < 3}
      onSubmit={() => void submit()}
    >
      <div className="banner" role="note">
        <div className="banner-body">
          <strong>New pseudonyms will differ.</strong> Runs after the rotation hash and pseudonymise with the new key, so the same value gets a different pseudonym than in earlier
          outputs: joins across old and new exports stop matching. Earlier runs keep their generation; back up the new key afterwards.
        </div>
      </div>
      <ReasonField id="rotate-reason" value={reason} set={setReason} example="key exposure suspected" />
    </FormDialog>
  );
}
