// A pair's score as a waterfall: the prior's weight, then each comparison's weight, to the final
// log2 odds. Each bar runs from the running total before it to the one after; as echarts bars
// they are an invisible base plus a visible part on each side of zero (stacks keep signs apart,
// so a bar that crosses zero is drawn as two parts). Pure: figures and colours in, option out.
import type { DedupePair } from '../../../shared/api/dedupe-types';
import type { ChartColors, ChartOption } from '../profile/chart-types';

export type StepKind = 'prior' | 'up' | 'down' | 'missing' | 'total';

export interface WaterfallStep {
  label: string;
  /** The level reached, "missing" (neutral), or for the prior and total a note. */
  detail: string;
  kind: StepKind;
  delta: number;
  from: number;
  to: number;
}

/** log2 odds → probability. */
export const probabilityOf = (weight: number): number => 1 / (1 + 2 ** -weight);

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function waterfallSteps(pair: Pick<DedupePair, 'priorWeight' | 'contributions' | 'weight'>): WaterfallStep[] {
  const steps: WaterfallStep[] = [{ label: 'Prior', detail: 'before any comparison', kind: 'prior', delta: pair.priorWeight, from: 0, to: pair.priorWeight }];
  let at = pair.priorWeight;
  for (const c of pair.contributions) {
    const missing = c.level === null;
    const delta = missing ? 0 : c.weight;
    steps.push({ label: c.label, detail: missing ? 'missing: neutral' : c.level!, kind: missing ? 'missing' : delta >= 0 ? 'up' : 'down', delta, from: round(at), to: round(at + delta) });
    at += delta;
  }
  // The engine's own total (float weights summed in another order may differ in the last digits).
  steps.push({ label: 'Match weight', detail: 'log2 odds of a match', kind: 'total', delta: pair.weight, from: 0, to: pair.weight });
  return steps;
}

/** The three stacked values of a bar from `from` to `to`: invisible base, part above zero, part below. */
export function barParts(from: number, to: number): { base: number; above: number; below: number } {
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const base = lo >= 0 ? lo : hi <= 0 ? hi : 0;
  return { base: round(base), above: round(Math.max(hi, 0) - Math.max(lo, 0)), below: round(Math.min(lo, 0) - Math.min(hi, 0)) };
}

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(2)}`;

export function stepColor(kind: StepKind, c: ChartColors): string {
  return { prior: c.faint, up: c.success, down: c.danger, missing: c.line, total: c.accent }[kind];
}

/** The text beside a bar: the prior's and the total's value (the total with its probability), else the step's sign and size. */
export function stepText(s: WaterfallStep): string {
  if (s.kind === 'total') return `${s.to.toFixed(2)} → ${formatProbability(probabilityOf(s.to))}`;
  if (s.kind === 'prior') return s.to.toFixed(2);
  if (s.kind === 'missing') return 'missing';
  return signed(s.delta);
}

/** A probability as a percentage, with more digits near 0 and 1 where they matter; never "100 %" or "0 %" unless it is. */
export function formatProbability(p: number): string {
  if (p >= 1) return '100 %';
  if (p <= 0) return '0 %';
  const pct = p * 100;
  if (pct >= 99.995) return '> 99.99 %';
  if (pct < 0.005) return '< 0.01 %';
  return pct > 99.9 || pct < 0.1 ? `${pct.toFixed(2)} %` : `${pct.toFixed(1)} %`;
}

export function waterfallOption(steps: readonly WaterfallStep[], c: ChartColors): ChartOption {
  const parts = steps.map((s) => barParts(s.from, s.to));
  // The text goes right of the whole bar: on the part above zero when there is one, else on the part below.
  const holder = (i: number) => (parts[i]!.above > 0 ? 'above' : 'below');
  const visible = (which: 'above' | 'below') => ({
    type: 'bar',
    name: which,
    stack: 'w',
    data: parts.map((p, i) => ({ value: p[which], itemStyle: { color: stepColor(steps[i]!.kind, c) } })),
    label: {
      show: true,
      position: 'right',
      color: c.muted,
      fontSize: 11,
      formatter: (p: { dataIndex: number }) => (holder(p.dataIndex) === which ? stepText(steps[p.dataIndex]!) : ''),
    },
  });
  return {
    animation: false,
    textStyle: { fontFamily: c.font, color: c.muted, fontSize: 11 },
    tooltip: { show: false },
    grid: { left: 8, right: 110, top: 8, bottom: 28, containLabel: true },
    xAxis: { type: 'value', name: 'log2 odds', nameLocation: 'middle', nameGap: 24, splitLine: { lineStyle: { color: c.line } }, axisLabel: { color: c.faint } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: steps.map((s) => s.label),
      axisLine: { onZero: false, lineStyle: { color: c.line } },
      axisTick: { show: false },
      axisLabel: { color: c.text, fontSize: 12 },
    },
    series: [
      { type: 'bar', name: 'base', stack: 'w', silent: true, barWidth: '58%', data: parts.map((p) => p.base), itemStyle: { color: 'transparent' } },
      visible('above'),
      visible('below'),
    ],
  };
}

/** The chart in words, for its accessible name. */
export function waterfallLabel(steps: readonly WaterfallStep[]): string {
  return `Match weight by comparison: ${steps.map((s) => `${s.kind === 'total' ? 'total' : s.kind === 'prior' ? 'prior' : s.label} ${stepText(s)}`).join(', ')}`;
}
