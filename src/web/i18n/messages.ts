import { core } from './core.ts';

/** All message files, merged. A module adds its own with one line here. */
const modules = [core];

export type Lang = 'sv' | 'en';
export const messages: Record<Lang, Record<string, string>> = {
  sv: Object.assign({}, ...modules.map((m) => m.sv)),
  en: Object.assign({}, ...modules.map((m) => m.en)),
};
