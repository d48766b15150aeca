// The policy governance screens' logic: state badges, which actions a state offers, the reason a
// transition needs, what saving does in each state, the diff in words, and the preview's dataset.
import { describe, expect, it } from 'vitest';
import type { PolicyDiff, PolicyState, PolicyStepDiff } from '../../../src/shared/api/governance-types';
import type { DatasetDetail, DatasetSummary, VersionSummary } from '../../../src/shared/api/types';
import { changeLine, formatValue, stepLines, unchangedCount, VALUE_MAX } from '../../../src/renderer/features/policies/diff-lines';
import { actionInfo, actionsFor, approvalPath, checkReason, saveOutcome, shortFingerprint, stateBadge } from '../../../src/renderer/features/policies/lifecycle';
import { previewTarget } from '../../../src/renderer/features/policies/preview-target';


describe('state badges', () => {
  it.each([
    ['DRAFT', 'Draft', ''],
    ['REVIEW', 'In review', 'badge-warning'],
    ['ACTIVE', 'Active', 'badge-success'],
    ['RETIRED', 'Retired', 'badge-accent'],
  ] as const)('%s shows as %s', (state, label, tone) => {
    expect(stateBadge(state).label).toBe(label);
    expect(stateBadge(state).tone).toBe(tone);
    expect(stateBadge(state).meaning.length).toBeGreaterThan(10);
  });
});

describe('the actions a state offers', () => {
  it.each([
    ['DRAFT', 'detail', ['submit']],
    ['REVIEW', 'detail', []],
    ['ACTIVE', 'detail', ['retire']],
    ['RETIRED', 'detail', []],
    ['REVIEW', 'queue', ['approve', 'reject']],
    ['DRAFT', 'queue', []],
    ['ACTIVE', 'queue', []],
  ] as const)('%s in the %s screen: %j', (state, where, actions) => {
    expect(actionsFor(state, where)).toEqual(actions);
  });
  it.each([
    ['submit', 'REVIEW'],
    ['approve', 'ACTIVE'],
    ['reject', 'DRAFT'],
    ['retire', 'RETIRED'],
  ] as const)('%s leads to %s', (action, to) => {
    expect(actionInfo(action).to).toBe(to);
  });
});

describe('the reason a transition needs', () => {
  it.each([
    ['', false],
    ['  ', false],
    ['ok', false],
    ['  ok  ', false],
    ['yes', true],
    ['  checked the diff  ', true],
    ['x'.repeat(2000), true],
    ['x'.repeat(2001), false],
  ])('%j is accepted: %s', (text, ok) => {
    const r = checkReason(text);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.reason).toBe(text.trim());
    else expect(r.message).not.toBe('');
  });
});

describe('what saving the editor draft does', () => {
  it.each([
    [null, null, true, /new policy/],
    ['DRAFT', 2, true, /new revision of the DRAFT version 2/],
    ['REVIEW', 2, false, /version 2 is in review/i],
    ['ACTIVE', 3, true, /Version 3 is ACTIVE.*new DRAFT version 4/],
    ['RETIRED', 1, true, /Version 1 is RETIRED.*new DRAFT version 2/],
  ] as const)('newest version %s (v%s): allowed %s', (state, latest, allowed, text) => {
    const r = saveOutcome(state as PolicyState | null, latest);
    expect(r.allowed).toBe(allowed);
    expect(r.text).toMatch(text);
  });
});

describe('fingerprints and file names', () => {
  it.each([
    ['0123456789abcdef0123', '0123 4567 89ab cdef'],
    ['abc', 'abc'],
    [null, 'unsigned'],
  ])('%s → %s', (fp, shown) => {
    expect(shortFingerprint(fp)).toBe(shown);
  });
  it.each([
    ['/ws', 'Customer cleaning', 3, '/ws/exports/customer-cleaning-v3.approval.json'],
    ['/ws', 'a/b:c', 1, '/ws/exports/a_b_c-v1.approval.json'],
    ['C:\\ws', ' ', 2, 'C:\\ws\\exports\\policy-v2.approval.json'],
  ])('the approval of %s %j v%i goes to %s', (ws, name, v, path) => {
    expect(approvalPath(ws, name, v)).toBe(path);
  });
});

describe('values in a diff', () => {
  it.each([
    [undefined, '(none)'],
    [null, 'null'],
    ['lower', '“lower”'],
    [3, '3'],
    [false, 'false'],
    [['a', 'b'], '["a","b"]'],
    [{ to: 'Paris', from: ['paris'] }, '{"to":"Paris","from":["paris"]}'],
  ])('%j → %s', (v, text) => {
    expect(formatValue(v)).toBe(text);
  });
  it('cuts long values with an ellipsis (counting characters, not UTF-16 units)', () => {
    const long = formatValue('😀'.repeat(200));
    expect([...long]).toHaveLength(VALUE_MAX);
    expect(long.endsWith('…')).toBe(true);
  });
  it.each([
    [{ path: 'params.mode', before: 'lower', after: 'upper' }, 'changed', '“lower”', '“upper”'],
    [{ path: 'params.map', before: undefined, after: [] }, 'added', '(none)', '[]'],
    [{ path: 'where', before: { column: 'id' }, after: undefined }, 'removed', '{"column":"id"}', '(none)'],
    [{ path: '', before: 1, after: 2 }, 'changed', '1', '2'],
  ])('a change %j is %s', (c, kind, before, after) => {
    const l = changeLine(c);
    expect(l.kind).toBe(kind);
    expect([l.before, l.after]).toEqual([before, after]);
    expect(l.path).not.toBe('');
  });
});

const step = (kind: PolicyStepDiff['kind'], stepId: string, fromIndex: number | null, toIndex: number | null, changes: PolicyStepDiff['changes'] = []): PolicyStepDiff => ({
  kind, stepId, type: stepId.split('-')[0] ?? stepId, label: `Label ${stepId}`, fromIndex, toIndex, changes,
});
const diffOf = (steps: PolicyStepDiff[]): PolicyDiff => ({
  policyId: 'p1', from: { version: 1, sha256: 'a' }, to: { version: 2, sha256: 'b' }, policy: [], steps, summary: 's',
});

describe('a diff in words', () => {
  const d = diffOf([
    step('same', 'trim', 0, 0),
    step('removed', 'missing', 1, null),
    step('changed', 'case', 2, 1, [{ path: 'params.mode', before: 'lower', after: 'upper' }]),
    step('added', 'aliases', null, 3),
    step('moved', 'dedupe', 3, 2),
  ]);
  it('lists the steps that differ in the newer order, a removed one where it was', () => {
    expect(stepLines(d).map((l) => [l.kind, l.title, l.where])).toEqual([
      ['removed', 'Label missing', 'removed (was step 2)'],
      ['changed', 'Label case', 'step 3 → 2'],
      ['moved', 'Label dedupe', 'moved from step 4 to 3'],
      ['added', 'Label aliases', 'added at step 4'],
    ]);
    expect(stepLines(d)[1]?.changes).toEqual([{ path: 'params.mode', before: '“lower”', after: '“upper”', kind: 'changed' }]);
    expect(unchangedCount(d)).toBe(1);
  });
  it('says nothing about steps when nothing differs', () => {
    const same = diffOf([step('same', 'trim', 0, 0)]);
    expect(stepLines(same)).toEqual([]);
  });
  it('against nothing (version 0) every step is added', () => {
    const all = diffOf([step('added', 'trim', null, 0), step('added', 'case', null, 1)]);
    expect(stepLines(all).map((l) => l.where)).toEqual(['added at step 1', 'added at step 2']);
  });
});

const version = (v: number, rows: number): VersionSummary => ({ version: v, parentVersion: null, rowCount: rows, columnCount: 2, createdAt: '2026-01-01T00:00:00Z', createdBy: 'a', note: '', runId: null, stamp: null });
const dataset = (id: string, createdAt: string, versions: VersionSummary[]): DatasetSummary => ({
  id, name: `${id}.csv`, format: 'csv', sourcePath: `/f/${id}.csv`, sourceSize: 1, sourceSha256: 'x', createdAt, createdBy: 'a', versions,
});

describe('the dataset an approver previews on', () => {
  const older = dataset('d1', '2026-01-01T00:00:00Z', [version(1, 10), version(2, 9)]);
  const newer = dataset('d2', '2026-02-01T00:00:00Z', [version(1, 5)]);
  it('is the open one, at its open version', () => {
    const open = { dataset: older, version: version(1, 10) } as DatasetDetail;
    expect(previewTarget(open, [older, newer])).toEqual({ datasetId: 'd1', name: 'd1.csv', version: 1, rows: 10 });
  });
  it('else the newest dataset at its newest version', () => {
    expect(previewTarget(null, [older, newer])?.datasetId).toBe('d2');
    expect(previewTarget(null, [older])).toEqual({ datasetId: 'd1', name: 'd1.csv', version: 2, rows: 9 });
  });
  it('is none in an empty workspace', () => {
    expect(previewTarget(null, [])).toBeNull();
  });
});
