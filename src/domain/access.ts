/**
 * Access policy as pure functions: who may do what to which resource. Deny by default.
 * Client data (klient:*) is reachable only by ombud and chef of the client's own verksamhet: no role above
 * a verksamhet, and not admin, ever gets it ("client data never leaves its verksamhet").
 */
export type Roll = 'ombud' | 'chef' | 'ledamot' | 'lansstyrelse' | 'socialstyrelsen' | 'aktor' | 'admin';

export interface Medlemskap {
  organisationId: string;
  organisationTyp: 'socialstyrelsen' | 'lansstyrelse' | 'verksamhet' | 'aktor';
  lanKod: string | null;
  roll: Roll;
}

export interface Principal {
  userId: string;
  username: string;
  medlemskap: Medlemskap[];
}

export type Action =
  | 'klient:read'
  | 'klient:write'
  | 'verksamhet:read'
  | 'brist:read'
  | 'brist:write'
  | 'ledningsgrupp:read'
  | 'ledningsgrupp:write'
  | 'redovisning:read'
  | 'redovisning:write'
  | 'redovisning:review'
  | 'lan:read'
  | 'national:read'
  | 'grant:admin'
  | 'audit:read'
  | 'user:admin'
  | 'org:admin'
  | 'aktor:inbox'
  | 'caseload:read';

export type Resource =
  | { typ: 'verksamhet'; id: string; lanKod: string }
  | { typ: 'lan'; lanKod: string }
  | { typ: 'nation' }
  | { typ: 'aktor'; id: string }
  | { typ: 'system' };

const OMBUD: Action[] = ['klient:read', 'klient:write', 'brist:read', 'brist:write', 'ledningsgrupp:read', 'redovisning:read', 'verksamhet:read'];

/** What each role grants inside its own organisation (the scope rules are in `can`). */
export const ROLL_RATTIGHETER: Record<Roll, readonly Action[]> = {
  ombud: OMBUD,
  chef: [...OMBUD, 'ledningsgrupp:write', 'redovisning:write', 'audit:read', 'user:admin', 'caseload:read'],
  ledamot: ['brist:read', 'ledningsgrupp:read', 'redovisning:read', 'verksamhet:read'],
  lansstyrelse: ['lan:read', 'verksamhet:read', 'redovisning:read', 'redovisning:review'],
  socialstyrelsen: ['national:read', 'grant:admin', 'lan:read', 'verksamhet:read', 'redovisning:read'],
  aktor: ['aktor:inbox'],
  admin: ['org:admin', 'user:admin', 'audit:read', 'verksamhet:read'],
};

function grants(m: Medlemskap, action: Action): boolean {
  return ROLL_RATTIGHETER[m.roll].includes(action);
}

function covers(m: Medlemskap, action: Action, r: Resource): boolean {
  if (!grants(m, action)) return false;
  switch (m.roll) {
    case 'ombud':
    case 'chef':
    case 'ledamot':
      return r.typ === 'verksamhet' && r.id === m.organisationId;
    case 'lansstyrelse':
      return (r.typ === 'lan' || r.typ === 'verksamhet') && m.lanKod !== null && r.lanKod === m.lanKod;
    case 'socialstyrelsen':
      return r.typ === 'nation' || r.typ === 'lan' || r.typ === 'verksamhet';
    case 'aktor':
      return r.typ === 'aktor' && r.id === m.organisationId;
    case 'admin':
      return r.typ === 'system' || r.typ === 'verksamhet' || r.typ === 'lan' || r.typ === 'nation';
  }
}

export function can(p: Principal, action: Action, resource: Resource): boolean {
  return p.medlemskap.some((m) => covers(m, action, resource));
}

/** Verksamheter where the principal holds a role that grants `action` directly (sets the RLS context). */
export function verksamheterMed(p: Principal, action: Action): string[] {
  const ids = p.medlemskap
    .filter((m) => m.organisationTyp === 'verksamhet' && (m.roll === 'ombud' || m.roll === 'chef' || m.roll === 'ledamot') && grants(m, action))
    .map((m) => m.organisationId);
  return [...new Set(ids)];
}

/** Coarse route gate: does any membership grant this action anywhere? */
export function harNagonRattighet(p: Principal, action: Action): boolean {
  return p.medlemskap.some((m) => grants(m, action));
}
