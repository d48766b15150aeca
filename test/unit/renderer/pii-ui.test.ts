// The PII screens' pure parts as tables: the span shown in its cell (code points, clipped,
// masked), the findings window (pages on demand, retry, decisions patched), the column labels
// and chart bars, the decision trace, the deidentify step built from the operator choices, and
// the quasi-identifiers suggested for the risk panel.
import { describe, expect, it } from 'vitest';
import type { PiiColumnSummary, PiiFindingRow, PiiFindingsPage, PiiScanSummary } from '../../../src/shared/api/pii-types';
import type { ColumnInfo } from '../../../src/shared/api/types';
import { stepSchema } from '../../../src/shared/policy/steps';
import { defaultOperator, deidentifyStep, deidentifySteps, operatorSpec, type EntityOperator } from '../../../src/renderer/features/pii/deid-step';
import { explanationRows, scoreLine } from '../../../src/renderer/features/pii/explain';
import { FindingsWindow } from '../../../src/renderer/features/pii/findings-window';
import { shownParts, spanParts } from '../../../src/renderer/features/pii/highlight';
import { classLabel, classSentence, formatShare } from '../../../src/renderer/features/pii/labels';
import { columnBars, columnsChartLabel, columnsChartOption } from '../../../src/renderer/features/pii/pii-charts';
import { suggestQuasi } from '../../../src/renderer/features/pii/risk-quasi';
import { suggestionSteps } from '../../../src/renderer/features/pii/risk-steps';
import type { ChartColors } from '../../../src/renderer/features/profile/chart-types';

describe('the span in its cell', () => {
  it.each([
    ['a span at the start', 'jo@x.org is mine', 'jo@x.org', 0, 8, 32, ['', 'jo@x.org', ' is mine', false, false]],
    ['a span in the middle', 'call +44 20 7946 0958 now', '+44 20 7946 0958', 5, 21, 32, ['call ', '+44 20 7946 0958', ' now', false, false]],
    ['offsets in code points, after an emoji', '😀 mail a@b.co', 'a@b.co', 7, 13, 32, ['😀 mail ', 'a@b.co', '', false, false]],
    ['context clipped either side', 'aaaaaaaaaa SPAN bbbbbbbbbb', 'SPAN', 11, 15, 3, ['aa ', 'SPAN', ' bb', true, true]],
    ['offsets that do not point at the text (stale)', 'hello world', 'bye', 0, 3, 32, ['', 'bye', '', false, false]],
    ['offsets past the end', 'short', 'short!', 0, 6, 32, ['', 'short!', '', false, false]],
  ] as const)('%s', (_l, cell, text, start, end, around, [before, span, after, cs, ce]) => {
    expect(spanParts(cell, text, start, end, around)).toEqual({ before, span, after, clippedStart: cs, clippedEnd: ce });
  });

  it('without the cell shows the found text alone', () => {
    expect(spanParts(undefined, 'jo@x.org', 4, 12)).toEqual({ before: '', span: 'jo@x.org', after: '', clippedStart: false, clippedEnd: false });
  });

  it.each([
    ['shown: the text in context', true, { cell: 'mail jo@x.org', text: 'jo@x.org', preview: 'j***@***.org', start: 5, end: 13 }, ['mail ', 'jo@x.org', '', false]],
    ['masked: the preview only, never the cell around it', false, { cell: 'mail jo@x.org', text: 'jo@x.org', preview: 'j***@***.org', start: 5, end: 13 }, ['', 'j***@***.org', '', true]],
    ['masked, the whole cell: nothing marked as cut', false, { cell: 'jo@x.org', text: 'jo@x.org', preview: 'j***@***.org', start: 0, end: 8 }, ['', 'j***@***.org', '', false]],
  ] as const)('%s', (_l, show, f, [before, span, after, clipped]) => {
    const p = shownParts(f, show);
    expect([p.before, p.span, p.after, p.clippedStart]).toEqual([before, span, after, clipped]);
  });
});

const finding = (i: number): PiiFindingRow => ({
  findingId: i + 1, rowId: i + 1, columnId: 'c1', entity: 'EMAIL', start: 0, end: 3, confidence: 0.9,
  recogniser: 'email', explanation: {}, preview: '***', text: 'a@b', decision: null,
});

function fakeFindings(total: number, failFirst = 0) {
  const calls: [number, number][] = [];
  let fails = failFirst;
  const fetch = async (offset: number, limit: number): Promise<PiiFindingsPage> => {
    calls.push([offset, limit]);
    if (fails > 0) {
      fails--;
      throw new Error('findings table is busy');
    }
    const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, k) => finding(offset + k));
    return { total, offset, rows };
  };
  return { fetch, calls };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the findings window', () => {
  it('fetches only the pages covering the rows asked for, once', async () => {
    const f = fakeFindings(1000);
    const w = new FindingsWindow(f.fetch, 100);
    w.ensure(0, 99);
    w.ensure(50, 60);
    await settle();
    expect(f.calls).toEqual([[0, 100]]);
    expect(w.total).toBe(1000);
    w.ensure(250, 420);
    await settle();
    expect(f.calls).toEqual([[0, 100], [200, 100], [300, 100], [400, 100]]);
    expect(w.row(420)?.findingId).toBe(421);
    expect(w.row(150)).toBeUndefined();
  });

  it('never asks past the last finding once the total is known', async () => {
    const f = fakeFindings(150);
    const w = new FindingsWindow(f.fetch, 100);
    w.ensure(0, 0);
    await settle();
    w.ensure(0, 5000);
    await settle();
    expect(f.calls).toEqual([[0, 100], [100, 100]]);
  });

  it('keeps at most maxPages pages, dropping the least recently used', async () => {
    const f = fakeFindings(1000);
    const w = new FindingsWindow(f.fetch, 10, 2);
    w.ensure(0, 0);
    w.ensure(10, 10);
    await settle();
    w.row(0);
    w.ensure(20, 20);
    await settle();
    expect(w.row(0)).toBeDefined();
    expect(w.row(10)).toBeUndefined();
    expect(w.row(20)).toBeDefined();
  });

  it('shows a failed page’s error and does not retry at once', async () => {
    const f = fakeFindings(10, 1);
    const w = new FindingsWindow(f.fetch, 100);
    w.ensure(0, 9);
    await settle();
    expect(w.error).toBe('findings table is busy');
    w.ensure(0, 9);
    await settle();
    expect(f.calls).toHaveLength(1);
  });

  it('patches a decision into the cached row and tells its listeners', async () => {
    const f = fakeFindings(5);
    const w = new FindingsWindow(f.fetch, 100);
    w.ensure(0, 4);
    await settle();
    let told = 0;
    w.subscribe(() => told++);
    w.patch(3, 'rejected');
    expect(w.row(2)?.decision).toBe('rejected');
    expect(told).toBe(1);
    w.patch(999, 'accepted');
    expect(told).toBe(1);
  });
});

const col = (over: Partial<PiiColumnSummary>): PiiColumnSummary => ({
  columnId: 'c1', header: 'contact', entity: null, share: 0, confidence: 0, freeText: false, nonMissing: 1204, entities: [], decision: null, ...over,
});
const email = col({ header: 'contact', entity: 'EMAIL', share: 0.973, confidence: 0.99, entities: [{ entity: 'EMAIL', cells: 1171, share: 0.973, confidence: 0.99 }] });
const notes = col({ columnId: 'c2', header: 'notes', freeText: true, entities: [{ entity: 'PHONE', cells: 40, share: 0.033, confidence: 0.8 }, { entity: 'PERSON', cells: 12, share: 0.01, confidence: 0.7 }] });
const amount = col({ columnId: 'c3', header: 'amount' });

describe('column labels and the chart', () => {
  it.each([
    [email, 'Email', 'Email, 97 % of 1,204 values, confidence 0.99'],
    [notes, 'Free text', 'Free text with Phone, Person inside'],
    [amount, 'Not detected', 'Nothing detected in the scanned values'],
  ])('%#: class and sentence', (c, label, sentence) => {
    expect(classLabel(c)).toBe(label);
    expect(classSentence(c)).toBe(sentence);
  });

  it.each([
    [0, '0 %'],
    [0.004, '<1 %'],
    [0.973, '97 %'],
    [1, '100 %'],
  ])('share %d reads %s', (s, text) => expect(formatShare(s)).toBe(text));

  it('has one bar pair per column with findings, free text by its top entity', () => {
    const bars = columnBars([email, notes, amount]);
    expect(bars).toEqual([
      { label: 'contact', entity: 'Email', share: 0.973, confidence: 0.99 },
      { label: 'notes', entity: 'Phone in text', share: 0.033, confidence: 0.8 },
    ]);
    const colors = { text: '#000', muted: '#111', faint: '#222', line: '#333', accent: '#44f', danger: '#f00', warning: '#fa0', success: '#0a0', raised: '#fff', font: 'sans' } satisfies ChartColors;
    const option = columnsChartOption(bars, colors) as { yAxis: { data: string[] }; series: { data: number[] }[] };
    expect(option.yAxis.data).toEqual(['contact', 'notes']);
    expect(option.series.map((s) => s.data)).toEqual([[0.973, 0.033], [0.99, 0.8]]);
    expect(columnsChartLabel(bars)).toBe('Share of values and confidence per column: contact Email 97 %, confidence 0.99; notes Phone in text 3 %, confidence 0.80');
    expect(columnsChartLabel([])).toBe('No column holds detected personal data');
  });
});

describe('the decision trace', () => {
  it('reads pattern, validation, context, header, column class and notes in that order', () => {
    expect(explanationRows({ notes: ['fax by context'], column: 'column "contact" is PHONE (97 %): +0.10', header: 'column "Phone No" mentions "phone"', context: ['call', 'tel'], checksum: 'libphonenumber valid (GB)', pattern: 'phone-international' })).toEqual([
      ['Pattern', 'phone-international'],
      ['Validation', 'libphonenumber valid (GB)'],
      ['Context words', '“call”, “tel”'],
      ['Column header', 'column "Phone No" mentions "phone"'],
      ['Column class', 'column "contact" is PHONE (97 %): +0.10'],
      ['Notes', 'fax by context'],
    ]);
    expect(explanationRows({})).toEqual([]);
  });

  it.each([
    [{ base: 0.6, evidence: 0.25, column: 0.1 }, 0.95, '0.60 base +0.25 evidence +0.10 column = 0.95'],
    [{ base: 0.8, evidence: -0.2 }, 0.6, '0.80 base −0.20 evidence = 0.60'],
    [undefined, 0.5, null],
  ])('score %#', (score, confidence, line) => {
    expect(scoreLine(score ? { score } : {}, confidence)).toBe(line);
  });
});

describe('the deidentify step from the operator choices', () => {
  it.each([
    ['EMAIL', { op: 'pseudonym', kind: 'email' }],
    ['CREDIT_CARD', { op: 'pseudonym', kind: 'card' }],
    ['PHONE', { op: 'pseudonym', kind: 'phone' }],
    ['DATE_OF_BIRTH', { op: 'generalise', kind: 'date_year' }],
    ['POSTAL_CODE', { op: 'generalise', kind: 'zip3' }],
    ['PERSON', { op: 'token', entity: 'PERSON' }],
    ['default', { op: 'redact' }],
  ] as const)('%s starts as %j', (key, spec) => {
    expect(operatorSpec(key, defaultOperator(key))).toEqual(spec);
  });

  const o = (over: Partial<EntityOperator>): EntityOperator => ({ ...defaultOperator('PERSON'), ...over });
  it.each([
    ['mask keeps the last N', o({ choice: 'mask', keepLast: 2 }), { op: 'mask', char: '*', keepFirst: 0, keepLast: 2 }],
    ['hash', o({ choice: 'hash' }), { op: 'hash' }],
    ['keep writes nothing', o({ choice: 'keep' }), undefined],
  ])('%s', (_l, choice, spec) => {
    expect(operatorSpec('PERSON', choice)).toEqual(spec);
  });

  it('builds a step the policy schema accepts: cells of the columns holding the entities', () => {
    const step = deidentifyStep({ EMAIL: defaultOperator('EMAIL'), PERSON: o({ choice: 'keep' }), US_SSN: o({ choice: 'hash' }) }, 'cell');
    expect(step).toMatchObject({ type: 'deidentify', columns: { pii: ['EMAIL', 'US_SSN'] }, params: { scope: 'cell', operators: { EMAIL: { op: 'pseudonym', kind: 'email' }, US_SSN: { op: 'hash' } } } });
    expect(stepSchema.safeParse(step).success).toBe(true);
  });

  it('whole cells with a default operator: the columns holding any entity', () => {
    const step = deidentifyStep({ PHONE: o({ choice: 'token' }), default: defaultOperator('default') }, 'cell');
    expect(step?.columns?.pii).toHaveLength(17);
    expect(stepSchema.safeParse(step).success).toBe(true);
  });

  it('spans (and a default operator) apply to the default text columns', () => {
    const step = deidentifyStep({ PHONE: o({ choice: 'token' }), default: defaultOperator('default') }, 'spans');
    expect(step && 'columns' in step).toBe(false);
    expect(stepSchema.safeParse(step).success).toBe(true);
  });

  it('is null when every entity is kept', () => {
    expect(deidentifyStep({ EMAIL: o({ choice: 'keep' }) }, 'cell')).toBeNull();
  });

  it.each([
    ['both: whole cells, then spans in the other text', 'both', [['deidentify', 'cell'], ['deidentify-text', 'spans']]],
    ['cells only', 'cell', [['deidentify', 'cell']]],
    ['spans only', 'spans', [['deidentify-text', 'spans']]],
  ] as const)('scope %s', (_l, scope, expected) => {
    const steps = deidentifySteps({ PHONE: o({ choice: 'mask', keepLast: 2 }) }, scope);
    expect(steps.map((s) => [s.id, s.type === 'deidentify' ? s.params.scope : null])).toEqual(expected);
    for (const s of steps) expect(stepSchema.safeParse(s).success).toBe(true);
    expect(deidentifySteps({ PHONE: o({ choice: 'keep' }) }, scope)).toEqual([]);
  });
});

describe('the quasi-identifiers suggested', () => {
  const c = (id: string, header: string): ColumnInfo => ({ id, header, position: 0, logicalType: 'text', storageType: 'VARCHAR', nullCount: 0 });
  const columns = [c('c1', 'email'), c('c2', 'ZIP'), c('c3', 'birthDate'), c('c4', 'Sex'), c('c5', 'age_years'), c('c6', 'postcode'), c('c7', 'home'), c('c8', 'stage'), c('c9', 'where')];
  const summary = (over: Partial<PiiColumnSummary>[]): PiiScanSummary => ({
    datasetId: 'd1', version: 1, scannedAt: '', seconds: 0, rows: 1, findings: 0, byEntity: [], decisionsSha256: '', caveat: '',
    columns: over.map((x) => col(x)),
  });
  it.each([
    ['by header alone', null, ['c2', 'c3', 'c4', 'c5', 'c6']],
    ['plus a column classified as a postal code', summary([{ columnId: 'c9', entity: 'POSTAL_CODE' }]), ['c2', 'c3', 'c4', 'c5', 'c6', 'c9']],
    ['a rejected class is no reason', summary([{ columnId: 'c9', entity: 'POSTAL_CODE', decision: 'rejected' }]), ['c2', 'c3', 'c4', 'c5', 'c6']],
  ])('%s', (_l, s, ids) => {
    expect(suggestQuasi(columns, s)).toEqual(ids);
  });
});

describe('a risk suggestion as policy steps', () => {
  const g = (columnId: string, header: string, kind: string, label: string, width?: number) => ({ columnId, header, kind, label, ...(width ? { width } : {}) });
  it('turns year, month, age band and ZIP3 into generalise steps and suppression into dropping the column', () => {
    const r = suggestionSteps({ k: 5, recordsBelowK: 0, loss: 0.3, generalisations: [g('c2', 'Birth Date', 'date_year', 'Birth Date → year'), g('c3', 'age', 'age_band', 'age → 10-year band', 10), g('c4', 'zip', 'zip3', 'zip → first 3 digits'), g('c5', 'sex', 'suppress', 'sex → suppressed')] });
    expect(r.unsupported).toEqual([]);
    expect(r.steps.map((s) => [s.type, s.id, s.columns])).toEqual([
      ['generalise', 'generalise-birth-date', { ids: ['c2'] }],
      ['generalise', 'generalise-age', { ids: ['c3'] }],
      ['generalise', 'generalise-zip', { ids: ['c4'] }],
      ['drop_columns', 'drop-sex', { ids: ['c5'] }],
    ]);
    for (const s of r.steps) expect(stepSchema.safeParse(s).success, JSON.stringify(s)).toBe(true);
    expect(r.steps[1]).toMatchObject({ params: { kind: 'age_band', width: 10 } });
  });

  it('names what no step can do yet', () => {
    const r = suggestionSteps({ k: 5, recordsBelowK: 0, loss: 0.5, generalisations: [g('c2', 'dob', 'date_band', 'dob → 5-year band', 5), g('c4', 'zip', 'zip3', 'zip → first 3 digits')] });
    expect(r.unsupported).toEqual(['dob → 5-year band']);
    expect(r.steps).toHaveLength(1);
  });
});
