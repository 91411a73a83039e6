import { z } from 'zod';
import { text } from './common.ts';

export const ROLLER = [
  'ombud',
  'chef',
  'ledamot',
  'lansstyrelse',
  'socialstyrelsen',
  'aktor',
  'admin',
] as const;
export const roll = z.enum(ROLLER);
export const ORGANISATION_TYPER = ['socialstyrelsen', 'lansstyrelse', 'verksamhet', 'aktor'] as const;

export const loginRequest = z.strictObject({
  username: text(100),
  password: z.string().min(1).max(200),
});

export const loginResponse = z.object({ mfa: z.enum(['none', 'verify', 'enroll']) });

export const totpCode = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Koden ska vara sex siffror.'),
});
export const totpSetupResponse = z.object({ secret: z.string(), uri: z.string() });

export const medlemskap = z.object({
  organisationId: z.uuid(),
  organisationTyp: z.enum(ORGANISATION_TYPER),
  organisationNamn: z.string(),
  organisationKod: z.string(),
  lanKod: z.string().nullable(),
  roll,
});

export const me = z.object({
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  mfaDone: z.boolean(),
  totpEnabled: z.boolean(),
  activeOrganisationId: z.uuid().nullable(),
  medlemskap: z.array(medlemskap),
});
export type Me = z.infer<typeof me>;

export const switchOrganisation = z.strictObject({ organisationId: z.uuid() });
