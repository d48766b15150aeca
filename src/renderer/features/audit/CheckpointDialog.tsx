// "Save checkpoint": signs the log's head and writes it to a file an auditor keeps, so cutting
// entries off the end is detected later against it.
import { useState } from 'react';
import type { Checkpoint } from '../../../shared/api/governance-types';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { joinPath } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { FormDialog } from '../../ui/FormDialog';
import { existingFile, ReplaceQuestion } from '../../ui/ReplaceQuestion';
import { SavePathField } from '../export/FileJobDialog';
import { groupFingerprint } from '../identities/identity-logic';
import { useWorkspace } from '../workspace/store';

/** checkpoint-20261205-031600.json: a name that sorts by when it was taken (the head is inside). */
export function checkpointName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `checkpoint-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.json`;
}

export function CheckpointDialog({ headSeq, onClose }: { headSeq: number | null; onClose: () => void }) {
  const workspace = useWorkspace((s) => s.info?.path ?? '');
  const [path, setPath] = useState(() => joinPath(joinPath(workspace, 'exports'), checkpointName(new Date())));
  const [replacing, setReplacing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState<Checkpoint | null>(null);

  const submit = async (force: boolean) => {
    setBusy(true);
    const r = await api.send('audit.checkpoint', { path: path.trim(), force });
    setBusy(false);
    if (!r.ok) {
      const file = existingFile(r.error);
      if (file !== null && !force) return setReplacing(file || path.trim());
      return setError(r.error);
    }
    setDone(r.value);
  };

  if (done) {
    return (
      <Dialog
        title="Checkpoint saved"
        size="md"
        onClose={onClose}
        footer={
          <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
            Done
          </button>
        }
      >
        <dl className="facts">
          <div className="fact">
            <dt>File</dt>
            <dd className="mono">{path.trim()}</dd>
          </div>
          <div className="fact">
            <dt>Head</dt>
            <dd className="mono">
              #{done.seq} {done.hash}
            </dd>
          </div>
          <div className="fact">
            <dt>Signed by</dt>
            <dd>
              {done.signer.name ?? 'the workspace checkpoint key'} <span className="mono faint">{groupFingerprint(done.signer.fingerprint)}</span>
            </dd>
          </div>
        </dl>
        <p className="help">
          Keep it apart from the workspace: <code className="mono">sanitizer audit verify --checkpoint FILE</code> detects entries cut off after it.
        </p>
      </Dialog>
    );
  }
  const title = 'Save a checkpoint';
  const subtitle = `A signed statement of the log's head${headSeq ? ` (entry #${headSeq})` : ''}, for an auditor to keep.`;
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
      submit="Save checkpoint"
      icon="save"
      busy={busy}
      disabled={path.trim() === ''}
      onSubmit={() => void submit(false)}
    >
      <SavePathField id="checkpoint-path" path={path} setPath={setPath} folderTitle="Save the checkpoint into a folder" />
    </FormDialog>
  );
}
