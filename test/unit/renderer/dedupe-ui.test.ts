// The Duplicates screens' pure parts as tables: the waterfall (steps from a pair's contributions,
// bars split at zero, its words), the setup draft (roles, rules, threshold and band validated by
// the contract's schema), fields that differ between records, the overview charts, the windowed
// pages and the review queue's keys and moves.
import { describe, expect, it } from 'vitest';
import { dedupeSettingsSchema, type BlockingRule, type ColumnRole, type DedupePair, type RecordValues } from '../../../src/shared/api/dedupe-types';
import { binBand, clusterSizeLabel, probabilityOption, rulesOption, sizeBars } from '../../../src/renderer/features/dedupe/charts';
import { differingColumns, normalise, oddCells } from '../../../src/renderer/features/dedupe/compare';
import { PageWindow, type Page } from '../../../src/renderer/features/dedupe/page-window';
import { afterDecision, decidedOf, reviewAction } from '../../../src/renderer/features/dedupe/review-moves';
import { chosenRules, draftFromSettings, draftKey, emptyDraft, parseProbability, planStale, roleOf, settingsInput, validateDraft, withRole, withRule } from '../../../src/renderer/features/dedupe/settings';
import { barParts, formatProbability, probabilityOf, stepText, waterfallLabel, waterfallOption, waterfallSteps } from '../../../src/renderer/features/dedupe/waterfall';
import type { ChartColors } from '../../../src/renderer/features/profile/chart-types';

const colors: ChartColors = { text: 't', muted: 'm', faint: 'f', line: 'l', accent: 'a', danger: 'd', warning: 'w', success: 's', raised: 'r', font: 'F' };

const pair = (prior: number, parts: [string, string | null, number][], weight?: number): Pick<DedupePair, 'priorWeight' | 'contributions' | 'weight'> => ({
  priorWeight: prior,
  contributions: parts.map(([label, level, w]) => ({ comparisonId: label.toLowerCase(), label, level, weight: w })),
  weight: weight ?? prior + parts.reduce((s, [, level, w]) => s + (level === null ? 0 : w), 0),
});

describe('the waterfall', () => {
  it.each([
    [
      'all up from a negative prior, crossing zero',
      pair(-6, [['Name', 'exact', 4.5], ['Dob', 'exact', 3]]),
      [['Prior', 'prior', 0, -6], ['Name', 'up', -6, -1.5], ['Dob', 'up', -1.5, 1.5], ['Match weight', 'total', 0, 1.5]],
    ],
    [
      'a negative contribution and a missing value (neutral, weight ignored)',
      pair(-2, [['Email', 'else', -3.25], ['Phone', null, 9], ['City', 'exact', 1]]),
      [['Prior', 'prior', 0, -2], ['Email', 'down', -2, -5.25], ['Phone', 'missing', -5.25, -5.25], ['City', 'up', -5.25, -4.25], ['Match weight', 'total', 0, -4.25]],
    ],
    ['no comparisons: prior and total only', pair(-3, []), [['Prior', 'prior', 0, -3], ['Match weight', 'total', 0, -3]]],
  ] as const)('%s', (_name, p, want) => {
    const steps = waterfallSteps(p);
    expect(steps.map((s) => [s.label, s.kind, s.from, s.to])).toEqual(want);
  });

  it('ends on the engine’s total, not a re-summed one', () => {
    const steps = waterfallSteps(pair(-1, [['A', 'x', 2]], 1.0000004));
    expect(steps.at(-1)!.to).toBe(1.0000004);
  });

  it.each([
    ['above zero', 1, 4, { base: 1, above: 3, below: 0 }],
    ['above zero, going down', 4, 1, { base: 1, above: 3, below: 0 }],
    ['below zero', -1, -5, { base: -1, above: 0, below: -4 }],
    ['crossing zero upwards', -2, 3, { base: 0, above: 3, below: -2 }],
    ['crossing zero downwards', 2.5, -1.5, { base: 0, above: 2.5, below: -1.5 }],
    ['from zero', 0, -3, { base: 0, above: 0, below: -3 }],
    ['nothing', -2, -2, { base: -2, above: 0, below: 0 }],
  ])('splits a bar %s', (_name, from, to, want) => {
    const p = barParts(from, to);
    expect(p).toEqual(want);
    // The visible parts together are as long as the step.
    expect(p.above - p.below).toBeCloseTo(Math.abs(to - from));
  });

  it('makes one stacked option: an invisible base and the two visible parts, coloured by step', () => {
    const steps = waterfallSteps(pair(-6, [['Name', 'exact', 8], ['Dob', 'else', -1]]));
    const o = waterfallOption(steps, colors) as { yAxis: { data: string[] }; series: { name: string; stack: string; data: (number | { value: number; itemStyle: { color: string } })[]; itemStyle?: { color: string } }[] };
    expect(o.yAxis.data).toEqual(['Prior', 'Name', 'Dob', 'Match weight']);
    expect(o.series.map((s) => [s.name, s.stack])).toEqual([['base', 'w'], ['above', 'w'], ['below', 'w']]);
    expect(o.series[0]!.itemStyle!.color).toBe('transparent');
    expect(o.series[0]!.data).toEqual([0, 0, 1, 0]);
    const value = (i: number) => (o.series[i]!.data as { value: number }[]).map((d) => d.value);
    expect(value(1)).toEqual([0, 2, 1, 1]);
    expect(value(2)).toEqual([-6, -6, 0, 0]);
    expect((o.series[1]!.data as { itemStyle: { color: string } }[]).map((d) => d.itemStyle.color)).toEqual(['f', 's', 'd', 'a']);
  });

  it.each([
    [0, '50.0 %'],
    [10, '99.90 %'],
    [12, '99.98 %'],
    [20, '> 99.99 %'],
    [-10, '0.10 %'],
    [-20, '< 0.01 %'],
    [Infinity, '100 %'],
    [-Infinity, '0 %'],
  ])('turns log2 odds %d into %s', (w, text) => {
    expect(formatProbability(probabilityOf(w))).toBe(text);
  });

  it('says every step in words', () => {
    const steps = waterfallSteps(pair(-4, [['Name', 'exact', 5.5], ['Phone', null, 0], ['City', 'else', -0.5]]));
    expect(steps.map(stepText)).toEqual(['-4.00', '+5.50', 'missing', '−0.50', '1.00 → 66.7 %']);
    expect(waterfallLabel(steps)).toBe('Match weight by comparison: prior -4.00, Name +5.50, Phone missing, City −0.50, total 1.00 → 66.7 %');
  });
});

const role = (columnId: string, inferred: ColumnRole['inferred']): ColumnRole => ({ columnId, header: columnId, role: inferred, inferred, reason: 'r', overridden: false });
const rule = (id: string, used: boolean, pairs = 10): BlockingRule => ({ id, label: id, columnIds: ['c1'], kind: 'key', pairs, used });

describe('the setup draft', () => {
  it.each([
    ['0.9', 0.9],
    [' .95 ', 0.95],
    ['1', 1],
    ['0,9', Number.NaN],
    ['', Number.NaN],
    ['9e-1', Number.NaN],
    ['-0.2', Number.NaN],
    ['90%', Number.NaN],
  ])('reads %j as %s', (text, want) => {
    expect(parseProbability(text)).toEqual(want);
  });

  it.each([
    ['the defaults', {}, null],
    ['a threshold of 1', { threshold: '1' }, { threshold: 'The threshold must be less than 1' }],
    ['a threshold of 0', { threshold: '0' }, { threshold: 'The threshold must be greater than 0' }],
    ['a threshold that is no number', { threshold: 'high' }, { threshold: 'The threshold must be a number' }],
    ['an empty lower bound', { lower: '' }, { lower: 'The review band’s lower bound must be a number' }],
    ['a band upside down', { lower: '0.8', upper: '0.6' }, { lower: 'The review band’s lower bound must be below its upper bound' }],
    ['an upper bound of 1.5', { upper: '1.5' }, { upper: 'The review band’s upper bound must be less than 1' }],
    ['no rule chosen', { rules: [] }, { form: 'Choose at least one blocking rule: without one no pair is compared.' }],
  ])('validates %s', (_name, patch, errors) => {
    const v = validateDraft({ ...emptyDraft(), ...patch });
    if (errors === null) expect(v.ok).toBe(true);
    else expect(v).toEqual({ ok: false, errors });
  });

  it('sends corrections, the id column (never with a role) and the chosen rules, and the schema accepts them', () => {
    const d = { ...emptyDraft(), roles: { c2: 'ignore' as const, c3: 'given_name' as const, c1: 'text' as const }, idColumn: 'c1', rules: ['email'], threshold: '0.8' };
    const input = settingsInput(d);
    expect(input).toEqual({ roles: { c2: 'ignore', c3: 'given_name' }, idColumn: 'c1', exclude: [], threshold: 0.8, review: { lower: 0.5, upper: 0.95 }, rules: ['email'], useDecisions: true });
    expect(dedupeSettingsSchema.safeParse(input).success).toBe(true);
  });

  it('round-trips a stored run’s settings (excluded columns become "not compared")', () => {
    const s = dedupeSettingsSchema.parse({ roles: { c4: 'city' }, exclude: ['c5'], threshold: 0.85, review: { lower: 0.4, upper: 0.9 }, rules: ['a', 'b'], useDecisions: false });
    const d = draftFromSettings(s);
    expect(d).toEqual({ roles: { c4: 'city', c5: 'ignore' }, idColumn: null, rules: ['a', 'b'], threshold: '0.85', lower: '0.4', upper: '0.9', useDecisions: false });
    expect(validateDraft(d)).toEqual({ ok: true, settings: { ...s, roles: { c4: 'city', c5: 'ignore' }, exclude: [] } });
  });

  it('keeps a correction only where it differs from the inferred role; the id column is never compared', () => {
    const r = role('c2', 'email');
    let d = withRole(emptyDraft(), r, 'text');
    expect(d.roles).toEqual({ c2: 'text' });
    expect(roleOf(r, d)).toBe('text');
    d = withRole(d, r, 'email');
    expect(d.roles).toEqual({});
    expect(roleOf(r, { ...d, idColumn: 'c2' })).toBe('ignore');
  });

  it.each([
    ['untick an automatic rule', null, 'b', false, ['a']],
    ['tick a rule left out', null, 'c', true, ['a', 'b', 'c']],
    ['tick again what was unticked: still the user’s choice, in the plan’s order', ['b'], 'a', true, ['a', 'b']],
    ['untick the last one', ['a'], 'a', false, []],
  ])('rules: %s', (_name, chosen, id, on, want) => {
    const rules = [rule('a', true), rule('b', true), rule('c', false)];
    const d = withRule({ ...emptyDraft(), rules: chosen }, rules, id, on);
    expect(d.rules).toEqual(want);
    expect(chosenRules(d, rules)).toEqual(want);
  });

  it('marks the count stale when roles or rules change, not when the threshold does', () => {
    const d = emptyDraft();
    const key = draftKey(d);
    expect(planStale(null, d)).toBe(false);
    expect(planStale(key, { ...d, threshold: '0.7' })).toBe(false);
    expect(planStale(key, { ...d, roles: { c1: 'city' } })).toBe(true);
    expect(planStale(key, { ...d, rules: ['a'] })).toBe(true);
    expect(planStale(key, { ...d, idColumn: 'c1' })).toBe(true);
  });
});

const rec = (rowId: number, values: (string | null)[]): RecordValues => ({ rowId, values });

describe('fields that differ', () => {
  it.each([
    ['  José  ', 'jose'],
    ['Main   St', 'main st'],
    ['', null],
    ['   ', null],
    [null, null],
  ])('normalises %j to %j', (v, want) => {
    expect(normalise(v)).toBe(want);
  });

  const cols = [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }, { id: 'c4' }];
  it.each([
    ['the same after normalising', [rec(1, ['Ann', 'x', null, '']), rec(2, [' ANN', 'X', '', null])], []],
    ['a typo and a missing value', [rec(1, ['Ann', 'x', '1', 'a']), rec(2, ['Anne', 'x', null, 'a'])], ['c1', 'c3']],
    ['three members, one odd', [rec(1, ['Ann', 'x', '1', 'a']), rec(2, ['Ann', 'x', '1', 'b']), rec(3, ['Ann', 'x', '1', 'a'])], ['c4']],
  ])('%s', (_name, members, want) => {
    expect(differingColumns(cols, members)).toEqual(want);
  });

  it('marks the values that differ from the most common one (ties: the first member’s)', () => {
    const members = [rec(1, ['Ann', 'a']), rec(2, ['Anne', 'b']), rec(3, ['anne', 'c'])];
    expect(oddCells(members, 2)).toEqual([
      [true, false],
      [false, true],
      [false, true],
    ]);
  });
});

describe('the overview charts', () => {
  it('pools sizes above the cap and orders them', () => {
    expect(sizeBars([{ size: 3, clusters: 4 }, { size: 2, clusters: 10 }, { size: 40, clusters: 1 }, { size: 25, clusters: 2 }])).toEqual([
      { label: '2', clusters: 10 },
      { label: '3', clusters: 4 },
      { label: '21+', clusters: 3 },
    ]);
    expect(clusterSizeLabel([])).toBe('Clusters by size: no clusters');
  });

  const s = { threshold: 0.9, review: { lower: 0.5, upper: 0.95 } };
  it.each([
    [0, 0.05, 'below'],
    [0.45, 0.5, 'below'],
    [0.5, 0.55, 'review'],
    [0.85, 0.9, 'review'],
    [0.9, 0.95, 'match'],
    [0.95, 1, 'match'],
  ])('a bin %d–%d is %s', (from, to, band) => {
    expect(binBand({ from, to, count: 1 }, s)).toBe(band);
  });

  it('colours probability bins by band and rules by use', () => {
    const bins = [0, 0.5, 0.95].map((from) => ({ from, to: from + 0.05, count: 2 }));
    const o = probabilityOption(bins, s, colors) as { series: { data: { itemStyle: { color: string } }[] }[]; xAxis: { data: string[] } };
    expect(o.series[0]!.data.map((d) => d.itemStyle.color)).toEqual(['f', 'w', 's']);
    expect(o.xAxis.data).toEqual(['0', '50', '95']);
    const r = rulesOption([rule('a', true, 5), rule('b', false, 900)], colors) as { series: { data: { value: number; itemStyle: { color: string } }[] }[] };
    expect(r.series[0]!.data.map((d) => [d.value, d.itemStyle.color])).toEqual([[5, 'a'], [900, 'f']]);
  });
});

describe('the windowed pages', () => {
  function pages(total: number, fail: Set<number> = new Set()) {
    const calls: [number, number][] = [];
    const fetcher = async (offset: number, limit: number): Promise<Page<{ id: number; decision: string | null }>> => {
      calls.push([offset, limit]);
      if (fail.has(offset)) throw new Error(`page at ${offset} failed`);
      const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({ id: offset + i, decision: (offset + i) % 3 === 0 ? 'match' : null }));
      return { total, columns: [{ id: 'c1', header: 'name' }], items };
    };
    return { win: new PageWindow(fetcher, 10, 3), calls };
  }

  it('fetches each page once, keeps the columns and the total', async () => {
    const { win, calls } = pages(35);
    await Promise.all([win.ensure(0, 12), win.ensure(5, 15)]);
    expect(calls).toEqual([[0, 10], [10, 10]]);
    expect(win.total).toBe(35);
    expect(win.columns).toEqual([{ id: 'c1', header: 'name' }]);
    expect(win.item(12)).toEqual({ id: 12, decision: 'match' });
    expect(win.item(13)).toEqual({ id: 13, decision: null });
    await win.ensure(30, 80);
    expect(calls.at(-1)).toEqual([30, 10]);
    expect(win.item(34)).toEqual({ id: 34, decision: null });
  });

  it('evicts the least recently used page', async () => {
    const { win, calls } = pages(100);
    await win.ensure(0, 0);
    await win.ensure(10, 10);
    await win.ensure(20, 20);
    win.item(0);
    await win.ensure(30, 30);
    expect(win.item(10)).toBeUndefined();
    expect(win.item(0)).toBeDefined();
    await win.ensure(10, 10);
    expect(calls.filter(([o]) => o === 10)).toHaveLength(2);
  });

  it('shows a failed page’s error and does not hammer the engine', async () => {
    const { win, calls } = pages(30, new Set([10]));
    await win.ensure(0, 15);
    expect(win.error).toBe('page at 10 failed');
    await win.ensure(10, 15);
    expect(calls.filter(([o]) => o === 10)).toHaveLength(1);
  });

  it('patches cached items and finds the next undecided among them', async () => {
    const { win } = pages(25);
    await win.ensure(0, 9);
    const v = win.version;
    expect(win.findCached(0, (x) => x.decision === null)).toBe(1);
    expect(win.patch((x) => x.id === 1, (x) => ({ ...x, decision: 'non_match' }))).toBe(true);
    expect(win.version).toBe(v + 1);
    expect(win.findCached(0, (x) => x.decision === null)).toBe(2);
    // Page 1 is not here: the search skips it rather than guessing.
    expect(win.findCached(9, (x) => x.id >= 9 && x.decision === null)).toBe(null);
    await win.ensure(20, 24);
    expect(win.findCached(9, (x) => x.id >= 20 && x.decision === null)).toBe(20);
    expect(win.patch((x) => x.id === 99, (x) => x)).toBe(false);
  });
});

describe('the review queue', () => {
  const key = (k: string, mod: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => reviewAction({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mod });
  it.each([
    ['a', { kind: 'decide', decision: 'match' }],
    ['A', { kind: 'decide', decision: 'match' }],
    ['r', { kind: 'decide', decision: 'non_match' }],
    ['s', { kind: 'skip' }],
    ['u', { kind: 'undo' }],
    ['ArrowLeft', { kind: 'move', by: -1 }],
    ['ArrowRight', { kind: 'move', by: 1 }],
    ['x', null],
    ['Enter', null],
  ])('key %s', (k, want) => {
    expect(key(k)).toEqual(want);
  });

  it('ignores keys with a modifier (Ctrl+A selects, Cmd+R reloads)', () => {
    expect(key('a', { ctrlKey: true })).toBeNull();
    expect(key('r', { metaKey: true })).toBeNull();
    expect(key('u', { altKey: true })).toBeNull();
  });

  it.each([
    ['to the next undecided', 2, 10, 5, 5],
    ['to the next when none is known', 2, 10, null, 3],
    ['the last stays', 9, 10, null, 9],
    ['an undecided one behind is not a move forward', 4, 10, 1, 5],
  ])('after a decision: %s', (_name, index, total, next, want) => {
    expect(afterDecision(index, total, next)).toBe(want);
  });

  it.each([
    [10, 4, 6],
    [10, 0, 10],
    [10, 12, 0],
    [0, 0, 0],
  ])('of %d pairs with %d undecided, %d are decided', (total, undecided, want) => {
    expect(decidedOf(total, undecided)).toBe(want);
  });
});
