import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log. Each row's hash covers its content and the previous row's hash, so an edited or
 * deleted row breaks the chain (`ombud audit verify`). The application role may INSERT and SELECT only.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    userId: uuid('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    organisationId: uuid('organisation_id'),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_org_at').on(t.organisationId, t.at)],
);
