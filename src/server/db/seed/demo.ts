import { count, eq } from 'drizzle-orm';
import { demoCasework } from '../../modules/cases/demo.ts';
import { demoBristerOchLedningsgrupp } from '../../modules/ledningsgrupp/demo.ts';
import * as orgRepo from '../../modules/orgs/repo.ts';
import { demoRedovisningar } from '../../modules/redovisning/demo.ts';
import * as userRepo from '../../modules/users/repo.ts';
import { DEMO_PASSWORD, hashPassword } from '../../platform/auth/passwords.ts';
import type { AppDb } from '../client.ts';
import { organisation } from '../schema/index.ts';
import { nationalDemo } from './national-demo.ts';

type Roll = 'ombud' | 'chef' | 'ledamot' | 'lansstyrelse' | 'socialstyrelsen' | 'aktor' | 'admin';

/** The demo's verksamheter, as the Foundation issue asks: Stockholm's stadsdelar, a shared one, a stiftelse. */
export const DEMO_VERKSAMHETER = [
  {
    kod: 'stockholm-innerstad',
    namn: 'Personligt ombud Stockholm innerstad',
    lanKod: '01',
    utforare: 'kommun' as const,
    omraden: [
      { kommunKod: '0180', stadsdelsomradeKod: 'kungsholmen' },
      { kommunKod: '0180', stadsdelsomradeKod: 'norra-innerstaden' },
      { kommunKod: '0180', stadsdelsomradeKod: 'sodermalm' },
    ],
  },
  {
    kod: 'norra-uppland',
    namn: 'Personligt ombud Norra Uppland',
    lanKod: '03',
    utforare: 'kommunforbund' as const,
    omraden: [
      { kommunKod: '0360', stadsdelsomradeKod: null },
      { kommunKod: '0319', stadsdelsomradeKod: null },
      { kommunKod: '0382', stadsdelsomradeKod: null },
    ],
  },
  {
    kod: 'stiftelsen-po-goteborg',
    namn: 'Stiftelsen Personligt ombud Göteborg',
    lanKod: '14',
    utforare: 'stiftelse' as const,
    omraden: [{ kommunKod: '1480', stadsdelsomradeKod: null }],
  },
];

/** Extra demo content from the modules (casework, brister…), run after the base demo in this order. */
export const demoExtensions: Array<(db: AppDb) => Promise<void>> = [
  demoCasework,
  demoBristerOchLedningsgrupp,
  async (db) => {
    await (await import('./synthetic.ts')).seedSynthetic(db, {
      scale: 1,
      seed: 2026,
      years: [2023, 2024, 2025],
    });
  },
  demoRedovisningar,
  // Last: 113 more verksamheter with reports 2016–2025 (national-demo.ts), beside the three above.
  nationalDemo,
];

/** Seeds the demo on an empty database (no verksamhet yet); returns false when there was already data. */
export async function seedDemo(db: AppDb): Promise<boolean> {
  const [existing] = await db
    .select({ n: count() })
    .from(organisation)
    .where(eq(organisation.typ, 'verksamhet'));
  if ((existing?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const ids: Record<string, string> = {};
    for (const v of DEMO_VERKSAMHETER) {
      ids[v.kod] = await orgRepo.insertVerksamhet(tx, { ...v, giltigFranAr: 2018 });
    }
    const ss = await orgRepo.findOrganisationByKod(tx, 'socialstyrelsen', 'socialstyrelsen');
    const lst = await orgRepo.findOrganisationByKod(tx, 'lansstyrelse', '01');
    const fk = await orgRepo.findOrganisationByKod(tx, 'aktor', 'forsakringskassan');
    const v1 = ids['stockholm-innerstad']!;
    const users: Array<{
      username: string;
      displayName: string;
      kon: 'kvinna' | 'man';
      roller: Array<[string, Roll]>;
    }> = [
      { username: 'ombud', displayName: 'Olivia Ombud', kon: 'kvinna', roller: [[v1, 'ombud']] },
      {
        username: 'chef',
        displayName: 'Carl Chef',
        kon: 'man',
        roller: [
          [v1, 'chef'],
          [ids['norra-uppland']!, 'chef'],
        ],
      },
      { username: 'ledamot', displayName: 'Lena Ledamot', kon: 'kvinna', roller: [[v1, 'ledamot']] },
      {
        username: 'lansstyrelse',
        displayName: 'Lars Länsstyrelse',
        kon: 'man',
        roller: [[lst!.id, 'lansstyrelse']],
      },
      {
        username: 'socialstyrelsen',
        displayName: 'Sara Socialstyrelsen',
        kon: 'kvinna',
        roller: [[ss!.id, 'socialstyrelsen']],
      },
      {
        username: 'aktor',
        displayName: 'Anders Aktör (Försäkringskassan)',
        kon: 'man',
        roller: [[fk!.id, 'aktor']],
      },
      { username: 'admin', displayName: 'Alva Admin', kon: 'kvinna', roller: [[ss!.id, 'admin']] },
    ];
    for (const u of users) {
      const id = await userRepo.insertUser(tx, {
        username: u.username,
        displayName: u.displayName,
        kon: u.kon,
        passwordHash,
      });
      for (const [organisationId, roll] of u.roller)
        await userRepo.insertMembership(tx, { userId: id, organisationId, roll });
    }
  });
  for (const extend of demoExtensions) await extend(db);
  return true;
}
