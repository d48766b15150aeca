// The duplicate steps as policy data: defaults (a stored dedupe_exact keeps its meaning and its
// parsed form), validation messages naming the step and field, and the headers a near-duplicate
// step names (newest column, role corrections) in the column check and the column mapping.
import { describe, expect, it } from 'vitest';
import { missingColumns, remapColumns } from '../../src/shared/policy/columns';
import { POLICY_FORMAT, POLICY_FORMAT_VERSION, validatePolicy, type Policy } from '../../src/shared/policy/policy';
import { stepSchema, type StepInput } from '../../src/shared/policy/steps';

const policyDoc = (steps: StepInput[]) => ({ format: POLICY_FORMAT, formatVersion: POLICY_FORMAT_VERSION, name: 'p', version: 1, author: 'a', createdAt: '2026-01-01T00:00:00.000Z', steps });

const parse = (steps: StepInput[]): Policy => {
  const r = validatePolicy(policyDoc(steps));
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.where}: ${i.message}`).join('\n'));
  return r.policy;
};

describe('dedupe steps as data', () => {
  it.each([
    { name: 'dedupe_exact without params: normalise stays absent (stored policies parse as before)', step: { id: 'x', type: 'dedupe_exact' }, params: {} },
    { name: 'dedupe_exact with empty params', step: { id: 'x', type: 'dedupe_exact', params: {} }, params: {} },
    { name: 'dedupe_exact normalising', step: { id: 'x', type: 'dedupe_exact', params: { normalise: true } }, params: { normalise: true } },
    { name: 'dedupe_near defaults', step: { id: 'x', type: 'dedupe_near' }, params: { survivorship: 'most_complete', threshold: 0.9, roles: {}, useDecisions: true } },
    {
      name: 'dedupe_near newest with roles',
      step: { id: 'x', type: 'dedupe_near', params: { survivorship: 'newest', newestColumn: 'updated', roles: { 'cust no': 'identifier' }, threshold: 0.8, useDecisions: false } },
      params: { survivorship: 'newest', newestColumn: 'updated', roles: { 'cust no': 'identifier' }, threshold: 0.8, useDecisions: false },
    },
  ] as { name: string; step: StepInput; params: unknown }[])('$name', ({ step, params }) => {
    const parsed = parse([step]).steps[0];
    expect(parsed?.params).toEqual(params);
    expect(stepSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  it.each([
    { params: { survivorship: 'newest' }, where: 'step 1 (id "near", dedupe_near) › params › newestColumn', message: /keeping the newest record needs newestColumn/ },
    { params: { survivorship: 'first', newestColumn: 'updated' }, where: 'step 1 (id "near", dedupe_near) › params › newestColumn', message: /only survivorship "newest" reads newestColumn/ },
    { params: { survivorship: 'oldest' }, where: 'step 1 (id "near", dedupe_near) › params › survivorship', message: /most_complete/ },
    { params: { threshold: 1 }, where: 'step 1 (id "near", dedupe_near) › params › threshold', message: /less than 1/ },
    { params: { threshold: 0 }, where: 'step 1 (id "near", dedupe_near) › params › threshold', message: /greater than 0/ },
    { params: { roles: { name: 'surname' } }, where: 'step 1 (id "near", dedupe_near) › params › roles › name', message: /family_name/ },
    { params: { keep: 'first' }, where: 'step 1 (id "near", dedupe_near) › params', message: /keep/ },
  ])('refuses $params, naming the step and field', ({ params, where, message }) => {
    const r = validatePolicy(policyDoc([{ id: 'near', type: 'dedupe_near', params } as unknown as StepInput]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.where).toBe(where);
    expect(r.issues[0]?.message).toMatch(message);
  });

  it('counts the newest column and role headers as names the data must have, and maps them', () => {
    const policy = parse([
      { id: 'near', type: 'dedupe_near', columns: { names: ['Name'] }, params: { survivorship: 'newest', newestColumn: 'Updated', roles: { Name: 'full_name', Ref: 'ignore' } } },
    ]);
    expect(missingColumns(policy, ['name', 'updated', 'Ref'])).toEqual([
      { name: 'Name', stepIds: ['near'] },
      { name: 'Updated', stepIds: ['near'] },
    ]);
    const mapped = remapColumns(policy, { Name: 'name', Updated: 'updated' });
    expect(mapped.steps[0]).toMatchObject({ columns: { names: ['name'] }, params: { newestColumn: 'updated', roles: { name: 'full_name', Ref: 'ignore' } } });
    expect(missingColumns(mapped, ['name', 'updated', 'Ref'])).toEqual([]);
  });
});
