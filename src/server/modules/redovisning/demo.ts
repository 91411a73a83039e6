/**
 * Demo: last year's redovisningar of the demo verksamheter, computed from their (synthetic) casework,
 * submitted and approved by each one's Länsstyrelse — so that a newcomer sees national tables, the
 * Länsstyrelse's review list and "last year" figures with real-looking numbers, while this year's report is
 * still a draft for the chef to submit.
 */
import type { RedovisningV1 } from '../../../contracts/redovisning-v1.ts';
import { can, type Principal } from '../../../domain/access.ts';
import { loadConfig } from '../../config.ts';
import { type AppDb, withTx } from '../../db/client.ts';
import { loadPrincipal } from '../../platform/auth/principal.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { findOrganisationByKod } from '../orgs/repo.ts';
import { listVerksamheter } from '../orgs/service.ts';
import { findUserByUsername } from '../users/repo.ts';
import * as repo from './repo.ts';
import { godkann, importRedovisningar, underlagForSystem } from './service.ts';

export const DEMO_REDOVISNINGSAR = 2024;

function ctx(db: AppDb, principal: Principal): ServiceContext {
  return { db, config: loadConfig(), principal, ip: 'demo' };
}

/** Acts as the installation's operator, as the CLI does. */
function operator(organisationId: string): Principal {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'demo',
    medlemskap: [{ organisationId, organisationTyp: 'socialstyrelsen', lanKod: null, roll: 'admin' }],
  };
}

/** Splits FTE (in hundredths, exactly) over the kommuner: the rest of the division goes to the first. */
function perKommun(kommuner: string[], arsarbetare: number) {
  const hundradelar = Math.round(arsarbetare * 100);
  const del = Math.floor(hundradelar / kommuner.length);
  return kommuner.map((kommunKod, i) => ({
    kommunKod,
    arsarbetare: (del + (i === 0 ? hundradelar - del * kommuner.length : 0)) / 100,
  }));
}

function ifylld(d: RedovisningV1): RedovisningV1 {
  const personal = d.personal.ombud > 0 ? d.personal : { ombud: 3, arsarbetare: 3, kvinnor: 2, man: 1 };
  const kommuner = d.verksamhet.kommunKoder;
  return {
    ...d,
    personal,
    ansokan: {
      ...d.ansokan,
      arsarbetare: personal.arsarbetare,
      ...(kommuner.length > 1 ? { perKommun: perKommun(kommuner, personal.arsarbetare) } : {}),
      kontaktperson: 'Verksamhetschefen',
    },
    text: {
      forandringarMalgrupp: 'Fler yngre vuxna och fler med ekonomiska svårigheter har sökt stöd under året.',
      forbattringsarbete:
        'Kön har prioriterats om så att hushåll med barn och personer som riskerar vräkning får stöd först.',
      jamstalldhetsanalys:
        'Kvinnor är i majoritet bland klienterna, som tidigare år. Männen söker oftare för ekonomi och bostad.',
      atgarderBrister: 'Bristerna har lyfts i ledningsgruppen och skickats till berörda myndigheter.',
    },
    arbetssatt: {
      prioriteringsordning: true,
      rutinBrister: true,
      handledning: true,
      introduktionsutbildning: true,
      natverk: true,
      uppsokande: {
        antal: 4,
        text: 'Besök på härbärgen och öppna mötesplatser tillsammans med socialpsykiatrin.',
      },
      information: {
        antal: 12,
        text: 'Information på arbetsplatsträffar inom psykiatrin, vårdcentraler och Försäkringskassan.',
      },
      undervisning: { antal: 2, text: 'Föreläsning på introduktionsutbildningen för nya handläggare.' },
      brukarorganisationer: {
        antal: 5,
        text: 'Träffar med brukar- och anhörigorganisationer om klienternas behov.',
      },
    },
  };
}

export async function demoRedovisningar(db: AppDb): Promise<void> {
  const ss = await findOrganisationByKod(db, 'socialstyrelsen', 'socialstyrelsen');
  if (!ss) return;
  const system = ctx(db, operator(ss.id));
  const verksamheter = await listVerksamheter(system);
  const docs: RedovisningV1[] = [];
  for (const v of verksamheter) {
    docs.push(ifylld((await underlagForSystem(system, v.kod, DEMO_REDOVISNINGSAR, 'json')).dokument));
  }
  await importRedovisningar(system, docs);
  // Approved by the demo user 'lansstyrelse' (Stockholms län); the other län have no demo reviewer, so
  // their reports stay submitted (the national page's preview includes them).
  const reviewer = await findUserByUsername(db, 'lansstyrelse');
  const principal = reviewer ? await withTx(db, {}, (tx) => loadPrincipal(tx, reviewer.id)) : null;
  if (!principal) return;
  for (const v of verksamheter) {
    const row = await repo.getRedovisning(db, v.id, DEMO_REDOVISNINGSAR);
    if (row && can(principal, 'redovisning:review', { typ: 'verksamhet', id: v.id, lanKod: v.lanKod })) {
      await godkann(ctx(db, principal), [row.id]);
    }
  }
}
