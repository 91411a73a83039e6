/**
 * The access policy as pure functions: who may do what to which resource. Deny by default; a right comes
 * from a membership (a role in one organisation) and reaches only as far as its scope.
 *
 * Privacy first (domain brief "What a PO is": the ombud works on the client's own mandate; documentation
 * exists for the client's sake): client data (klient:*) never leaves its verksamhet. Only ombud and chef of
 * that verksamhet get klient:read/write; ledamöter, Länsstyrelse, Socialstyrelsen and even the system
 * administrator do not.
 *
 * A membership whose organisation type does not fit its role (an "ombud" of a Länsstyrelse) grants
 * nothing: bad data must fail closed.
 */

export const ROLLER = [
  'ombud',
  'chef',
  'ledamot',
  'lansstyrelse',
  'socialstyrelsen',
  'aktor',
  'admin',
] as const;
export type Roll = (typeof ROLLER)[number];

export const ORGANISATIONSTYPER = ['socialstyrelsen', 'lansstyrelse', 'verksamhet', 'aktor'] as const;
export type OrganisationTyp = (typeof ORGANISATIONSTYPER)[number];

export const ACTIONS = [
  'klient:read',
  'klient:write',
  'verksamhet:read',
  'brist:read',
  'brist:write',
  'ledningsgrupp:read',
  'ledningsgrupp:write',
  'redovisning:read',
  'redovisning:write',
  'redovisning:review',
  'lan:read',
  'national:read',
  'grant:admin',
  'audit:read',
  'user:admin',
  'org:admin',
  'aktor:inbox',
  'caseload:read',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Medlemskap {
  organisationId: string;
  organisationTyp: OrganisationTyp;
  lanKod: string | null;
  roll: Roll;
}

export interface Principal {
  userId: string;
  username: string;
  medlemskap: Medlemskap[];
}

export type Resource =
  | { typ: 'verksamhet'; id: string; lanKod: string }
  | { typ: 'lan'; lanKod: string }
  | { typ: 'nation' }
  | { typ: 'aktor'; id: string }
  | { typ: 'system' };

/** How far a right reaches from the membership's organisation. */
export type Omfang =
  | 'egen_verksamhet'
  | 'lanets_verksamheter'
  | 'alla_verksamheter'
  | 'eget_lan'
  | 'alla_lan'
  | 'nation'
  | 'egen_aktor'
  | 'allt';

export interface Rattighet {
  action: Action;
  omfang: Omfang;
}

const i = (omfang: Omfang, ...actions: Action[]): Rattighet[] =>
  actions.map((action) => ({ action, omfang }));

const OMBUD: Rattighet[] = i(
  'egen_verksamhet',
  'klient:read',
  'klient:write',
  'brist:read',
  'brist:write',
  'ledningsgrupp:read',
  'redovisning:read',
  'verksamhet:read',
);

/** The policy table. Tested as a full role × action × resource matrix. */
export const ROLL_RATTIGHETER: Readonly<Record<Roll, readonly Rattighet[]>> = {
  ombud: OMBUD,
  chef: [
    ...OMBUD,
    ...i(
      'egen_verksamhet',
      'ledningsgrupp:write',
      'redovisning:write',
      'audit:read',
      'user:admin',
      'caseload:read',
    ),
  ],
  // A ledningsgrupp member acts on brister, not on cases (seed 003: "its job is to act on brister").
  ledamot: i('egen_verksamhet', 'brist:read', 'ledningsgrupp:read', 'redovisning:read', 'verksamhet:read'),
  lansstyrelse: [
    ...i('eget_lan', 'lan:read'),
    ...i('lanets_verksamheter', 'verksamhet:read', 'redovisning:read', 'redovisning:review'),
  ],
  socialstyrelsen: [
    ...i('nation', 'national:read', 'grant:admin'),
    ...i('alla_lan', 'lan:read'),
    ...i('alla_verksamheter', 'verksamhet:read', 'redovisning:read'),
  ],
  aktor: i('egen_aktor', 'aktor:inbox'),
  admin: [
    ...i('allt', 'org:admin', 'user:admin', 'audit:read'),
    ...i('alla_verksamheter', 'verksamhet:read'),
  ],
};

/** The organisation type a role must sit in; null = any (the system administrator). */
export const ROLL_ORGANISATIONSTYP: Readonly<Record<Roll, OrganisationTyp | null>> = {
  ombud: 'verksamhet',
  chef: 'verksamhet',
  ledamot: 'verksamhet',
  lansstyrelse: 'lansstyrelse',
  socialstyrelsen: 'socialstyrelsen',
  aktor: 'aktor',
  admin: null,
};

function giltigtMedlemskap(m: Medlemskap): boolean {
  if (!Object.hasOwn(ROLL_ORGANISATIONSTYP, m.roll)) return false;
  const typ = ROLL_ORGANISATIONSTYP[m.roll];
  return typ === null || typ === m.organisationTyp;
}

function inomOmfang(m: Medlemskap, omfang: Omfang, r: Resource): boolean {
  switch (omfang) {
    case 'egen_verksamhet':
      return r.typ === 'verksamhet' && r.id === m.organisationId;
    case 'lanets_verksamheter':
      return r.typ === 'verksamhet' && m.lanKod !== null && r.lanKod === m.lanKod;
    case 'alla_verksamheter':
      return r.typ === 'verksamhet';
    case 'eget_lan':
      return r.typ === 'lan' && m.lanKod !== null && r.lanKod === m.lanKod;
    case 'alla_lan':
      return r.typ === 'lan';
    case 'nation':
      return r.typ === 'nation';
    case 'egen_aktor':
      return r.typ === 'aktor' && r.id === m.organisationId;
    case 'allt':
      return true;
  }
}

function rattigheter(m: Medlemskap): readonly Rattighet[] {
  return giltigtMedlemskap(m) ? ROLL_RATTIGHETER[m.roll] : [];
}

export function can(p: Principal, action: Action, resource: Resource): boolean {
  return p.medlemskap.some((m) =>
    rattigheter(m).some((r) => r.action === action && inomOmfang(m, r.omfang, resource)),
  );
}

/** Every action the principal may take on `resource` (for the UI to show only what can be done). */
export function tillatnaActions(p: Principal, resource: Resource): Action[] {
  return ACTIONS.filter((a) => can(p, a, resource));
}

/**
 * The verksamhet ids where the principal holds a role granting `action` on that verksamhet itself — the
 * ids to put in the RLS context. Wide scopes (a Länsstyrelse's or Socialstyrelsen's read rights) are not
 * listed: they never include klient:*, and the services resolve them with their own queries.
 */
export function verksamheterMed(p: Principal, action: Action): string[] {
  const ids = p.medlemskap
    .filter((m) => m.organisationTyp === 'verksamhet')
    .filter((m) => rattigheter(m).some((r) => r.action === action && r.omfang === 'egen_verksamhet'))
    .map((m) => m.organisationId);
  return [...new Set(ids)];
}

/** Coarse route gate: does any membership grant `action` anywhere? The resource check still follows. */
export function harNagonRattighet(p: Principal, action: Action): boolean {
  return p.medlemskap.some((m) => rattigheter(m).some((r) => r.action === action));
}

/*
 * User administration by least privilege. A verksamhetschef administers the users OF their verksamhet —
 * never a person who also holds a role elsewhere: resetting such a user's password would let the chef log
 * in as them and act in organisations the chef has no part in (the account takeover this rule closes).
 * So, for a chef:
 * - `se`: users with at least one role in a verksamhet the chef runs (and only those roles are shown);
 * - `hantera` (password, disable/enable, give more roles): users whose EVERY role lies in verksamheter
 *   the chef runs and is one a chef may give; a user with no role at all is nobody's to take;
 * - `ge_roll`: ombud, chef or ledamot in a verksamhet the chef runs, to a new user or one the chef
 *   may `hantera` (someone who belongs elsewhere needs an admin);
 * - `ta_bort_roll`: a chef-givable role in a verksamhet the chef runs — withdrawing access to one's own
 *   verksamhet only ever narrows what the user can do.
 * The system administrator may do everything; nobody else administers users. Admin and Socialstyrelsen
 * accounts are therefore never reachable from a verksamhet.
 */
export const ANVANDARADMIN_ATGARDER = ['se', 'hantera', 'ge_roll', 'ta_bort_roll'] as const;
export type AnvandarAdminAtgard = (typeof ANVANDARADMIN_ATGARDER)[number];

/** Roles a verksamhetschef may give or take away (in their own verksamhet). */
export const CHEF_KAN_GE: readonly Roll[] = ['ombud', 'chef', 'ledamot'];

/** The user being administered: every role they hold anywhere; `ny` while being created. */
export interface MalAnvandare {
  userId: string;
  medlemskap: ReadonlyArray<Pick<Medlemskap, 'organisationId' | 'roll'>>;
  ny?: boolean;
}

type RollIOrg = Pick<Medlemskap, 'organisationId' | 'roll'>;

export function arSystemadmin(p: Principal): boolean {
  return p.medlemskap.some((m) => m.roll === 'admin' && giltigtMedlemskap(m));
}

function inomChefensVerksamheter(chefFor: ReadonlySet<string>, m: RollIOrg): boolean {
  return chefFor.has(m.organisationId) && CHEF_KAN_GE.includes(m.roll);
}

function helt(chefFor: ReadonlySet<string>, mal: MalAnvandare): boolean {
  return mal.medlemskap.length > 0 && mal.medlemskap.every((m) => inomChefensVerksamheter(chefFor, m));
}

/** The rule table: what a chef (administering `chefFor`) may do to `mal`, optionally about one role. */
const CHEFENS_REGLER: Record<
  AnvandarAdminAtgard,
  (chefFor: ReadonlySet<string>, mal: MalAnvandare, roll?: RollIOrg) => boolean
> = {
  se: (chefFor, mal) => mal.medlemskap.some((m) => chefFor.has(m.organisationId)),
  hantera: (chefFor, mal) => helt(chefFor, mal),
  ge_roll: (chefFor, mal, roll) =>
    roll !== undefined && inomChefensVerksamheter(chefFor, roll) && (mal.ny === true || helt(chefFor, mal)),
  ta_bort_roll: (chefFor, _mal, roll) => roll !== undefined && inomChefensVerksamheter(chefFor, roll),
};

export function kanAdministreraAnvandare(
  actor: Principal,
  atgard: AnvandarAdminAtgard,
  mal: MalAnvandare,
  roll?: RollIOrg,
): boolean {
  if (arSystemadmin(actor))
    return atgard === 'ge_roll' || atgard === 'ta_bort_roll' ? roll !== undefined : true;
  const chefFor = new Set(verksamheterMed(actor, 'user:admin'));
  if (chefFor.size === 0) return false;
  return CHEFENS_REGLER[atgard](chefFor, mal, roll);
}
