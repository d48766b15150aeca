// The Overview view: a run's counts, its charts (clusters by size, pairs by match probability,
// candidate pairs per blocking rule), the match model's weights per comparison level, and the
// digests that make the run reproducible.
import { useMemo } from 'react';
import type { DedupeModel, DedupeSummary } from '../../../shared/api/dedupe-types';
import { formatCount, formatDateTime } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { useDatasets } from '../datasets/store';
import { useChartColors } from '../profile/chart-theme';
import { EChart } from '../profile/EChart';
import { clusterSizeLabel, clusterSizeOption, probabilityLabel, probabilityOption, rulesLabel, rulesOption } from './charts';
import { useDedupe } from './store';
import { formatProbability } from './waterfall';

function Figure({ label, value, note, tone }: { label: string; value: number; note?: string; tone?: 'flag' | 'warn' }) {
  return (
    <div className={`dd-figure ${tone ? `is-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd className="num">
        {formatCount(value)}
        {note ? <span className="faint dd-figure-note"> {note}</span> : null}
      </dd>
    </div>
  );
}

function Counts({ s }: { s: DedupeSummary }) {
  const c = s.counts;
  const setView = useDedupe((x) => x.setView);
  return (
    <section className="pane-card dd-card" aria-label="Counts">
      <h3 className="section-title">Counts</h3>
      <dl className="dd-figures">
        <Figure label="Rows" value={c.rows} />
        <Figure label="Exact duplicates" value={c.exactDuplicateRows} note="rows" />
        <Figure label="Candidate pairs" value={c.candidatePairs} />
        <Figure label="Matched pairs" value={c.matchedPairs} />
        <Figure label="Clusters" value={c.clusters} note={c.clusters > 0 ? `largest ${formatCount(c.largestCluster)}` : undefined} />
        <Figure label="Rows that would be removed" value={c.duplicateRows} tone={c.duplicateRows > 0 ? 'flag' : undefined} />
        <Figure label="Chained clusters" value={c.chainedClusters} tone={c.chainedClusters > 0 ? 'warn' : undefined} />
        <Figure label="Pairs to review" value={c.reviewPairs} note={c.decidedPairs > 0 ? `${formatCount(c.decidedPairs)} decided` : undefined} tone={c.reviewPairs > 0 ? 'warn' : undefined} />
      </dl>
      <div className="dd-links">
        <button type="button" className="btn btn-sm" disabled={c.clusters === 0} onClick={() => setView('clusters')}>
          <Icon name="layers" size={13} /> Browse clusters
        </button>
        <button type="button" className="btn btn-sm" disabled={c.reviewPairs + c.decidedPairs === 0} onClick={() => setView('review')}>
          <Icon name="check" size={13} /> Review pairs
        </button>
      </div>
    </section>
  );
}

function Charts({ s }: { s: DedupeSummary }) {
  const colors = useChartColors();
  const sizes = useMemo(() => clusterSizeOption(s.clusterSizes, colors), [s, colors]);
  const probs = useMemo(() => probabilityOption(s.probabilities, s.settings, colors), [s, colors]);
  const rules = useMemo(() => rulesOption(s.rules, colors), [s, colors]);
  return (
    <div className="dd-charts">
      <section className="pane-card dd-card" aria-label="Cluster sizes">
        <h3 className="section-title">Clusters by size</h3>
        {s.clusterSizes.length > 0 ? <EChart option={sizes} height={200} label={clusterSizeLabel(s.clusterSizes)} /> : <p className="faint dd-note">No clusters.</p>}
      </section>
      <section className="pane-card dd-card" aria-label="Match probabilities">
        <h3 className="section-title">Pairs by match probability</h3>
        <EChart option={probs} height={200} label={probabilityLabel(s.probabilities, s.settings)} />
        <p className="dd-legend faint">
          <span className="swatch dd-sw-match" /> at or above the threshold {formatProbability(s.settings.threshold)}
          <span className="swatch dd-sw-review" /> review band {formatProbability(s.settings.review.lower)}–{formatProbability(s.settings.review.upper)}
          <span className="swatch dd-sw-below" /> below
        </p>
      </section>
      <section className="pane-card dd-card dd-wide" aria-label="Blocking rules">
        <h3 className="section-title">Candidate pairs per blocking rule</h3>
        <EChart option={rules} height={Math.max(80, 30 * s.rules.length + 12)} label={rulesLabel(s.rules)} />
        {s.rules.some((r) => !r.used) ? <p className="faint dd-note">Grey rules were not used{s.rules.some((r) => r.reason) ? ': see Setup for why' : ''}.</p> : null}
      </section>
    </div>
  );
}

const pct = (x: number) => (x >= 0.001 ? `${(x * 100).toFixed(1)} %` : `${(x * 100).toPrecision(2)} %`);

function ModelTable({ model, headers }: { model: DedupeModel; headers: Map<string, string> }) {
  // The columns under a comparison's name, when its name does not already say them.
  const cols = (c: DedupeModel['comparisons'][number]) => c.columnIds.map((id) => headers.get(id) ?? id).join(', ');
  return (
    <section className="pane-card dd-card dd-wide" aria-label="Match model">
      <h3 className="section-title">Match weights</h3>
      <p className="faint dd-note">
        Prior match probability {pct(model.lambda)}; estimated without labels in {formatCount(model.iterations)} iterations
        {model.converged ? '' : ' (not converged)'}
        {model.decisionsUsed > 0 ? `, refined by ${formatCount(model.decisionsUsed)} review decisions` : ''}. A level’s weight is log2(m / u): what reaching it
        adds to a pair’s log2 odds of being a match.
      </p>
      <table className="dd-table dd-model" aria-label="Weights per comparison level">
        <thead>
          <tr>
            <th scope="col" className="col-head">Comparison</th>
            <th scope="col" className="col-head">Level</th>
            <th scope="col" className="col-head num" title="P(level | match)">m</th>
            <th scope="col" className="col-head num" title="P(level | not a match)">u</th>
            <th scope="col" className="col-head num">Weight</th>
          </tr>
        </thead>
        {model.comparisons.map((c) => (
          <tbody key={c.id}>
            {c.levels.map((l, i) => (
              <tr key={l.label}>
                {i === 0 ? (
                  <th scope="rowgroup" rowSpan={c.levels.length} className="dd-comparison">
                    {c.label}
                    {cols(c) !== c.label ? <div className="faint dd-cols">{cols(c)}</div> : null}
                  </th>
                ) : null}
                <td>
                  {l.label}
                  {l.termFrequency ? (
                    <span className="badge dd-tf" title="Adjusted per value by its frequency: common values weigh less">
                      tf
                    </span>
                  ) : null}
                </td>
                <td className="num">{pct(l.m)}</td>
                <td className="num">{pct(l.u)}</td>
                <td className={`num dd-weight ${l.weight > 0 ? 'is-up' : l.weight < 0 ? 'is-down' : ''}`}>{l.weight > 0 ? '+' : l.weight < 0 ? '−' : ''}{Math.abs(l.weight).toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}

function Digests({ s }: { s: DedupeSummary }) {
  return (
    <section className="pane-card dd-card dd-wide" aria-label="Reproducibility">
      <h3 className="section-title">What this run used</h3>
      <dl className="dd-digests">
        <div>
          <dt>Ran</dt>
          <dd>
            {formatDateTime(s.ranAt)} by {s.ranBy}, in {s.seconds} s
          </dd>
        </div>
        <div>
          <dt>Threshold</dt>
          <dd className="num">
            {formatProbability(s.settings.threshold)}; review {formatProbability(s.settings.review.lower)}–{formatProbability(s.settings.review.upper)}
          </dd>
        </div>
        <div>
          <dt>Review decisions</dt>
          <dd>
            {formatCount(s.digests.decisionCount)} used{s.settings.useDecisions ? '' : ' (decisions were switched off)'} · <span className="mono dd-digest" title={s.digests.decisions}>{s.digests.decisions.slice(0, 16)}…</span>
          </dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd>
            <span className="mono dd-digest" title={s.digests.model}>{s.digests.model.slice(0, 16)}…</span>
          </dd>
        </div>
      </dl>
      <p className="faint dd-note">SHA-256 of the decisions and the estimated weights: stored with the run so that it can be reproduced.</p>
    </section>
  );
}

export function OverviewView({ summary }: { summary: DedupeSummary }) {
  const detail = useDatasets((s) => s.detail);
  const headers = useMemo(() => new Map(detail?.columns.map((c) => [c.id, c.header === '' ? '(blank)' : c.header]) ?? []), [detail]);
  return (
    <div className="dd-scroll">
      <div className="dd-overview">
        {summary.warnings.length > 0 ? (
          <ul className="dd-warnings dd-wide" aria-label="Warnings">
            {summary.warnings.map((w) => (
              <li key={w}>
                <Icon name="alert" size={13} /> {w}
              </li>
            ))}
          </ul>
        ) : null}
        <Counts s={summary} />
        <Charts s={summary} />
        <ModelTable model={summary.model} headers={headers} />
        <Digests s={summary} />
      </div>
    </div>
  );
}
