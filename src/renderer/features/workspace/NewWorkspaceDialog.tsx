// Creating a workspace: a location (picked or typed) and a folder name for it.
import { useState } from 'react';
import type { ErrorInfo } from '../../../shared/api/result';
import { dirName, joinPath } from '../../lib/format';
import { FormDialog } from '../../ui/FormDialog';
import { chooseFolder } from '../files/pick';
import { useWorkspace } from './store';

const NAME_OK = /^[^\\/:*?"<>|]+$/;

export function NewWorkspaceDialog() {
  const openDialog = useWorkspace((s) => s.newDialogOpen);
  if (!openDialog) return null;
  return <NewWorkspaceForm />;
}

function NewWorkspaceForm() {
  const info = useWorkspace((s) => s.info);
  const setOpen = useWorkspace((s) => s.setNewDialogOpen);
  const open = useWorkspace((s) => s.open);
  const [location, setLocation] = useState(info ? dirName(info.path) : '');
  const [name, setName] = useState('new-workspace');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);

  const nameOk = NAME_OK.test(name.trim());
  const valid = location.trim() !== '' && nameOk;
  const target = valid ? joinPath(location.trim(), name.trim()) : '';
  const close = () => setOpen(false);
  const create = async () => {
    if (!valid) return;
    setBusy(true);
    const failed = await open(target, true, true);
    setBusy(false);
    setError(failed);
    if (!failed) close();
  };

  return (
    <FormDialog
      title="New workspace"
      subtitle="A workspace is a folder holding one database of imported datasets, their versions and the activity log."
      onClose={close}
      submit="Create workspace"
      busy={busy}
      disabled={!valid}
      onSubmit={() => void create()}
      error={error}
      errorTitle="The workspace could not be created"
    >
      <div className="field">
        <label className="field-label" htmlFor="ws-location">
          Location
        </label>
        <div className="input-row">
          <input id="ws-location" className="input input-mono" value={location} onChange={(e) => setLocation(e.target.value)} spellCheck={false} />
          <button
            type="button"
            className="btn"
            onClick={() => void chooseFolder('Choose where to create the workspace', 'Choose folder', location || undefined).then((p) => p && setLocation(p))}
          >
            Browse…
          </button>
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="ws-name">
          Folder name
        </label>
        <input id="ws-name" className="input" value={name} data-autofocus onChange={(e) => setName(e.target.value)} aria-invalid={!nameOk} />
        {!nameOk ? <span className="help field-error">A folder name cannot be empty or contain \ / : * ? " &lt; &gt; |</span> : null}
      </div>
      {target ? (
        <p className="help">
          Creates <span className="mono">{target}</span>
        </p>
      ) : null}
    </FormDialog>
  );
}
