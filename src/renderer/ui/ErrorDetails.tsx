// An error as the user reads it: the message, then its location facts (file, line, offset…); and
// the same in an alert banner over a form.
import type { ReactNode } from 'react';
import type { ErrorInfo } from '../../shared/api/result';
import { errorFacts } from '../lib/errors';
import { Icon } from './Icon';

export function ErrorDetails({ error }: { error: ErrorInfo }) {
  const facts = errorFacts(error);
  return (
    <div className="error-details">
      <p className="error-message">{error.message}</p>
      {facts.length > 0 ? (
        <dl className="facts">
          {facts.map((f) => (
            <div key={f.label} className="fact">
              <dt>{f.label}</dt>
              <dd className={f.mono ? 'mono' : undefined}>{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="error-code faint">Error code {error.code}</p>
    </div>
  );
}

/** An alert banner with the error, an optional heading over it and advice under it. */
export function ErrorBanner({ error, title, children }: { error: ErrorInfo; title?: string; children?: ReactNode }) {
  return (
    <div className="banner banner-error" role="alert">
      <Icon name="errorCircle" />
      <div className="banner-body">
        {title ? <strong>{title}</strong> : null}
        <ErrorDetails error={error} />
        {children}
      </div>
    </div>
  );
}
