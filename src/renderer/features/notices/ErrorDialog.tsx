// The full details of one failed call: title by error code, message, file/line/offset facts.
import { useState } from 'react';
import { copyText } from '../../lib/clipboard';
import { errorAsText, errorTitle } from '../../lib/errors';
import { Dialog } from '../../ui/Dialog';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { useSession } from '../identities/session-store';
import { useNotices } from './store';

export function ErrorDialog() {
  const error = useNotices((s) => s.detail);
  const close = useNotices((s) => s.showDetail);
  const [copied, setCopied] = useState(false);
  if (!error) return null;
  return (
    <Dialog
      title={errorTitle(error)}
      tone="danger"
      size="md"
      onClose={() => close(null)}
      footer={
        <>
          <button type="button" className="btn" onClick={() => void copyText(errorAsText(error)).then(setCopied)}>
            <Icon name={copied ? 'check' : 'copy'} size={14} /> {copied ? 'Copied' : 'Copy details'}
          </button>
          <div className="spacer" />
          {error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED' ? (
            <button
              type="button"
              className="btn"
              onClick={() => {
                close(null);
                useSession.getState().openSwitch();
              }}
            >
              <Icon name="shield" size={14} /> Switch identity…
            </button>
          ) : null}
          <button type="button" className="btn btn-primary" data-autofocus onClick={() => close(null)}>
            Close
          </button>
        </>
      }
    >
      <ErrorDetails error={error} />
    </Dialog>
  );
}
