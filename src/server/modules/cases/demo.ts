/**
 * Demo casework for 'stockholm-innerstad': a handful of clients whose ärenden are in every state, assigned
 * to the demo user 'ombud', with dates relative to today so that waiting days look alive.
 */
import { idagISverige } from '../../../domain/datum.ts';
import { loadConfig } from '../../config.ts';
import type { AppDb } from '../../db/client.ts';
import { withTx } from '../../db/client.ts';
import { loadPrincipal } from '../../platform/auth/principal.ts';
import type { ServiceContext } from '../../platform/context.ts';
import * as orgRepo from '../orgs/repo.ts';
import * as userRepo from '../users/repo.ts';
import { setTjanstgoringsgrad } from './ko.ts';
import {
  createAnteckning,
  createArendeService,
  createKlientService,
  plusDagar,
  transitionArende,
  updateArendeService,
} from './service.ts';

type Steg =
  | { status: 'ko' }
  | { status: 'aktiv'; dagar: number }
  | { status: 'avslutad'; dagar: number; orsak: 'mal_uppnatt' | 'klienten_avslutar' }
  | { status: 'ej_aktuell'; dagar: number };

const KLIENTER: Array<{
  alias: string;
  fodelsear: number;
  kon: 'kvinna' | 'man' | 'annan';
  sdo: string;
  barn: 'nej' | 'helt' | 'delvis';
  forfragan: number;
  fran: 'personen' | 'anhorig' | 'socialtjansten' | 'varden';
  prioritet?: Array<'barn' | 'vrakning_hemloshet' | 'ung_vuxen' | 'ingen_annan_kontakt'>;
  orsaker?: Array<'ekonomi' | 'bostad' | 'sysselsattning' | 'myndighetskontakter' | 'bryta_isolering'>;
  steg: Steg[];
  anteckning?: string;
}> = [
  {
    alias: 'Linnea',
    fodelsear: 1999,
    kon: 'kvinna',
    sdo: 'sodermalm',
    barn: 'helt',
    forfragan: 12,
    fran: 'socialtjansten',
    prioritet: ['barn', 'ung_vuxen'],
    steg: [{ status: 'ko' }],
  },
  {
    alias: 'Erik',
    fodelsear: 1968,
    kon: 'man',
    sdo: 'kungsholmen',
    barn: 'nej',
    forfragan: 41,
    fran: 'varden',
    prioritet: ['vrakning_hemloshet'],
    steg: [{ status: 'ko' }],
  },
  {
    alias: 'Sam',
    fodelsear: 1985,
    kon: 'annan',
    sdo: 'norra-innerstaden',
    barn: 'nej',
    forfragan: 3,
    fran: 'personen',
    steg: [],
  },
  {
    alias: 'Maria',
    fodelsear: 1975,
    kon: 'kvinna',
    sdo: 'sodermalm',
    barn: 'delvis',
    forfragan: 200,
    fran: 'anhorig',
    orsaker: ['ekonomi', 'myndighetskontakter'],
    steg: [{ status: 'ko' }, { status: 'aktiv', dagar: 150 }],
    anteckning: 'Första mötet: Maria vill ha stöd i kontakten med Försäkringskassan om sjukersättning.',
  },
  {
    alias: 'Johan',
    fodelsear: 1959,
    kon: 'man',
    sdo: 'kungsholmen',
    barn: 'nej',
    forfragan: 90,
    fran: 'personen',
    orsaker: ['bostad', 'bryta_isolering'],
    steg: [{ status: 'aktiv', dagar: 80 }],
    anteckning: 'Johan vill ha hjälp att söka bostad med hyresgaranti.',
  },
  {
    alias: 'Fatima',
    fodelsear: 1990,
    kon: 'kvinna',
    sdo: 'norra-innerstaden',
    barn: 'helt',
    forfragan: 420,
    fran: 'socialtjansten',
    orsaker: ['ekonomi', 'sysselsattning'],
    steg: [
      { status: 'ko' },
      { status: 'aktiv', dagar: 380 },
      { status: 'avslutad', dagar: 30, orsak: 'mal_uppnatt' },
    ],
  },
  {
    alias: 'Olle',
    fodelsear: 1950,
    kon: 'man',
    sdo: 'sodermalm',
    barn: 'nej',
    forfragan: 60,
    fran: 'varden',
    steg: [{ status: 'ej_aktuell', dagar: 50 }],
  },
];

export async function demoCasework(db: AppDb): Promise<void> {
  const v = await orgRepo.findOrganisationByKod(db, 'verksamhet', 'stockholm-innerstad');
  const user = await userRepo.findUserByUsername(db, 'ombud');
  if (!v || !user) return;
  const principal = await withTx(db, {}, (tx) => loadPrincipal(tx, user.id));
  if (!principal) return;
  const ctx: ServiceContext = { db, config: loadConfig(), principal, ip: 'demo' };
  const idag = idagISverige();
  const dagarSedan = (n: number) => plusDagar(idag, -n);
  for (const k of KLIENTER) {
    const klient = await createKlientService(ctx, v.id, {
      alias: k.alias,
      fodelsear: k.fodelsear,
      kon: k.kon,
      kommunKod: '0180',
      stadsdelsomradeKod: k.sdo,
      barnUnder18: k.barn,
    });
    const a = await createArendeService(ctx, v.id, {
      klientId: klient.id,
      forfraganDatum: dagarSedan(k.forfragan),
      forfraganFran: k.fran,
      prioritet: k.prioritet ?? [],
    });
    if (k.anteckning) await createAnteckning(ctx, v.id, a.id, k.anteckning);
    for (const s of k.steg) {
      if (s.status === 'ko') await transitionArende(ctx, v.id, a.id, { status: 'ko' });
      if (s.status === 'aktiv') {
        await transitionArende(ctx, v.id, a.id, {
          status: 'aktiv',
          datum: dagarSedan(s.dagar),
          ombudUserId: user.id,
        });
        if (k.orsaker) await updateArendeService(ctx, v.id, a.id, { kontaktorsaker: k.orsaker });
      }
      if (s.status === 'avslutad')
        await transitionArende(ctx, v.id, a.id, {
          status: 'avslutad',
          datum: dagarSedan(s.dagar),
          avslutOrsak: s.orsak,
        });
      if (s.status === 'ej_aktuell')
        await transitionArende(ctx, v.id, a.id, {
          status: 'ej_aktuell',
          datum: dagarSedan(s.dagar),
          avslutOrsak: 'ej_malgrupp',
        });
    }
  }
  const chef = await userRepo.findUserByUsername(db, 'chef');
  const chefPrincipal = chef ? await withTx(db, {}, (tx) => loadPrincipal(tx, chef.id)) : null;
  if (chefPrincipal) await setTjanstgoringsgrad({ ...ctx, principal: chefPrincipal }, v.id, user.id, 100);
}
