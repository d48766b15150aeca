// The HTML compliance report: one self-contained file from a ReportModel. Inline CSS, charts as inline
// SVG, no script, a CSP that forbids every fetch, and every string from the model escaped. Pure and
// deterministic: the same model gives the same bytes.
import { RUN_KIND_TITLES, type ReportModel } from '../../../shared/api/report-types';
import { reportCharts } from './charts';
import { type Content, digest, el, esc, facts, plural, when, type Html } from './html-parts';
import {
  diffsSection,
  doneSection,
  dedupeSection,
  gdprSection,
  hipaaSection,
  inputsSection,
  piiSection,
  policySection,
  reproSection,
  riskSection,
} from './html-sections';
import { reportCss } from './html-style';

/** No fetch of any kind: not a font, an image, a frame, a form target or a prefetch. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STAMPS = { compliance: 'APPROVED', unapproved: 'UNAPPROVED', preview: 'PREVIEW' } as const;
/** The heading under the banner: only a compliance run's report is called a compliance report. */
const HEADINGS = { compliance: 'Compliance report: ', unapproved: 'Run report (not a compliance run): ', preview: 'Preview report: ' } as const;

function bannerText(m: ReportModel): string {
  const approvers = m.policy.approvals.map((a) => a.by).join(', ');
  switch (m.run.kind) {
    case 'compliance':
      return `Policy "${m.policy.name}" v${m.policy.version} was ACTIVE and approved by ${approvers || 'nobody on record'}; the run wrote version ${m.run.outputVersion ?? '—'}.`;
    case 'unapproved':
      return `This run is not evidence of compliance: policy "${m.policy.name}" v${m.policy.version} (${m.policy.state ?? 'inline'}) was not approved by someone other than its author.`;
    case 'preview':
      return 'A dry run: nothing was written, no dataset version was created, and the figures show what the policy would do.';
  }
}

function banner(m: ReportModel): Html {
  const kind = m.run.kind;
  return el(
    'header',
    { class: `banner ${kind}` },
    el('div', { class: 'stamp' }, STAMPS[kind]),
    el('div', {}, el('div', { class: 'what' }, RUN_KIND_TITLES[kind]), el('p', {}, bannerText(m))),
  );
}

function summary(m: ReportModel): Html {
  const r = m.run;
  const tile = (n: Content, label: string, alert = false) => el('div', alert ? { class: 'alert' } : {}, el('b', {}, n), el('span', {}, label));
  const notHandled = m.hipaa.filter((h) => h.status === 'not-handled').length;
  return el(
    'div',
    { class: 'summary' },
    tile(r.rowsIn, 'rows in'),
    tile(r.rowsOut, 'rows out'),
    tile(r.cellsChanged, 'cells changed'),
    tile(r.rowsRemoved, 'rows removed'),
    tile(m.pii.scanned ? m.pii.findings : 'not scanned', 'PII findings'),
    tile(notHandled, 'HIPAA categories not handled', notHandled > 0),
  );
}

const SECTIONS: [string, string][] = [
  ['inputs', 'Inputs'],
  ['policy', 'Policy'],
  ['done', 'What was done'],
  ['pii', 'Personal data (PII)'],
  ['duplicates', 'Duplicates'],
  ['risk', 'Re-identification risk'],
  ['diffs', 'Sample of cell-level changes'],
  ['hipaa', 'HIPAA Safe Harbor'],
  ['gdpr', 'GDPR Article 30 draft'],
  ['repro', 'Reproducibility'],
];

function runFacts(m: ReportModel): Html {
  const r = m.run;
  return facts([
    ['Run', r.runId],
    ['Started', `${when(r.startedAt)}, took ${r.seconds.toFixed(2)} s`],
    ['Run by', [r.actor, r.actorFingerprint ? [' — key ', digest(r.actorFingerprint)] : ' (no signing identity)']],
    ['Dataset', [r.datasetName, ` (${r.datasetId})`]],
    ['Versions', r.outputVersion === null ? `read version ${r.inputVersion}; wrote none` : `version ${r.inputVersion} → version ${r.outputVersion}`],
    ['Policy', `${m.policy.name}, version ${m.policy.version}${m.policy.state ? ` (${m.policy.state})` : ''}`],
  ]);
}

export function renderHtml(model: ReportModel): string {
  const m = model;
  const all = new Map(reportCharts(m).map((c) => [c.id, c]));
  const title = `${STAMPS[m.run.kind]} · ${m.run.datasetName} · run ${m.run.runId} — Data Sanitizer report`;
  const body = el(
    'main',
    {},
    banner(m),
    el('h1', {}, HEADINGS[m.run.kind], el('bdi', {}, m.run.datasetName)),
    runFacts(m),
    summary(m),
    el('nav', { class: 'toc', 'aria-label': 'Contents' }, el('b', {}, 'Contents'), el('ol', {}, SECTIONS.map(([id, t]) => el('li', {}, el('a', { href: `#${id}` }, t))))),
    inputsSection(m),
    policySection(m),
    doneSection(m, all),
    piiSection(m, all),
    dedupeSection(m, all),
    riskSection(m, all),
    diffsSection(m),
    hipaaSection(m),
    gdprSection(m),
    reproSection(m),
    el('footer', {}, `Generated ${when(m.generatedAt)} by ${m.generatedBy} in workspace ${m.workspaceId} · report format ${m.reportFormat} · ${plural(all.size, 'chart')} · no script, no external resource.`),
  );
  const running = `${STAMPS[m.run.kind]} — ${RUN_KIND_TITLES[m.run.kind]} — ${m.run.datasetName} — run ${m.run.runId}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(REPORT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${reportCss(running)}</style>`,
    '</head>',
    `<body>${body.text}</body>`,
    '</html>',
    '',
  ].join('\n');
}
