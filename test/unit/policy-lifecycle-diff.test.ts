// Policy diffs as a table: steps matched by id (added, removed, moved, changed with paths and
// values), policy-level fields, bookkeeping ignored, and the summary line.
import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../../src/main/engine/policy/diff';
import { policySchema, type Policy } from '../../src/shared/policy/policy';
import type { StepInput } from '../../src/shared/policy/steps';

const policy = (steps: StepInput[], extra: Record<string, unknown> = {}): Policy =>
  policySchema.parse({ format: 'data-sanitizer/policy', formatVersion: 1, name: 'p', version: 1, author: 'a', createdAt: '2026-01-01T00:00:00.000Z', steps, ...extra });
const side = (version: number, p: Policy) => ({ version, sha256: `sha${version}`, policy: p });

const trim: StepInput = { id: 'trim', type: 'trim' };
const lower: StepInput = { id: 'lower', type: 'change_case', columns: { names: ['city'] }, params: { mode: 'lower' } };
const upper: StepInput = { ...lower, params: { mode: 'upper' } };
const dupes: StepInput = { id: 'dupes', type: 'dedupe_exact' };
const moreCols: StepInput = { ...lower, columns: { names: ['city', 'town'] } };

describe('diffPolicies', () => {
  it.each([
    ['identical', [trim, lower], [trim, lower], {}, {}, [['same', 'trim'], ['same', 'lower']], 'no differences'],
    ['a step added', [trim], [trim, dupes], {}, {}, [['same', 'trim'], ['added', 'dupes']], '1 step added'],
    ['a step removed', [trim, dupes], [trim], {}, {}, [['same', 'trim'], ['removed', 'dupes']], '1 step removed'],
    ['a parameter changed', [trim, lower], [trim, upper], {}, {}, [['same', 'trim'], ['changed', 'lower']], '1 step changed'],
    ['steps moved', [trim, lower, dupes], [dupes, trim, lower], {}, {}, [['moved', 'dupes'], ['same', 'trim'], ['same', 'lower']], '1 step moved'],
    ['bookkeeping only', [trim], [trim], {}, { version: 4, author: 'b', createdAt: '2026-02-01T00:00:00.000Z', edits: [{ at: '2026-02-01T00:00:00.000Z', author: 'b', summary: 'x' }] }, [['same', 'trim']], 'no differences'],
    ['name and description', [trim], [trim], {}, { name: 'q', description: 'new' }, [['same', 'trim']], 'description, name changed'],
    ['everything', [trim, lower, dupes], [upper, trim, { id: 'n', type: 'normalize_unicode' }], {}, { name: 'q' }, [['changed', 'lower'], ['moved', 'trim'], ['added', 'n'], ['removed', 'dupes']], '1 step added, 1 removed, 1 changed, 1 moved, name changed'],
  ] as const)('%s', (_what, a, b, pa, pb, steps, summary) => {
    const d = diffPolicies('p1', side(1, policy([...a], pa)), side(2, policy([...b], pb)));
    expect(d.steps.map((s) => [s.kind, s.stepId])).toEqual(steps);
    expect(d.summary).toBe(summary);
  });

  it('names the changed paths with their values', () => {
    const d = diffPolicies('p1', side(1, policy([lower])), side(2, policy([{ ...upper, columns: { names: ['city', 'town'] }, enabled: false }])));
    expect(d.steps[0]!.changes).toEqual([
      { path: 'columns.names', before: ['city'], after: ['city', 'town'] },
      { path: 'enabled', before: true, after: false },
      { path: 'params.mode', before: 'lower', after: 'upper' },
    ]);
    expect(diffPolicies('p1', side(1, policy([lower])), side(2, policy([moreCols]))).steps[0]).toMatchObject({ kind: 'changed', label: 'Change case', fromIndex: 0, toIndex: 0 });
  });

  it('diffs against nothing (from 0): every step added', () => {
    const d = diffPolicies('p1', null, side(3, policy([trim, dupes])));
    expect(d).toMatchObject({ from: { version: 0, sha256: '' }, to: { version: 3, sha256: 'sha3' }, policy: [], summary: '2 steps added' });
  });
});
