// The PDF report's first sections: the run-kind banner (never ambiguous), the run summary, the
// inputs and the policy as run with its steps and approvals.
import type { ReportModel } from '../../../shared/api/report-types';
import { COLORS, PAGE, type Column, type Fact, type Pdf } from './pdf-layout';

type Run = ReportModel['run'];
type Approval = ReportModel['policy']['approvals'][number];
type Input = ReportModel['inputs'][number];

export const num = (n: number): string => {
  const [int, frac] = String(n).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
};

/** ISO-8601 instants as "2026-12-05 07:58:12 UTC"; anything else as given. */
export const when = (iso: string | null): string => {
  if (iso === null) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
};

export const bytes = (n: number | null): string => (n === null ? '—' : `${num(n)} bytes`);

const BANNER: Record<Run['kind'], { fill: string; word: string; line: string }> = {
  compliance: { fill: COLORS.good, word: 'APPROVED', line: 'This run applied the ACTIVE policy version, approved and signed before the run.' },
  unapproved: { fill: COLORS.bad, word: 'UNAPPROVED', line: 'The policy was NOT approved: this run is not evidence of an approved de-identification.' },
  preview: { fill: COLORS.preview, word: 'PREVIEW', line: 'A preview: nothing was written; no output version exists.' },
};

/** Page 1: the coloured banner, the title, and the run in facts. */
export function drawCover(pdf: Pdf, m: ReportModel): void {
  const { doc } = pdf;
  const b = BANNER[m.run.kind];
  const y = PAGE.top;
  const height = 74;
  doc.rect(PAGE.left, y, pdf.width, height).fill(b.fill);
  pdf.use('bold', 26, '#ffffff').text(b.word, PAGE.left + 14, y + 10, { width: pdf.width - 28, lineBreak: false });
  pdf.use('bold', 12, '#ffffff').text(pdf.safe(m.run.title, 'bold'), PAGE.left + 14, y + 42, { width: pdf.width - 28, lineBreak: false, ellipsis: true, height: 16 });
  pdf.use('regular', 8, '#ffffff').text(b.line, PAGE.left + 14, y + 58, { width: pdf.width - 28, lineBreak: false, ellipsis: true, height: 12 });
  doc.x = PAGE.left;
  doc.y = y + height + 14;

  // Only a run under an approved policy is called a compliance report, even in small print.
  const heading = m.run.kind === 'compliance' ? 'Compliance report' : m.run.kind === 'preview' ? 'Preview report' : 'Run report (not a compliance run)';
  pdf.use('bold', 18).text(heading, PAGE.left, doc.y, { width: pdf.width });
  pdf.use('regular', 11, COLORS.muted).text(pdf.safe(m.run.datasetName, 'regular'), { width: pdf.width });
  doc.moveDown(0.6);

  const r = m.run;
  const facts: Fact[] = [
    ['Run', `${r.runId} — ${r.title}`],
    ['Stamp', r.stamp ?? 'none (preview)', 'bold', b.fill],
    ['Dataset', `${r.datasetName} (${r.datasetId})`],
    ['Versions', `input v${r.inputVersion} → ${r.outputVersion === null ? 'no output (preview)' : `output v${r.outputVersion}`}`],
    ['Started', `${when(r.startedAt)}, took ${r.seconds.toFixed(2)} s`],
    ['Run by', r.actor],
    ['Actor key fingerprint', r.actorFingerprint ?? 'none — the run was not signed', r.actorFingerprint ? 'mono' : 'regular'],
    ['Rows', `${num(r.rowsIn)} in → ${num(r.rowsOut)} out (${num(r.rowsRemoved)} removed)`],
    ['Cells changed', num(r.cellsChanged)],
    ['Policy', `${m.policy.name} v${m.policy.version} (${m.policy.state ?? 'inline'})`],
    ['Report generated', `${when(m.generatedAt)} by ${m.generatedBy}, workspace ${m.workspaceId}`],
  ];
  pdf.facts(facts);
  pdf.paragraph(
    'About this file: characters the embedded DejaVu fonts cannot draw (CJK, most emoji) are written as ⟨U+XXXX⟩ code points (in charts, as □); ' +
      'the HTML and JSON reports carry them as written. Cells of personal data appear masked only.',
    { size: 7.5, color: COLORS.muted },
  );
}

export function drawInputs(pdf: Pdf, m: ReportModel): void {
  pdf.heading('Inputs');
  const cols: Column<Input>[] = [
    { header: 'File', width: 2.8, cell: (i) => i.fileName },
    { header: 'Format', width: 1.2, cell: (i) => i.format },
    { header: 'Size', width: 1.7, cell: (i) => bytes(i.sizeBytes), align: 'right' },
    { header: 'Rows × columns', width: 1.6, cell: (i) => `${num(i.rows)} × ${num(i.columns)}`, align: 'right' },
    { header: 'SHA-256', width: 4, cell: (i) => i.sha256 ?? 'not recorded', role: 'mono' },
    { header: 'Imported', width: 1.8, cell: (i) => when(i.importedAt) },
  ];
  pdf.table(cols, m.inputs, { empty: 'No input files are recorded for this run.' });
  for (const input of m.inputs) {
    const settings = Object.entries(input.settings)
      .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
      .join(';  ');
    pdf.paragraph(`Import settings of ${input.fileName}: ${settings === '' ? 'defaults' : settings}`, { size: 8 });
  }
}

/** One line per setting, each parameter on its own line; `enabled: true` and empty params left out. */
function stepDetail(rest: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'enabled' && value === true) continue;
    if (key === 'params' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [p, v] of Object.entries(value)) lines.push(`${p} = ${JSON.stringify(v)}`);
    } else {
      lines.push(`${key}: ${JSON.stringify(value)}`);
    }
  }
  return lines.length === 0 ? '(no parameters)' : lines.join('\n');
}

/** The policy's steps as documented: each with every parameter, as compact JSON. */
function policySteps(document: unknown): { id: string; type: string; detail: string }[] | null {
  const steps = (document as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps)) return null;
  return steps.map((s: unknown, i) => {
    const { id, type, ...rest } = (s ?? {}) as Record<string, unknown>;
    return { id: typeof id === 'string' ? id : `#${i + 1}`, type: typeof type === 'string' ? type : '?', detail: stepDetail(rest) };
  });
}

export function drawPolicy(pdf: Pdf, m: ReportModel): void {
  const p = m.policy;
  pdf.heading('Policy');
  pdf.facts([
    ['Name', p.name],
    ['Version', `v${p.version}${p.policyId ? ` of policy ${p.policyId}` : ' (inline policy)'}`],
    ['State at report time', p.state ?? 'inline (no lifecycle)', 'bold', p.state === 'ACTIVE' ? COLORS.good : COLORS.warn],
    ['Author', p.author ?? 'not recorded'],
    ['Policy SHA-256', p.sha256, 'mono'],
  ]);
  pdf.heading('Steps as written', 2);
  const steps = policySteps(p.document);
  if (steps === null) {
    pdf.paragraph(JSON.stringify(p.document, null, 1), { role: 'mono', size: 7 });
  } else {
    pdf.table(
      [
        { header: 'Step', width: 2, cell: (s) => s.id, role: 'mono' },
        { header: 'Type', width: 1.8, cell: (s) => s.type },
        { header: 'Parameters (as run)', width: 6.2, cell: (s) => s.detail, role: 'mono' },
      ],
      steps,
      { empty: 'The policy has no steps.' },
    );
  }
  pdf.heading('Approvals', 2);
  const cols: Column<Approval>[] = [
    { header: 'Approved by', width: 1.5, cell: (a) => (a.role ? `${a.by} (${a.role})` : a.by) },
    { header: 'When', width: 1.6, cell: (a) => when(a.at) },
    { header: 'Reason', width: 3, cell: (a) => a.reason },
    { header: 'Key fingerprint (SHA-256 of the public key)', width: 3.6, cell: (a) => a.keyFingerprint, role: 'mono' },
  ];
  pdf.table(cols, p.approvals, {
    empty: m.run.kind === 'compliance' ? 'No approvals are recorded.' : 'None: this policy version was not approved when the run was made.',
  });
}
