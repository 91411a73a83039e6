import { z } from 'zod';
import { AUDIT_HANDELSER, AUDIT_OBJEKT } from './audit-ord.ts';
import { exportFormat, isoDate, periodFel, periodOk, sidan } from './common.ts';

const koder = (m: Record<string, unknown>) => Object.keys(m) as [string, ...string[]];

/**
 * The log's filters, shared by the list and its export. An event or object is one of the codes the log
 * has words for (contracts/audit-ord.ts); dates are days in Sweden, both ends included.
 */
const auditUrval = {
  /** The organisation whose log (an administrator: any; a chef: one of the own verksamheter). */
  organisationId: z.uuid().optional(),
  /** Who acted. */
  userId: z.uuid().optional(),
  handelse: z.enum(koder(AUDIT_HANDELSER), { error: 'Välj en händelse ur listan.' }).optional(),
  objekt: z.enum(koder(AUDIT_OBJEKT), { error: 'Välj ett objekt ur listan.' }).optional(),
  /** Entries on or after this day (Swedish time). */
  fran: isoDate.optional(),
  /** Entries on or before this day (Swedish time). */
  till: isoDate.optional(),
};

/**
 * One page of the log, newest first. The log only grows, so it pages by entry number (keyset): `before`
 * = the entries older than that one, `after` = those newer (the page just before); neither = the newest.
 */
export const auditQuery = z
  .object({
    ...auditUrval,
    before: z.coerce.number().int().positive().optional(),
    after: z.coerce.number().int().positive().optional(),
    limit: sidan.limit,
  })
  .refine(periodOk, periodFel)
  .refine((q) => q.before === undefined || q.after === undefined, {
    message: 'Ange antingen före eller efter, inte båda.',
    path: ['after'],
  });
export type AuditQuery = z.output<typeof auditQuery>;

/** Every entry the filters select, as a file (newest first): CSV (Excel's Swedish dialect) or xlsx. */
export const auditExportQuery = z.object({ ...auditUrval, format: exportFormat }).refine(periodOk, periodFel);
export type AuditExportQuery = z.output<typeof auditExportQuery>;

export const auditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  /** The person's name, when the account still exists. */
  displayName: z.string().nullable(),
  action: z.string(),
  organisationId: z.string().nullable(),
  /** The organisation's name, when it still exists. */
  organisationNamn: z.string().nullable(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});
export type AuditItem = z.infer<typeof auditItem>;

export const auditList = z.object({
  /** Entries matching the filters. */
  total: z.number().int(),
  /** Matching entries newer than this page (so the page starts at entry nyare + 1 of total). */
  nyare: z.number().int(),
  items: z.array(auditItem),
});
export type AuditList = z.infer<typeof auditList>;

export const auditVerify = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  headHash: z.string(),
  brokenAt: z.object({ id: z.number(), reason: z.string() }).optional(),
});
