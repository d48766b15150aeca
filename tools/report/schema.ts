// The report JSON Schema (docs/report.schema.json), generated from the zod schema the app checks
// every report model with, so the two cannot drift: `npm run report-schema` rewrites it, a test
// checks it is current and that models built from real runs validate against it.
import { z } from 'zod';
import { reportModelSchema } from '../../src/shared/api/report-types';

export const REPORT_SCHEMA_FILE = 'docs/report.schema.json';

export function reportJsonSchema(): string {
  const schema = z.toJSONSchema(reportModelSchema, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  const doc = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://data-sanitizer.local/report.schema.json',
    title: 'Data Sanitizer compliance report (report.json)',
    description: 'The report model of one cleaning run, from which the HTML and PDF reports are rendered. See docs/REPORTS.md for where each figure comes from. No value in it is raw personal data.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
