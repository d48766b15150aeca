// A dialog that is one form: Enter submits (unless the submit button is disabled or busy), the
// footer's Cancel and primary button (a spinner while busy), and the last attempt's error above
// the fields.
import { useId, type ReactNode } from 'react';
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
  /** The id of the form the primary button submits (it then submits that form rather than calling
   *  onSubmit itself), so Enter in any field of it submits: a form whose submit button is outside
   *  it, unlinked, is not submitted by Enter once it has two fields. */
  form?: string;
}

/** A dialog footer's Cancel and primary button. */
export function DialogActions({ onCancel, submit, icon, busy = false, disabled = false, onSubmit, form }: DialogActionsProps) {
  return (
    <>
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      <button
        type={form ? 'submit' : 'button'}
        form={form}
        className="btn btn-primary"
        disabled={busy || disabled}
        onClick={form ? undefined : onSubmit}
      >
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
  const formId = useId();
  const submit = () => {
    if (!actions.busy && !actions.disabled) actions.onSubmit();
  };
  return (
    <Dialog title={title} subtitle={subtitle} size="md" onClose={onClose} footer={<DialogActions {...actions} form={formId} onCancel={onClose} />}>
      <form
        id={formId}
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
