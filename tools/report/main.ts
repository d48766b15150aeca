// `npm run report-schema`: writes docs/report.schema.json from the zod schema.
import fs from 'node:fs';
import { REPORT_SCHEMA_FILE, reportJsonSchema } from './schema';

fs.writeFileSync(REPORT_SCHEMA_FILE, reportJsonSchema());
console.log(`wrote ${REPORT_SCHEMA_FILE}`);
