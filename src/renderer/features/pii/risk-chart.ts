// The risk panel's chart (and the report's): the equivalence-class size histogram before and after
// a policy, as an echarts option. Pure: figures and theme colours in, option out (no DOM).
import type { RiskMeasure } from '../../../shared/api/pii-types';
import { formatCount } from '../../lib/format';
import type { ChartColors, ChartOption } from '../profile/chart-types';

export interface RiskChartInput {
  before: RiskMeasure;
  after: RiskMeasure | null;
  targetK: number;
  /** Bar height: records in classes of each size (default), or the number of such classes. */
  measure?: 'records' | 'classes';
}

/** A histogram bucket's label: its size, the pooled bucket as "51+" (sizes above 50). */
export const sizeLabel = (size: number, cap = 50): string => (size > cap ? `${cap + 1}+` : String(size));

/** Every class size either version has, smallest first. */
export function riskSizes(before: RiskMeasure, after: RiskMeasure | null): number[] {
  return [...new Set([...before.histogram, ...(after?.histogram ?? [])].map((h) => h.size))].sort((a, b) => a - b);
}

function series(m: RiskMeasure, sizes: number[], measure: 'records' | 'classes'): number[] {
  const by = new Map(m.histogram.map((h) => [h.size, h[measure]]));
  return sizes.map((s) => by.get(s) ?? 0);
}

export function riskHistogramOption(input: RiskChartInput, c: ChartColors): ChartOption {
  const measure = input.measure ?? 'records';
  const sizes = riskSizes(input.before, input.after);
  const labels = sizes.map((s) => sizeLabel(s));
  const small = labels.filter((_, i) => sizes[i]! < input.targetK);
  const belowArea =
    small.length > 0
      ? {
          silent: true,
          // Above the bars (the default is below): a tall bar hid the label. The tint is faint
          // enough to leave the bar's colour readable, and the label sits on a chip of its own.
          z: 3,
          itemStyle: { color: c.danger, opacity: 0.08 },
          label: { show: true, position: 'insideTop', distance: 6, color: c.danger, fontSize: 11, backgroundColor: c.raised, padding: [2, 5], borderRadius: 3, formatter: `below k = ${input.targetK}` },
          data: [[{ xAxis: small[0] }, { xAxis: small.at(-1) }]],
        }
      : undefined;
  const bars = [
    {
      type: 'bar',
      name: `Before (v${input.before.version})`,
      data: series(input.before, sizes, measure),
      itemStyle: { color: c.warning, borderRadius: [2, 2, 0, 0] },
      ...(belowArea ? { markArea: belowArea } : {}),
    },
    ...(input.after
      ? [{ type: 'bar', name: `After (v${input.after.version})`, data: series(input.after, sizes, measure), itemStyle: { color: c.success, borderRadius: [2, 2, 0, 0] } }]
      : []),
  ];
  return {
    animation: false,
    textStyle: { fontFamily: c.font, color: c.muted, fontSize: 11 },
    // Drawn on the canvas: HTML tooltips would need inline styles, which the CSP forbids.
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      backgroundColor: c.raised,
      borderColor: c.line,
      textStyle: { color: c.text, fontSize: 12 },
      valueFormatter: (v: number) => `${formatCount(v)} ${measure}`,
    },
    legend: { show: input.after !== null, top: 0, textStyle: { color: c.muted } },
    // Room above the plot for the y-axis name (and the legend when there is an after series).
    grid: { left: 8, right: 8, top: input.after ? 40 : 28, bottom: 24, containLabel: true },
    xAxis: {
      type: 'category',
      data: labels,
      name: 'class size',
      nameLocation: 'middle',
      nameGap: 24,
      axisLine: { lineStyle: { color: c.line } },
      axisTick: { show: false },
      axisLabel: { color: c.muted, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      name: measure,
      splitLine: { lineStyle: { color: c.line } },
      axisLabel: { color: c.faint, formatter: (v: number) => formatCount(v) },
    },
    series: bars,
  };
}
