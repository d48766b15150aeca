// Confirming a dataset's deletion: says what goes (all versions) and what stays (the source).
import { useState } from 'react';
import { plural } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { useDatasets } from './store';

export function DeleteDatasetDialog() {
  const d = useDatasets((s) => s.pendingDelete);
  const ask = useDatasets((s) => s.askDelete);
  const remove = useDatasets((s) => s.remove);
  const [busy, setBusy] = useState(false);
  if (!d) return null;
  const confirm = async () => {
    setBusy(true);
    await remove(d.id);
    setBusy(false);
    ask(null);
  };
  return (
    <Dialog
      title={`Delete “${d.name}”?`}
      size="sm"
      onClose={() => ask(null)}
      footer={
        <>
          <button type="button" className="btn" data-autofocus onClick={() => ask(null)}>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void confirm()}>
            {busy ? <span className="spinner" aria-hidden="true" /> : null} Delete dataset
          </button>
        </>
      }
    >
      <p>
        This removes the dataset and its {plural(d.versions.length, 'version')} from the workspace. The deletion is recorded in the activity log.
      </p>
      <p className="help delete-note">
        The source file <span className="mono">{d.sourcePath}</span> is not touched.
      </p>
    </Dialog>
  );
}
