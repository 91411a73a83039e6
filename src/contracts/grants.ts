import { z } from 'zod';
import { lanKod } from './common.ts';

/**
 * The state grant (domain brief "The grant"; seed 003 Tabell 1). Kronor are whole numbers; FTE travel as
 * numbers with at most two decimals (331.42) in the API and as integer hundredths in the database.
 */
const kr = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const fte = z.number().min(0).max(100_000).multipleOf(0.01);

export const setBudget = z.strictObject({
  totalBudgetKr: kr,
  administrationKr: kr.default(0),
  avrundning: z.enum(['nedat', 'narmast']).default('narmast'),
});
export type SetBudget = z.infer<typeof setBudget>;

export const lanFordelning = z.object({
  lanKod,
  lanNamn: z.string(),
  arsarbetare: z.number(),
  verksamheter: z.number().int(),
  beloppKr: z.number().int(),
});

/** Seed 003 Tabell 1: budget, distributed, unused. */
export const tabell1 = z.object({
  socialstyrelsen: z.object({ budgetKr: z.number().int(), fordelatKr: z.number().int() }),
  ombudstjanster: z.object({ budgetKr: z.number().int(), fordelatKr: z.number().int() }),
  summa: z.object({ budgetKr: z.number().int(), fordelatKr: z.number().int() }),
  oanvantKr: z.number().int(),
});

export const fordelning = z.object({
  ar: z.number().int(),
  /** Whether Socialstyrelsen has fixed the budget and amount (false: a preview from the applications). */
  faststalld: z.boolean(),
  totalBudgetKr: z.number().int(),
  administrationKr: z.number().int(),
  budgetForOmbudKr: z.number().int(),
  avrundning: z.enum(['nedat', 'narmast']),
  /** Sum of ansokan.arsarbetare of the reports for ar − 1 applying for ar (submitted or approved). */
  totalArsarbetare: z.number(),
  beloppPerArsarbetareKr: z.number().int(),
  perLan: z.array(lanFordelning),
  fordelatKr: z.number().int(),
  outnyttjatKr: z.number().int(),
  tabell1,
  updatedAt: z.string().nullable(),
  updatedByNamn: z.string().nullable(),
});
export type Fordelning = z.infer<typeof fordelning>;

/** What fixing the budget would give, before it is fixed: the allocation, who is in it, and what stands out. */
export const faststallForhandsvisning = z.object({
  fordelning,
  tackning: z.object({
    verksamheter: z.number().int(),
    medAnsokan: z.number().int(),
    perLan: z.array(
      z.object({
        lanKod,
        lanNamn: z.string(),
        verksamheter: z.number().int(),
        medAnsokan: z.number().int(),
      }),
    ),
  }),
  /** Last year's fixed amount per FTE; null when last year was not fixed. */
  foregaendeBeloppPerArsarbetareKr: z.number().int().nullable(),
  /** Plain Swedish sentences for the confirmation; empty when nothing stands out. */
  varningar: z.array(z.string()),
});
export type FaststallForhandsvisning = z.infer<typeof faststallForhandsvisning>;

export const setBeslut = z.strictObject({
  arsarbetare: fte,
  kommentar: z.string().trim().max(2000).optional(),
});
export type SetBeslut = z.infer<typeof setBeslut>;

export const beslutItem = z.object({
  id: z.uuid(),
  ar: z.number().int(),
  verksamhetId: z.uuid(),
  verksamhetNamn: z.string(),
  lanKod,
  arsarbetare: z.number(),
  beloppPerArsarbetareKr: z.number().int(),
  beloppKr: z.number().int(),
  kommentar: z.string().nullable(),
  beslutatAt: z.string(),
  beslutatAvNamn: z.string(),
});
export type BeslutItem = z.infer<typeof beslutItem>;

/** What a Länsstyrelse sees for its län: the amount, its applications and its decisions. */
export const lanStatsbidrag = z.object({
  ar: z.number().int(),
  lanKod,
  lanNamn: z.string(),
  /** The Länsstyrelse's name as the decisions give it ("Länsstyrelsen i Stockholms län"). */
  lansstyrelseNamn: z.string(),
  faststalld: z.boolean(),
  beloppPerArsarbetareKr: z.number().int(),
  /** How FTE × amount is rounded to whole kronor (the year's budget; 'narmast' before it is fixed). */
  avrundning: z.enum(['nedat', 'narmast']),
  /** The FTE the län's verksamheter applied for (submitted or approved), the basis of the län's frame. */
  ramArsarbetare: z.number(),
  /** What Socialstyrelsen allocates to the län (its FTE × the amount); null until the amount is fixed. */
  ramKr: z.number().int().nullable(),
  ansokningar: z.array(
    z.object({
      verksamhetId: z.uuid(),
      verksamhetNamn: z.string(),
      arsarbetare: z.number(),
      status: z.string(),
    }),
  ),
  beslut: z.array(beslutItem),
  summaBeslutKr: z.number().int(),
});
export type LanStatsbidrag = z.infer<typeof lanStatsbidrag>;
