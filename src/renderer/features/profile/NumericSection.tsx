// A numeric, date or time column's distribution: the histogram between the IQR fences, the
// quantiles and moments, and the outliers beyond the fences.
import { useMemo } from 'react';
import type { DatasetProfile, NumericProfile } from '../../../shared/api/profile-types';
import { formatPercent, formatSpread, formatValue } from '../../../shared/profile/format';
import { formatCount } from '../../lib/format';
import { histogramOption } from './charts';
import { useChartColors } from './chart-theme';
import { EChart } from './EChart';
import { Figures, Section } from './parts';

export function NumericSection({ n, unit, profile }: { n: NumericProfile; unit: number | null; profile: DatasetProfile }) {
  const colors = useChartColors();
  const option = useMemo(() => histogramOption(n, unit, colors), [n, unit, colors]);
  const v = (x: number | null) => formatValue(x, n.kind);
  const outliers = n.outliersLow + n.outliersHigh;
  return (
    <>
      {n.histogram.length > 0 ? (
        <Section title="Distribution" basis={profile.basis.histogram} sampleRows={profile.sample.rows}>
          <EChart option={option} height={150} label={`Histogram of ${n.histogram.length} bins from ${v(n.histogram[0]!.lo)} to ${v(n.histogram.at(-1)!.hi)}`} />
        </Section>
      ) : null}
      <Section title="Range and quantiles" basis={profile.basis.quantiles} sampleRows={profile.sample.rows}>
        <Figures
          label="Range and quantiles"
          rows={[
            ['Minimum', v(n.min)],
            ['5th percentile', v(n.p5)],
            ['Lower quartile', v(n.q1)],
            ['Median', v(n.median)],
            ['Upper quartile', v(n.q3)],
            ['95th percentile', v(n.p95)],
            ['Maximum', v(n.max)],
            ['Mean', v(n.mean)],
            ['Standard deviation', formatSpread(n.stddev, n.kind)],
          ]}
        />
        <p className="pd-note faint">Minimum, maximum, mean and standard deviation cover every row.</p>
      </Section>
      <Section title="Outliers">
        <Figures
          label="Outliers"
          rows={[
            ['Below the low fence', formatCount(n.outliersLow), `< ${v(n.lowFence)}`],
            ['Above the high fence', formatCount(n.outliersHigh), `> ${v(n.highFence)}`],
            ['All outliers', formatCount(outliers), formatPercent(outliers, n.count)],
          ]}
        />
        <p className="pd-note faint">Tukey’s fences: 1.5 × the interquartile range beyond the quartiles; every row is counted.</p>
      </Section>
    </>
  );
}
