// A dialog that is one form: Enter submits (unless the submit button is disabled or busy), the
// footer's Cancel and primary button (a spinner while busy), and the last attempt's error above
// the fields.
import type { ReactNode } from 'react';
import type { ErrorInfo } from '../../shared/api/result';
import { Dialog } from './Dialog';
import { ErrorBanner } from './ErrorDetails';
import { Icon, type IconName } from './Icon';

export interface DialogActionsProps {
  onCancel: () => void;
  /** The primary button's text, and its icon (replaced by a spinner while busy). */
  submit: string;
  icon?: IconName;
  busy?: boolean;
  disabled?: boolean;
  onSubmit: () => void;
}

/** A dialog footer's Cancel and primary button. */
export function DialogActions({ onCancel, submit, icon, busy = false, disabled = false, onSubmit }: DialogActionsProps) {
  return (
    <>
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      <button type="button" className="btn btn-primary" disabled={busy || disabled} onClick={onSubmit}>
        {busy ? <span className="spinner" aria-hidden="true" /> : icon ? <Icon name={icon} size={14} /> : null} {submit}
      </button>
    </>
  );
}

export interface FormDialogProps extends Omit<DialogActionsProps, 'onCancel'> {
  title: string;
  subtitle?: ReactNode;
  onClose: () => void;
  error: ErrorInfo | null;
  /** A heading over the error, and advice under it. */
  errorTitle?: string;
  errorHelp?: ReactNode;
  children: ReactNode;
}

export function FormDialog({ title, subtitle, onClose, error, errorTitle, errorHelp, children, ...actions }: FormDialogProps) {
  const submit = () => {
    if (!actions.busy && !actions.disabled) actions.onSubmit();
  };
  return (
    <Dialog title={title} subtitle={subtitle} size="md" onClose={onClose} footer={<DialogActions {...actions} onCancel={onClose} />}>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {error ? (
          <ErrorBanner error={error} title={errorTitle}>
            {errorHelp}
          </ErrorBanner>
        ) : null}
        {children}
      </form>
    </Dialog>
  );
}
