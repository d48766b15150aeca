// Writing the draft as a recipe file (the policy's JSON, validated, written atomically) to apply
// to other data or to another workspace.
import { useState } from 'react';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { baseName, joinPath } from '../../lib/format';
import { FormDialog } from '../../ui/FormDialog';
import { chooseFolder } from '../files/pick';
import { notify } from '../notices/store';
import { useWorkspace } from '../workspace/store';
import { draftDocument, usePolicyDraft } from './store';

export function recipePath(workspace: string, name: string): string {
  const base = name.trim().replace(/[\\/:*?"<>|]+/g, '_').replace(/\s+/g, '-').toLowerCase() || 'policy';
  return joinPath(joinPath(workspace, 'exports'), `${base}.policy.json`);
}

export function RecipeExportDialog({ onClose }: { onClose: () => void }) {
  const workspace = useWorkspace((s) => s.info?.path ?? '');
  const name = usePolicyDraft((s) => s.history.present.policy.name);
  const [path, setPath] = useState(() => recipePath(workspace, name));
  const [force, setForce] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const browse = async () => {
    if (api.shell) {
      const p = await api.shell.pickSavePath(baseName(path));
      if (p) setPath(p);
      return;
    }
    const dir = await chooseFolder('Choose the recipe’s folder', 'Save here', undefined, `The file keeps its name, ${baseName(path)}.`);
    if (dir) setPath(joinPath(dir, baseName(path)));
  };
  const write = async () => {
    setBusy(true);
    const r = await api.send('policy.writeFile', { path: path.trim(), policy: draftDocument(usePolicyDraft.getState()), force });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    notify('success', 'Recipe exported', `SHA-256 ${r.value.sha256.slice(0, 16)}…`, r.value.path);
    onClose();
  };
  return (
    <FormDialog
      title="Export recipe"
      subtitle="The policy as a JSON file: open it in another workspace, or apply it to other data (differing column names are mapped there)."
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
        <label className="field-label" htmlFor="recipe-path">
          Save to
        </label>
        <div className="input-row">
          <input id="recipe-path" className="input input-mono" value={path} spellCheck={false} data-autofocus onChange={(e) => setPath(e.target.value)} />
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
