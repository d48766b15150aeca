// An error as the user reads it: the message, then its location facts (file, line, offset…).
import type { ErrorInfo } from '../../shared/api/result';
import { errorFacts } from '../lib/errors';

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
