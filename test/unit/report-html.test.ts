// The HTML report: every run kind's banner, every section present (or saying it was not run), hostile
// user data escaped everywhere (no tag or attribute it could smuggle in), no script, no fetch, no
// http(s) reference, and byte-identical output for the same model.
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/shared/api/report-types';
import { RUN_KIND_TITLES } from '../../src/shared/api/report-types';
import { REPORT_CSP, renderHtml } from '../../src/main/engine/report/html';
import { esc } from '../../src/main/engine/report/html-parts';
import { sampleReportModel } from '../support/report-sample';

const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&</style></svg><a href="https://evil.example/">x</a>`;

/** Every tag the report itself writes, and the SVG elements echarts draws. Anything else came from data. */
const ALLOWED_TAGS = new Set(
  'html head meta title style body main header div p h1 h2 h3 dl dt dd table caption thead tbody tr th td code pre span b i ul li nav ol a section figure figcaption footer bdi svg g path text rect tspan defs clippath'.split(' '),
);

/** The body's text with the style sheet and every tag removed, entities decoded: what a reader sees. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#58;/g, ':')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const SKIP_KEYS = new Set(['kind', 'stamp', 'status', 'source', 'code', 'reportFormat', 'title']);

/** The model with every free-text string (names, headers, values, reasons, policy JSON …) replaced by a hostile one. */
function poisoned(kind: ReportModel['run']['kind'] = 'compliance'): ReportModel {
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return SKIP_KEYS.has(key) || /^[0-9a-f]{64}$/.test(v) ? v : `${HOSTILE}[${key}]`;
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  const m = walk(sampleReportModel(kind), '') as ReportModel;
  m.inputs[0]!.settings[HOSTILE] = HOSTILE;
  return m;
}

function tagsOf(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((x) => x[1]!.toLowerCase());
}

/** Every attribute of every start tag, as [tag, name, value]. Values are always double-quoted here. */
function attributesOf(html: string): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const t of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>"']+(?:="[^"]*")?)*)\s*\/?>/g)) {
    for (const a of t[2]!.matchAll(/\s+([^\s=>"']+)(?:="([^"]*)")?/g)) out.push([t[1]!.toLowerCase(), a[1]!.toLowerCase(), a[2] ?? '']);
  }
  return out;
}

describe('renderHtml: the run kind on top', () => {
  const kinds: [ReportModel['run']['kind'], string, string][] = [
    ['compliance', 'APPROVED', 'approved by omar'],
    ['unapproved', 'UNAPPROVED', 'not evidence of compliance'],
    ['preview', 'PREVIEW', 'nothing was written'],
  ];
  it.each(kinds)('%s: the first thing in the body is a %s banner saying what the run is', (kind, stamp, words) => {
    const html = renderHtml(sampleReportModel(kind));
    const first = /<body><main><header class="banner ([a-z]+)"><div class="stamp">([A-Z]+)<\/div><div><div class="what">([^<]*)<\/div><p>([^<]*)<\/p>/.exec(html);
    expect(first, 'banner is the first element of the body').not.toBeNull();
    expect(first![1]).toBe(kind);
    expect(first![2]).toBe(stamp);
    expect(first![3]).toBe(esc(RUN_KIND_TITLES[kind]));
    expect(first![4]).toContain(esc(words));
    expect(html).toMatch(new RegExp(`<title>${stamp} · `));
    // No other kind's stamp appears as a stamp.
    expect(html.match(/<div class="stamp">/g)).toHaveLength(1);
    // The CSS colours each kind differently (green, amber, grey).
    expect(html).toContain(`.banner.${kind} {`);
  });

  it('a compliance report with a policy nobody approved says so in the policy section', () => {
    const m = sampleReportModel('unapproved');
    const html = renderHtml(m);
    expect(html).toContain('No approval is recorded for this policy version');
    expect(html).not.toContain('class="approvals"');
  });
});

describe('renderHtml: sections', () => {
  const IDS = ['inputs', 'policy', 'done', 'pii', 'duplicates', 'risk', 'diffs', 'hipaa', 'gdpr', 'repro'];

  it('has every section, in order, each linked from the contents', () => {
    const html = renderHtml(sampleReportModel());
    const at = IDS.map((id) => html.indexOf(`<section id="${id}"`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const id of IDS) expect(html).toContain(`<a href="#${id}">`);
  });

  const missing: [string, (m: ReportModel) => void, string, string][] = [
    ['PII not scanned', (m) => void (m.pii.scanned = false), 'pii', 'Not scanned: the input version was not scanned'],
    ['no dedupe', (m) => void (m.dedupe = null), 'duplicates', 'Not run: this run has no de-duplication step'],
    ['no risk measure', (m) => void (m.risk = null), 'risk', 'Not measured: no quasi-identifiers'],
    ['no diffs', (m) => void (m.sampleDiffs = []), 'diffs', 'No cell was changed and no row removed.'],
    ['no steps', (m) => void (m.steps = []), 'done', 'The policy has no steps: nothing was done.'],
    ['no inputs', (m) => void (m.inputs = []), 'inputs', 'No input file is recorded for this run.'],
    ['no entities found', (m) => void (m.pii.byEntity = []), 'pii', 'The scan found no personal data.'],
    ['risk not measured after', (m) => void (m.risk!.after = null), 'risk', 'not measured'],
  ];
  it.each(missing)('%s: the section is there and says so', (_, edit, id, words) => {
    const m = sampleReportModel();
    edit(m);
    const html = renderHtml(m);
    const sec = new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
    expect(sec).toContain(esc(words));
  });

  it('PII not scanned: no charts, no entity table, and the summary tile says "not scanned"', () => {
    const m = sampleReportModel();
    m.pii.scanned = false;
    const html = renderHtml(m);
    expect(html).not.toContain('id="chart-pii-confidence-1"');
    expect(html).not.toContain('class="pii"');
    expect(html).toContain('<b>not scanned</b><span>PII findings</span>');
  });

  it('inlines every chart as SVG, each labelled with its alt text', () => {
    const html = renderHtml(sampleReportModel());
    expect(html.match(/<svg /g)).toHaveLength(13);
    for (const id of ['cells-per-column', 'step-3', 'pii-confidence-3', 'dedupe-cluster-sizes', 'dedupe-match-probability', 'risk-before-after']) {
      expect(html).toMatch(new RegExp(`<figure class="chart" id="chart-${id}"><figcaption>[^<]+</figcaption><div class="svg" role="img" aria-label="[^"]+"><svg `));
    }
  });

  it('lists the 18 HIPAA categories with a status badge and the evidence', () => {
    const html = renderHtml(sampleReportModel());
    const sec = /<section id="hipaa"[\s\S]*?<\/section>/.exec(html)![0];
    expect(sec.match(/<tr><td class="nowrap">[A-R]<\/td>/g)).toHaveLength(18);
    expect(sec.match(/class="badge handled">handled/g)).toHaveLength(4);
    expect(sec.match(/class="badge not-handled">NOT handled/g)).toHaveLength(1);
    expect(sec.match(/class="badge not-detected">not detected/g)).toHaveLength(13);
    expect(sec).toContain('4 handled, 13 not detected, 1 detected but not handled');
    expect(sec).toContain(esc('US_SSN found in notes 备注 📝 (122 cells) but no step handles it'));
  });

  it('marks the GDPR fields the controller must fill in', () => {
    const sec = /<section id="gdpr"[\s\S]*?<\/section>/.exec(renderHtml(sampleReportModel()))![0];
    expect(sec.match(/<span class="controller">To be completed by the controller<\/span>/g)).toHaveLength(3);
    expect(sec).toContain('EMAIL, PHONE, PERSON, US_SSN (detected)');
  });

  it('shows the policy steps with their parameters, approvals with fingerprints, and the command in a code block', () => {
    const html = renderHtml(sampleReportModel());
    expect(html).toContain(`<pre class="params">entities: { ${esc('"EMAIL": "mask", "PHONE": "hash", "PERSON": "pseudonym"')} }</pre>`);
    expect(html).toContain(`<code class="digest">${'b2'.repeat(32)}</code>`);
    expect(html).toContain(`<pre class="command"><code>${esc(sampleReportModel().reproducibility.command)}</code></pre>`);
    expect(html).toContain('<span class="badge masked">masked</span>');
  });

  it('prints on A4 with a page per section, table headers repeated and the run kind in every page header', () => {
    const html = renderHtml(sampleReportModel('unapproved'));
    expect(html).toContain('size: A4');
    expect(html).toMatch(/@media print \{[\s\S]*section \{ break-before: page; \}/);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toMatch(/@top-left \{ content: "UNAPPROVED \\2014 {2}Unapproved run/);
    expect(html).toContain('counter(pages)');
  });
});

describe('renderHtml: safety', () => {
  it.each(['compliance', 'unapproved', 'preview'] as const)('%s: no script, no fetch, CSP first in the head', (kind) => {
    const html = renderHtml(sampleReportModel(kind));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(html).toContain(`content="${esc(REPORT_CSP)}"`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|<img|<form|@import|url\(/i);
    expect(attributesOf(html).filter(([, name]) => name.startsWith('on') || name === 'src')).toEqual([]);
    expect(html).not.toMatch(/https?:\/\//i);
  });

  it('escapes hostile text in every field: only the report\'s own tags, no event handler, one style sheet', () => {
    const html = renderHtml(poisoned());
    const stray = tagsOf(html).filter((t) => !ALLOWED_TAGS.has(t));
    expect(stray).toEqual([]);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).not.toMatch(/https?:\/\//i); // the payload holds one, in every field and every chart label
    const attrs = attributesOf(html);
    expect(attrs.length).toBeGreaterThan(500);
    expect(attrs.filter(([, name]) => name.startsWith('on') || name === 'src' || name === 'xlink:href')).toEqual([]);
    expect(attrs.filter(([, name, value]) => name === 'href' && !value.startsWith('#'))).toEqual([]);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html.match(/<\/svg>/g)).toHaveLength(html.match(/<svg /g)!.length);
    // And it is all still there for the reader, as text.
    const text = visibleText(html);
    for (const key of ['datasetName', 'fileName', 'column', 'before', 'after', 'reason', 'evidence', 'command', 'entity', 'label', 'notes', 'field', 'value', 'by', 'actor']) {
      expect(text, key).toContain(`${HOSTILE}[${key}]`);
    }
  });

  it('writes no http(s) reference even where user data holds URLs, yet the reader sees the URL', () => {
    const m = sampleReportModel();
    m.run.datasetName = 'https://intranet.example/export.csv';
    m.sampleDiffs[0]!.before = 'see HTTP://x.example/a';
    m.policy.approvals[0]!.reason = 'per https://wiki.example/dpa';
    m.columns[0]!.column = 'https://cols.example/a';
    const html = renderHtml(m);
    expect(html).not.toMatch(/https?:\/\//i);
    const text = visibleText(html);
    for (const url of ['https://intranet.example/export.csv', 'HTTP://x.example/a', 'https://wiki.example/dpa', 'https://cols.example/a']) expect(text).toContain(url);
  });

  it('is deterministic: the same model gives the same bytes', () => {
    const a = renderHtml(sampleReportModel());
    renderHtml(sampleReportModel('preview'));
    expect(renderHtml(sampleReportModel())).toBe(a);
    expect(renderHtml(sampleReportModel('preview'))).not.toBe(a);
  });
});
