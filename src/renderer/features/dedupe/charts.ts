// The duplicate overview's charts as echarts options: clusters by size, scored pairs by match
// probability (coloured by what the threshold and review band make of them) and candidate pairs
// per blocking rule. Pure: figures and theme colours in, option out; each with its words.
import type { BlockingRule, DedupeSettings, HistogramBin } from '../../../shared/api/dedupe-types';
import { formatCount } from '../../lib/format';
import type { ChartColors, ChartOption } from '../profile/chart-types';

const truncate = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

function base(c: ChartColors): ChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: c.font, color: c.muted, fontSize: 11 },
    // Drawn on the canvas: HTML tooltips would need inline styles, which the CSP forbids.
    tooltip: { trigger: 'axis', renderMode: 'richText', backgroundColor: c.raised, borderColor: c.line, textStyle: { color: c.text, fontSize: 12 } },
  };
}

function columns(c: ChartColors, labels: string[], xName: string, yName: string): ChartOption {
  return {
    grid: { left: 8, right: 12, top: 28, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: labels, name: xName, nameLocation: 'middle', nameGap: 24, axisLine: { lineStyle: { color: c.line } }, axisTick: { show: false }, axisLabel: { color: c.muted, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, name: yName, splitLine: { lineStyle: { color: c.line } }, axisLabel: { color: c.faint, formatter: (v: number) => formatCount(v) } },
  };
}

/** Sizes in order; sizes above `cap` pooled into one "cap+" bar. */
export function sizeBars(sizes: readonly { size: number; clusters: number }[], cap = 20): { label: string; clusters: number }[] {
  const sorted = [...sizes].sort((a, b) => a.size - b.size);
  const bars = sorted.filter((s) => s.size <= cap).map((s) => ({ label: String(s.size), clusters: s.clusters }));
  const over = sorted.filter((s) => s.size > cap).reduce((n, s) => n + s.clusters, 0);
  if (over > 0) bars.push({ label: `${cap + 1}+`, clusters: over });
  return bars;
}

export function clusterSizeOption(sizes: readonly { size: number; clusters: number }[], c: ChartColors): ChartOption {
  const bars = sizeBars(sizes);
  return {
    ...base(c),
    ...columns(c, bars.map((b) => b.label), 'records in the cluster', 'clusters'),
    series: [{ type: 'bar', name: 'Clusters', data: bars.map((b) => b.clusters), barCategoryGap: '20%', itemStyle: { color: c.accent, borderRadius: [2, 2, 0, 0] } }],
  };
}

export const clusterSizeLabel = (sizes: readonly { size: number; clusters: number }[]): string =>
  sizes.length === 0 ? 'Clusters by size: no clusters' : `Clusters by size: ${sizeBars(sizes).map((b) => `size ${b.label} ${formatCount(b.clusters)}`).join(', ')}`;

export type Band = 'below' | 'review' | 'match';

/** What the run makes of a bin's pairs: a match at or above the threshold, reviewed inside the band. */
export function binBand(bin: HistogramBin, s: Pick<DedupeSettings, 'threshold' | 'review'>): Band {
  const mid = (bin.from + bin.to) / 2;
  if (mid >= s.threshold) return 'match';
  if (mid >= s.review.lower && mid < s.review.upper) return 'review';
  return 'below';
}

const pct = (x: number) => `${Math.round(x * 100)}`;

export function probabilityOption(bins: readonly HistogramBin[], s: Pick<DedupeSettings, 'threshold' | 'review'>, c: ChartColors): ChartOption {
  const color: Record<Band, string> = { below: c.faint, review: c.warning, match: c.success };
  return {
    ...base(c),
    ...columns(c, bins.map((b) => pct(b.from)), 'match probability (%)', 'pairs'),
    series: [
      {
        type: 'bar',
        name: 'Pairs',
        barCategoryGap: '10%',
        data: bins.map((b) => ({ value: b.count, itemStyle: { color: color[binBand(b, s)], borderRadius: [2, 2, 0, 0] } })),
      },
    ],
  };
}

export function probabilityLabel(bins: readonly HistogramBin[], s: Pick<DedupeSettings, 'threshold' | 'review'>): string {
  const sum = (band: Band) => bins.filter((b) => binBand(b, s) === band).reduce((n, b) => n + b.count, 0);
  return `Scored pairs by match probability: ${formatCount(sum('match'))} at or above the threshold, ${formatCount(sum('review'))} in the review band, ${formatCount(sum('below'))} below`;
}

export function rulesOption(rules: readonly BlockingRule[], c: ChartColors): ChartOption {
  return {
    ...base(c),
    tooltip: { show: false },
    grid: { left: 8, right: 64, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', inverse: true, data: rules.map((r) => truncate(r.label, 34)), axisLine: { lineStyle: { color: c.line } }, axisTick: { show: false }, axisLabel: { color: c.text, fontSize: 12 } },
    series: [
      {
        type: 'bar',
        barWidth: '60%',
        data: rules.map((r) => ({ value: r.pairs, itemStyle: { color: r.used ? c.accent : c.faint, borderRadius: [0, 3, 3, 0] } })),
        label: { show: true, position: 'right', color: c.muted, formatter: (p: { value: number }) => formatCount(p.value) },
      },
    ],
  };
}

export const rulesLabel = (rules: readonly BlockingRule[]): string =>
  `Candidate pairs per blocking rule: ${rules.map((r) => `${r.label} ${formatCount(r.pairs)}${r.used ? '' : ' (not used)'}`).join(', ')}`;
