/** Test helpers for the casework tests (not loaded by the app). */
import type { Client } from '../../testing/app.ts';

export const klientUrl = (v: string, id = '') => `/api/v1/verksamheter/${v}/klienter${id ? `/${id}` : ''}`;
export const arendeUrl = (v: string, id = '', rest = '') =>
  `/api/v1/verksamheter/${v}/arenden${id ? `/${id}` : ''}${rest}`;

let n = 0;
/** A client with a unique alias and sane statistical fields (kommun 0180, born 1980). */
export async function skapaKlient(c: Client, v: string, extra: Record<string, unknown> = {}) {
  n++;
  const res = await c.post(klientUrl(v), {
    alias: `Klient ${n}-${Math.random().toString(36).slice(2, 6)}`,
    fodelsear: 1980,
    kon: 'kvinna',
    kommunKod: '0180',
    barnUnder18: 'nej',
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`klient: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; alias: string };
}

export async function skapaArende(
  c: Client,
  v: string,
  klientId: string,
  extra: Record<string, unknown> = {},
) {
  const res = await c.post(arendeUrl(v), {
    klientId,
    forfraganDatum: '2025-01-10',
    forfraganFran: 'personen',
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`ärende: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; status: string };
}

export async function overga(c: Client, v: string, arendeId: string, body: Record<string, unknown>) {
  const res = await c.post(arendeUrl(v, arendeId, '/status'), body);
  if (res.statusCode !== 200) throw new Error(`status: ${res.statusCode} ${res.body}`);
  return res.json();
}
