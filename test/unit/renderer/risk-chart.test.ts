// The risk chart's option as a table of cases: categories from both versions, the pooled bucket's
// label, bars by records or classes, the below-k shading and the legend only with an "after".
import { describe, expect, it } from 'vitest';
import type { RiskMeasure } from '../../../src/shared/api/pii-types';
import { riskHistogramOption, riskSizes, sizeLabel } from '../../../src/renderer/features/pii/risk-chart';
import type { ChartColors } from '../../../src/renderer/features/profile/chart-types';

const colors: ChartColors = { text: 't', muted: 'm', faint: 'f', line: 'l', accent: 'a', danger: 'd', warning: 'w', success: 's', raised: 'r', font: 'F' };

function measure(version: number, histogram: [number, number, number][]): RiskMeasure {
  const h = histogram.map(([size, classes, records]) => ({ size, classes, records }));
  return { version, rows: h.reduce((s, x) => s + x.records, 0), classes: h.reduce((s, x) => s + x.classes, 0), k: h[0]?.size ?? 0, recordsBelowK: 0, classesBelowK: 0, uniqueRecords: 0, histogram: h };
}

interface Bar { name: string; data: number[]; markArea?: { data: { xAxis: string }[][]; label: { formatter: string } } }

describe('risk chart', () => {
  it.each<[number, string][]>([[[1, '1'], [50, '50'], [51, '51+']]])('labels sizes (%j)', (...cases) => {
    for (const [size, label] of cases) expect(sizeLabel(size)).toBe(label);
  });

  it.each<[string, RiskMeasure, RiskMeasure | null, number, 'records' | 'classes' | undefined, { labels: string[]; bars: [string, number[]][]; below: [string, string] | null; legend: boolean }]>([
    [
      'before only, records',
      measure(1, [[1, 3, 3], [2, 1, 2], [7, 1, 7]]), null, 5, undefined,
      { labels: ['1', '2', '7'], bars: [['Before (v1)', [3, 2, 7]]], below: ['1', '2'], legend: false },
    ],
    [
      'before and after, sizes of both, classes',
      measure(1, [[1, 4, 4], [3, 1, 3]]), measure(3, [[5, 1, 5], [51, 2, 120]]), 5, 'classes',
      { labels: ['1', '3', '5', '51+'], bars: [['Before (v1)', [4, 1, 0, 0]], ['After (v3)', [0, 0, 1, 2]]], below: ['1', '3'], legend: true },
    ],
    [
      'nothing below k: no shading',
      measure(1, [[6, 2, 12]]), measure(2, [[12, 1, 12]]), 5, 'records',
      { labels: ['6', '12'], bars: [['Before (v1)', [12, 0]], ['After (v2)', [0, 12]]], below: null, legend: true },
    ],
    ['an empty version', measure(1, []), null, 2, undefined, { labels: [], bars: [['Before (v1)', []]], below: null, legend: false }],
  ])('%s', (_name, before, after, targetK, m, want) => {
    const o = riskHistogramOption({ before, after, targetK, ...(m ? { measure: m } : {}) }, colors) as { xAxis: { data: string[] }; series: Bar[]; legend: { show: boolean }; animation: boolean };
    expect(riskSizes(before, after).map((s) => sizeLabel(s))).toEqual(want.labels);
    expect(o.xAxis.data).toEqual(want.labels);
    expect(o.series.map((s) => [s.name, s.data])).toEqual(want.bars);
    const area = o.series[0]!.markArea;
    expect(area ? [area.data[0]![0]!.xAxis, area.data[0]![1]!.xAxis] : null).toEqual(want.below);
    if (area) expect(area.label.formatter).toBe(`below k = ${targetK}`);
    expect(o.legend.show).toBe(want.legend);
    expect(o.animation).toBe(false);
  });
});
