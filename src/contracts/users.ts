import { z } from 'zod';
import { LOSENORD_MEDDELANDE, losenordFel } from '../domain/losenord.ts';
import { roll } from './auth.ts';
import { exportFormat, sidan, sortOrdningar, text } from './common.ts';

export const KON = ['kvinna', 'man', 'annan'] as const;

export const userMedlemskap = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationNamn: z.string(),
  organisationTyp: z.string(),
  roll,
});

export const userItem = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  kon: z.enum(KON).nullable(),
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  medlemskap: z.array(userMedlemskap),
  /**
   * May the acting user set this user's password, disable/enable the account and give it more roles?
   * Only when every role of the user lies inside organisations the actor administers (an admin: always).
   * Roles in the actor's own organisations can be removed regardless.
   */
  kanHantera: z.boolean(),
});
export type UserItem = z.infer<typeof userItem>;

/**
 * The user list's sort orders: a column, `-` before it for descending; equal values are ordered by the
 * user's id. `organisation` is the first (by name) of the organisations the list shows for the user.
 */
export const USER_SORT_FALT = ['namn', 'username', 'organisation'] as const;
export type UserSortFalt = (typeof USER_SORT_FALT)[number];
export const USER_SORT = sortOrdningar(USER_SORT_FALT);
export type UserSort = (typeof USER_SORT)[number];
export const USER_SORT_STANDARD: UserSort = 'namn';
export const USER_STATUS = ['aktiv', 'avstangd'] as const;
export type UserStatus = (typeof USER_STATUS)[number];

/** The user list's filters, shared by the list and its export. */
const userUrval = {
  /** Users with a role in this organisation (and, with `roll`, that role there). */
  organisationId: z.uuid().optional(),
  /** Users with this role (in `organisationId` when given). */
  roll: roll.optional(),
  /** aktiv = may log in, avstangd = disabled. */
  status: z.enum(USER_STATUS).optional(),
  /** Part of the name or the username. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(USER_SORT).default(USER_SORT_STANDARD),
};
/** One page of the users the caller administers. */
export const userQuery = z.object({ ...userUrval, ...sidan });
export type UserQuery = z.output<typeof userQuery>;
/** Every user the filters select, as a file: CSV (Excel's Swedish dialect) or xlsx. */
export const userExportQuery = z.object({ ...userUrval, format: exportFormat });
export type UserExportQuery = z.output<typeof userExportQuery>;
export const userList = z.object({
  /** Users matching the filters. */
  total: z.number().int(),
  items: z.array(userItem),
});
export type UserList = z.infer<typeof userList>;

export const username = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,62}$/,
    'Användarnamnet får innehålla små bokstäver a–z, siffror, punkt, bindestreck och understreck.',
  );

/** The password rule (domain/losenord.ts): at least 12 characters and not a common password. */
export const password = z.string().superRefine((value, ctx) => {
  const fel = losenordFel(value);
  if (fel) ctx.addIssue({ code: 'custom', message: LOSENORD_MEDDELANDE[fel] });
});

export const createUser = z
  .strictObject({
    username,
    displayName: text(200),
    email: z.email().max(200).optional(),
    kon: z.enum(KON).optional(),
    password: password.optional(),
    medlemskap: z
      .array(z.strictObject({ organisationId: z.uuid(), roll }))
      .min(1)
      .max(20),
  })
  .superRefine((u, ctx) => {
    if (u.password && losenordFel(u.password, u.username) === 'anvandarnamn')
      ctx.addIssue({ code: 'custom', path: ['password'], message: LOSENORD_MEDDELANDE.anvandarnamn });
  });
export type CreateUser = z.infer<typeof createUser>;

export const addMembership = z.strictObject({ organisationId: z.uuid(), roll });
export const setPassword = z.strictObject({ password });

/** A user's API token as an administrator sees it: never the secret (only its hash is kept). */
export const apiTokenItem = z.object({
  id: z.uuid(),
  namn: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenItem = z.infer<typeof apiTokenItem>;

/** The user's link to their identity at the OIDC provider (the ID token's `sub`); null = not linked. */
export const oidcKoppling = z.object({ subject: z.string().nullable() });
export type OidcKoppling = z.infer<typeof oidcKoppling>;
export const setOidcSubject = z.strictObject({ subject: text(255) });
