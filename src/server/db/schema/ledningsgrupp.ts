import { boolean, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { LEDNINGSGRUPP_ROLLER } from '../../../domain/codes.ts';
import { appUser } from './auth.ts';
import { brist } from './brister.ts';
import { verksamhet } from './orgs.ts';

/*
 * The ledningsgrupp of a verksamhet (förordning SFS 2013:522): officials in their public role, not clients.
 * Like brister, no row-level security; the service scopes every query by verksamhet.
 */

export const ledningsgrupp = pgTable('ledningsgrupp', {
  verksamhetId: uuid('verksamhet_id')
    .primaryKey()
    .references(() => verksamhet.organisationId, { onDelete: 'cascade' }),
  /** Patient-, brukar- and anhörigorganisationer shall be offered a seat; they need not take it. */
  brukarorganisationErbjuden: boolean('brukarorganisation_erbjuden').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export const ledningsgruppLedamot = pgTable(
  'ledningsgrupp_ledamot',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    verksamhetId: uuid('verksamhet_id')
      .notNull()
      .references(() => verksamhet.organisationId, { onDelete: 'cascade' }),
    rollkategori: text('rollkategori', { enum: LEDNINGSGRUPP_ROLLER }).notNull(),
    organisation: text('organisation').notNull(),
    namn: text('namn').notNull(),
    /** The member's login, when the member uses Ombud (role ledamot). */
    userId: uuid('user_id').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** Set when the member leaves; kept so that past attendance still reads right. */
    avgickAt: timestamp('avgick_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('ledningsgrupp_ledamot_verksamhet').on(t.verksamhetId)],
);

export const mote = pgTable(
  'mote',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    verksamhetId: uuid('verksamhet_id')
      .notNull()
      .references(() => verksamhet.organisationId, { onDelete: 'cascade' }),
    datum: date('datum', { mode: 'string' }).notNull(),
    protokoll: text('protokoll'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('mote_verksamhet_datum').on(t.verksamhetId, t.datum)],
);

export const moteNarvaro = pgTable(
  'mote_narvaro',
  {
    moteId: uuid('mote_id')
      .notNull()
      .references(() => mote.id, { onDelete: 'cascade' }),
    ledamotId: uuid('ledamot_id')
      .notNull()
      .references(() => ledningsgruppLedamot.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.moteId, t.ledamotId] })],
);

/** A brist on a meeting's agenda, and the decision taken on it (null until decided). */
export const moteBrist = pgTable(
  'mote_brist',
  {
    moteId: uuid('mote_id')
      .notNull()
      .references(() => mote.id, { onDelete: 'cascade' }),
    bristId: uuid('brist_id')
      .notNull()
      .references(() => brist.id, { onDelete: 'cascade' }),
    beslut: text('beslut'),
    beslutAt: timestamp('beslut_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.moteId, t.bristId] }), index('mote_brist_brist').on(t.bristId)],
);
