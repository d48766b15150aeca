// A lifecycle transition: what it does, the reason it needs (recorded and signed with it) and, when
// the engine refuses, the guard in words — a refusal is an answer, not a crash.
import { useRef, useState } from 'react';
import type { PolicyAction, PolicyVersionInfo } from '../../../shared/api/governance-types';
import type { ErrorInfo } from '../../../shared/api/result';
import { api } from '../../api';
import { FormDialog } from '../../ui/FormDialog';
import { useDatasets } from '../datasets/store';
import { notify } from '../notices/store';
import { actionInfo, checkReason } from './lifecycle';
import { usePolicies } from './store';

export interface TransitionTarget {
  policyId: string;
  name: string;
  version: number;
  action: PolicyAction;
}

const REFUSAL_TITLE: Partial<Record<ErrorInfo['code'], string>> = {
  FORBIDDEN: 'Refused',
  UNAUTHENTICATED: 'No identity is unlocked',
};

export function TransitionDialog({ target, onClose, onDone }: { target: TransitionTarget; onClose: () => void; onDone?: (v: PolicyVersionInfo) => void }) {
  const info = actionInfo(target.action);
  const open = useDatasets((s) => s.detail);
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const check = checkReason(text);
  const go = async () => {
    setTouched(true);
    if (!check.ok) return field.current?.focus();
    setBusy(true);
    const preview = open && (target.action === 'submit' || target.action === 'approve') ? { preview: { datasetId: open.dataset.id, version: open.version.version } } : {};
    const r = await api.send('policy.transition', { policyId: target.policyId, version: target.version, action: target.action, reason: check.reason, ...preview });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    notify('success', `“${target.name}” version ${target.version} ${info.done}`, `Now ${r.value.state}. ${check.reason}`);
    usePolicies.getState().refresh();
    onDone?.(r.value);
    onClose();
  };
  return (
    <FormDialog
      title={`${info.title} “${target.name}” version ${target.version}`}
      subtitle={info.explain}
      onClose={onClose}
      submit={info.verb}
      icon={target.action === 'approve' ? 'check' : target.action === 'submit' ? 'arrowUp' : undefined}
      busy={busy}
      onSubmit={() => void go()}
      error={error}
      errorTitle={error ? REFUSAL_TITLE[error.code] ?? `${info.verb} failed` : undefined}
      errorHelp={error?.code === 'UNAUTHENTICATED' ? <p className="help">Unlock your identity (the chip at the top) and try again.</p> : null}
    >
      <div className="field">
        <label className="field-label" htmlFor="transition-reason">
          Reason
        </label>
        <textarea
          id="transition-reason"
          ref={field}
          className="input textarea"
          rows={3}
          value={text}
          placeholder={info.placeholder}
          aria-invalid={touched && !check.ok}
          aria-describedby="transition-reason-help"
          data-autofocus
          onChange={(e) => setText(e.target.value)}
          onBlur={() => setTouched(text !== '')}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void go();
            }
          }}
        />
        <span id="transition-reason-help" className={`help ${touched && !check.ok ? 'pol-invalid' : ''}`}>
          {touched && !check.ok ? `Required: ${check.message}.` : 'Recorded in the audit log and signed with your key. Ctrl+Enter to confirm.'}
        </span>
      </div>
    </FormDialog>
  );
}
