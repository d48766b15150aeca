// Writing the draft as a recipe file (the policy's JSON, validated, written atomically) to apply
// to other data or to another workspace.
import { useState } from 'react';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { baseName, joinPath } from '../../lib/format';
import { FormDialog } from '../../ui/FormDialog';
import { existingFile, ReplaceQuestion } from '../../ui/ReplaceQuestion';
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
  const [replacing, setReplacing] = useState<string | null>(null);
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
  const write = async (force: boolean) => {
    setBusy(true);
    const r = await api.send('policy.writeFile', { path: path.trim(), policy: draftDocument(usePolicyDraft.getState()), force });
    setBusy(false);
    if (!r.ok) {
      const file = existingFile(r.error);
      if (file !== null && !force) return setReplacing(file || path.trim());
      return setError(r.error);
    }
    notify('success', 'Recipe exported', `SHA-256 ${r.value.sha256.slice(0, 16)}…`, r.value.path);
    onClose();
  };
  const title = 'Export recipe';
  const subtitle = 'The policy as a JSON file: open it in another workspace, or apply it to other data (differing column names are mapped there).';
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
    </FormDialog>
  );
}
