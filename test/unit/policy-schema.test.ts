// The published JSON Schema (docs/policy.schema.json): current with the zod schema, and a real
// JSON Schema validator (Ajv, draft 2020-12) accepts the policies the app accepts and refuses
// malformed ones, as a user validating a recipe outside the app would see.
import fs from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, presetPolicy } from '../../src/shared/policy/presets';
import { validatePolicy } from '../../src/shared/policy/policy';
import { STEP_TYPES } from '../../src/shared/policy/steps';
import { SCHEMA_FILE, policyJsonSchema } from '../../tools/policy/schema';

const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object;
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
const base = { format: 'data-sanitizer/policy', formatVersion: 1, name: 'p', version: 1, author: 'a', createdAt: '2026-01-01T00:00:00Z' };

describe('docs/policy.schema.json', () => {
  it('is current (npm run policy-schema rewrites it)', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(policyJsonSchema());
  });

  it.each(PRESET_NAMES)('accepts the %s preset as a policy', (name) => {
    const doc = JSON.parse(JSON.stringify(presetPolicy([name], 'tester'))) as unknown;
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['an empty policy', { ...base, steps: [] }, true],
    ['aliases with a row filter', { ...base, steps: [{ id: 'a', type: 'category_aliases', columns: { names: ['city'] }, where: { all: [{ column: 'country', op: 'equals', value: 'US' }, { not: { column: 'city', op: 'is_missing' } }] }, params: { map: [{ from: ['NYC'], to: 'New York' }] } }] }, true],
    ['a phone step', { ...base, steps: [{ id: 'p', type: 'standardize_phone', columns: { detected: ['phone'] }, params: { defaultRegion: 'GB' } }] }, true],
    ['an unknown step type', { ...base, steps: [{ id: 'x', type: 'explode', params: {} }] }, false],
    ['a bad case mode', { ...base, steps: [{ id: 'x', type: 'change_case', columns: { names: ['a'] }, params: { mode: 'shout' } }] }, false],
    ['a missing name', { ...base, name: undefined, steps: [] }, false],
    ['an unknown field', { ...base, steps: [], extra: 1 }, false],
    ['a bad region', { ...base, steps: [{ id: 'p', type: 'standardize_phone', columns: { names: ['p'] }, params: { defaultRegion: 'gbr' } }] }, false],
    ['a deidentify step', { ...base, steps: [{ id: 'd', type: 'deidentify', params: { scope: 'spans', operators: { EMAIL: { op: 'pseudonym', kind: 'email' }, default: { op: 'token', entity: 'PII' } } } }] }, true],
    ['an operator for an unknown entity', { ...base, steps: [{ id: 'd', type: 'deidentify', params: { operators: { SHOE_SIZE: { op: 'redact' } } } }] }, false],
    ['a keyed hash too short to be safe', { ...base, steps: [{ id: 'd', type: 'deidentify', params: { operators: { default: { op: 'hash', length: 4 } } } }] }, false],
    ['generalise on columns holding dates of birth', { ...base, steps: [{ id: 'g', type: 'generalise', columns: { pii: ['DATE_OF_BIRTH'] }, params: { kind: 'date_year' } }] }, true],
    ['a selector naming an unknown entity', { ...base, steps: [{ id: 'g', type: 'generalise', columns: { pii: ['SHOE_SIZE'] }, params: { kind: 'zip3' } }] }, false],
  ])('%s: valid = %s, in the app and in the JSON Schema alike', (_name, doc, ok) => {
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(ok);
    expect(validatePolicy(doc).ok).toBe(ok);
  });
});

describe('docs/POLICY.md', () => {
  const doc = fs.readFileSync('docs/POLICY.md', 'utf8');
  it.each(STEP_TYPES)('documents the %s step', (type) => {
    expect(doc).toContain(`### ${type}\n`);
  });
  it.each(PRESET_NAMES)('documents the %s preset', (name) => {
    expect(doc).toContain(`\`${name}\``);
  });
});
