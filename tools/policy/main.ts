// `npm run policy-schema`: writes docs/policy.schema.json from the zod schema.
import fs from 'node:fs';
import { SCHEMA_FILE, policyJsonSchema } from './schema';

fs.writeFileSync(SCHEMA_FILE, policyJsonSchema());
console.log(`wrote ${SCHEMA_FILE}`);
