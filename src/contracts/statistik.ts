import { z } from 'zod';
import { kontaktorsak } from './cases.ts';

const n = z.number().int();

/** One year of a verksamhet's clients, counted as the redovisning counts them (the same engine). */
export const arsrad = z.object({
  ar: n,
  /** Clients with an ärende active during the year. */
  klienter: n,
  /** Of those, clients who were not active the year before. */
  nya: n,
  /** Clients active both this year and the year before. */
  fortsatta: n,
  /** Ärenden closed during the year. */
  avslutade: n,
});

/** One calendar month of the queue: waiting at the month's end, started in it, and how long they waited. */
export const koManad = z.object({
  /** YYYY-MM */
  manad: z.string(),
  /** Requests waiting (förfrågan or kö) at the end of the month (today for the current month). */
  iKo: n,
  /** Ärenden started during the month. */
  startade: n,
  /** Median days from request to start of the ärenden started in the month; null when none started. */
  medianVantedagar: z.number().nullable(),
});

export const verksamhetStatistik = z.object({
  /** Today in Sweden: the current year and month are counted up to this day. */
  idag: z.string(),
  ar: z.array(arsrad),
  /** The last 24 months, oldest first. */
  ko: z.array(koManad),
  /** The contact reasons of the clients of the chosen year, by gender (a client counts once per reason). */
  kontaktorsaker: z.object({
    ar: n,
    rader: z.array(z.object({ orsak: kontaktorsak, kvinna: n, man: n, annan: n, totalt: n })),
  }),
});
export type VerksamhetStatistik = z.infer<typeof verksamhetStatistik>;

export const statistikQuery = z.strictObject({
  /** The year of the contact reasons (default: the latest year with data). */
  ar: z.coerce.number().int().min(2000).max(2100).optional(),
});
