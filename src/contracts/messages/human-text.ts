/**
 * What a message shown to a person must not contain: the checks shared by the tests of the error map,
 * the route walk and the import, so "human" means the same everywhere.
 */
const CODE_WORDS: ReadonlyArray<[string, RegExp]> = [
  ['type word', /\b(string|number|undefined|null|NaN|boolean|object|array|bigint|int)\b/i],
  ['comparison', /[<>]=?|=>/],
  ['union of literals', /["'”][^"'”]*["'”]\s*\|/],
  ['dotted path', /(?<![@\w.])[A-Za-z]\w+\.(\d+\.)*[A-Za-z]\w+/],
  ['camelCase identifier', /\b[a-z]+[A-Z][A-Za-z]*\b/],
  ['snake_case identifier', /\b[a-z]+_[a-z_]+\b/],
];

// In English "a whole number" and "an object from the list" are plain words, not the type names.
const ENGLISH_TYPE_WORDS = /\b(string|undefined|null|NaN|boolean|bigint|int)\b/i;

/** The reasons `text` would not read as plain language (empty when it does). */
export function codeWordsIn(text: string, lang: 'sv' | 'en' = 'sv'): string[] {
  return CODE_WORDS.filter(([name, re]) =>
    name === 'type word' && lang === 'en' ? ENGLISH_TYPE_WORDS.test(text) : re.test(text),
  ).map(([name]) => `${name} in “${text}”`);
}

/** Problems of one message: code words, or no full stop at the end. */
export function messageProblems(message: string, lang: 'sv' | 'en' = 'sv'): string[] {
  const out = codeWordsIn(message, lang);
  if (!/[.!?]$/.test(message.trim())) out.push(`no full stop: “${message}”`);
  return out;
}
