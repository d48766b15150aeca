// The report's charts (the same echarts SVGs as the HTML report) drawn into the PDF as vectors by
// svg-to-pdfkit, with the embedded DejaVu fonts and the same ⟨U+XXXX⟩ replacement for glyphs
// they lack. A chart is never split across pages.
import type PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { standaloneSvg, type ReportChart } from './charts';
import { COLORS, PAGE, type Pdf } from './pdf-layout';

const PX_TO_PT = 72 / 96;

/** Width and height in SVG pixels from the root element. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\bwidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\bheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error(`a report chart has no usable width/height: ${root.slice(0, 120)}`);
  return { width, height };
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
/** XML character references (echarts escapes & < > " ', charts.ts writes the colon of http(s) as &#58;). */
const decode = (s: string) =>
  s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(lt|gt|quot|apos|amp));/gi, (ref, dec?: string, hex?: string, name?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (NAMED[name!.toLowerCase()] ?? ref),
  );
const encode = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A halo (white stroke under the fill) needs paint-order, which svg-to-pdfkit ignores: it would paint over the text. */
const dropHalo = (open: string) => (/\bpaint-order="stroke"/.test(open) ? open.replace(/ (?:stroke|stroke-width|stroke-miterlimit|paint-order)="[^"]*"/g, '') : open);

/**
 * Each <text>/<tspan>: no halo, and every character the font lacks as one □ (echarts laid the
 * label out for the original text, so a longer ⟨U+XXXX⟩ would overflow; the tables beside the
 * chart carry the code points).
 */
function printableSvg(pdf: Pdf, svg: string, svgWidth: number): string {
  return svg.replace(/(<(?:text|tspan)\b[^>]*>)([^<]+)/g, (_m, open: string, body: string) => dropHalo(open) + encode(fitLabel(pdf, open, pdf.boxed(decode(body), 'regular'), svgWidth)));
}

/**
 * echarts measured the label with its own estimate of the font; in DejaVu a long one can run out of
 * the chart (a browser clips it at the <svg> edge, svg-to-pdfkit would not). Shorten it with "…" to
 * the room its anchor leaves. Only unrotated labels (a plain translate) are measured.
 */
function fitLabel(pdf: Pdf, open: string, text: string, svgWidth: number): string {
  const at = /\btransform="translate\(([\d.-]+)[ ,]/.exec(open);
  const size = Number(/font-size:\s*([\d.]+)px/.exec(open)?.[1] ?? 12);
  if (!at) return text;
  const x = Number(at[1]) + Number(/\sx="([\d.-]+)"/.exec(open)?.[1] ?? 0);
  const anchor = /\btext-anchor="(start|middle|end)"/.exec(open)?.[1] ?? 'start';
  const room = (anchor === 'end' ? x : anchor === 'middle' ? 2 * Math.min(x, svgWidth - x) : svgWidth - x) - 2;
  const measure = (t: string) => pdf.use('regular', size).widthOfString(t);
  if (measure(text) <= room) return text;
  let chars = Array.from(text);
  while (chars.length > 0 && measure(`${chars.join('')}…`) > room) chars = chars.slice(0, -1);
  return `${chars.join('')}…`;
}

export function drawCharts(pdf: Pdf, charts: ReportChart[]): void {
  for (const chart of charts) drawChart(pdf, chart);
}

function drawChart(pdf: Pdf, chart: ReportChart): void {
  const { doc } = pdf;
  doc.moveDown(0.6);
  const size = svgSize(chart.svg);
  const scale = Math.min(1, pdf.width / (size.width * PX_TO_PT));
  const width = size.width * PX_TO_PT * scale;
  const height = size.height * PX_TO_PT * scale;
  const title = pdf.safe(chart.title, 'bold');
  const titleHeight = pdf.use('bold', 9).heightOfString(title, { width: pdf.width }) + 4;
  pdf.ensure(titleHeight + height + 8);
  pdf.use('bold', 9, COLORS.text).text(title, PAGE.left, doc.y, { width: pdf.width });
  const y = doc.y + 4;
  // svg-to-pdfkit sizes the drawing by the root's width/height, not by the options: rewrite them
  // (the viewBox keeps echarts' coordinates) so the chart scales into the text column.
  const sized = chart.svg.replace(/^<svg\b[^>]*>/, (root) =>
    root.replace(/\bwidth="[\d.]+"/, `width="${(width / PX_TO_PT).toFixed(2)}"`).replace(/\bheight="[\d.]+"/, `height="${(height / PX_TO_PT).toFixed(2)}"`),
  );
  // A browser clips an <svg> to its box; svg-to-pdfkit does not (a long axis label ran into the margin).
  const warnings: string[] = [];
  doc.save();
  doc.rect(PAGE.left, y, width, height).clip();
  SVGtoPDF(doc as unknown as typeof PDFDocument, standaloneSvg(printableSvg(pdf, sized, size.width)), PAGE.left, y, {
    width,
    height,
    fontCallback: (_family, bold) => (bold ? 'bold' : 'regular'),
    warningCallback: (w) => warnings.push(w),
  });
  doc.restore();
  // svg-to-pdfkit leaves the text state as the chart left it.
  doc.x = PAGE.left;
  doc.y = y + height + 8;
  // Something svg-to-pdfkit could not draw is said under the chart, not dropped in silence.
  if (warnings.length > 0) pdf.paragraph(`This chart may be incomplete: ${[...new Set(warnings)].join('; ')}`, { size: 7, color: COLORS.warn });
  pdf.use('regular', 9);
}
