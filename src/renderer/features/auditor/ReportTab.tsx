// The report, rendered natively from report.json (the window's Content-Security-Policy allows no
// inline styles, so report.html cannot be framed as it is; it and report.pdf say the same and open
// in any browser or PDF viewer from the bundle). The run kind comes first, unmistakably.
import type { RunResult } from '../../../shared/api/clean-types';
import { RUN_KIND_TITLES, reportModelSchema, type ReportModel } from '../../../shared/api/report-types';
import { formatBytes, formatCount, formatDateTime } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { useBundleFiles } from './store';
import { useBundleTexts } from './use-bundle-text';

const FILE = 'report.json';

interface Parsed {
  model: ReportModel | null;
  /** A bundle whose report.json holds only the run's result (`data-sanitizer/run-result@1`). */
  run: RunResult | null;
  error: string | null;
}

function parse(text: string | undefined): Parsed {
  if (text === undefined) return { model: null, run: null, error: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { model: null, run: null, error: `report.json is not valid JSON: ${(err as Error).message}` };
  }
  const r = reportModelSchema.safeParse(json);
  if (r.success) return { model: r.data, run: null, error: null };
  const o = json as { format?: unknown; run?: Partial<RunResult> } | null;
  if (o?.format === 'data-sanitizer/run-result@1' && o.run && typeof o.run.kind === 'string' && o.run.kind in RUN_KIND_TITLES && Array.isArray(o.run.steps)) {
    return { model: null, run: o.run as RunResult, error: null };
  }
  return { model: null, run: null, error: `report.json does not match the report schema: ${r.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
}

function Facts({ rows, label }: { rows: Array<[string, React.ReactNode]>; label: string }) {
  return (
    <dl className="aud-facts" aria-label={label}>
      {rows.map(([k, v]) => (
        <div key={k} className="aud-fact">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Table({ label, head, rows }: { label: string; head: string[]; rows: React.ReactNode[][] }) {
  if (rows.length === 0) return <p className="faint">None.</p>;
  return (
    <table className="aud-table" aria-label={label}>
      <thead>
        <tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

const mono = (s: string | null | undefined) => (s ? <code className="mono aud-digest">{s}</code> : <span className="faint">—</span>);

function Report({ m }: { m: ReportModel }) {
  const r = m.run;
  return (
    <article className="aud-report" aria-label="Compliance report">
      <header className={`aud-report-kind aud-kind-${r.kind}`}>
        <strong>{r.title}</strong>
        {r.stamp ? <span className={`badge ${r.stamp === 'APPROVED' ? 'badge-success' : 'badge-danger'}`}>{r.stamp}</span> : null}
      </header>
      <Facts
        label="Run"
        rows={[
          ['Dataset', `${r.datasetName} (v${r.inputVersion} → ${r.outputVersion === null ? 'nothing written' : `v${r.outputVersion}`})`],
          ['Run', `${r.runId}, ${formatDateTime(r.startedAt)}, ${r.seconds} s, by ${r.actor}`],
          ['Rows', `${formatCount(r.rowsIn)} in → ${formatCount(r.rowsOut)} out (${formatCount(r.rowsRemoved)} removed)`],
          ['Cells changed', formatCount(r.cellsChanged)],
          ['Imputed · outliers · rows dropped', `${formatCount(m.valuesImputed)} · ${formatCount(m.outliersHandled)} · ${formatCount(m.rowsDropped)}`],
        ]}
      />
      <h2>Inputs</h2>
      <Table label="Inputs" head={['File', 'Size', 'Rows × columns', 'SHA-256']} rows={m.inputs.map((i) => [i.fileName, i.sizeBytes === null ? '—' : formatBytes(i.sizeBytes), `${formatCount(i.rows)} × ${i.columns}`, mono(i.sha256)])} />
      <h2>Policy</h2>
      <Facts
        label="Policy"
        rows={[
          ['Policy', `${m.policy.name} v${m.policy.version}${m.policy.state ? ` (${m.policy.state})` : ''}${m.policy.author ? `, by ${m.policy.author}` : ''}`],
          ['Digest', mono(m.policy.sha256)],
        ]}
      />
      <Table label="Approvals in the report" head={['Approved by', 'When', 'Reason', 'Key fingerprint']} rows={m.policy.approvals.map((a) => [`${a.by}${a.role ? ` (${a.role})` : ''}`, formatDateTime(a.at), a.reason, mono(a.keyFingerprint)])} />
      <h2>What was done</h2>
      <Table label="Steps" head={['Step', 'Type', 'Cells changed', 'Rows removed', 'Failures']} rows={m.steps.map((s) => [`${s.label} (${s.stepId})`, s.type, formatCount(s.cellsChanged), formatCount(s.rowsRemoved), formatCount(s.failures)])} />
      <h2>Personal data</h2>
      {m.pii.scanned ? (
        <Table label="Findings by entity" head={['Entity', 'Findings', 'Columns', 'Operator']} rows={m.pii.byEntity.map((e) => [e.entity, formatCount(e.findings), e.columns.map((c) => `${c.column} (${formatCount(c.findings)})`).join(', '), e.operator ?? 'not handled'])} />
      ) : (
        <p className="faint">The input was not scanned for personal data.</p>
      )}
      <p className="faint">{m.pii.caveat}</p>
      {m.dedupe ? (
        <>
          <h2>Duplicates</h2>
          <Facts label="Duplicates" rows={[['Pairs scored · clusters · rows removed', `${formatCount(m.dedupe.pairsScored)} · ${formatCount(m.dedupe.clusters)} · ${formatCount(m.dedupe.rowsRemoved)}`]]} />
        </>
      ) : null}
      {m.risk ? (
        <>
          <h2>Re-identification risk</h2>
          <Facts
            label="Risk"
            rows={[
              ['Quasi-identifiers', m.risk.quasiIdentifiers.join(', ')],
              ['k before → after', `${m.risk.before.k} → ${m.risk.after ? m.risk.after.k : '—'} (target ${m.risk.targetK})`],
              ['Records below k', `${formatCount(m.risk.before.recordsBelowK)} → ${m.risk.after ? formatCount(m.risk.after.recordsBelowK) : '—'}`],
            ]}
          />
        </>
      ) : null}
      <h2>Sample of changes</h2>
      <Table label="Sample of changes" head={['Row', 'Column', 'Before', 'After', 'Step']} rows={m.sampleDiffs.slice(0, 20).map((d) => [formatCount(d.rowId), d.column ?? '(row)', d.before ?? '—', d.after ?? '—', d.step])} />
      <h2>HIPAA Safe Harbor</h2>
      <Table label="HIPAA Safe Harbor" head={['', 'Identifier', 'Status', 'Evidence']} rows={m.hipaa.map((h) => [h.code, h.category, <span key="s" className={`aud-hipaa aud-hipaa-${h.status}`}>{h.status.replace('-', ' ')}</span>, h.evidence])} />
      <h2>GDPR Art. 30 record (draft)</h2>
      <Table label="GDPR record" head={['Field', 'Value']} rows={m.gdpr.map((g) => [g.field, g.value ?? <span key="c" className="faint">for the controller to fill in</span>])} />
      <h2>Reproducibility</h2>
      <Facts
        label="Reproducibility"
        rows={[
          ['Engine', m.reproducibility.engineVersion],
          ['Workspace key', `${m.reproducibility.keyFingerprint ?? '—'}${m.reproducibility.keyGeneration === null ? '' : ` (generation ${m.reproducibility.keyGeneration})`}`],
          ['Output digest', mono(m.reproducibility.outputSha256)],
          ['Command', <code key="c" className="mono aud-command">{m.reproducibility.command}</code>],
        ]}
      />
    </article>
  );
}

/** The run's result, when that is all report.json holds: the kind first, then the counts per step. */
function RunOnly({ r }: { r: RunResult }) {
  return (
    <article className="aud-report" aria-label="Run result">
      <header className={`aud-report-kind aud-kind-${r.kind}`}>
        <strong>{RUN_KIND_TITLES[r.kind]}</strong>
        {r.stamp ? <span className={`badge ${r.stamp === 'APPROVED' ? 'badge-success' : 'badge-danger'}`}>{r.stamp}</span> : null}
      </header>
      <Facts
        label="Run"
        rows={[
          ['Run', `${r.runId}, ${formatDateTime(r.startedAt)}, ${r.seconds} s, by ${r.actor}`],
          ['Dataset', `${r.datasetId} v${r.inputVersion} → ${r.outputVersion === null ? 'nothing written' : `v${r.outputVersion}`}`],
          ['Policy', `${r.policyName} v${r.policyVersion}`],
          ['Policy digest', mono(r.policySha256)],
          ['Rows', `${formatCount(r.rowsIn)} in → ${formatCount(r.rowsOut)} out (${formatCount(r.rowsRemoved)} removed)`],
          ['Cells changed', formatCount(r.cellsChanged)],
          ['Workspace key', r.keyFingerprint ? `${r.keyFingerprint} (generation ${r.keyGeneration ?? '?'})` : '—'],
        ]}
      />
      <h2>What was done</h2>
      <Table label="Steps" head={['Step', 'Type', 'Cells changed', 'Rows removed', 'Failures']} rows={r.steps.map((s) => [`${s.label} (${s.stepId})`, s.stepType, formatCount(s.cellsChanged), formatCount(s.rowsRemoved), formatCount(s.failures)])} />
    </article>
  );
}

/** Where the same report can be read outside the app, as far as this bundle carries it. */
function otherFormats(paths: string[]): string {
  const others = ['report.html', 'report.pdf'].filter((f) => paths.includes(f));
  if (others.length === 0) return 'This bundle carries no HTML or PDF rendering of it.';
  return `${others.join(' and ')} ${others.length === 1 ? 'carries' : 'carry'} the same report; open ${others.length === 1 ? 'it' : 'them'} from the bundle in any ${others.map((f) => (f.endsWith('.pdf') ? 'PDF viewer' : 'browser')).join(' or ')}.`;
}

export function ReportTab() {
  const paths = useBundleFiles().map((f) => f.path);
  const { texts, error, loading } = useBundleTexts([FILE]);
  const parsed = parse(texts.get(FILE));
  if (loading) return <p className="aud-pad faint">Reading report.json…</p>;
  const problem = error ?? parsed.error;
  if (!problem && parsed.run) {
    return (
      <div className="aud-scroll">
        <p className="aud-note faint">This bundle's report.json holds the run's result only (no full report model): the run and its steps are shown.</p>
        <RunOnly r={parsed.run} />
      </div>
    );
  }
  if (problem || !parsed.model) {
    return (
      <EmptyState icon="errorCircle" title="The report cannot be shown" className="aud-pad">
        <p>{problem ?? 'This bundle has no report.json.'}</p>
      </EmptyState>
    );
  }
  return (
    <div className="aud-scroll">
      <p className="aud-note faint">
        Shown from the bundle's report.json. {otherFormats(paths)}
      </p>
      <Report m={parsed.model} />
    </div>
  );
}
