// The report's charts: echarts options built from a ReportModel, rendered server-side to SVG strings
// (no DOM, no canvas, no animation), normalised so the same model always gives the same bytes.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportModel } from '../../../shared/api/report-types';

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

export interface ReportChart {
  /** Unique within one report, [a-z0-9-] only: it prefixes the SVG's internal ids. */
  id: string;
  title: string;
  /**
   * The chart as inline SVG for an HTML5 document: no xmlns (so no http(s) reference anywhere).
   * A standalone .svg file or an XML parser needs standaloneSvg(svg).
   */
  svg: string;
  /** One sentence saying what the chart shows, with its numbers (for screen readers and print). */
  alt: string;
}

/** Font families by name only: the HTML has no web fonts, the PDF maps DejaVu Sans to its embedded file. */
export const CHART_FONT = "'DejaVu Sans', 'Segoe UI', Arial, sans-serif";

/** Colour-blind-safe (Okabe–Ito) where two series are compared. */
export const CHART_COLORS = { bar: '#2f5fa7', before: '#d55e00', after: '#009e73', text: '#222222', muted: '#555555', line: '#d6d9de' } as const;

/** A chart across the page, and one of two side by side (drawn at the size shown, so its text is not scaled down). */
export const CHART_WIDTH = { full: 720, half: 460 } as const;
/** Horizontal bar charts show at most this many categories; the alt and title say how many were left out. */
export const MAX_BARS = 30;

/** Adds the namespace declarations a standalone SVG (the PDF renderer, an .svg file) needs. */
export function standaloneSvg(svg: string): string {
  return svg.replace(/^<svg /, '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ');
}

/** Integers with thousands separators, independent of the machine's locale. */
export function formatCount(n: number): string {
  const [int, frac] = String(n).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

type Option = Parameters<echarts.ECharts['setOption']>[0];

function render(id: string, option: Option, height: number, width: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT, color: CHART_COLORS.text, fontSize: 12 }, ...option });
    return normalise(chart.renderToSVGString(), id);
  } finally {
    chart.dispose();
  }
}

/**
 * zrender numbers its instances from a process-wide counter (zr0-, zr1- …) and adds hover-only
 * classes, a <style> block and ecmeta_* attributes for its client-side hydration. A static report
 * needs none of it: dropping them makes the bytes depend on the model alone, and prefixing the
 * remaining internal ids (clip paths, gradients) with the chart id keeps them unique in one page.
 * echarts escapes text (& < > " ') itself.
 */
function normalise(svg: string, id: string): string {
  return svg
    .replace(/ xmlns(:xlink)?="[^"]*"/g, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/\bzr\d+-/g, `${id}-`)
    // User text (a column named after a URL) must not put an http(s) reference in the report:
    // the colon as a character reference reads the same, in a browser and in svg-to-pdfkit.
    .replace(/(https?):/gi, '$1&#58;')
    .replace(/\n\s*\n/g, '\n')
    .trim();
}

const baseGrid = { left: 8, right: 56, top: 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' } as const;
const axisLine = { lineStyle: { color: CHART_COLORS.muted } };
const splitLine = { lineStyle: { color: CHART_COLORS.line } };

/** One horizontal bar per category (category names are user data: long ones are truncated on the axis, whole in the alt). */
function horizontalBars(id: string, rows: { label: string; value: number }[], valueName: string, width: number): string {
  const shown = rows.slice(0, MAX_BARS).reverse(); // echarts draws the first category at the bottom
  return render(
    id,
    {
      grid: baseGrid,
      xAxis: { type: 'value', name: valueName, nameLocation: 'middle', nameGap: 26, axisLine, splitLine, minInterval: 1 },
      yAxis: {
        type: 'category',
        data: shown.map((r) => r.label),
        axisLine,
        axisTick: { show: false },
        axisLabel: { width: Math.round(width * 0.3), overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: shown.map((r) => r.value),
          barMaxWidth: 22,
          itemStyle: { color: CHART_COLORS.bar },
          label: { show: true, position: 'right', color: CHART_COLORS.text, formatter: (p: { value: unknown }) => formatCount(Number(p.value)) },
        },
      ],
    },
    40 + shown.length * 26 + 32,
    width,
  );
}

/** Largest first, then by name, so ties are ordered the same way every time. */
function byCount<T>(rows: T[], count: (r: T) => number, name: (r: T) => string): T[] {
  return [...rows].sort((a, b) => count(b) - count(a) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}

function listed(rows: { label: string; value: number }[]): string {
  const head = rows.slice(0, MAX_BARS).map((r) => `${r.label} ${formatCount(r.value)}`).join('; ');
  const rest = rows.slice(MAX_BARS);
  return rest.length === 0 ? head : `${head}; and ${rest.length} more (${formatCount(rest.reduce((s, r) => s + r.value, 0))} in all)`;
}

const topNote = (n: number) => (n > MAX_BARS ? ` (the ${MAX_BARS} largest of ${n})` : '');

function columnsChart(model: ReportModel): ReportChart | null {
  const rows = byCount(model.columns.filter((c) => c.cellsChanged > 0), (c) => c.cellsChanged, (c) => c.column).map((c) => ({ label: c.column, value: c.cellsChanged }));
  if (rows.length === 0) return null;
  const total = rows.reduce((s, r) => s + r.value, 0);
  return {
    id: 'cells-per-column',
    title: `Cells changed per column, whole run${topNote(rows.length)}`,
    // The model counts a cell once however many steps changed it: the step table's sum can be larger.
    svg: horizontalBars('cells-per-column', rows, 'cells changed', CHART_WIDTH.full),
    alt: `Cells changed per column over the whole run (each cell counted once, however many steps changed it), ${formatCount(total)} in ${rows.length} column${rows.length === 1 ? '' : 's'}: ${listed(rows)}.`,
  };
}

function stepCharts(model: ReportModel): ReportChart[] {
  return model.steps.flatMap((step, i) => {
    const rows = byCount(step.perColumn.filter((c) => c.cellsChanged > 0), (c) => c.cellsChanged, (c) => c.column).map((c) => ({ label: c.column, value: c.cellsChanged }));
    if (rows.length === 0) return [];
    const id = `step-${i + 1}`;
    return [
      {
        id,
        title: `Step ${i + 1} (${step.stepId}), ${step.label}: cells changed per column${topNote(rows.length)}`,
        svg: horizontalBars(id, rows, 'cells changed', CHART_WIDTH.half),
        alt: `Step ${i + 1} (${step.stepId}, ${step.type}) "${step.label}" changed ${formatCount(step.cellsChanged)} cells: ${listed(rows)}.`,
      },
    ];
  });
}

interface Bin {
  from: number;
  to: number;
  count: number;
}

/** Bin edges with as few decimals as they need (0.1 bins: "0.7–0.8"; 0.05 bins: "0.05–0.10"). */
function binLabel(b: Bin, bins: Bin[]): string {
  const digits = bins.every((x) => Number.isInteger(Math.round(x.from * 1e6) / 1e5) && Number.isInteger(Math.round(x.to * 1e6) / 1e5)) ? 1 : 2;
  return `${b.from.toFixed(digits)}–${b.to.toFixed(digits)}`;
}

/** A vertical histogram. With `log`, empty bins draw nothing (a log axis has no zero). */
function histogram(id: string, bins: Bin[], axes: { x: string; y: string }, log: boolean, height: number): string {
  return render(
    id,
    {
      grid: { ...baseGrid, right: 16, top: 28, bottom: 24 },
      xAxis: { type: 'category', data: bins.map((b) => binLabel(b, bins)), name: axes.x, nameLocation: 'middle', nameGap: bins.length > 10 ? 44 : 30, axisLine, axisTick: { alignWithLabel: true }, axisLabel: { interval: 0, rotate: bins.length > 10 ? 45 : 0, fontSize: 10 } },
      yAxis: log
        ? { type: 'log', name: `${axes.y} (log scale)`, axisLine, splitLine, logBase: 10, min: 1 }
        : { type: 'value', name: axes.y, axisLine, splitLine, minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: bins.map((b) => (log && b.count === 0 ? null : b.count)),
          barCategoryGap: '15%',
          itemStyle: { color: CHART_COLORS.bar },
          // Ten bins leave room for a count over each bar (a short bar is otherwise invisible); twenty do not.
          label: { show: bins.length <= 10, position: 'top', fontSize: 10, formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? formatCount(Number(p.value)) : '') },
        },
      ],
    },
    height,
    CHART_WIDTH.half,
  );
}

/** A log axis when the tallest bar is over 50 times the shortest non-empty one: otherwise the tail is invisible. */
const wantsLog = (bins: Bin[]) => {
  const counts = bins.map((b) => b.count).filter((c) => c > 0);
  return counts.length > 1 && Math.max(...counts) / Math.min(...counts) > 50;
};

const binsInWords = (bins: Bin[]) => bins.filter((b) => b.count > 0).map((b) => `${binLabel(b, bins)}: ${formatCount(b.count)}`).join('; ');

function piiCharts(model: ReportModel): ReportChart[] {
  if (!model.pii.scanned) return [];
  return model.pii.byEntity.flatMap((e, i) => {
    if (!e.confidence.some((b) => b.count > 0)) return [];
    const id = `pii-confidence-${i + 1}`;
    const total = e.confidence.reduce((s, b) => s + b.count, 0);
    return [
      {
        id,
        title: `${e.entity}: findings by confidence`,
        svg: histogram(id, e.confidence, { x: 'confidence', y: 'findings' }, false, 230),
        alt: `Confidence of the ${formatCount(total)} ${e.entity} findings, by bin: ${binsInWords(e.confidence)}.`,
      },
    ];
  });
}

/** "31,207 scored pairs", or "3 of 22 scored pairs" when the histogram holds fewer pairs than were scored. */
function histogramTotal(bins: Bin[], scored: number): string {
  const inBins = bins.reduce((s, b) => s + b.count, 0);
  return inBins < scored ? `${formatCount(inBins)} of ${formatCount(scored)} scored pairs` : `${formatCount(inBins)} scored pairs`;
}

function dedupeCharts(model: ReportModel): ReportChart[] {
  const d = model.dedupe;
  if (!d) return [];
  const out: ReportChart[] = [];
  const sizes = [...d.clusterSizes].filter((s) => s.clusters > 0).sort((a, b) => a.size - b.size);
  if (sizes.length > 0) {
    out.push({
      id: 'dedupe-cluster-sizes',
      title: 'Duplicate clusters by size',
      svg: render(
        'dedupe-cluster-sizes',
        {
          grid: { ...baseGrid, right: 16, top: 28, bottom: 24 },
          xAxis: { type: 'category', data: sizes.map((s) => `${s.size} rows`), name: 'cluster size', nameLocation: 'middle', nameGap: 30, axisLine },
          yAxis: { type: 'value', name: 'clusters', axisLine, splitLine, minInterval: 1 },
          series: [{ type: 'bar', data: sizes.map((s) => s.clusters), barMaxWidth: 48, itemStyle: { color: CHART_COLORS.bar }, label: { show: true, position: 'top', formatter: (p: { value: unknown }) => formatCount(Number(p.value)) } }],
        },
        240,
        CHART_WIDTH.half,
      ),
      alt: `${formatCount(d.clusters)} duplicate clusters by size: ${sizes.map((s) => `${formatCount(s.clusters)} of ${s.size} rows`).join('; ')}.`,
    });
  }
  if (d.probabilities.some((b) => b.count > 0)) {
    const log = wantsLog(d.probabilities);
    out.push({
      id: 'dedupe-match-probability',
      title: `Scored pairs by match probability${log ? ' (log scale)' : ''}`,
      svg: histogram('dedupe-match-probability', d.probabilities, { x: 'match probability', y: 'pairs' }, log, 280),
      alt: `${histogramTotal(d.probabilities, d.pairsScored)} by match probability: ${binsInWords(d.probabilities)}.`,
    });
  }
  return out;
}

function riskChart(model: ReportModel): ReportChart | null {
  const r = model.risk;
  if (!r) return null;
  const { before, after, targetK } = r;
  if (before.rows === 0 && (!after || after.rows === 0)) return null;
  const categories = [`Records in classes below k = ${targetK}`, 'Unique records (class of 1)'];
  const series = [
    { name: `Before (v${before.version}), k = ${before.k}`, data: [before.recordsBelowK, before.uniqueRecords], color: CHART_COLORS.before },
    ...(after ? [{ name: `After (v${after.version}), k = ${after.k}`, data: [after.recordsBelowK, after.uniqueRecords], color: CHART_COLORS.after }] : []),
  ];
  const words = (m: typeof before, label: string) =>
    `${label} (version ${m.version}, ${formatCount(m.rows)} rows, ${formatCount(m.classes)} classes, smallest class ${formatCount(m.k)}): ${formatCount(m.recordsBelowK)} records below k = ${targetK}, ${formatCount(m.uniqueRecords)} unique`;
  return {
    id: 'risk-before-after',
    title: `Re-identification risk on ${r.quasiIdentifiers.join(', ')}: before and after`,
    svg: render(
      'risk-before-after',
      {
        // Server-side text measurement is an estimate: a wide gap keeps one legend item off the next's text.
        legend: { top: 0, left: 'center', itemGap: 32, textStyle: { color: CHART_COLORS.text } },
        grid: { ...baseGrid, top: 36, right: 16, bottom: 8 },
        xAxis: { type: 'category', data: categories, axisLine },
        yAxis: { type: 'value', name: 'records', axisLine, splitLine, minInterval: 1 },
        series: series.map((s) => ({
          type: 'bar',
          name: s.name,
          data: s.data,
          barMaxWidth: 60,
          itemStyle: { color: s.color },
          label: { show: true, position: 'top', formatter: (p: { value: unknown }) => formatCount(Number(p.value)) },
        })),
      },
      260,
      CHART_WIDTH.full,
    ),
    alt: `Re-identification risk on ${r.quasiIdentifiers.join(', ')} with target k = ${targetK}. ${words(before, 'Before')}${after ? `; ${words(after, 'after')}` : '; not measured after the run'}.`,
  };
}

/** Every chart the model has data for, in report order; a section with no data has no chart. */
export function reportCharts(model: ReportModel): ReportChart[] {
  return [columnsChart(model), ...stepCharts(model), ...piiCharts(model), ...dedupeCharts(model), riskChart(model)].filter((c): c is ReportChart => c !== null);
}
