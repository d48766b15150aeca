// Exporting a version's signed approval (a small file that travels with bundles): where to write
// it, through the app's file browser in browser mode, as the export dialog does.
import { useState } from 'react';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { baseName, joinPath } from '../../lib/format';
import { FormDialog } from '../../ui/FormDialog';
import { chooseFolder } from '../files/pick';
import { notify } from '../notices/store';
import { useWorkspace } from '../workspace/store';
import { approvalPath, shortFingerprint } from './lifecycle';

export function ApprovalFileDialog({ policyId, name, version, onClose }: { policyId: string; name: string; version: number; onClose: () => void }) {
  const workspace = useWorkspace((s) => s.info?.path ?? '');
  const [path, setPath] = useState(() => approvalPath(workspace, name, version));
  const [force, setForce] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const browse = async () => {
    if (api.shell) {
      const p = await api.shell.pickSavePath(baseName(path));
      if (p) setPath(p);
      return;
    }
    const dir = await chooseFolder('Choose the approval’s folder', 'Save here', undefined, `The file keeps its name, ${baseName(path)}.`);
    if (dir) setPath(joinPath(dir, baseName(path)));
  };
  const write = async () => {
    setBusy(true);
    const r = await api.send('policy.approval', { policyId, version, path: path.trim(), force });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    notify('success', 'Approval exported', `Signed by ${r.value.approver.name} (${shortFingerprint(r.value.approver.fingerprint)}).`, path.trim());
    onClose();
  };
  return (
    <FormDialog
      title={`Export the approval of “${name}” version ${version}`}
      subtitle="A small signed file: the policy’s digest, the approver’s public key and reason. Anyone can check it without this workspace."
      onClose={onClose}
      submit="Export"
      icon="export"
      busy={busy}
      disabled={path.trim() === ''}
      onSubmit={() => void write()}
      error={error}
      errorHelp={error?.code === 'ALREADY_EXISTS' ? <p className="help">Tick “Overwrite” to replace it, or choose another name.</p> : null}
    >
      <div className="field">
        <label className="field-label" htmlFor="approval-path">
          Save to
        </label>
        <div className="input-row">
          <input id="approval-path" className="input input-mono" value={path} spellCheck={false} data-autofocus onChange={(e) => setPath(e.target.value)} />
          <button type="button" className="btn" onClick={() => void browse()}>
            Browse…
          </button>
        </div>
      </div>
      <label className="check">
        <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
        Overwrite the file if it exists
      </label>
    </FormDialog>
  );
}
