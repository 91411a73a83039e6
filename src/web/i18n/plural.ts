/**
 * The message key with the plural ending for n in the language: `${key}.one` ("1 klient") or
 * `${key}.other` ("3 klienter"), as Intl.PluralRules decides. Message files hold both forms.
 */
export function pluralKey(lang: string, key: string, n: number): string {
  return `${key}.${new Intl.PluralRules(lang).select(n) === 'one' ? 'one' : 'other'}`;
}
