/**
 * Where an error in an imported file is, in words: "Rad 8, kolumn kon". The machine field of such an
 * error stays `rad.8.kon` (for code); this is its label, shown by the web app and printed by the CLI.
 */
export function radLabel(rad: number, kolumn?: string | null, lang: 'sv' | 'en' = 'sv'): string {
  const r = lang === 'sv' ? `Rad ${rad}` : `Row ${rad}`;
  return kolumn ? `${r}, ${lang === 'sv' ? 'kolumn' : 'column'} ${kolumn}` : r;
}

/** The label of a machine field `rad.<n>[.<kolumn>]`, or undefined for any other field. */
export function radLabelOf(field: string, lang: 'sv' | 'en' = 'sv'): string | undefined {
  const m = /^rad\.(\d+)(?:\.(.+))?$/.exec(field);
  return m ? radLabel(Number(m[1]), m[2] ?? null, lang) : undefined;
}
