import { type Action, can, type Principal, type Resource } from '../../../domain/access.ts';
import type { Side } from '../api-world.ts';

/**
 * A second check on the table itself: a cell may only say "allowed" where the access policy (`can`) grants
 * the route's declared permission on what the request points at — or on the nation or the system as a whole
 * (a national right covers each län's part of it). So the table cannot be "fixed" by writing ✓ where the
 * policy says no; the app may still be narrower than the policy (see the notes in the document).
 */

const SPECIAL = new Set(['public', 'session', 'authenticated']);

/**
 * What a request of this route on this side points at: its verksamhet, its actor, or its län — and a län
 * route is about the län's verksamheter too (the Länsstyrelse reviews reports by län).
 */
export function resourceOf(method: string, url: string, side: Side): Resource[] {
  if (url.startsWith('/api/v1/aktor/') || url.endsWith('/aterkoppling'))
    return [{ typ: 'aktor', id: side.aktor }];
  const verksamhetsnara = /:(id|verksamhetId)\b/.test(url) && !url.startsWith('/api/v1/lan/');
  const pointsAtVerksamhet =
    verksamhetsnara ||
    [
      'POST /api/v1/users',
      'GET /api/v1/audit',
      'GET /api/v1/audit/export',
      'POST /api/v1/redovisningar/godkannande',
    ].includes(`${method} ${url}`);
  const verksamhet: Resource = { typ: 'verksamhet', id: side.verksamhet, lanKod: side.lanKod };
  if (pointsAtVerksamhet) return [verksamhet];
  return [{ typ: 'lan', lanKod: side.lanKod }, verksamhet];
}

/** Whether the policy lets the principal use the permission on the resources (or nationally). */
export function policyAllows(
  p: Principal | undefined,
  permission: string,
  resource: Resource[] | 'any',
  world: Resource[],
) {
  if (permission === 'public') return true;
  if (!p) return false;
  if (SPECIAL.has(permission)) return true;
  const scope: Resource[] = resource === 'any' ? world : [...resource, { typ: 'nation' }, { typ: 'system' }];
  return scope.some((r) => can(p, permission as Action, r));
}
