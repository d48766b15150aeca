// The PDF report's "what was done" sections: per-step and per-column counts, PII findings by entity
// and column, duplicates, imputed/outliers/dropped, re-identification risk and the sample diffs.
import type { ReportDiff, ReportModel, ReportStep } from '../../../shared/api/report-types';
import { num, when } from './pdf-front';
import { COLORS, type Column, type Pdf } from './pdf-layout';

type Entity = ReportModel['pii']['byEntity'][number];
type Bin = Entity['confidence'][number];
type Measure = NonNullable<ReportModel['risk']>['before'];

/** Non-empty bins as "0.8–0.9: 60". */
export const binsText = (bins: Bin[]): string =>
  bins
    .filter((b) => b.count > 0)
    .map((b) => `${b.from.toFixed(2)}–${b.to.toFixed(2)}: ${num(b.count)}`)
    .join(' · ') || 'none';

export function drawSteps(pdf: Pdf, m: ReportModel): void {
  pdf.heading('What was done');
  const cols: Column<ReportStep>[] = [
    // Step ids run to "hipaa-safe-harbor.identifiers": a column wide enough to break them at their
    // hyphens and dots, not mid-word every six letters.
    { header: 'Step', width: 2.1, cell: (s) => s.stepId, role: 'mono' },
    { header: 'What', width: 2.4, cell: (s) => `${s.label} (${s.type})${s.enabled ? '' : ' — disabled'}` },
    // No column: the step's selection matched none (as the HTML report shows it), not "every column".
    { header: 'Columns', width: 1.7, cell: (s) => (s.columns.length ? s.columns.join(', ') : '—') },
    { header: 'Cells changed', width: 1.1, cell: (s) => num(s.cellsChanged), align: 'right' },
    { header: 'Rows removed', width: 1.1, cell: (s) => num(s.rowsRemoved), align: 'right' },
    { header: 'Failures', width: 1, cell: (s) => num(s.failures), align: 'right', color: (s) => (s.failures > 0 ? COLORS.warn : COLORS.text) },
    { header: 'Notes', width: 2.4, cell: (s) => s.notes.join('; ') },
  ];
  pdf.table(cols, m.steps, { empty: 'The run had no steps.' });
  pdf.heading('Cells changed per step and column', 2);
  const perColumn = m.steps.flatMap((s) => s.perColumn.map((c) => ({ step: s, ...c })));
  pdf.table(
    [
      { header: 'Step', width: 2.5, cell: (r) => `${r.step.stepId} · ${r.step.label}` },
      { header: 'Column', width: 2.5, cell: (r) => r.column },
      { header: 'Cells changed', width: 1.2, cell: (r) => num(r.cellsChanged), align: 'right' },
    ],
    perColumn,
    { empty: 'No cell was changed.' },
  );
  pdf.heading('Cells changed per column (whole run)', 2);
  pdf.table(
    [
      { header: 'Column', width: 3, cell: (r) => r.column },
      { header: 'Cells changed', width: 1, cell: (r) => num(r.cellsChanged), align: 'right' },
    ],
    m.columns,
    { empty: 'No cell was changed.' },
  );
}

export function drawCounts(pdf: Pdf, m: ReportModel): void {
  pdf.heading('Imputed, outliers, dropped', 2);
  pdf.facts([
    ['Values imputed', num(m.valuesImputed)],
    ['Outliers handled', num(m.outliersHandled)],
    ['Rows dropped', num(m.rowsDropped)],
  ]);
}

export function drawPii(pdf: Pdf, m: ReportModel): void {
  const pii = m.pii;
  pdf.heading('Personal data (PII) findings');
  if (!pii.scanned) {
    pdf.paragraph('The input version was not scanned for personal data: nothing in this section was measured.', { role: 'bold', color: COLORS.bad });
    pdf.paragraph(pii.caveat, { size: 8, color: COLORS.muted });
    return;
  }
  pdf.facts([
    ['Scanned', when(pii.scannedAt)],
    ['Findings', num(pii.findings)],
    ['Review decisions SHA-256', pii.decisionsSha256 ?? 'no review decisions', pii.decisionsSha256 ? 'mono' : 'regular'],
  ]);
  pdf.heading('By entity type', 2);
  pdf.table(
    [
      { header: 'Entity', width: 1.4, cell: (e: Entity) => e.entity, role: 'bold' },
      { header: 'Findings', width: 1, cell: (e) => num(e.findings), align: 'right' },
      { header: 'Operator applied', width: 1.5, cell: (e) => e.operator ?? 'none — not handled', color: (e) => (e.operator ? COLORS.text : COLORS.bad) },
      { header: 'Confidence distribution (non-empty bins)', width: 5, cell: (e) => binsText(e.confidence) },
    ],
    pii.byEntity,
    { empty: 'Nothing was detected.' },
  );
  pdf.heading('By column', 2);
  const rows = pii.byEntity.flatMap((e) => e.columns.map((c) => ({ entity: e.entity, ...c })));
  pdf.table(
    [
      { header: 'Column', width: 2.5, cell: (r) => r.column },
      { header: 'Entity', width: 1.5, cell: (r) => r.entity },
      { header: 'Findings', width: 1, cell: (r) => num(r.findings), align: 'right' },
      { header: 'Accepted', width: 1, cell: (r) => num(r.accepted), align: 'right' },
      { header: 'Rejected', width: 1, cell: (r) => num(r.rejected), align: 'right' },
    ],
    rows,
    { empty: 'Nothing was detected.' },
  );
  pdf.paragraph(pii.caveat, { size: 8, color: COLORS.muted });
}

export function drawDedupe(pdf: Pdf, m: ReportModel): void {
  pdf.heading('Duplicates');
  const d = m.dedupe;
  if (d === null) {
    pdf.paragraph('No duplicate search was made for this run or its input version.', { color: COLORS.muted });
    return;
  }
  pdf.facts([
    ['Figures from', d.source === 'run-step' ? "this run's dedupe step" : 'the latest duplicate search on the input version'],
    ['Pairs scored', num(d.pairsScored)],
    ['Clusters found', num(d.clusters)],
    ['Rows in clusters', num(d.rowsInClusters)],
    ['Rows removed (merged)', num(d.rowsRemoved)],
    ['Cells filled by survivorship', num(d.cellsFilled)],
    ['Review decisions SHA-256', d.decisionsSha256 ?? 'no review decisions', d.decisionsSha256 ? 'mono' : 'regular'],
    ['Match model SHA-256', d.modelSha256 ?? 'not recorded', d.modelSha256 ? 'mono' : 'regular'],
  ]);
  pdf.heading('Cluster sizes', 2);
  pdf.table(
    [
      { header: 'Rows per cluster', width: 1, cell: (c) => num(c.size), align: 'right' },
      { header: 'Clusters', width: 1, cell: (c) => num(c.clusters), align: 'right' },
    ],
    d.clusterSizes,
    { empty: 'No clusters.' },
  );
  pdf.paragraph(`Scored pairs by match probability: ${binsText(d.probabilities)}`, { size: 8 });
}

const measureRows = (before: Measure, after: Measure | null) => {
  const line = (label: string, pick: (x: Measure) => number) => ({ label, before: num(pick(before)), after: after ? num(pick(after)) : '—' });
  return [
    line('Version', (x) => x.version),
    line('Rows', (x) => x.rows),
    line('Equivalence classes', (x) => x.classes),
    line('k (smallest class)', (x) => x.k),
    line('Records in classes below the target k', (x) => x.recordsBelowK),
    line('Unique records', (x) => x.uniqueRecords),
  ];
};

export function drawRisk(pdf: Pdf, m: ReportModel): void {
  pdf.heading('Re-identification risk (k-anonymity)');
  const r = m.risk;
  if (r === null) {
    pdf.paragraph('Not measured: no quasi-identifiers were chosen for this dataset.', { color: COLORS.muted });
    return;
  }
  pdf.facts([
    ['Quasi-identifiers', r.quasiIdentifiers.join(', ')],
    ['Target k', num(r.targetK)],
  ]);
  pdf.table(
    [
      { header: 'Measure', width: 3, cell: (x) => x.label },
      { header: 'Before', width: 1, cell: (x) => x.before, align: 'right' },
      { header: 'After', width: 1, cell: (x) => x.after, align: 'right' },
    ],
    measureRows(r.before, r.after),
  );
  for (const note of r.notes) pdf.paragraph(note, { size: 8 });
}

export function drawDiffs(pdf: Pdf, m: ReportModel): void {
  pdf.heading('Sample of changes');
  pdf.paragraph('Cells that held personal data are shown masked (marked "masked"); no raw value of such a cell appears in this report.', { size: 8, color: COLORS.muted });
  const show = (v: string | null) => (v === null ? '∅ (null)' : v);
  const cols: Column<ReportDiff>[] = [
    { header: 'Row', width: 0.7, cell: (d) => String(d.rowId), align: 'right' },
    { header: 'Column', width: 1.6, cell: (d) => (d.kind === 'row' ? '(whole row)' : (d.column ?? '')) },
    { header: 'Before', width: 2.2, cell: (d) => (d.kind === 'row' ? 'row removed' : show(d.before)), role: 'mono' },
    { header: 'After', width: 2.2, cell: (d) => (d.kind === 'row' ? '—' : show(d.after)), role: 'mono' },
    { header: 'Step', width: 1.8, cell: (d) => d.step },
    { header: 'Conf.', width: 0.7, cell: (d) => d.confidence.toFixed(2), align: 'right' },
    { header: 'Masked', width: 1, cell: (d) => (d.masked ? 'masked' : ''), color: () => COLORS.warn },
  ];
  pdf.table(cols, m.sampleDiffs, { empty: 'No cell-level change to show.' });
}
