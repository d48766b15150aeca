// The editor's pure logic: where validation messages go, why Run is unavailable, row filters as
// form rows and back, the column-mapping suggestions, and column selectors.
import { describe, expect, it } from 'vitest';
import { newPolicy, validatePolicy, type PolicyIssue } from '../../../src/shared/policy/policy';
import type { ColumnSelector, RowFilter, Step } from '../../../src/shared/policy/steps';
import { fromRows, toRows, type FilterRows } from '../../../src/renderer/features/policy/filter-rows';
import { blockedReason, describeSub, fieldMessages, issueCounts, placeStepIssues, policyIssues } from '../../../src/renderer/features/policy/issues';
import { applyMapping, looseKey, mappingComplete, suggestMapping } from '../../../src/renderer/features/policy/mapping';
import { describeSelector, toggled, withPart } from '../../../src/renderer/features/policy/selector';

const issue = (path: (string | number)[], message = 'bad'): PolicyIssue => ({ path, message, where: path.join('.') });
const FIELDS = ['id', 'columns', 'where', 'params', 'params.map', 'params.caseSensitive'];

describe('validation message placement', () => {
  it.each<[string, (string | number)[], string, (string | number)[]]>([
    ['a parameter', ['steps', 2, 'params', 'caseSensitive'], 'params.caseSensitive', []],
    ['inside a parameter', ['steps', 2, 'params', 'map', 0, 'from', 1], 'params.map', [0, 'from', 1]],
    ['the columns', ['steps', 2, 'columns'], 'columns', []],
    ['a selector part', ['steps', 2, 'columns', 'pattern'], 'columns', ['pattern']],
    ['a filter value', ['steps', 2, 'where', 'all', 1, 'value'], 'where', ['all', 1, 'value']],
    ['params without a field', ['steps', 2, 'params', 'other'], 'params', ['other']],
  ])('%s goes to its field', (_name, path, field, sub) => {
    const placed = placeStepIssues([issue(path, 'm')], 2, FIELDS);
    expect(placed.fields).toEqual({ [field]: [{ sub, message: 'm' }] });
    expect(placed.other).toEqual([]);
  });

  it.each<[string, (string | number)[], string[]]>([
    ['a field the form does not show', ['steps', 2, 'note'], ['note: m']],
    ['the step itself', ['steps', 2], ['m']],
  ])('%s goes to the step', (_name, path, other) => {
    expect(placeStepIssues([issue(path, 'm')], 2, FIELDS)).toEqual({ fields: {}, other });
  });

  it("another step's issues are not this step's", () => {
    expect(placeStepIssues([issue(['steps', 1, 'columns']), issue(['name'])], 2, FIELDS)).toEqual({ fields: {}, other: [] });
  });

  it.each<[(string | number)[], string]>([
    [[0, 'from', 1], 'entry 1 › from › 2'],
    [['all', 1, 'value'], 'all › 2 › value'],
    [[], ''],
  ])('%j reads as "%s"', (sub, want) => {
    expect(describeSub(sub)).toBe(want);
  });

  it('messages with their place under the field', () => {
    expect(fieldMessages([{ sub: [0, 'from', 1], message: '"x" is already mapped by entry 1' }, { sub: [], message: 'empty' }])).toEqual([
      'entry 1 › from › 2: "x" is already mapped by entry 1',
      'empty',
    ]);
  });

  it('counts issues per step and keeps the policy-level ones apart', () => {
    const list = [issue(['steps', 0, 'id']), issue(['steps', 0, 'columns']), issue(['steps', 3, 'where']), issue(['name'])];
    expect([...issueCounts(list)]).toEqual([
      [0, 2],
      [3, 1],
    ]);
    expect(policyIssues(list).map((i) => i.path)).toEqual([['name']]);
  });

  it('real issues from validatePolicy land on the fields the editor shows', () => {
    const steps = [
      { id: 'a', type: 'category_aliases', enabled: true, columns: { names: ['city'] }, params: { map: [{ from: ['x'], to: 'X' }, { from: ['x'], to: 'Y' }], caseSensitive: true } },
      { id: 'b', type: 'replace', enabled: true, params: { find: '', replacement: '', regex: false, caseSensitive: true, wholeValue: false } },
    ] as Step[];
    const r = validatePolicy({ ...newPolicy('p', 'ada'), steps });
    expect(r.ok).toBe(false);
    const issues = r.ok ? [] : r.issues;
    expect(fieldMessages(placeStepIssues(issues, 0, FIELDS).fields['params.map'])).toEqual(['entry 2 › from › 1: "x" is already mapped by entry 1']);
    const second = placeStepIssues(issues, 1, ['columns', 'params', 'params.find']);
    expect(Object.keys(second.fields).sort()).toEqual(['columns', 'params.find']);
  });
});

describe('why Run is unavailable', () => {
  const steps = [{ type: 'trim' as const }, { type: 'category_aliases' as const }];
  it.each<[string, PolicyIssue[], { type: Step['type'] }[], string | null]>([
    ['no steps', [], [], 'Add at least one step first.'],
    ['valid', [], steps, null],
    ['one issue', [issue(['steps', 1, 'params', 'map'], 'the alias map is empty')], steps, 'Fix step 2 (Category aliases) › map: the alias map is empty.'],
    ['several', [issue(['steps', 0, 'columns'], 'x'), issue(['name'], 'y')], steps, 'Fix step 1 (Trim) › columns: x (and 1 more).'],
    ['the policy name', [issue(['name'], 'the policy needs a name')], steps, 'Fix name: the policy needs a name.'],
  ])('%s', (_name, issues, s, want) => {
    expect(blockedReason(issues, s)).toBe(want);
  });
});

describe('row filter rows', () => {
  it.each<[string, RowFilter | undefined, FilterRows | null | 'complex']>([
    ['none', undefined, null],
    ['one condition', { column: 'city', op: 'equals', value: 'x', caseSensitive: false }, { join: 'all', rows: [{ column: 'city', op: 'equals', value: 'x', caseSensitive: false }] }],
    ['a missing test has no value', { column: 'c', op: 'is_missing', caseSensitive: true }, { join: 'all', rows: [{ column: 'c', op: 'is_missing', value: '', caseSensitive: true }] }],
    [
      'any of two',
      { any: [{ column: 'a', op: 'gt', value: 5, caseSensitive: true }, { column: 'b', op: 'contains', value: 'q', caseSensitive: true }] },
      { join: 'any', rows: [{ column: 'a', op: 'gt', value: '5', caseSensitive: true }, { column: 'b', op: 'contains', value: 'q', caseSensitive: true }] },
    ],
    ['nested groups', { all: [{ any: [{ column: 'a', op: 'equals', value: 'x', caseSensitive: true }] }] }, 'complex'],
    ['not', { not: { column: 'a', op: 'equals', value: 'x', caseSensitive: true } }, 'complex'],
    ['a column id', { columnId: 'c3', op: 'equals', value: 'x', caseSensitive: true }, 'complex'],
  ])('%s', (_name, filter, rows) => {
    expect(toRows(filter)).toEqual(rows);
    if (rows !== null && rows !== 'complex') expect(fromRows(rows)).toEqual(filter);
  });

  it.each<[string, FilterRows, RowFilter | undefined]>([
    ['no rows is no filter', { join: 'all', rows: [] }, undefined],
    ['a comparison with a number compares numbers', { join: 'all', rows: [{ column: 'a', op: 'ge', value: ' 2.5', caseSensitive: true }] }, { column: 'a', op: 'ge', value: 2.5, caseSensitive: true }],
    ['a comparison with text compares text', { join: 'all', rows: [{ column: 'a', op: 'lt', value: 'm', caseSensitive: true }] }, { column: 'a', op: 'lt', value: 'm', caseSensitive: true }],
    ['equals keeps digits as text', { join: 'all', rows: [{ column: 'a', op: 'equals', value: '007', caseSensitive: true }] }, { column: 'a', op: 'equals', value: '007', caseSensitive: true }],
    ['is missing drops the value', { join: 'all', rows: [{ column: 'a', op: 'is_not_missing', value: 'left over', caseSensitive: true }] }, { column: 'a', op: 'is_not_missing', caseSensitive: true }],
  ])('%s', (_name, rows, want) => {
    expect(fromRows(rows)).toEqual(want);
  });
});

describe('column mapping', () => {
  const headers = ['customer_id', 'City', 'e-mail', 'Name', 'name '];
  it.each<[string, string]>([
    ['Customer ID', 'customer_id'],
    ['customerId', 'customer_id'],
    ['city', 'City'],
    ['EMAIL', 'e-mail'],
    // Two headers read the same: no guess.
    ['name', ''],
    ['postcode', ''],
  ])('%s → %j', (name, want) => {
    expect(suggestMapping([{ name, stepIds: ['s'] }], headers)).toEqual({ [name]: want });
  });

  it('reads headers loosely', () => {
    expect(looseKey(' Post_Code ')).toBe('postcode');
    expect(looseKey('ＣＩＴＹ')).toBe('city');
  });

  it('is complete only when every name has a column', () => {
    const missing = [{ name: 'a', stepIds: [] }, { name: 'b', stepIds: [] }];
    expect(mappingComplete(missing, { a: 'x', b: '' })).toBe(false);
    expect(mappingComplete(missing, { a: 'x' })).toBe(false);
    expect(mappingComplete(missing, { a: 'x', b: 'y' })).toBe(true);
  });

  it('renames the names in selectors and filters, and only those chosen', () => {
    const policy = {
      ...newPolicy('p', 'ada'),
      steps: [
        { id: 's1', type: 'trim', enabled: true, columns: { names: ['City', 'Other'] }, where: { column: 'Status', op: 'equals', value: 'x', caseSensitive: true }, params: {} },
      ] as Step[],
    };
    const out = applyMapping(policy, { City: 'city', Status: 'status', Other: '' });
    expect(out.steps[0]).toMatchObject({ columns: { names: ['city', 'Other'] }, where: { column: 'status' } });
    expect(policy.steps[0]?.columns?.names).toEqual(['City', 'Other']);
  });
});

describe('column selectors', () => {
  it.each<[ColumnSelector, string]>([
    [{ types: ['text'] }, 'text columns'],
    [{ types: ['text', 'integer', 'decimal', 'boolean', 'date', 'timestamp', 'time', 'json'] }, 'every column'],
    [{ detected: ['email'] }, 'columns whose values look like e-mail'],
    [{ detected: ['number', 'date'] }, 'columns whose values look like number or date'],
    [{ names: ['city', ''], pattern: '^addr' }, '“city”, “”; headers matching /^addr/'],
    [{}, 'no columns'],
  ])('%j reads as "%s"', (sel, want) => {
    expect(describeSelector(sel)).toBe(want);
  });

  it.each<[ColumnSelector, keyof ColumnSelector, ColumnSelector[keyof ColumnSelector], ColumnSelector]>([
    [{ types: ['text'] }, 'names', ['city'], { types: ['text'], names: ['city'] }],
    [{ types: ['text'], names: ['city'] }, 'names', [], { types: ['text'] }],
    [{ pattern: 'x' }, 'pattern', '', {}],
    [{ pattern: 'x' }, 'pattern', undefined, {}],
  ])('%j with %s = %j', (sel, key, value, want) => {
    expect(withPart(sel, key, value as never)).toEqual(want);
  });

  it('toggles a value in a list', () => {
    expect(toggled(undefined, 'a')).toEqual(['a']);
    expect(toggled(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggled(['b'], 'a')).toEqual(['b', 'a']);
  });
});
