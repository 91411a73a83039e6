import { z } from 'zod';
import { redovisningV1 } from './redovisning-v1.ts';

export function redovisningV1JsonSchema() {
  return {
    ...z.toJSONSchema(redovisningV1, { target: 'draft-2020-12' }),
    $id: 'https://ombud.se/schemas/redovisning-v1.schema.json',
    title: 'ombud.redovisning/v1',
    description: 'En PO-verksamhets årliga redovisning och ansökan om statsbidrag, som utbytesformat.',
  };
}
