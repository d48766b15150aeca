// Which alias step accepted clusters go into: the column's step that applies to all its rows
// (enabled, no row filter, case-sensitive, the same columns), else none (a new step is added).
import { describe, expect, it } from 'vitest';
import { stepSchema, type Step, type StepInput } from '../../../src/shared/policy/steps';
import { aliasStepFor } from '../../../src/renderer/features/clusters/edits';

const aliases = (over: Partial<StepInput> & { caseSensitive?: boolean }): Step => {
  const { caseSensitive = true, ...rest } = over;
  return stepSchema.parse({ id: 'aliases', type: 'category_aliases', columns: { names: ['city'] }, params: { map: [{ to: 'Paris', from: ['paris'] }], caseSensitive }, ...rest });
};
const trim = stepSchema.parse({ id: 'trim', type: 'trim' });

describe('the alias step accepted clusters go into', () => {
  it.each([
    ['an enabled step for the column', [trim, aliases({})], 'aliases'],
    ['a disabled step', [aliases({ enabled: false })], null],
    ['a step with a row filter', [aliases({ where: { column: 'id', op: 'equals', value: '1' } })], null],
    ['a case-insensitive step', [aliases({ caseSensitive: false })], null],
    ['a step for another column', [aliases({ columns: { names: ['id'] } })], null],
    ['no alias step', [trim], null],
  ])('with %s', (_label, steps, id) => {
    expect(aliasStepFor(steps, { names: ['city'] })?.id ?? null).toBe(id);
  });
});
