// The policy as run (policy.json: its steps, then the whole document) and its signed approval files
// (who approved which version, when, why, with which key). Only what the bundle carries is shown.
import type { ApprovalFile } from '../../../shared/api/governance-types';
import { formatDateTime } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { Fingerprint } from '../identities/Fingerprint';
import { useBundleFiles } from './store';
import { useBundleTexts } from './use-bundle-text';

interface StepLike {
  id?: unknown;
  type?: unknown;
  label?: unknown;
  enabled?: unknown;
}

/** The steps of a policy document, wherever policy.json keeps them (the document itself, or under `policy`/`document`). */
function stepsOf(doc: unknown): StepLike[] {
  const o = doc as { steps?: unknown; policy?: unknown; document?: unknown } | null;
  if (Array.isArray(o?.steps)) return o.steps as StepLike[];
  if (o?.policy && typeof o.policy === 'object') return stepsOf(o.policy);
  if (o?.document && typeof o.document === 'object') return stepsOf(o.document);
  return [];
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function Approval({ file, text }: { file: string; text: string | undefined }) {
  const a = parseJson(text) as Partial<ApprovalFile> | undefined;
  if (!a?.approver || !a.policy) {
    return (
      <li className="aud-approval">
        <strong className="mono">{file}</strong> <span className="faint">cannot be read as an approval file.</span>
      </li>
    );
  }
  return (
    <li className="aud-approval" aria-label={`Approval by ${a.approver.name}`}>
      <div>
        <strong>{a.approver.name}</strong> approved <strong>{a.policy.name} v{a.policy.version}</strong>
        {a.at ? <span className="faint"> · {formatDateTime(a.at)}</span> : null}
        {a.seq !== undefined ? <span className="faint"> · audit entry {a.seq}</span> : null}
      </div>
      {a.reason ? <p className="aud-approval-reason">“{a.reason}”</p> : null}
      <div className="aud-approval-key">
        <span className="faint">Key</span> <Fingerprint value={a.approver.fingerprint} label={a.approver.name} />
      </div>
      <div className="faint mono aud-digest">policy digest {a.policy.sha256}</div>
      <div className="faint mono">{file}</div>
    </li>
  );
}

export function PolicyTab() {
  const files = useBundleFiles();
  const approvals = files.filter((f) => f.kind === 'approval').map((f) => f.path);
  const hasPolicy = files.some((f) => f.path === 'policy.json');
  const { texts, error, loading } = useBundleTexts(hasPolicy ? ['policy.json', ...approvals] : approvals);
  if (loading) return <p className="aud-pad faint">Reading policy.json…</p>;
  const doc = parseJson(texts.get('policy.json'));
  const steps = stepsOf(doc);
  return (
    <div className="aud-scroll aud-policy">
      {error ? <p className="banner banner-error" role="alert">{error}</p> : null}
      <section aria-label="Policy">
        <h2>Policy</h2>
        {!hasPolicy ? (
          <EmptyState icon="policy" title="No policy.json in this bundle" />
        ) : (
          <>
            <ol className="aud-steps" aria-label="Policy steps">
              {steps.map((s, i) => (
                <li key={i}>
                  <span className="badge">{String(s.type ?? '?')}</span> {typeof s.label === 'string' && s.label ? s.label : typeof s.id === 'string' ? s.id : ''}
                  {s.enabled === false ? <span className="faint"> (disabled)</span> : null}
                </li>
              ))}
            </ol>
            <details>
              <summary>The whole policy.json</summary>
              <pre className="aud-pre mono">{doc === undefined ? texts.get('policy.json') : JSON.stringify(doc, null, 2)}</pre>
            </details>
          </>
        )}
      </section>
      <section aria-label="Approvals">
        <h2>Approvals</h2>
        {approvals.length === 0 ? (
          <p className="faint">This bundle carries no approval file: the run was not a compliance run of an approved policy.</p>
        ) : (
          <ul className="aud-approvals">
            {approvals.map((f) => (
              <Approval key={f} file={f} text={texts.get(f)} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
