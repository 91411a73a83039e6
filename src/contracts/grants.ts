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
  /**
   * A fingerprint of this preview (SHA-256 of what it shows). Sent back when fixing, it makes the server
   * refuse (409) if the applications changed since the preview was shown, so what is stored with the
   * fixing is what the person saw.
   */
  kontrollsumma: z.string(),
});
export type FaststallForhandsvisning = z.infer<typeof faststallForhandsvisning>;

/** Fixing the budget: the budget, and the fingerprint of the preview that was shown (the web always sends it). */
export const faststallBudget = setBudget.extend({
  kontrollsumma: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type FaststallBudget = z.infer<typeof faststallBudget>;

/** Reopening a fixed grant (grant:admin): the reason is required and goes to the audit log and the page. */
export const oppnaStatsbidrag = z.strictObject({
  anledning: z.string().trim().min(1).max(2000),
});
export type OppnaStatsbidrag = z.infer<typeof oppnaStatsbidrag>;

/** One fixing of a year's grant, with what was known then and, if reopened, when, by whom and why. */
export const faststallelseItem = z.object({
  id: z.uuid(),
  ar: z.number().int(),
  faststalldAt: z.string(),
  faststalldAvNamn: z.string(),
  totalBudgetKr: z.number().int(),
  administrationKr: z.number().int(),
  totalArsarbetare: z.number(),
  beloppPerArsarbetareKr: z.number().int(),
  /**
   * The preview as it stood when the grant was fixed (amount per FTE, coverage per län, warnings); null
   * for a year fixed before previews were stored.
   */
  forhandsvisning: faststallForhandsvisning.nullable(),
  oppnad: z.object({ at: z.string(), avNamn: z.string(), anledning: z.string() }).nullable(),
});
export type FaststallelseItem = z.infer<typeof faststallelseItem>;

/** The year's grant as Socialstyrelsen's page shows it: the allocation and every fixing, newest first. */
export const statsbidragAr = fordelning.extend({
  faststallelser: z.array(faststallelseItem),
});
export type StatsbidragAr = z.infer<typeof statsbidragAr>;

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
  /** Who decided, by name (the account's name; the name stored with the decision if the account is gone). */
  beslutatAvNamn: z.string(),
});
export type BeslutItem = z.infer<typeof beslutItem>;

/** A verksamhet's own view of its grant decision for a year (its redovisning page). */
export const verksamhetBeslut = z.object({
  ar: z.number().int(),
  verksamhetId: z.uuid(),
  lansstyrelseNamn: z.string(),
  /** FTE in the verksamhet's application (submitted or approved); null when there is none. */
  ansoktArsarbetare: z.number().nullable(),
  /** The decision; null while the Länsstyrelse has not decided. */
  beslut: beslutItem.nullable(),
});
export type VerksamhetBeslut = z.infer<typeof verksamhetBeslut>;

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
