// Writes the published JSON Schemas from the zod contracts: `npm run schemas`.
// A test (src/contracts/schemas.test.ts) fails when the committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { redovisningV1JsonSchema } from '../src/contracts/json-schemas.ts';

writeFileSync('docs/redovisning-v1.schema.json', `${JSON.stringify(redovisningV1JsonSchema(), null, 2)}\n`);
console.log('docs/redovisning-v1.schema.json');
