// Opening a saved policy: the workspace's policies with their latest version, who saved it and
// when; the chosen one (any version) becomes the draft.
import { useEffect, useState } from 'react';
import type { PolicyListItem } from '../../../shared/api/governance-types';
import { api } from '../../api';
import { formatDateTime, formatRelative, plural } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { DialogActions } from '../../ui/FormDialog';
import { Icon } from '../../ui/Icon';
import type { ErrorInfo } from '../../../shared/api/result';
import { StateBadge } from '../policies/StateBadge';
import { openSaved } from './actions';

export function SavedPoliciesDialog({ onClose }: { onClose: () => void }) {
  const [list, setList] = useState<PolicyListItem[] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  useEffect(() => {
    void api.send('policy.list', {}).then((r) => (r.ok ? setList(r.value) : setError(r.error)));
  }, []);
  const pick = list?.find((p) => p.policyId === chosen);
  const open = async () => {
    if (!pick) return;
    if (await openSaved(pick.policyId, version ?? pick.latestVersion)) onClose();
  };
  return (
    <Dialog
      title="Open a saved policy"
      subtitle="Its steps replace the draft (Undo brings the draft back)."
      size="md"
      onClose={onClose}
      footer={<DialogActions onCancel={onClose} submit="Open" disabled={!pick} onSubmit={() => void open()} />}
    >
      {error ? <ErrorDetails error={error} /> : null}
      {list === null && !error ? <span className="spinner" aria-label="Loading" /> : null}
      {list?.length === 0 ? (
        <div className="empty saved-empty">
          <p>No saved policies in this workspace yet. Save the draft to keep it, with its versions.</p>
        </div>
      ) : null}
      {list && list.length > 0 ? (
        <ul className="saved-list" role="listbox" aria-label="Saved policies">
          {list.map((p) => (
            <li key={p.policyId} role="option" aria-selected={chosen === p.policyId} className={`saved-item ${chosen === p.policyId ? 'is-on' : ''}`} tabIndex={0}
              onClick={() => {
                setChosen(p.policyId);
                setVersion(p.latestVersion);
              }}
              onDoubleClick={() => void openSaved(p.policyId, p.latestVersion).then((ok) => ok && onClose())}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  setChosen(p.policyId);
                  setVersion(p.latestVersion);
                }
              }}
            >
              <Icon name="policy" size={16} />
              <span className="saved-text">
                <strong>
                  {p.name} {p.state ? <StateBadge state={p.state} /> : null}
                </strong>
                <small title={formatDateTime(p.savedAt)}>
                  {p.policyId} · v{p.latestVersion} · {plural(p.stepCount, 'step')} · saved {formatRelative(p.savedAt)} by {p.savedBy}
                </small>
              </span>
              {chosen === p.policyId && p.latestVersion > 1 ? (
                <select className="select select-sm" aria-label="Version" value={version ?? p.latestVersion} onClick={(e) => e.stopPropagation()} onChange={(e) => setVersion(Number(e.target.value))}>
                  {Array.from({ length: p.latestVersion }, (_, i) => p.latestVersion - i).map((v) => (
                    <option key={v} value={v}>
                      v{v}
                    </option>
                  ))}
                </select>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Dialog>
  );
}
