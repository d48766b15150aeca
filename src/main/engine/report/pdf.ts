// The PDF report: one report model → A4 pages drawn by pdfkit (no browser), DejaVu fonts embedded,
// the run kind on a coloured banner on page 1, a header and a "page X of Y" footer on every page.
// Deterministic: the same model gives the same bytes (dates pinned to model.generatedAt).
import type { ReportModel } from '../../../shared/api/report-types';
import { drawGdpr, drawHipaa, drawReproducibility } from './pdf-compliance';
import { reportCharts, type ReportChart } from './charts';
import { drawCharts } from './pdf-charts';
import { drawCounts, drawDedupe, drawDiffs, drawPii, drawRisk, drawSteps } from './pdf-findings';
import { drawCover, drawInputs, drawPolicy, when } from './pdf-front';
import { COLORS, PAGE, Pdf } from './pdf-layout';

export async function renderPdf(model: ReportModel): Promise<Buffer> {
  const at = Date.parse(model.generatedAt);
  const date = new Date(Number.isNaN(at) ? 0 : at);
  const pdf = new Pdf({
    Title: `${model.run.title} — ${model.run.datasetName}`,
    Author: model.generatedBy,
    Subject: `Compliance report for run ${model.run.runId}`,
    Creator: `Data Sanitizer ${model.reproducibility.engineVersion}`,
    Producer: 'Data Sanitizer (pdfkit)',
    CreationDate: date,
    ModDate: date,
  });
  drawCover(pdf, model);
  drawInputs(pdf, model);
  drawPolicy(pdf, model);
  const charts = reportCharts(model);
  const chartsFor = (re: RegExp): ReportChart[] => charts.filter((c) => re.test(c.id));
  drawSteps(pdf, model);
  drawCharts(pdf, chartsFor(/^(cells-per-column|step-)/));
  drawCounts(pdf, model);
  drawPii(pdf, model);
  drawCharts(pdf, chartsFor(/^pii-/));
  drawDedupe(pdf, model);
  drawCharts(pdf, chartsFor(/^dedupe-/));
  drawRisk(pdf, model);
  drawCharts(pdf, chartsFor(/^risk-/));
  drawDiffs(pdf, model);
  drawHipaa(pdf, model);
  drawGdpr(pdf, model);
  drawReproducibility(pdf, model);
  pdf.ensure(0); // a heading still waiting for content
  drawPageFurniture(pdf, model);
  return pdf.end();
}

/** Header (run title, dataset) and footer (page X of Y, generated at, policy digest) on every page. */
function drawPageFurniture(pdf: Pdf, m: ReportModel): void {
  const { doc } = pdf;
  const range = doc.bufferedPageRange();
  const title = pdf.safe(m.run.title, 'bold');
  const dataset = pdf.safe(m.run.datasetName, 'regular');
  const footerMid = `generated ${when(m.generatedAt)}`;
  const footerRight = `policy ${m.policy.sha256.slice(0, 12)}…`;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing in the margins must not make pdfkit start a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const w = pdf.width;
    const half = w / 2 - 6;
    const top = 26;
    pdf.use('bold', 8).text(title, PAGE.left, top, { width: half, lineBreak: false, ellipsis: true, height: 10 });
    pdf.use('regular', 8, COLORS.muted).text(dataset, PAGE.left + w - half, top, { width: half, align: 'right', lineBreak: false, ellipsis: true, height: 10 });
    doc.moveTo(PAGE.left, top + 13).lineTo(PAGE.left + w, top + 13).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    const bottom = doc.page.height - PAGE.bottom + 22;
    doc.moveTo(PAGE.left, bottom - 6).lineTo(PAGE.left + w, bottom - 6).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    const third = w / 3;
    pdf.use('regular', 7.5, COLORS.muted);
    doc.text(`page ${i + 1} of ${range.count}`, PAGE.left, bottom, { width: third, lineBreak: false });
    doc.text(footerMid, PAGE.left + third, bottom, { width: third, align: 'center', lineBreak: false });
    doc.text(footerRight, PAGE.left + 2 * third, bottom, { width: third, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}
