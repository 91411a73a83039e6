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

/** The reasons `text` would not read as plain language (empty when it does). */
export function codeWordsIn(text: string): string[] {
  return CODE_WORDS.filter(([, re]) => re.test(text)).map(([name]) => `${name} in “${text}”`);
}

/** Problems of one message: code words, or no full stop at the end. */
export function messageProblems(message: string): string[] {
  const out = codeWordsIn(message);
  if (!/[.!?]$/.test(message.trim())) out.push(`no full stop: “${message}”`);
  return out;
}
