// The detail of the selected column: its type and counts with the completeness bar, then its
// distribution (numbers, dates, times), true/false counts, and what its values look like.
import { useEffect, useMemo, useRef } from 'react';
import type { ColumnProfile, DatasetProfile } from '../../../shared/api/profile-types';
import { formatPercent, valueUnit } from '../../../shared/profile/format';
import { formatCount } from '../../lib/format';
import { TYPE_LABEL } from '../grid/columns';
import { completenessOption, completenessParts } from './charts';
import { useChartColors } from './chart-theme';
import { EChart } from './EChart';
import { NumericSection } from './NumericSection';
import { columnLabel } from './overview';
import { Figures, Section } from './parts';
import { useProfile } from './store';
import { TextSections } from './TextSections';
import './detail.css';

function Completeness({ c, rows }: { c: ColumnProfile; rows: number }) {
  const colors = useChartColors();
  const parts = useMemo(() => completenessParts(c, rows, colors), [c, rows, colors]);
  const option = useMemo(() => completenessOption(parts, colors), [parts, colors]);
  return (
    <div className="pd-complete">
      <EChart option={option} height={10} label={parts.map((p) => `${p.label} ${formatCount(p.count)}`).join(', ')} />
      <ul className="pd-legend" aria-hidden="true">
        {parts
          .filter((p) => p.count > 0)
          .map((p) => (
            <li key={p.label}>
              <span className={`swatch pd-swatch-${p.label.toLowerCase().replace(' ', '-')}`} />
              {p.label} <span className="num faint">{formatPercent(p.count, rows)}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}

function Counts({ c, profile }: { c: ColumnProfile; profile: DatasetProfile }) {
  const rows = profile.rowCount;
  return (
    <Section title="Values">
      <Completeness c={c} rows={rows} />
      <Figures
        label="Counts"
        rows={[
          ['Rows', formatCount(rows)],
          ['Nulls', formatCount(c.nulls), formatPercent(c.nulls, rows)],
          ['Empty', formatCount(c.empty), formatPercent(c.empty, rows)],
          ['Distinct', `${c.distinctExact ? '' : '≈ '}${formatCount(c.distinct)}`, formatPercent(c.distinct, rows - c.nulls)],
          ['Failing type', formatCount(c.failing), formatPercent(c.failing, rows)],
        ]}
      />
    </Section>
  );
}

export function ProfileDetail({ profile }: { profile: DatasetProfile }) {
  const selected = useProfile((s) => s.selected);
  const ref = useRef<HTMLElement>(null);
  // Another column starts at its top, not where the last one was scrolled to.
  useEffect(() => {
    if (ref.current) ref.current.scrollTop = 0;
  }, [selected]);
  const c = selected ? profile.columns[selected] : undefined;
  if (!c) {
    return (
      <aside className="pane-side pd is-blank" aria-label="Column detail">
        <p className="faint">Select a column to see its figures.</p>
      </aside>
    );
  }
  const typeNote = c.inferredType === c.logicalType ? null : `imported as ${c.logicalType}; most values are ${c.inferredType}`;
  return (
    <aside ref={ref} className="pane-side pd" aria-label={`Column ${columnLabel(c)}`}>
      <header className="pd-head">
        <h2 className={`pd-name ${c.header === '' ? 'is-blank' : ''}`} title={columnLabel(c)}>
          {columnLabel(c)}
        </h2>
        <span className={`type-badge type-${c.inferredType}`}>{TYPE_LABEL[c.inferredType]}</span>
        <span className="faint pd-storage mono" title="How the column is stored">
          {c.storageType}
        </span>
      </header>
      {typeNote ? <p className="pd-typenote faint">{typeNote}</p> : null}
      <Counts c={c} profile={profile} />
      {c.boolean ? (
        <Section title="True and false">
          <Figures label="True and false" rows={[['True', formatCount(c.boolean.trueCount)], ['False', formatCount(c.boolean.falseCount)]]} />
        </Section>
      ) : null}
      {c.numeric ? <NumericSection n={c.numeric} unit={valueUnit(c.inferredType)} profile={profile} /> : null}
      <TextSections c={c} profile={profile} />
    </aside>
  );
}
