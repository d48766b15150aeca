// The policy JSON Schema (docs/policy.schema.json), generated from the zod schema the app validates
// with, so the two cannot drift: `npm run policy-schema` rewrites it, a test checks it is current.
import { z } from 'zod';
import { policySchema } from '../../src/shared/policy/policy';

export const SCHEMA_FILE = 'docs/policy.schema.json';

export function policyJsonSchema(): string {
  const schema = z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  const doc = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://data-sanitizer.local/policy.schema.json',
    title: 'Data Sanitizer cleaning policy',
    description: 'An ordered list of cleaning steps. See docs/POLICY.md. Rules the schema cannot express (unique step ids, a step needing columns or a row filter, regular expressions in RE2 syntax) are checked by the app, which names the step and field.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
