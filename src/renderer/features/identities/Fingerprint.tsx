// A public-key fingerprint in groups of four with a copy button, so people can compare it out of
// band (read aloud, on paper) with `openssl pkey -pubin -outform DER | sha256sum`.
import { useState } from 'react';
import { copyText } from '../../lib/clipboard';
import { Icon } from '../../ui/Icon';
import { groupFingerprint } from './identity-logic';

export function Fingerprint({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="id-fp">
      <code className="mono id-fp-text">{groupFingerprint(value)}</code>
      <button
        type="button"
        className="btn btn-ghost btn-icon btn-sm"
        aria-label={`Copy the fingerprint of ${label}`}
        title={copied ? 'Copied' : 'Copy the fingerprint'}
        onClick={() => void copyText(value).then(setCopied)}
      >
        <Icon name={copied ? 'check' : 'copy'} size={13} />
      </button>
    </span>
  );
}
