/** Swedish and English have two forms: one ("1 klient") and other ("3 klienter"), as Intl.PluralRules says. */
export function pluralForm(lang: string, n: number): 'one' | 'other' {
  return new Intl.PluralRules(lang === 'en' ? 'en' : 'sv-SE').select(n) === 'one' ? 'one' : 'other';
}

/** The message key with the plural ending for n: `${key}.one` or `${key}.other` (message files hold both). */
export function pluralKey(lang: string, key: string, n: number): string {
  return `${key}.${pluralForm(lang, n)}`;
}
