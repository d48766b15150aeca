// The draft's step edits (insert, move, duplicate, remove), unique step ids, new steps of every
// type, steps handed in from elsewhere, "unsaved changes" and a save attached to the lineage.
import { describe, expect, it } from 'vitest';
import type { StoredPolicy } from '../../../src/shared/api/clean-types';
import { STEP_INFO } from '../../../src/shared/policy/catalog';
import { newPolicy, validatePolicy } from '../../../src/shared/policy/policy';
import { STEP_TYPES, stepSchema, type Step } from '../../../src/shared/policy/steps';
import { attachSaved, contentKey, duplicateStep, insertStep, moveStep, moveStepTo, removeStep, uniqueStepId, type Draft } from '../../../src/renderer/features/policy/draft';
import { completeStep, newStep } from '../../../src/renderer/features/policy/templates';

const step = (id: string): Step => ({ id, type: 'trim', enabled: true, params: {} });
const draft = (...ids: string[]): Draft => ({ policyId: null, policy: { ...newPolicy('p', 'ada', new Date(0)), steps: ids.map(step) } });
const ids = (d: Draft) => d.policy.steps.map((s) => s.id);

describe('uniqueStepId', () => {
  it.each([
    ['trim', [], 'trim'],
    ['trim', ['trim'], 'trim-2'],
    ['trim', ['trim', 'trim-2'], 'trim-3'],
    ['change case!', [], 'change-case-'],
    ['--x', [], 'x'],
    ['', [], 'step'],
  ])('%s among %j → %s', (base, taken, want) => {
    expect(uniqueStepId(base, taken)).toBe(want);
  });
});

describe('step edits', () => {
  it.each<[string, (d: Draft) => Draft, string[]]>([
    ['insert at the end', (d) => insertStep(d, step('x')), ['a', 'b', 'c', 'x']],
    ['insert at a position', (d) => insertStep(d, step('x'), 1), ['a', 'x', 'b', 'c']],
    ['move up', (d) => moveStep(d, 'b', -1), ['b', 'a', 'c']],
    ['move down', (d) => moveStep(d, 'b', 1), ['a', 'c', 'b']],
    ['move past the top stays', (d) => moveStep(d, 'a', -1), ['a', 'b', 'c']],
    ['move past the end stays', (d) => moveStep(d, 'c', 1), ['a', 'b', 'c']],
    ['move to (drag)', (d) => moveStepTo(d, 'c', 0), ['c', 'a', 'b']],
    ['move to beyond the end', (d) => moveStepTo(d, 'a', 9), ['b', 'c', 'a']],
    ['remove', (d) => removeStep(d, 'b'), ['a', 'c']],
    ['duplicate', (d) => duplicateStep(d, 'a').draft, ['a', 'a-copy', 'b', 'c']],
    ['unknown id changes nothing', (d) => moveStep(removeStep(d, 'zz'), 'zz', 1), ['a', 'b', 'c']],
  ])('%s', (_name, edit, want) => {
    const before = draft('a', 'b', 'c');
    expect(ids(edit(before))).toEqual(want);
    expect(ids(before)).toEqual(['a', 'b', 'c']);
  });

  it('a duplicate is a deep copy', () => {
    const d: Draft = { policyId: null, policy: { ...draft().policy, steps: [{ id: 'm', type: 'category_aliases', enabled: true, columns: { names: ['city'] }, params: { map: [{ from: ['x'], to: 'X' }], caseSensitive: true } }] } };
    const r = duplicateStep(d, 'm');
    const copy = r.draft.policy.steps[1];
    expect(r.id).toBe('m-copy');
    expect(copy).toEqual({ ...d.policy.steps[0], id: 'm-copy' });
    expect(copy?.columns).not.toBe(d.policy.steps[0]?.columns);
  });
});

describe('new steps', () => {
  it.each(STEP_TYPES)('%s starts with its label as id and parameters of the right shape', (type) => {
    const s = newStep(type, []);
    expect(s.id).toMatch(/^[a-z0-9-]+$/);
    expect(s.type).toBe(type);
    // Parameters are complete: whatever validation still says is about values, never shape.
    const r = stepSchema.safeParse(s);
    const problems = r.success ? [] : r.error.issues.filter((i) => i.code === 'invalid_type' || i.code === 'unrecognized_keys');
    expect(problems).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['trim', []],
    ['change_case', ['columns']],
    ['category_aliases', ['columns', 'params.map']],
    ['replace', ['columns', 'params.find']],
    ['standardize_phone', ['params.defaultRegion']],
    ['drop_rows', ['where']],
    ['rename_column', ['columns']],
    ['deidentify', []],
    ['generalise', ['columns']],
  ])('a new %s step asks for %j', (type, fields) => {
    const s = newStep(type as Step['type'], []);
    const r = validatePolicy({ ...newPolicy('p', 'ada'), steps: [s] });
    const got = r.ok ? [] : [...new Set(r.issues.map((i) => i.path.slice(2).join('.')))];
    expect(got.sort()).toEqual(fields);
  });

  it('a step handed in keeps its parameters, gets a free id and its defaults', () => {
    const s = completeStep({ type: 'category_aliases', columns: { names: ['city'] }, params: { map: [{ from: ['NYC'], to: 'New York' }] } }, ['category-aliases']);
    expect(s).toEqual({ id: 'category-aliases-2', type: 'category_aliases', enabled: true, columns: { names: ['city'] }, params: { map: [{ from: ['NYC'], to: 'New York' }], caseSensitive: true } });
  });

  it('a step handed in with bad parameters is kept to be fixed in the editor', () => {
    const s = completeStep({ id: 'aliases', type: 'category_aliases', params: { map: [] } }, []);
    expect(s).toMatchObject({ id: 'aliases', enabled: true, params: { map: [], caseSensitive: true } });
    expect(STEP_INFO[s.type].label).toBe('Category aliases');
  });
});

describe('saved state', () => {
  it('content compares equal whatever the key order', () => {
    const a = draft('a').policy;
    const b = { ...a, steps: [{ params: {}, enabled: true, type: 'trim' as const, id: 'a' }] };
    expect(contentKey(b)).toBe(contentKey(a));
    expect(contentKey({ ...a, name: 'other' })).not.toBe(contentKey(a));
  });

  it('a save attaches its version to the whole lineage, not to other policies', () => {
    const stored: StoredPolicy = { policyId: 'p7', sha256: 'x', savedAt: '', savedBy: 'ada', policy: { ...draft('a').policy, version: 2, author: 'bob', edits: [{ at: '2026-01-01T00:00:00.000Z', author: 'ada', summary: 's' }] } };
    const mine = draft('a', 'b');
    expect(attachSaved(mine, null, stored)).toMatchObject({ policyId: 'p7', policy: { version: 2, author: 'bob', steps: mine.policy.steps } });
    const other: Draft = { ...mine, policyId: 'p3' };
    expect(attachSaved(other, null, stored)).toBe(other);
  });
});
