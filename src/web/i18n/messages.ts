import { brister } from '../routes/brister/messages.ts';
import { cases } from '../routes/cases/messages.ts';
import { access } from './access.ts';
import { arendenList } from './arenden-list.ts';
import { audit } from './audit.ts';
import { caseLists } from './case-lists.ts';
import { confirmations } from './confirmations.ts';
import { core } from './core.ts';
import { listor } from './listor.ts';
import { national } from './national.ts';
import { oppenStatistik } from './oppen-statistik.ts';
import { redovisning } from './redovisning.ts';
import { start } from './start.ts';
import { statistik } from './statistik.ts';
import { statsbidragLan } from './statsbidrag-lan.ts';
import { users } from './users.ts';

/** All message files, merged. A module adds its own with one line here. */
const modules = [
  core,
  redovisning,
  national,
  brister,
  cases,
  users,
  access,
  confirmations,
  caseLists,
  audit,
  start,
  arendenList,
  statistik,
  oppenStatistik,
  listor,
  statsbidragLan,
];

export type Lang = 'sv' | 'en';
export const messages: Record<Lang, Record<string, string>> = {
  sv: Object.assign({}, ...modules.map((m) => m.sv)),
  en: Object.assign({}, ...modules.map((m) => m.en)),
};
