// The pure parts of the report's figures, as tables: which operator a run applied to an entity
// (from its policy's de-identification steps, or dropped columns), and the counts and digests a
// near-duplicate step's notes carry.
import { describe, expect, it } from 'vitest';
import type { StepReport } from '../../src/shared/api/clean-types';
import { parsePolicy } from '../../src/main/engine/policy/store';
import { fromNotes } from '../../src/main/engine/report/dedupe-figures';
import { operatorsOf } from '../../src/main/engine/report/pii-figures';
import type { StepInput } from '../../src/shared/policy/steps';
import { policyDoc } from '../support/clean';

const policy = (steps: StepInput[]) => parsePolicy(policyDoc(steps));
const dropped = (ids: string[]): StepReport[] => [{ stepId: 'x', stepType: 'drop_columns', label: '', enabled: true, columnIds: ids, cellsChanged: 0, rowsRemoved: 0, failures: 0, failureExamples: [], notes: [], addedColumnIds: [], droppedColumnIds: ids }];
const deid = (operators: Record<string, unknown>, enabled = true): StepInput => ({ id: `d${Object.keys(operators).join('')}`, type: 'deidentify', enabled, params: { operators } } as StepInput);

describe('operatorsOf', () => {
  it.each<[string, StepInput[], StepReport[], string, string[], string | null]>([
    ['the entity\'s own operator', [deid({ EMAIL: { op: 'mask' } })], [], 'EMAIL', ['c1'], 'mask'],
    ['the default for any other entity', [deid({ EMAIL: { op: 'mask' }, default: { op: 'redact' } })], [], 'PHONE', ['c2'], 'redact'],
    ['none for an entity no step names', [deid({ EMAIL: { op: 'mask' } })], [], 'PHONE', ['c2'], null],
    ['none from a disabled step', [deid({ EMAIL: { op: 'mask' } }, false)], [], 'EMAIL', ['c1'], null],
    ['a pseudonym with its kind', [deid({ PHONE: { op: 'pseudonym', kind: 'phone' } })], [], 'PHONE', ['c2'], 'pseudonym (phone)'],
    ['a generalisation with its kind', [deid({ DATE_OF_BIRTH: { op: 'generalise', kind: 'birth_year' } })], [], 'DATE_OF_BIRTH', ['c3'], 'generalise (birth_year)'],
    ['a type token with its entity', [deid({ PERSON: { op: 'token', entity: 'PERSON' } })], [], 'PERSON', ['c4'], 'token <PERSON>'],
    ['two steps, two operators', [deid({ EMAIL: { op: 'mask' } }), deid({ default: { op: 'hash' } })], [], 'EMAIL', ['c1'], 'mask, hash'],
    ['every column holding it dropped', [], dropped(['c5', 'c6']), 'US_SSN', ['c5', 'c6'], 'drop column'],
    ['one of its columns kept', [], dropped(['c5']), 'US_SSN', ['c5', 'c6'], null],
  ])('%s', (_name, steps, reports, entity, columns, want) => {
    expect(operatorsOf(policy(steps), reports)(entity, columns)).toBe(want);
  });
});

describe('fromNotes', () => {
  const model = 'a'.repeat(64);
  const decisions = 'b'.repeat(64);
  it.each([
    ['a full set', ['compared "name" full name', '1,234 candidate pairs from Same email (12 pairs); 3 at or above probability 0.9', `match model sha256:${model} (converged after 5 EM iterations)`, `2 review decisions honoured, sha256:${decisions}`], { candidatePairs: 1234, model, decisions }],
    ['one pair, no decisions', ['1 candidate pair; 1 at or above probability 0.9', `match model sha256:${model} (did not converge after 50 EM iterations)`, `no review decisions used (sha256:${decisions})`], { candidatePairs: 1, model, decisions }],
    ['nothing to compare', ['the data has 1 row: nothing to compare, no row removed'], { candidatePairs: null, model: null, decisions: null }],
  ])('%s', (_name, notes, want) => {
    expect(fromNotes(notes)).toEqual(want);
  });
});
