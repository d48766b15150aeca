// What the values look like: top values (bars), patterns, lengths, and the anomalies — values
// failing the type, stray whitespace, case variants and near-identical values.
import { useMemo } from 'react';
import type { ColumnProfile, DatasetProfile, VariantSummary } from '../../../shared/api/profile-types';
import { formatNumber, formatPercent, shownValue } from '../../../shared/profile/format';
import { formatCount, plural } from '../../lib/format';
import { topValuesOption } from './charts';
import { useChartColors } from './chart-theme';
import { EChart } from './EChart';
import { Figures, Section, ValueList } from './parts';

function Variants({ title, summary, what, profile, basis }: { title: string; summary: VariantSummary; what: string; profile: DatasetProfile; basis: DatasetProfile['basis']['caseVariants'] }) {
  return (
    <Section title={title} basis={basis} sampleRows={profile.sample.rows}>
      {summary.groups === 0 ? (
        <p className="pd-none faint">No {what}.</p>
      ) : (
        <>
          <p className="pd-lead">
            {plural(summary.groups, 'group')}; {plural(summary.rows, 'row')} differ from their group’s most common spelling.
          </p>
          <ul className="pd-groups">
            {summary.examples.map((g) => (
              <li key={g.key} className="pd-group">
                {g.values.map((v) => (
                  <span key={v.value} className="pd-chip mono" title={`${formatCount(v.count)} rows`}>
                    {shownValue(v.value)} <span className="faint num">{formatCount(v.count)}</span>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

export function TopValues({ c, profile }: { c: ColumnProfile; profile: DatasetProfile }) {
  const colors = useChartColors();
  const option = useMemo(() => topValuesOption(c.topValues, colors), [c.topValues, colors]);
  if (c.topValues.length === 0) return null;
  const label = `Top values: ${c.topValues.map((v) => `${shownValue(v.value)} ${v.count}`).join(', ')}`;
  return (
    <Section title="Top values" basis={profile.basis.topValues} sampleRows={profile.sample.rows}>
      <EChart option={option} height={24 * c.topValues.length + 8} label={label} />
    </Section>
  );
}

export function TextSections({ c, profile }: { c: ColumnProfile; profile: DatasetProfile }) {
  const present = c.patterns.reduce((s, p) => s + p.count, 0);
  return (
    <>
      {c.failing > 0 ? (
        <Section title="Values failing the type" basis={profile.basis.failingExamples} sampleRows={profile.sample.rows}>
          <ValueList label="Values failing the type" values={c.failingExamples} render={shownValue} />
        </Section>
      ) : null}
      <TopValues c={c} profile={profile} />
      {c.patterns.length > 0 ? (
        <Section title={`Patterns (${formatCount(c.patternCount)})`} basis={profile.basis.patterns} sampleRows={profile.sample.rows}>
          <table className="pd-patterns" aria-label="Patterns">
            <thead>
              <tr>
                <th scope="col">Pattern</th>
                <th scope="col">Share</th>
                <th scope="col">Example</th>
              </tr>
            </thead>
            <tbody>
              {c.patterns.map((p) => (
                <tr key={p.pattern}>
                  <td className="mono pd-pattern">{shownValue(p.pattern)}</td>
                  <td className="num">{formatPercent(p.count, present)}</td>
                  <td className="mono faint pd-example">{shownValue(p.example)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="pd-note faint">A → uppercase, a → lowercase, 9 → digit; other characters as they are; letter runs cut to three.</p>
        </Section>
      ) : null}
      {c.length ? (
        <Section title="Length in characters">
          <Figures label="Length" rows={[['Shortest', formatCount(c.length.min)], ['Mean', formatNumber(Math.round(c.length.mean * 10) / 10)], ['Longest', formatCount(c.length.max)]]} />
        </Section>
      ) : null}
      <Section title="Whitespace" basis={profile.basis.whitespace} sampleRows={profile.sample.rows}>
        {c.whitespace.edges + c.whitespace.doubled === 0 ? (
          <p className="pd-none faint">No leading, trailing or doubled whitespace.</p>
        ) : (
          <>
            <Figures label="Whitespace" rows={[['Leading or trailing', formatCount(c.whitespace.edges)], ['Doubled inside', formatCount(c.whitespace.doubled)]]} />
            <ValueList label="Whitespace examples" values={c.whitespace.examples} render={(v) => JSON.stringify(v)} />
          </>
        )}
      </Section>
      <Variants title="Case variants" summary={c.caseVariants} what="values differing only in case" profile={profile} basis={profile.basis.caseVariants} />
      {c.nearGroups ? <Variants title="Near-identical values" summary={c.nearGroups} what="near-identical values" profile={profile} basis={profile.basis.nearGroups} /> : null}
    </>
  );
}
