// Exporting a version's signed approval (a small file that travels with bundles): where to write
// it, through the app's file browser in browser mode, as the export dialog does.
import { useState } from 'react';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { baseName, joinPath } from '../../lib/format';
import { FormDialog } from '../../ui/FormDialog';
import { existingFile, ReplaceQuestion } from '../../ui/ReplaceQuestion';
import { chooseFolder } from '../files/pick';
import { notify } from '../notices/store';
import { useWorkspace } from '../workspace/store';
import { approvalPath, shortFingerprint } from './lifecycle';

export function ApprovalFileDialog({ policyId, name, version, onClose }: { policyId: string; name: string; version: number; onClose: () => void }) {
  const workspace = useWorkspace((s) => s.info?.path ?? '');
  const [path, setPath] = useState(() => approvalPath(workspace, name, version));
  const [replacing, setReplacing] = useState<string | null>(null);
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
  const write = async (force: boolean) => {
    setBusy(true);
    const r = await api.send('policy.approval', { policyId, version, path: path.trim(), force });
    setBusy(false);
    if (!r.ok) {
      const file = existingFile(r.error);
      if (file !== null && !force) return setReplacing(file || path.trim());
      return setError(r.error);
    }
    notify('success', 'Approval exported', `Signed by ${r.value.approver.name} (${shortFingerprint(r.value.approver.fingerprint)}).`, path.trim());
    onClose();
  };
  const title = `Export the approval of “${name}” version ${version}`;
  const subtitle = 'A small signed file: the policy’s digest, the approver’s public key and reason. Anyone can check it without this workspace.';
  if (replacing !== null) {
    const again = () => {
      setReplacing(null);
      void write(true);
    };
    return <ReplaceQuestion title={title} subtitle={subtitle} path={replacing} onReplace={again} onKeep={() => setReplacing(null)} onClose={onClose} />;
  }
  return (
    <FormDialog
      title={title}
      subtitle={subtitle}
      onClose={onClose}
      submit="Export"
      icon="export"
      busy={busy}
      disabled={path.trim() === ''}
      onSubmit={() => void write(false)}
      error={error}
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
    </FormDialog>
  );
}
