// The report's charts: which charts a model yields, their alt text's numbers, hostile labels kept
// inert inside the SVG, no http(s) reference, and byte-identical output for the same model.
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/shared/api/report-types';
import { formatCount, MAX_BARS, reportCharts, standaloneSvg } from '../../src/main/engine/report/charts';
import { sampleReportModel } from '../support/report-sample';

const ids = (m: ReportModel) => reportCharts(m).map((c) => c.id);

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/(https?):/gi, '$1&#58;');

const HOSTILE = ['</text><script>alert(1)</script>', ']]><svg onload="x()">', '"; DROP TABLE x; --', "a'b&c", 'href="https://evil.example/"'];

describe('reportCharts', () => {
  it('yields one chart per section with data, in report order', () => {
    expect(ids(sampleReportModel())).toEqual([
      'cells-per-column',
      'step-1',
      'step-2',
      'step-3',
      'step-4',
      'step-5',
      'pii-confidence-1',
      'pii-confidence-2',
      'pii-confidence-3',
      'pii-confidence-4',
      'dedupe-cluster-sizes',
      'dedupe-match-probability',
      'risk-before-after',
    ]);
  });

  const empties: [string, (m: ReportModel) => void, string[]][] = [
    ['no column changed', (m) => void (m.columns = m.columns.map((c) => ({ ...c, cellsChanged: 0 }))), ['cells-per-column']],
    ['a step with no per-column counts', (m) => void (m.steps[0]!.perColumn = []), ['step-1']],
    ['PII not scanned', (m) => void (m.pii.scanned = false), ['pii-confidence-1', 'pii-confidence-2', 'pii-confidence-3', 'pii-confidence-4']],
    ['an entity with an all-zero histogram', (m) => void (m.pii.byEntity[1]!.confidence = m.pii.byEntity[1]!.confidence.map((b) => ({ ...b, count: 0 }))), ['pii-confidence-2']],
    ['no dedupe', (m) => void (m.dedupe = null), ['dedupe-cluster-sizes', 'dedupe-match-probability']],
    ['dedupe with no clusters', (m) => void (m.dedupe!.clusterSizes = []), ['dedupe-cluster-sizes']],
    ['dedupe with no scored pairs', (m) => void (m.dedupe!.probabilities = m.dedupe!.probabilities.map((b) => ({ ...b, count: 0 }))), ['dedupe-match-probability']],
    ['no risk measure', (m) => void (m.risk = null), ['risk-before-after']],
  ];
  it.each(empties)('draws no chart (not an empty axis) when %s', (_, edit, gone) => {
    const m = sampleReportModel();
    edit(m);
    const all = ids(sampleReportModel());
    expect(ids(m)).toEqual(all.filter((id) => !gone.includes(id)));
  });

  it('says the numbers in the alt text', () => {
    const byId = new Map(reportCharts(sampleReportModel()).map((c) => [c.id, c]));
    const cases: [string, string[]][] = [
      ['cells-per-column', ['39,638 in 7 columns', 'admitted 12,480', 'notes 备注 📝 60']],
      ['step-2', ['24,960 cells', 'admitted 12,480', 'born 12,480']],
      ['pii-confidence-3', ['4,520 PERSON', '0.4–0.5: 40', '0.9–1.0: 1,000']],
      ['dedupe-cluster-sizes', ['161 duplicate clusters', '153 of 2 rows', '8 of 3 rows']],
      ['dedupe-match-probability', ['31,217 scored pairs', '0.00–0.05: 29,000', '0.95–1.00: 317']],
      ['risk-before-after', ['target k = 5', '12,301 records below k = 5', '41 records below k = 5', '11,400 unique', '0 unique']],
    ];
    for (const [id, parts] of cases) for (const p of parts) expect(byId.get(id)?.alt, id).toContain(p);
  });

  it('is deterministic: the same model gives the same bytes, however many charts were drawn before', () => {
    const a = JSON.stringify(reportCharts(sampleReportModel('unapproved')));
    reportCharts(sampleReportModel());
    const b = JSON.stringify(reportCharts(sampleReportModel('unapproved')));
    expect(b).toBe(a);
    expect(a).not.toMatch(/zr\d+-/);
  });

  it('has no http(s) reference (not even a column named after a URL), no script, no event handler; standaloneSvg adds the namespaces back', () => {
    const m = sampleReportModel();
    m.columns[0]!.column = 'https://example.org/col';
    m.steps[0]!.perColumn[0]!.column = 'HTTP://x';
    const all = reportCharts(m);
    expect(all.find((c) => c.id === 'cells-per-column')!.svg).toContain('>https&#58;//example.org/col<');
    for (const c of all) {
      expect(c.svg, c.id).not.toMatch(/https?:\/\//i);
      expect(c.svg, c.id).not.toMatch(/<script|<style|\son[a-z]+=/i);
      expect(c.svg.startsWith('<svg ')).toBe(true);
      expect(standaloneSvg(c.svg)).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
      expect(c.id).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it.each(HOSTILE)('keeps a hostile column header inert inside the SVG: %s', (header) => {
    const m = sampleReportModel();
    m.columns = [{ column: header, cellsChanged: 7 }];
    m.steps[0]!.perColumn = [{ column: header, cellsChanged: 7 }];
    for (const c of reportCharts(m).filter((x) => x.id === 'cells-per-column' || x.id === 'step-1')) {
      expect(c.svg).not.toContain('<script');
      expect(c.svg).not.toContain('<svg onload');
      expect(c.svg).not.toContain(']]>');
      expect(c.svg).not.toContain('href="https');
      // One root element: nothing the label holds closed it early.
      expect(c.svg.match(/<svg\b/g)).toHaveLength(1);
      // Drawn, escaped; whole on the full-width chart, maybe truncated ("…") on the half-width one.
      if (c.id === 'cells-per-column') expect(c.svg).toContain(`>${xmlEscape(header)}<`);
      else expect(c.svg).toContain(`>${xmlEscape(header.slice(0, 3))}`);
      expect(c.alt).toContain(header); // the alt is plain text: whoever embeds it escapes it
    }
  });

  it('says how many scored pairs the probability histogram holds when it is not all of them', () => {
    const m = sampleReportModel();
    m.dedupe!.pairsScored = 40_000;
    expect(reportCharts(m).find((c) => c.id === 'dedupe-match-probability')!.alt).toMatch(/^31,217 of 40,000 scored pairs by match probability/) // the sample's bins hold 31,217;
  });

  it('caps a chart at the largest columns and says how many were left out', () => {
    const m = sampleReportModel();
    m.columns = Array.from({ length: MAX_BARS + 5 }, (_, i) => ({ column: `c${String(i).padStart(2, '0')}`, cellsChanged: 100 + i }));
    const c = reportCharts(m).find((x) => x.id === 'cells-per-column')!;
    expect(c.title).toContain(`the ${MAX_BARS} largest of ${MAX_BARS + 5}`);
    expect(c.alt).toContain('and 5 more (510 in all)'); // c00..c04: 100+101+102+103+104
    expect(c.svg).toContain('>c34<');
    expect(c.svg).not.toContain('>c04<');
  });

  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [12480, '12,480'],
    [1234567, '1,234,567'],
    [3.42, '3.42'],
  ])('formatCount(%d) = %s', (n, s) => expect(formatCount(n)).toBe(s));
});
