// The PDF report's regulation mapping (HIPAA Safe Harbor's 18 categories, a GDPR Art. 30 draft)
// and the reproducibility section (digests and the command that re-runs the job).
import type { ReportHipaa, ReportModel } from '../../../shared/api/report-types';
import { COLORS, type Fact, type Pdf } from './pdf-layout';

const HIPAA_STATUS: Record<ReportHipaa['status'], { text: string; color: string }> = {
  handled: { text: 'handled', color: COLORS.good },
  'not-detected': { text: 'not detected', color: COLORS.muted },
  'not-handled': { text: 'NOT HANDLED', color: COLORS.bad },
};

export function drawHipaa(pdf: Pdf, m: ReportModel): void {
  pdf.heading('HIPAA Safe Harbor — 45 CFR 164.514(b)(2)(i)');
  pdf.paragraph('Each of the 18 identifier categories: handled by a step of this run, not detected by the scan, or detected and not handled.', {
    size: 8,
    color: COLORS.muted,
  });
  pdf.table(
    [
      { header: '', width: 0.35, cell: (h: ReportHipaa) => h.code, role: 'bold' },
      { header: 'Category', width: 3, cell: (h) => h.category },
      { header: 'Status', width: 1.7, cell: (h) => HIPAA_STATUS[h.status].text, role: 'bold', color: (h) => HIPAA_STATUS[h.status].color },
      { header: 'Evidence', width: 5, cell: (h) => h.evidence },
    ],
    m.hipaa,
  );
}

export function drawGdpr(pdf: Pdf, m: ReportModel): void {
  pdf.heading('GDPR Art. 30 — record of processing (draft)');
  pdf.paragraph('Fields the workspace knows are filled in; the rest are marked for the controller to complete.', { size: 8, color: COLORS.muted });
  pdf.table(
    [
      { header: 'Field', width: 3, cell: (g) => g.field, role: 'bold' },
      {
        header: 'Value',
        width: 5,
        cell: (g) => (g.source === 'controller' && (g.value === null || g.value === '') ? 'TO BE COMPLETED BY THE CONTROLLER' : (g.value ?? '')),
        color: (g) => (g.source === 'controller' ? COLORS.warn : COLORS.text),
      },
      { header: 'Source', width: 1.2, cell: (g) => g.source },
    ],
    m.gdpr,
    { empty: 'No record fields.' },
  );
}

export function drawReproducibility(pdf: Pdf, m: ReportModel): void {
  const r = m.reproducibility;
  pdf.heading('Reproducibility');
  const digest = (v: string | null, none: string): [string, 'mono' | 'regular'] => (v === null ? [none, 'regular'] : [v, 'mono']);
  const facts: Fact[] = [
    ['Engine version', r.engineVersion],
    ['Policy SHA-256', r.policySha256, 'mono'],
    ['Workspace key fingerprint', ...digest(r.keyFingerprint, 'none (no keyed operator)')],
    ['Workspace key generation', r.keyGeneration === null ? '—' : String(r.keyGeneration)],
    ['PII review decisions SHA-256', ...digest(r.piiDecisionsSha256, 'none')],
    ['Dedupe review decisions SHA-256', ...digest(r.dedupeDecisionsSha256, 'none')],
    ...r.inputSha256.map((d, i): Fact => [r.inputSha256.length > 1 ? `Input ${i + 1} SHA-256` : 'Input SHA-256', d, 'mono']),
    ['Output SHA-256 (canonical CSV)', ...digest(r.outputSha256, 'none — no output version')],
  ];
  pdf.facts(facts);
  pdf.paragraph('The key itself is never part of a report. The command that reproduces this run:', { size: 8, color: COLORS.muted });
  pdf.paragraph(r.command, { role: 'mono', size: 8 });
}
