// The PDF report rendered for real and read back with poppler (pdfinfo, pdftoppm, pdftotext,
// pdffonts): every page rasterises, every section's key strings are in the text, the run kind is
// on page 1, tables repeat their header across pages, only the embedded DejaVu fonts are used,
// and the same model gives the same bytes.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportModelSchema, type ReportModel } from '../../src/shared/api/report-types';
import { renderPdf } from '../../src/main/engine/report/pdf';
import { PAGE, Pdf } from '../../src/main/engine/report/pdf-layout';
import { sampleReportModel } from '../support/report-sample';

const A4_WIDTH = 595.28;
const POPPLER = ['pdfinfo', 'pdftoppm', 'pdftotext', 'pdffonts'];
let dir: string;

beforeAll(() => {
  const missing = POPPLER.filter((tool) => spawnSync(tool, ['-v']).error !== undefined);
  if (missing.length > 0) throw new Error(`The PDF report tests need poppler-utils (${missing.join(', ')} not found): apt-get install poppler-utils`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-report-pdf-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The sample with nothing measured: no PII scan, no dedupe, no risk, no approvals, no diffs, no steps array. */
function bareModel(): ReportModel {
  const m = sampleReportModel('unapproved');
  return reportModelSchema.parse({
    ...m,
    pii: { ...m.pii, scanned: false, scannedAt: null, decisionsSha256: null, findings: 0, byEntity: [] },
    dedupe: null,
    risk: null,
    sampleDiffs: [],
    steps: [],
    columns: [],
    policy: { ...m.policy, approvals: [], state: null, policyId: null, author: null, document: { name: 'inline', ops: 'none' } },
    reproducibility: { ...m.reproducibility, keyFingerprint: null, keyGeneration: null, piiDecisionsSha256: null, dedupeDecisionsSha256: null, outputSha256: null },
  });
}

/** Hostile text where users' data lands: CJK, emoji with ZWJ, RTL, control characters, one very long word. */
function hostileModel(): ReportModel {
  const m = sampleReportModel('compliance');
  const name = '病人 名单 👩‍⚕️ מטופלים مرضى\u0007 tab\there ' + 'x'.repeat(300);
  return reportModelSchema.parse({
    ...m,
    run: { ...m.run, datasetName: name, title: `${m.run.title} 🔒` },
    inputs: [{ ...m.inputs[0]!, fileName: name }],
    columns: [...m.columns, { column: 'see http://example.org/a&b', cellsChanged: 5 }],
    policy: { ...m.policy, name: 'ポリシー 🛡️', approvals: [{ ...m.policy.approvals[0]!, reason: 'אושר — 承認 ✅ '.repeat(40) }] },
  });
}

/** Fifty diffs and forty steps: the tables must break across pages. */
function longModel(): ReportModel {
  const m = sampleReportModel('compliance');
  const diffs = Array.from({ length: 50 }, (_, i) => ({ ...m.sampleDiffs[i % 5]!, rowId: i + 1 }));
  const steps = Array.from({ length: 40 }, (_, i) => ({ ...m.steps[i % 5]!, stepId: `s${i + 1}`, notes: [`note for step ${i + 1} `.repeat(6)] }));
  return reportModelSchema.parse({ ...m, sampleDiffs: diffs, steps });
}

interface Rendered {
  bytes: Buffer;
  pages: number;
  text: string;
  pageText: (n: number) => string;
}

async function render(name: string, model: ReportModel): Promise<Rendered> {
  const bytes = await renderPdf(model);
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
  // Every page rasterises, and poppler complains about nothing.
  const ppm = spawnSync('pdftoppm', ['-png', '-r', '40', file, path.join(dir, name)], { encoding: 'utf8' });
  expect(ppm.status, ppm.stderr).toBe(0);
  expect(ppm.stderr).toBe('');
  const pngs = fs.readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  expect(pngs).toHaveLength(pages);
  // No word is drawn outside the text column (charts scaled into it, long words wrapped).
  const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const outside = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</g)]
    .filter((w) => Number(w[1]) < PAGE.left - 1 || Number(w[2]) > A4_WIDTH - PAGE.right + 1)
    .map((w) => `${w[3]} (${w[1]}–${w[2]})`);
  expect(outside).toEqual([]);
  expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).not.toContain('This chart may be incomplete');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pageText = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });
  return { bytes, pages, text, pageText };
}

const SECTIONS = ['Inputs', 'Policy', 'Steps as written', 'Approvals', 'What was done', 'Personal data (PII) findings', 'Duplicates', 'Re-identification risk', 'Sample of changes', 'HIPAA Safe Harbor', 'GDPR Art. 30', 'Reproducibility'];

const HEADINGS = [...SECTIONS, 'Approvals', 'By entity type', 'By column', 'Cluster sizes', 'Cells changed per step and column', 'Cells changed per column (whole run)', 'Imputed, outliers, dropped'];

const CASES: { name: string; model: () => ReportModel; banner: RegExp; notBanner: RegExp; expect: string[] }[] = [
  {
    name: 'compliance',
    model: () => sampleReportModel('compliance'),
    banner: /\bAPPROVED\b[\s\S]*Compliance report/,
    notBanner: /UNAPPROVED|PREVIEW|Run report/,
    expect: ['omar (approver)', 'entities = {"EMAIL":"mask"', 'columns: {"all":true}', 'b2b2b2b2b2b2', 'Trim whitespace', 'pseudonym', 'none — not', 'US_SSN', 'Pairs scored', '31,207', '11,902', 'j***@***.org', 'Person-7f3a', 'TO BE COMPLETED BY THE CONTROLLER', '5e5e5e5e5e5e', 'e4e4e4e4e4e4', '--policy-version',
      // the charts, drawn as vectors with their text (a label DejaVu cannot draw shows □ per character)
      'Cells changed per column, whole run', 'Step 3 (s3), De-identify personal data', 'PERSON: findings by confidence', '1,560', 'Duplicate clusters by size', 'pairs (log scale)', 'Re-identification risk on born, zip, sex', 'notes □□ □'],
  },
  {
    name: 'unapproved',
    model: () => sampleReportModel('unapproved'),
    banner: /UNAPPROVED/,
    notBanner: /\bAPPROVED\b|PREVIEW|Compliance report/,
    expect: ['Run report (not a compliance run)', 'Unapproved run', 'was not approved when the run was made', 'DRAFT'],
  },
  {
    name: 'preview',
    model: () => sampleReportModel('preview'),
    banner: /PREVIEW/,
    notBanner: /APPROVED|Compliance report/,
    expect: ['Preview report', 'Preview — nothing was written', 'no output (preview)', 'none — no output version'],
  },
  {
    name: 'bare',
    model: bareModel,
    banner: /UNAPPROVED/,
    notBanner: /\bAPPROVED\b/,
    expect: ['was not scanned for personal data', 'No duplicate search was made', 'Not measured', 'No cell-level change to show', 'The run had no steps', 'inline (no lifecycle)', '"ops": "none"', 'none (no keyed operator)'],
  },
];

describe('PDF report', () => {
  it.each(CASES)('$name: renders every page, the kind on page 1, every section and its key strings', async (c) => {
    const r = await render(c.name, c.model());
    expect(r.pages).toBeGreaterThanOrEqual(3);
    const first = r.pageText(1);
    expect(first).toMatch(c.banner);
    expect(first).not.toMatch(c.notBanner);
    for (const s of SECTIONS) expect(r.text, s).toContain(s);
    for (const s of c.expect) expect(r.text, s).toContain(s);
    if (c.name === 'compliance') expect(r.text).toMatch(/NOT\s+HANDLED/);
    for (let p = 1; p <= r.pages; p++) {
      const t = r.pageText(p);
      expect(t).toContain(`page ${p} of ${r.pages}`);
      expect(t).toContain('generated 2026-12-05 08:00:00 UTC');
      expect(t).toContain('policy 5e5e5e5e5e5e');
      expect(t).toContain(sampleReportModel().run.datasetName);
      // No page ends on a heading: a heading moves to the next page with its content.
      const lines = t.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(HEADINGS, `page ${p} ends with a heading`).not.toContain(lines[lines.length - 2]);
    }
  });

  it('embeds only the DejaVu fonts (never a WinAnsi standard font) and pins its dates to generatedAt', async () => {
    const r = await render('fonts', sampleReportModel());
    const file = path.join(dir, 'fonts.pdf');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) {
      expect(line).toMatch(/DejaVu/);
      expect(line).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, ToUnicode
    }
    const info = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
    expect(info).toMatch(/CreationDate:\s+2026-12-05T08:00:00Z/);
    expect(info).toMatch(/ModDate:\s+2026-12-05T08:00:00Z/);
    expect(r.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('has a glyph, in all three fonts, for every character the replacement itself draws', () => {
    const pdf = new Pdf({});
    for (const role of ['regular', 'bold', 'mono'] as const) expect(pdf.fits('⟨U+0123456789ABCDEF⟩∅→—…·×', role), role).toBe(true);
  });

  it('is deterministic: the same model gives the same bytes; another generatedAt does not', async () => {
    const a = await renderPdf(sampleReportModel());
    const b = await renderPdf(sampleReportModel());
    expect(b.equals(a)).toBe(true);
    const later = await renderPdf({ ...sampleReportModel(), generatedAt: '2026-12-06T08:00:00.000Z' });
    expect(later.equals(a)).toBe(false);
  });

  it('draws CJK, emoji and control characters it has no glyph for as visible code points, and does not crash on RTL or a 300-character word', async () => {
    const r = await render('hostile', hostileModel());
    const first = r.pageText(1);
    expect(first).toContain('⟨U+75C5 U+4EBA⟩ ⟨U+540D U+5355⟩'); // 病人 名单
    expect(first).toContain('U+1F469'); // 👩 of the ZWJ sequence
    expect(first).toContain('U+0007'); // BEL
    expect(r.text).toContain('⟨U+30DD U+30EA U+30B7 U+30FC⟩'); // ポリシー
    expect(r.text).toMatch(/מטופלים|םילפוטמ/); // Hebrew has glyphs: drawn, not replaced
    expect(r.text).not.toContain('\uFFFD');
    // A chart label with a URL and an ampersand reads as written (charts.ts escapes both in the SVG).
    expect(r.text).toContain('see http://example.org/a&b'); // in the table, whole
    expect(r.text).toMatch(/see http:\/\/\S*…/); // on the chart's axis, shortened to fit
    expect(r.text).not.toMatch(/&#58;|&amp;/);
    expect(r.text).toContain('x'.repeat(40)); // the long word wraps instead of overflowing
    // The header of every page carries the (replaced) dataset name, cut with an ellipsis.
    for (let p = 1; p <= r.pages; p++) expect(r.pageText(p)).toContain('⟨U+75C5 U+4EBA⟩');
  });

  it('breaks long tables across pages and repeats their header row', async () => {
    const r = await render('long', longModel());
    expect(r.pages).toBeGreaterThanOrEqual(6);
    const pagesWith = (re: RegExp) => Array.from({ length: r.pages }, (_, i) => i + 1).filter((p) => re.test(r.pageText(p)));
    // The steps table's header (Cells changed · Rows removed · Failures) on each page it spans.
    const stepPages = pagesWith(/note for step \d+/);
    expect(stepPages.length).toBeGreaterThanOrEqual(2);
    for (const p of stepPages) expect(r.pageText(p)).toMatch(/Step\s+What\s+Columns/);
    // The diffs table likewise.
    const diffPages = pagesWith(/Person-7f3a/);
    expect(diffPages.length).toBeGreaterThanOrEqual(2);
    for (const p of diffPages) expect(r.pageText(p)).toMatch(/Row\s+Column\s+Before\s+After/);
    // Every one of the 40 steps and 50 diff rows is there.
    for (let i = 1; i <= 40; i++) expect(r.text).toContain(`note for step ${i} `);
  });
});
