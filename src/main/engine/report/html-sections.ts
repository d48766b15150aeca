// The HTML report's sections, one function each, in the order the issue lists them. A section with
// nothing measured says so ("not run", "not scanned") rather than showing empty tables.
import type { ReportModel } from '../../../shared/api/report-types';
import type { ReportChart } from './charts';
import { formatCount } from './charts';
import { type Content, bytes, code, digest, el, facts, figure, none, p, plural, section, table, when, type Html } from './html-parts';

type Charts = Map<string, ReportChart>;

const charts = (all: Charts, ids: string[]): Html | null => {
  const found = ids.map((id) => all.get(id)).filter((c): c is ReportChart => c !== undefined);
  return found.length === 0 ? null : el('div', { class: 'charts' }, found.map(figure));
};
const notRun = (...c: Content[]) => el('p', { class: 'notrun' }, ...c);
const json = (v: unknown) => el('pre', {}, JSON.stringify(v, null, 2) ?? 'undefined');

/**
 * A step's parameters, one per line as `name: value` (compact JSON): the `params` object's entries
 * first, then the other settings (`where`, `note` …). `enabled: true` is the default and left out.
 */
function parameters(rest: Record<string, unknown>): Content {
  const { params, enabled, ...other } = rest;
  const inner = typeof params === 'object' && params !== null && !Array.isArray(params) ? (params as Record<string, unknown>) : params === undefined ? {} : { params };
  const entries = [...(enabled === false ? [['enabled', false] as const] : []), ...Object.entries(inner), ...Object.entries(other)];
  const lines = entries.map(([k, v]) => `${k}: ${JSON.stringify(v, null, 1)?.replace(/\n\s*/g, ' ') ?? 'undefined'}`);
  return lines.length === 0 ? none() : el('pre', { class: 'params' }, lines.join('\n'));
}

export function inputsSection(m: ReportModel): Html {
  const one = (i: ReportModel['inputs'][number], n: number) => [
    el('h3', {}, `Input ${n + 1}: `, i.fileName),
    facts([
      ['File name', i.fileName],
      ['Format', i.format],
      ['Size', bytes(i.sizeBytes)],
      ['SHA-256', digest(i.sha256)],
      ['Rows × columns', `${formatCount(i.rows)} × ${formatCount(i.columns)}`],
      ['Imported', when(i.importedAt)],
      ['Import settings', Object.keys(i.settings).length === 0 ? none('defaults') : table(['Setting', 'Value'], Object.entries(i.settings).map(([k, v]) => [k, code(JSON.stringify(v))]), { cls: 'settings' })],
    ]),
  ];
  return section('inputs', 'Inputs', m.inputs.length === 0 ? notRun('No input file is recorded for this run.') : m.inputs.map(one));
}

/** A policy step's column selector in words where it has a familiar shape. */
function columnsInWords(sel: unknown): Content {
  if (sel === undefined) return none("the step's default");
  if (typeof sel === 'object' && sel !== null && !Array.isArray(sel)) {
    const s = sel as Record<string, unknown>;
    if (s.all === true && Object.keys(s).length === 1) return 'all columns';
    if (Object.values(s).every((v) => Array.isArray(v) || typeof v === 'string')) {
      // names: the headers themselves; ids, types, pattern, detected kinds, entities: labelled.
      const parts = Object.entries(s).map(([k, v]) => (k === 'names' ? (v as unknown[]).map(String).join(', ') : `${k}: ${Array.isArray(v) ? v.map(String).join(', ') : String(v)}`));
      return el('ul', { class: 'plain' }, parts.map((x) => el('li', {}, x)));
    }
  }
  return code(JSON.stringify(sel));
}

function policySteps(doc: unknown): Html {
  const d = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>) : null;
  if (!d || !Array.isArray(d.steps)) return el('div', {}, p('The policy document as run:'), json(doc));
  const rows = d.steps.map((s: unknown, i: number): Content[] => {
    const step = typeof s === 'object' && s !== null ? (s as Record<string, unknown>) : { value: s };
    const { id, type, columns, ...rest } = step;
    return [i + 1, String(id ?? '—'), String(type ?? '—'), columnsInWords(columns), parameters(rest)];
  });
  const { steps: _steps, name: _name, version: _version, ...other } = d;
  return el(
    'div',
    {},
    table(['#', 'Step id', 'Type', 'Columns', 'Parameters'], rows, { numeric: [0], cls: 'steps' }),
    Object.keys(other).length === 0 ? null : [el('h3', {}, 'Other policy settings'), json(other)],
  );
}

export function policySection(m: ReportModel): Html {
  const pol = m.policy;
  const approvals =
    pol.approvals.length === 0
      ? el('p', { class: m.run.kind === 'compliance' ? 'notrun' : 'warning' }, 'No approval is recorded for this policy version: it was not approved by anyone other than its author.')
      : table(
          ['Approved by', 'Role', 'When', 'Reason', 'Key fingerprint (SHA-256 of the public key)'],
          pol.approvals.map((a) => [a.by, a.role ?? none('—'), when(a.at), a.reason, digest(a.keyFingerprint)]),
          { cls: 'approvals' },
        );
  return section(
    'policy',
    'Policy',
    facts([
      ['Name', pol.name],
      ['Policy id', pol.policyId ?? none('inline policy (not stored in the workspace)')],
      ['Version', pol.version],
      ['State at report time', pol.state ?? none('—')],
      ['Author', pol.author ?? none('unknown')],
      ['Policy SHA-256', digest(pol.sha256)],
    ]),
    el('h3', {}, 'Steps, with every parameter'),
    policySteps(pol.document),
    el('h3', {}, 'Approvals'),
    approvals,
  );
}

export function doneSection(m: ReportModel, all: Charts): Html {
  const steps = m.steps.map((s, i): Content[] => [
    i + 1,
    [el('b', {}, s.label), el('span', { class: 'sub' }, `${s.stepId} · ${s.type}${s.enabled ? '' : ' · disabled'}`)],
    s.columns.length === 0 ? none('—') : s.columns.join(', '),
    s.cellsChanged,
    s.rowsRemoved,
    s.failures,
    s.notes.length === 0 ? none('—') : s.notes.join('; '),
  ]);
  return section(
    'done',
    'What was done',
    p(`${plural(m.run.cellsChanged, 'cell')} changed and ${plural(m.run.rowsRemoved, 'row')} removed: ${formatCount(m.run.rowsIn)} rows in, ${formatCount(m.run.rowsOut)} rows out.`),
    m.steps.length === 0
      ? notRun('The policy has no steps: nothing was done.')
      : table(['#', 'Step', 'Columns', 'Cells changed', 'Rows removed', 'Failures', 'Notes'], steps, { numeric: [0, 3, 4, 5], cls: 'results' }),
    charts(all, ['cells-per-column']) ?? notRun('No cell was changed.'),
    m.steps.some((_, i) => all.has(`step-${i + 1}`)) ? [el('h3', {}, 'Per step'), charts(all, m.steps.map((_, i) => `step-${i + 1}`))] : null,
    el('h3', {}, 'Values imputed, outliers handled, rows dropped'),
    table(['Measure', 'Count'], [['Values imputed', m.valuesImputed], ['Outliers handled', m.outliersHandled], ['Rows dropped', m.rowsDropped]], { numeric: [1], cls: 'narrow' }),
  );
}

export function piiSection(m: ReportModel, all: Charts): Html {
  const pii = m.pii;
  if (!pii.scanned) return section('pii', 'Personal data (PII)', notRun('Not scanned: the input version was not scanned for personal data, so nothing in this section was measured.'), p(pii.caveat));
  const rows = pii.byEntity.map((e): Content[] => [
    el('b', {}, e.entity),
    e.findings,
    el('ul', { class: 'plain' }, e.columns.map((c) => el('li', {}, c.column, `: ${plural(c.findings, 'finding')}`, c.accepted || c.rejected ? ` (${formatCount(c.accepted)} accepted, ${formatCount(c.rejected)} rejected in review)` : ''))),
    e.operator ?? el('span', { class: 'badge not-handled' }, 'none: not handled'),
  ]);
  return section(
    'pii',
    'Personal data (PII)',
    facts([
      ['Scanned', when(pii.scannedAt)],
      ['Findings', pii.findings],
      ['Review decisions SHA-256', digest(pii.decisionsSha256)],
    ]),
    pii.byEntity.length === 0 ? notRun('The scan found no personal data.') : table(['Entity', 'Findings', 'Columns', 'Operator applied'], rows, { numeric: [1], cls: 'pii' }),
    el('p', { class: 'warning' }, pii.caveat),
    pii.byEntity.some((_, i) => all.has(`pii-confidence-${i + 1}`)) ? [el('h3', {}, 'Confidence distribution per entity'), charts(all, pii.byEntity.map((_, i) => `pii-confidence-${i + 1}`))] : null,
  );
}

export function dedupeSection(m: ReportModel, all: Charts): Html {
  const d = m.dedupe;
  if (!d) return section('duplicates', 'Duplicates', notRun('Not run: this run has no de-duplication step and the input version has no duplicate search.'));
  return section(
    'duplicates',
    'Duplicates',
    p(d.source === 'run-step' ? 'Figures from the de-duplication step of this run.' : 'Figures from the latest duplicate search on the input version (this run has no de-duplication step).'),
    table(
      ['Measure', 'Count'],
      [
        ['Candidate pairs scored', d.pairsScored],
        ['Clusters', d.clusters],
        ['Rows in clusters', d.rowsInClusters],
        ['Rows removed (merged into a survivor)', d.rowsRemoved],
        ['Cells filled from duplicates', d.cellsFilled],
      ],
      { numeric: [1], cls: 'narrow' },
    ),
    facts([
      ['Review decisions SHA-256', digest(d.decisionsSha256)],
      ['Match model SHA-256', digest(d.modelSha256)],
    ]),
    charts(all, ['dedupe-cluster-sizes', 'dedupe-match-probability']),
  );
}

export function riskSection(m: ReportModel, all: Charts): Html {
  const r = m.risk;
  if (!r) return section('risk', 'Re-identification risk (k-anonymity)', notRun('Not measured: no quasi-identifiers were chosen for this dataset, so k-anonymity was not computed.'));
  const row = (label: string, x: NonNullable<typeof r.after>): Content[] => [label, `v${x.version}`, x.rows, x.classes, x.k, x.recordsBelowK, x.uniqueRecords];
  return section(
    'risk',
    'Re-identification risk (k-anonymity)',
    facts([
      ['Quasi-identifiers', r.quasiIdentifiers.length === 0 ? none() : r.quasiIdentifiers.join(', ')],
      ['Target k', r.targetK],
    ]),
    table(
      ['', 'Version', 'Rows', 'Equivalence classes', 'Smallest class (k)', `Records in classes below k = ${r.targetK}`, 'Unique records'],
      [row('Before', r.before), r.after ? row('After', r.after) : ['After', none('not measured'), '', '', '', '', '']],
      { numeric: [2, 3, 4, 5, 6], cls: 'risk' },
    ),
    r.notes.length === 0 ? null : el('ul', {}, r.notes.map((n) => el('li', {}, n))),
    charts(all, ['risk-before-after']),
  );
}

export function diffsSection(m: ReportModel): Html {
  // <bdi>: a right-to-left value must not reorder the arrow and its neighbour.
  const value = (v: string | null) => (v === null ? none('empty') : el('bdi', {}, el('code', {}, v)));
  const rows = m.sampleDiffs.map((d): Content[] => [
    d.rowId,
    d.kind === 'row' ? el('i', {}, 'whole row') : (d.column ?? none('—')),
    d.kind === 'row' ? 'row removed or merged' : [el('span', { class: 'diff-before' }, value(d.before)), ' → ', el('span', { class: 'diff-after' }, value(d.after))],
    d.step,
    d.confidence.toFixed(2),
    d.masked ? el('span', { class: 'badge masked' }, 'masked') : null,
  ]);
  return section(
    'diffs',
    'Sample of cell-level changes',
    p(`The first ${plural(m.sampleDiffs.length, 'change')} in row order. Values of cells a de-identification step touched are shown masked, never raw.`),
    m.sampleDiffs.length === 0 ? notRun('No cell was changed and no row removed.') : table(['Row', 'Column', 'Before → after', 'Step', 'Confidence', ''], rows, { numeric: [0, 4], cls: 'diffs' }),
  );
}

const HIPAA_WORDS = { handled: 'handled', 'not-detected': 'not detected', 'not-handled': 'NOT handled' } as const;

export function hipaaSection(m: ReportModel): Html {
  const count = (s: keyof typeof HIPAA_WORDS) => m.hipaa.filter((h) => h.status === s).length;
  return section(
    'hipaa',
    'HIPAA Safe Harbor: the 18 identifier categories',
    p(`45 CFR 164.514(b)(2)(i). ${count('handled')} handled, ${count('not-detected')} not detected, ${count('not-handled')} detected but not handled. "Not detected" means the scan found none, not that none are present.`),
    table(
      ['', 'Category', 'Status', 'Evidence'],
      m.hipaa.map((h) => [h.code, h.category, el('span', { class: `badge ${h.status}` }, HIPAA_WORDS[h.status]), h.evidence]),
      { cls: 'hipaa', nowrap: [0, 2] },
    ),
  );
}

export function gdprSection(m: ReportModel): Html {
  return section(
    'gdpr',
    'GDPR Article 30: draft record of processing',
    el('p', { class: 'warning' }, 'A draft. Fields marked ', el('span', { class: 'controller' }, 'for the controller'), ' are not known to this workspace and must be completed by the controller; the others are filled in from what the workspace recorded.'),
    table(
      ['Field', 'Value', 'Source'],
      m.gdpr.map((g) => {
        const cells: Content[] = [g.field, g.value ?? el('span', { class: 'controller' }, 'To be completed by the controller'), g.source === 'workspace' ? 'this workspace' : el('span', { class: 'controller' }, 'for the controller')];
        return cells;
      }),
      { cls: 'gdpr' },
    ),
  );
}

export function reproSection(m: ReportModel): Html {
  const r = m.reproducibility;
  return section(
    'repro',
    'Reproducibility',
    facts([
      ['Engine version', r.engineVersion],
      ['Policy SHA-256', digest(r.policySha256)],
      ['Workspace key', r.keyFingerprint ? [digest(r.keyFingerprint), r.keyGeneration === null ? '' : ` (generation ${r.keyGeneration})`] : none('no keyed operation')],
      ['PII review decisions SHA-256', digest(r.piiDecisionsSha256)],
      ['Duplicate review decisions SHA-256', digest(r.dedupeDecisionsSha256)],
      ['Input SHA-256', r.inputSha256.length === 0 ? none() : r.inputSha256.map((d) => el('div', {}, digest(d)))],
      ['Output SHA-256 (canonical CSV)', r.outputSha256 ? digest(r.outputSha256) : none(m.run.kind === 'preview' ? 'none: a preview writes no output' : 'none')],
    ]),
    p('The fingerprint identifies the workspace key; the key itself is never in a report. The command that reproduces the run:'),
    el('pre', { class: 'command' }, el('code', {}, r.command)),
  );
}
