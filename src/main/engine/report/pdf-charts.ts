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

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const encode = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A halo (white stroke under the fill) needs paint-order, which svg-to-pdfkit ignores: it would paint over the text. */
const dropHalo = (open: string) => (/\bpaint-order="stroke"/.test(open) ? open.replace(/ (?:stroke|stroke-width|stroke-miterlimit|paint-order)="[^"]*"/g, '') : open);

/**
 * Each <text>/<tspan>: no halo, and every character the font lacks as one □ (echarts laid the
 * label out for the original text, so a longer ⟨U+XXXX⟩ would overflow; the tables beside the
 * chart carry the code points).
 */
function printableSvg(pdf: Pdf, svg: string): string {
  return svg.replace(/(<(?:text|tspan)\b[^>]*>)([^<]+)/g, (_m, open: string, body: string) => dropHalo(open) + encode(pdf.boxed(decode(body), 'regular')));
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
  SVGtoPDF(doc as unknown as typeof PDFDocument, standaloneSvg(printableSvg(pdf, sized)), PAGE.left, y, {
    width,
    height,
    fontCallback: (_family, bold) => (bold ? 'bold' : 'regular'),
    warningCallback: (w) => {
      throw new Error(`chart ${chart.id}: svg-to-pdfkit: ${w}`);
    },
  });
  // svg-to-pdfkit leaves the text state as the chart left it.
  doc.x = PAGE.left;
  doc.y = y + height + 8;
  pdf.use('regular', 9);
}
