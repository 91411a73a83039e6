import { useCallback } from 'react';
import { useI18n } from './index.tsx';

/**
 * English names of the national brist subjects (Socialstyrelsen's lägesrapport 2025, bilaga 1; the Swedish
 * names come from the server's reference data, src/server/db/reference/brist-amnen.csv). A subject that
 * Socialstyrelsen adds later has only its Swedish name until one is written here. A test holds this table
 * to the CSV.
 */
export const AMNE_EN: Readonly<Record<string, string>> = {
  'halso-sjukvard': "The region's health care",
  'hs-lakarbrist': 'Shortage of doctors and of a regular doctor',
  'hs-resurser-psykiatri': 'Lack of resources in psychiatry',
  'hs-vantetider': 'Long waiting times',
  'hs-kunskapsbrist-primarvard': 'Lack of knowledge in primary care',
  'hs-vardplaner': 'No current care plans and no coordination',
  'hs-intyg-dokumentation': 'Deficiencies in certificates and records',
  'hs-kommunikation-bemotande': 'Communication and treatment in care',
  'hs-digitalisering': 'Digitalisation in health care',
  'samordning-myndigheter': 'Poor coordination between authorities and other actors',
  'sip-samordning': 'Coordinated individual plan (SIP) not drawn up or not followed up',
  'gode-man-brist': 'Shortage of guardians (gode män)',
  'digitalt-utanforskap': 'Digital exclusion and poor accessibility',
  'boende-ekonomisk-utsatthet': 'Housing and social and economic vulnerability',
  socialtjanst: 'Social services',
  'st-tillganglighet': 'Poor accessibility',
  'st-ekonomiskt-bistand': 'Financial assistance and income support',
  'st-bemotande-kommunikation': 'Treatment and communication',
  'st-matchning-insatser': 'Poor match between needs and support',
  'st-boendestod': 'Deficiencies in housing support',
  'st-intern-samordning': 'Poor internal coordination between units',
  arbetsformedlingen: 'The Public Employment Service',
  'af-service-kontinuitet': 'Lack of service and continuity in case handling',
  'af-arbetsformagebedomning': 'Work capacity assessments without adaptation',
  'af-samordning': 'Poor coordination with the social services',
  'af-arbetsmarknadsinsatser': 'Labour market programmes need development',
  forsakringskassan: 'The Social Insurance Agency',
  'fk-handlaggningstider': 'Long processing times',
  'fk-ersattning-aterkrav': 'Financial compensation and recovery claims',
  'fk-kommunikation': 'Deficiencies in communication',
  'fk-fullmakter': 'Handling of powers of attorney',
  'sgi-regler': 'Unclear rules for protecting sickness-benefit qualifying income (SGI)',
  ovrigt: 'Other',
};

/** A brist subject's name in the chosen language (Swedish, or English where the table has one). */
export function useAmneNamn(): (a: { kod: string; namn: string }) => string {
  const { lang } = useI18n();
  return useCallback((a) => (lang === 'en' ? (AMNE_EN[a.kod] ?? a.namn) : a.namn), [lang]);
}
