// The profile's chart options: the histogram, the top-value bars and the completeness bar, built
// from a column's figures and the theme's colours (no animation: the figures are facts, not news).
import type { ColumnProfile, NumericProfile, ValueCount } from '../../../shared/api/profile-types';
import { formatValue, shownValue } from '../../../shared/profile/format';
import { formatCount } from '../../lib/format';
import type { ChartColors, ChartOption } from './chart-types';

const truncate = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

function base(c: ChartColors): ChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: c.font, color: c.muted, fontSize: 11 },
    // Drawn on the canvas: HTML tooltips would need inline styles, which the CSP forbids.
    tooltip: { renderMode: 'richText', backgroundColor: c.raised, borderColor: c.line, textStyle: { color: c.text, fontSize: 12 } },
  };
}

const axisLine = (c: ChartColors) => ({ lineStyle: { color: c.line } });

/** The label of a histogram bin: its range, whole units shown inclusive (1–5, not 1–6). */
export function binLabel(n: NumericProfile, lo: number, hi: number, unit: number | null): string {
  const last = unit === null ? hi : hi - unit;
  const a = formatValue(lo, n.kind);
  const b = formatValue(last, n.kind);
  return a === b ? a : `${a} – ${b}`;
}

export function histogramOption(n: NumericProfile, unit: number | null, c: ChartColors): ChartOption {
  const labels = n.histogram.map((b) => binLabel(n, b.lo, b.hi, unit));
  return {
    ...base(c),
    grid: { left: 8, right: 8, top: 12, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: labels,
      axisLine: axisLine(c),
      axisTick: { show: false },
      axisLabel: { color: c.muted, hideOverlap: true, formatter: (v: string) => v.split(' – ')[0] },
    },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: c.line } }, axisLabel: { color: c.faint } },
    series: [{ type: 'bar', data: n.histogram.map((b) => b.count), barCategoryGap: '8%', itemStyle: { color: c.accent, borderRadius: [2, 2, 0, 0] } }],
  };
}

export function topValuesOption(values: ValueCount[], c: ChartColors): ChartOption {
  const shown = values.map((v) => truncate(shownValue(v.value), 28));
  return {
    ...base(c),
    grid: { left: 8, right: 48, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', inverse: true, data: shown, axisLine: axisLine(c), axisTick: { show: false }, axisLabel: { color: c.text, fontSize: 12 } },
    series: [
      {
        type: 'bar',
        data: values.map((v) => v.count),
        barWidth: '62%',
        itemStyle: { color: c.accent, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: c.muted, formatter: (p: { value: number }) => formatCount(p.value) },
      },
    ],
  };
}

export interface Completeness {
  label: string;
  count: number;
  color: string;
}

/** Every row in one of four parts: a value of the type, a value failing it, empty, null. */
export function completenessParts(col: ColumnProfile, rows: number, c: ChartColors): Completeness[] {
  const valid = rows - col.nulls - col.empty - col.failing;
  return [
    { label: 'Valid', count: Math.max(0, valid), color: c.success },
    { label: 'Failing type', count: col.failing, color: c.danger },
    { label: 'Empty', count: col.empty, color: c.warning },
    { label: 'Null', count: col.nulls, color: c.faint },
  ];
}

export function completenessOption(parts: Completeness[], c: ChartColors): ChartOption {
  return {
    ...base(c),
    tooltip: { show: false },
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: { type: 'value', show: false, max: Math.max(1, parts.reduce((s, p) => s + p.count, 0)) },
    yAxis: { type: 'category', show: false, data: ['rows'] },
    series: parts.map((p) => ({ type: 'bar', stack: 'rows', name: p.label, data: [p.count], barWidth: '100%', itemStyle: { color: p.color } })),
  };
}
