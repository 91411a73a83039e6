/**
 * The audit log's events and objects in words. The server stores short codes (`klient.read`); the log page
 * shows these. A code missing here is shown as it is, so a new event is never hidden. The words live in
 * contracts/audit-ord.ts, which the server's export of the log reads too.
 */
import { AUDIT_HANDELSER as handelser, AUDIT_OBJEKT as objekt } from '../../contracts/audit-ord.ts';

const lista = (m: Record<string, [string, string]>, prefix: string, i: 0 | 1) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [`${prefix}.${k}`, v[i]]));

export const audit = {
  sv: { ...lista(handelser, 'audit.handelse', 0), ...lista(objekt, 'audit.objekt', 0) },
  en: { ...lista(handelser, 'audit.handelse', 1), ...lista(objekt, 'audit.objekt', 1) },
};
