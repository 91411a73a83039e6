/**
 * Demo brister and ledningsgrupp for 'stockholm-innerstad': a group lacking primärvården (to show the
 * förordning check), one meeting with decisions, and brister in different states — one sent to
 * Försäkringskassan and waiting in the demo user 'aktor''s inbox. Runs through the services, as the demo
 * users, so history and audit read as they would in real use.
 */
import type { CreateBrist } from '../../../contracts/brister.ts';
import { idagISverige } from '../../../domain/datum.ts';
import { loadConfig } from '../../config.ts';
import type { AppDb } from '../../db/client.ts';
import { withTx } from '../../db/client.ts';
import { loadPrincipal } from '../../platform/auth/principal.ts';
import type { ServiceContext } from '../../platform/context.ts';
import * as brister from '../brister/service.ts';
import { listAktorer, listVerksamheter } from '../orgs/service.ts';
import { findUserByUsername } from '../users/repo.ts';
import * as service from './service.ts';

const daysAgo = (n: number) => {
  const d = new Date(`${idagISverige()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};

async function ctxFor(db: AppDb, username: string): Promise<ServiceContext | null> {
  const user = await findUserByUsername(db, username);
  if (!user) return null;
  const principal = await withTx(db, {}, (tx) => loadPrincipal(tx, user.id));
  return principal ? { db, config: loadConfig(), principal, ip: 'demo' } : null;
}

export async function demoBristerOchLedningsgrupp(db: AppDb): Promise<void> {
  const ombud = await ctxFor(db, 'ombud');
  const chef = await ctxFor(db, 'chef');
  const ledamot = await findUserByUsername(db, 'ledamot');
  if (!ombud || !chef) return;
  const v = (await listVerksamheter(chef)).find((x) => x.kod === 'stockholm-innerstad');
  if (!v) return;
  const aktorer = await listAktorer(chef);
  const aktor = (kod: string) => aktorer.find((a) => a.kod === kod)!.id;

  // The ledningsgrupp: the kommun, psykiatrin, Arbetsförmedlingen, Försäkringskassan and a user organisation;
  // regionens primärvård is missing, as in 12 % of the country's groups.
  await service.updateLedningsgrupp(chef, v.id, { brukarorganisationErbjuden: true });
  const members = [
    {
      rollkategori: 'kommun' as const,
      organisation: 'Stockholms stad, socialförvaltningen',
      namn: 'Lena Ledamot',
      ...(ledamot ? { userId: ledamot.id } : {}),
    },
    { rollkategori: 'psykiatri' as const, organisation: 'Region Stockholm, psykiatrin', namn: 'Petra Lind' },
    { rollkategori: 'arbetsformedlingen' as const, organisation: 'Arbetsförmedlingen', namn: 'Omar Said' },
    { rollkategori: 'forsakringskassan' as const, organisation: 'Försäkringskassan', namn: 'Maria Berg' },
    { rollkategori: 'brukarorganisation' as const, organisation: 'RSMH Stockholm', namn: 'Jonas Ek' },
  ];
  let group = await service.getLedningsgrupp(chef, v.id);
  for (const m of members) group = await service.addLedamot(chef, v.id, m);

  const register = async (b: Omit<CreateBrist, 'observeradDatum'> & { dagar: number }) => {
    const { dagar, ...rest } = b;
    return (await brister.createBrist(ombud, v.id, { ...rest, observeradDatum: daysAgo(dagar) })).id;
  };
  const fk = await register({
    titel: 'Långa handläggningstider för sjukersättning',
    beskrivning:
      'Beslut om sjukersättning och aktivitetsersättning dröjer upp till sex månader. Under väntan hänvisas ' +
      'klienterna till ekonomiskt bistånd, vilket ger oro och försämrat mående.',
    niva: 'central',
    aktorIds: [aktor('forsakringskassan')],
    amneKod: 'fk-handlaggningstider',
    antalKlienter: 9,
    dagar: 80,
  });
  const bistand = await register({
    titel: 'Kraven för en komplett ansökan om försörjningsstöd skiftar',
    beskrivning:
      'Vilka underlag som krävs skiljer sig från månad till månad, särskilt vid byte av handläggare. ' +
      'Ansökan blir svår att klara utan stöd.',
    niva: 'lokal',
    aktorIds: [aktor('stockholm-socialtjanst-ekonomiskt-bistand')],
    amneKod: 'st-ekonomiskt-bistand',
    antalKlienter: 6,
    dagar: 70,
  });
  const digitalt = await register({
    titel: 'Servicekontor saknas i innerstaden',
    beskrivning:
      'Klienter utan mobilt BankID kan inte sköta ärenden digitalt och har långt till närmaste servicekontor.',
    niva: 'central',
    aktorIds: [aktor('statens-servicecenter')],
    amneKod: 'digitalt-utanforskap',
    antalKlienter: 11,
    dagar: 65,
  });
  const godeman = await register({
    titel: 'Lång väntan på god man',
    beskrivning: 'Väntetiden på god man är över ett år; byte av god man tar också lång tid.',
    niva: 'lokal',
    aktorIds: [aktor('stockholm-overformyndare')],
    amneKod: 'gode-man-brist',
    antalKlienter: 3,
    dagar: 120,
  });

  // The meeting a month ago and its decisions.
  const ids = group.ledamoter.map((l) => l.id);
  const mote = await service.createMote(chef, v.id, { datum: daysAgo(30), narvaro: ids.slice(0, 4) });
  await service.addBeslut(chef, v.id, mote.id, {
    bristId: fk,
    beslut: 'Lyfts till Försäkringskassan; ledamoten från Försäkringskassan tar frågan vidare.',
    status: 'skickad_till_aktor',
  });
  await service.addBeslut(chef, v.id, mote.id, {
    bristId: bistand,
    beslut: 'Kommunens ledamot tar upp frågan med enheten för ekonomiskt bistånd.',
  });
  await service.addBeslut(chef, v.id, mote.id, {
    bristId: digitalt,
    beslut: 'Känd brist på central nivå; bevakas och tas med i redovisningen.',
    status: 'kvarstar',
  });
  await service.addBeslut(chef, v.id, mote.id, {
    bristId: godeman,
    beslut: 'Överförmyndarförvaltningen har anställt fler handläggare; bristen avslutas.',
    status: 'kvarstar',
  });
  await brister.changeStatus(chef, godeman, {
    status: 'avslutad',
    kommentar: 'Väntetiderna har kortats enligt överförmyndarförvaltningen.',
  });
  await service.updateMote(chef, v.id, mote.id, {
    protokoll:
      'Mötet öppnades och dagordningen fastställdes.\n\n' +
      'Ombuden redogjorde för de brister som registrerats sedan förra mötet. Ledningsgruppen konstaterade att ' +
      'regionens primärvård fortfarande saknar representant och beslutade att bjuda in vårdcentralernas ' +
      'verksamhetschef till nästa möte.',
  });

  // Since the meeting: a new brist with an action of the verksamhet's own.
  const lakare = await register({
    titel: 'Ingen fast läkarkontakt i psykiatrin',
    beskrivning:
      'Klienterna träffar sällan samma läkare; underlag för sjukskrivning och intyg dröjer därför.',
    niva: 'lokal',
    aktorIds: [aktor('region-stockholm-psykiatri')],
    amneKod: 'hs-lakarbrist',
    antalKlienter: 5,
    dagar: 10,
  });
  await brister.addAtgard(ombud, lakare, {
    datum: daysAgo(5),
    text: 'Ombuden har beskrivit problemet för psykiatrins verksamhetschef och bett om en kontaktperson.',
  });
}
