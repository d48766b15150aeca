// The PII overview's chart: per column that holds personal data, the share of its values found
// (bar) and the confidence (a second bar), labelled with the entity. Pure: figures and colours in,
// an echarts option out.
import type { PiiColumnSummary } from '../../../shared/api/pii-types';
import type { ChartColors, ChartOption } from '../profile/chart-types';
import { columnsWithFindings, ENTITY_LABEL, formatConfidence, formatShare } from './labels';

const truncate = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

export interface ColumnBar {
  label: string;
  entity: string;
  share: number;
  confidence: number;
}

/** One bar pair per column with findings: the class's share, or (free text) the top entity's. */
export function columnBars(cols: readonly PiiColumnSummary[]): ColumnBar[] {
  return columnsWithFindings(cols).map((c) => {
    const top = c.entities[0];
    const label = truncate(c.header === '' ? '(blank)' : c.header, 22);
    if (c.entity) return { label, entity: ENTITY_LABEL[c.entity], share: c.share, confidence: c.confidence };
    return { label, entity: top ? `${ENTITY_LABEL[top.entity]} in text` : '—', share: top?.share ?? 0, confidence: top?.confidence ?? 0 };
  });
}

export function columnsChartOption(bars: readonly ColumnBar[], c: ChartColors): ChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: c.font, color: c.muted, fontSize: 11 },
    tooltip: { trigger: 'axis', renderMode: 'richText', backgroundColor: c.raised, borderColor: c.line, textStyle: { color: c.text, fontSize: 12 } },
    legend: { show: false },
    grid: { left: 8, right: 44, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 1, show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((b) => b.label),
      axisLine: { lineStyle: { color: c.line } },
      axisTick: { show: false },
      axisLabel: { color: c.text, fontSize: 12 },
    },
    series: [
      {
        type: 'bar',
        name: 'Share of values',
        data: bars.map((b) => b.share),
        barGap: '15%',
        barCategoryGap: '30%',
        itemStyle: { color: c.accent, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: c.muted, formatter: (p: { value: number }) => formatShare(p.value) },
      },
      {
        type: 'bar',
        name: 'Confidence',
        data: bars.map((b) => b.confidence),
        itemStyle: { color: c.success, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: c.muted, formatter: (p: { value: number }) => formatConfidence(p.value) },
      },
    ],
  };
}

/** The chart's accessible name: every bar in words. */
export function columnsChartLabel(bars: readonly ColumnBar[]): string {
  if (bars.length === 0) return 'No column holds detected personal data';
  return `Share of values and confidence per column: ${bars.map((b) => `${b.label} ${b.entity} ${formatShare(b.share)}, confidence ${formatConfidence(b.confidence)}`).join('; ')}`;
}
