/**
 * The pre-filled proposal of a redovisning: figures from the counting engine (casework), staff from the
 * casework module's FTE table, ledningsgrupp roles and meetings, and the brister registered in the year
 * with their actions. Everything here is read through the other modules' exported repo functions.
 *
 * Choices: the ledningsgrupp roles are those of the current members (the table keeps no history of who sat
 * when); a meeting counts for the year of its date; a brist counts for the year it was observed; the
 * brukarorganisation role counts as present when such a member sits or a seat has been offered.
 */
import { FORMAT_V1, type RedovisningV1 } from '../../../contracts/redovisning-v1.ts';
import { forstaJanuari, sistaDecember } from '../../../domain/datum.ts';
import type { RedovisningRakning } from '../../../domain/redovisning/typer.ts';
import { inOrder, type Tx } from '../../db/client.ts';
import * as bristRepo from '../brister/repo.ts';
import * as casesRepo from '../cases/repo.ts';
import * as lgRepo from '../ledningsgrupp/repo.ts';
import type * as orgRepo from '../orgs/repo.ts';
import * as userRepo from '../users/repo.ts';
import { raknaVerksamhetAr } from './engine.ts';

export type Verksamhet = Awaited<ReturnType<typeof orgRepo.listVerksamheter>>[number];

export function verksamhetBlock(v: Verksamhet): RedovisningV1['verksamhet'] {
  const kommunKoder = [...new Set(v.omraden.map((o) => o.kommunKod))].sort();
  const sdo = v.omraden.map((o) => o.stadsdelsomradeKod).filter((s): s is string => s !== null);
  return {
    kod: v.kod,
    namn: v.namn,
    lanKod: v.lanKod,
    kommunKoder,
    utforare: v.utforare,
    ...(sdo.length ? { stadsdelsomraden: [...new Set(sdo)].sort() } : {}),
  };
}

export async function personal(tx: Tx, verksamhetId: string): Promise<RedovisningV1['personal']> {
  const tjanst = (await casesRepo.listTjanst(tx, verksamhetId)).filter((t) => t.hundradelar > 0);
  const users = await userRepo.listUsers(tx, [verksamhetId]);
  const kon = new Map(users.map((u) => [u.id, u.kon]));
  return {
    ombud: tjanst.length,
    arsarbetare: tjanst.reduce((s, t) => s + t.hundradelar, 0) / 100,
    kvinnor: tjanst.filter((t) => kon.get(t.userId) === 'kvinna').length,
    man: tjanst.filter((t) => kon.get(t.userId) === 'man').length,
  };
}

export async function ledningsgrupp(
  tx: Tx,
  verksamhetId: string,
  ar: number,
): Promise<RedovisningV1['ledningsgrupp']> {
  const [grupp, ledamoter, moten] = await inOrder(
    () => lgRepo.getLedningsgrupp(tx, verksamhetId),
    () => lgRepo.listLedamoter(tx, verksamhetId),
    () => lgRepo.listMoten(tx, verksamhetId),
  );
  const har = new Set(ledamoter.map((l) => l.rollkategori));
  return {
    roller: {
      kommun: har.has('kommun'),
      primarvard: har.has('primarvard'),
      psykiatri: har.has('psykiatri'),
      arbetsformedlingen: har.has('arbetsformedlingen'),
      forsakringskassan: har.has('forsakringskassan'),
      brukarorganisation: har.has('brukarorganisation') || Boolean(grupp?.brukarorganisationErbjuden),
    },
    moten: moten.filter((m) => m.datum >= forstaJanuari(ar) && m.datum <= sistaDecember(ar)).length,
  };
}

export async function brister(tx: Tx, verksamhetId: string, ar: number): Promise<RedovisningV1['brister']> {
  const rows = await bristRepo.listBristRows(tx, {
    verksamhetId,
    fran: forstaJanuari(ar),
    till: sistaDecember(ar),
  });
  const ids = rows.map((r) => r.id);
  const aktorer = await bristRepo.aktorerFor(tx, ids, 60);
  const ut: RedovisningV1['brister'] = [];
  for (const b of [...rows].reverse()) {
    const atgarder = await bristRepo.atgarderFor(tx, b.id);
    ut.push({
      niva: b.niva,
      aktorer: aktorer.filter((a) => a.bristId === b.id).map((a) => a.kod),
      amne: b.amne.kod,
      titel: b.titel,
      beskrivning: b.beskrivning,
      atgarder: atgarder.map((a) => a.text),
    });
  }
  // A brist must concern an actor (the exchange format requires one); those without are left out.
  return ut.filter((b) => b.aktorer.length > 0);
}

/**
 * The engine's figures as the exchange format's blocks (same keys; the format's objects are open). The
 * figures per the clients' own kommun go under klienter.perKommun (always, so that a Länsstyrelse can use
 * them); per stadsdelsområde only when some client has one.
 */
export function somV1(r: RedovisningRakning): Pick<RedovisningV1, 'klienter' | 'kontaktorsaker' | 'ko'> {
  const klienter = {
    ...r.klienter,
    perKommun: r.perKommun,
    ...(r.perStadsdelsomrade.length ? { perStadsdelsomrade: r.perStadsdelsomrade } : {}),
  };
  return { klienter, kontaktorsaker: r.kontaktorsaker, ko: r.ko } as unknown as Pick<
    RedovisningV1,
    'klienter' | 'kontaktorsaker' | 'ko'
  >;
}

export function harArendedata(r: RedovisningRakning): boolean {
  return r.klienter.totalt.totalt > 0 || r.ko.antalIKo3112 > 0;
}

/** Engine figures only (the transaction must have the verksamhet in its RLS context). */
export async function rakning(tx: Tx, verksamhetId: string, ar: number): Promise<RedovisningRakning> {
  return raknaVerksamhetAr(tx, verksamhetId, ar);
}

/**
 * The proposal for a new draft. `kalla` is 'arendehantering' when the verksamhet has casework in the year,
 * else 'manuell' (a verksamhet that does not use the casework types its figures in or imports them).
 */
export async function forslag(
  tx: Tx,
  v: Verksamhet,
  ar: number,
): Promise<{ dokument: RedovisningV1; kalla: 'arendehantering' | 'manuell' }> {
  const r = await rakning(tx, v.id, ar);
  const block = verksamhetBlock(v);
  const dokument: RedovisningV1 = {
    format: FORMAT_V1,
    year: ar,
    verksamhet: block,
    ...somV1(r),
    personal: await personal(tx, v.id),
    ledningsgrupp: await ledningsgrupp(tx, v.id, ar),
    brister: await brister(tx, v.id, ar),
    ansokan: {
      ar: ar + 1,
      arsarbetare: 0,
      ...(block.kommunKoder.length > 1
        ? { perKommun: block.kommunKoder.map((kommunKod) => ({ kommunKod, arsarbetare: 0 })) }
        : {}),
    },
    text: { forandringarMalgrupp: '', forbattringsarbete: '', jamstalldhetsanalys: '', atgarderBrister: '' },
  };
  return { dokument, kalla: harArendedata(r) ? 'arendehantering' : 'manuell' };
}
