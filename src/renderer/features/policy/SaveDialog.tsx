// Saving the draft: its name and a summary of the edit (both recorded with the version); then
// the version saved.
import { useState } from 'react';
import type { ErrorInfo } from '../../../shared/api/result';
import { FormDialog } from '../../ui/FormDialog';
import { notify } from '../notices/store';
import { saveOutcome } from '../policies/lifecycle';
import { usePolicyItem } from '../policies/use-policy-item';
import { saveDraft } from './actions';
import { usePolicyDraft } from './store';

export function SaveDialog({ onClose }: { onClose: () => void }) {
  const current = usePolicyDraft((s) => s.history.present);
  const [name, setName] = useState(current.policy.name);
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const item = usePolicyItem(current.policyId);
  const outcome = saveOutcome(item?.state ?? null, item?.latestVersion ?? null);
  const next = current.policyId ? `“${current.policy.name}” (${current.policyId})` : 'a new policy (version 1)';
  const save = async () => {
    setBusy(true);
    const r = await saveDraft(name.trim(), summary.trim());
    setBusy(false);
    if (!r.ok) return setError(r.error);
    notify('success', `Saved “${r.value.policy.name}” version ${r.value.policy.version}`, `Policy ${r.value.policyId}, by ${r.value.savedBy}.`);
    onClose();
  };
  return (
    <FormDialog
      title="Save policy"
      subtitle={`Saves ${next}. Earlier versions stay as they are.`}
      onClose={onClose}
      submit="Save"
      icon="save"
      busy={busy}
      disabled={name.trim() === '' || !outcome.allowed}
      onSubmit={() => void save()}
      error={error}
    >
      {current.policyId && item?.state ? (
        <p className={`banner pol-save-note ${outcome.allowed ? '' : 'banner-error'}`} role={outcome.allowed ? 'note' : 'alert'} data-testid="save-outcome">
          {outcome.text}
        </p>
      ) : null}
      <div className="field">
        <label className="field-label" htmlFor="policy-save-name">
          Name
        </label>
        <input id="policy-save-name" className="input" value={name} data-autofocus onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="policy-save-summary">
          What changed
        </label>
        <textarea
          id="policy-save-summary"
          className="input textarea"
          rows={3}
          value={summary}
          placeholder="e.g. City aliases for the London variants; status in lower case"
          onChange={(e) => setSummary(e.target.value)}
        />
        <span className="help">Recorded with this version, with you as its author and the time.</span>
      </div>
    </FormDialog>
  );
}
