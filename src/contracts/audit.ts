import { z } from 'zod';

export const auditQuery = z.object({
  organisationId: z.uuid().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  /** The person's name, when the account still exists. */
  displayName: z.string().nullable(),
  action: z.string(),
  organisationId: z.string().nullable(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});

export const auditVerify = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  headHash: z.string(),
  brokenAt: z.object({ id: z.number(), reason: z.string() }).optional(),
});
