import { char, integer, pgTable, text } from 'drizzle-orm/pg-core';

export const lan = pgTable('lan', {
  kod: char('kod', { length: 2 }).primaryKey(),
  namn: text('namn').notNull(),
});

export const kommun = pgTable('kommun', {
  kod: char('kod', { length: 4 }).primaryKey(),
  namn: text('namn').notNull(),
  lanKod: char('lan_kod', { length: 2 })
    .notNull()
    .references(() => lan.kod),
  folkmangd: integer('folkmangd'),
});

/** Stockholm's stadsdelsområden (and any other kommun's districts later). */
export const stadsdelsomrade = pgTable('stadsdelsomrade', {
  kod: text('kod').primaryKey(),
  namn: text('namn').notNull(),
  kommunKod: char('kommun_kod', { length: 4 })
    .notNull()
    .references(() => kommun.kod),
});
