import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redovisningV1JsonSchema } from './json-schemas.ts';

describe('published JSON Schemas', () => {
  it('docs/redovisning-v1.schema.json is what the zod contract generates (run npm run schemas)', () => {
    const committed = JSON.parse(readFileSync('docs/redovisning-v1.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(redovisningV1JsonSchema())));
  });
});
