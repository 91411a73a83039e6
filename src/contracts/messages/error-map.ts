/**
 * Turns a zod validation issue into words a person understands: `{ path, field, label, message }` with
 * the field's label as the form shows it and a plain sentence ("Rubrik måste fyllas i.", "Kön ska vara
 * kvinna, man eller annan könsidentitet.", "Årsarbetare ska vara ett tal, t.ex. 2,5."). One map for the
 * server (installed with `z.config({ customError })` in contracts/common.ts, so problem+json answers carry
 * these sentences), the CLI and the web app (`validate` below, with the same contracts).
 *
 * A message written on a schema itself (`.min(1, 'Ange ett alias.')`) outranks this map: zod asks the
 * schema first. Those must be plain sentences too; the contract walk test checks every one it meets.
 *
 * Usage in the web app:
 *   const r = validate(createBrist, body, lang);
 *   if (!r.ok) setErrors(r.errors);   // FieldIssue[] → <ErrorSummary errors={…} /> and fieldErrorsOf(…)
 */
import type { z } from 'zod';
import { CODE_LISTS } from './code-lists.ts';
import { inEnglish } from './english.ts';
import { isChoice, labelOf } from './labels.ts';

export type Lang = 'sv' | 'en';

/** One validation failure in words. */
export interface FieldIssue {
  /** Machine path, as segments (`['klienter', 'totalt', 'kvinna']`); for code, never shown. */
  path: Array<string | number>;
  /** The same path dotted (`klienter.totalt.kvinna`): the key forms and problem+json use. */
  field: string;
  /** The field's label as the form shows it. */
  label: string;
  /** A full sentence, ending with a full stop. */
  message: string;
}

// Mid-sentence: "Välj nivå", "i kö"; an abbreviation (SIP) keeps its capitals.
const lower = (s: string) => (/^\p{Lu}(\p{Ll}|\s)/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
const nf = { sv: new Intl.NumberFormat('sv-SE'), en: new Intl.NumberFormat('en-GB') };
const num = (n: unknown, lang: Lang) =>
  typeof n === 'number' || typeof n === 'bigint' ? nf[lang].format(n) : String(n);

/** "a, b eller c" / "a, b or c". */
export function orList(items: string[], lang: Lang): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'sv' ? 'eller' : 'or'} ${items[items.length - 1]}`;
}

/** The values' names when one code list holds exactly these values and there are few enough to list. */
function valueNames(values: readonly unknown[], lang: Lang): string[] | undefined {
  if (values.length < 2 || values.length > 6) return undefined;
  const list = CODE_LISTS.find(
    (c) => Object.keys(c).length === values.length && values.every((v) => typeof v === 'string' && v in c),
  );
  return list ? values.map((v) => lower(list[v as string]![lang])) : undefined;
}

const isMissing = (input: unknown) =>
  input === undefined || input === null || input === '' || (typeof input === 'number' && Number.isNaN(input));

/**
 * A form's own names for some fields, by dotted path, where its context says it better than the shared
 * table (the ärende's status select reads "Ny status"). Messages and the summary then use that name.
 */
export type FieldLabels = Readonly<Record<string, string>>;

/** The raw issue zod hands an error map (v4): code, path and the parts each code adds. */
type RawIssue = z.core.$ZodRawIssue;

/** The sentence for one issue, or undefined to let zod's own (locale) message stand. */
export function messageFor(iss: RawIssue, lang: Lang = 'sv', labels?: FieldLabels): string {
  const label = labels?.[(iss.path ?? []).map(String).join('.')] ?? labelOf(iss.path ?? [], lang);
  const lc = lower(label);
  const sv = lang === 'sv';
  const choose = sv ? `Välj ${lc}.` : `Choose ${lc}.`;
  const required = isChoice(iss.path ?? [])
    ? choose
    : sv
      ? `${label} måste fyllas i.`
      : `${label} is required.`;
  const i = iss as RawIssue & Record<string, unknown>;
  switch (iss.code) {
    case 'invalid_type': {
      if (isMissing(iss.input))
        return i.expected === 'array'
          ? sv
            ? `Välj minst ett alternativ för ${lc}.`
            : `Choose at least one option for ${lc}.`
          : required;
      // z.number().int() reports 'number' too; the schema knows it takes whole numbers only.
      const isInt = (iss.inst as { isInt?: boolean } | undefined)?.isInt === true;
      switch (i.expected === 'number' && isInt ? 'int' : i.expected) {
        case 'number':
        case 'bigint':
          return sv ? `${label} ska vara ett tal, t.ex. 2,5.` : `${label} must be a number, e.g. 2.5.`;
        case 'int':
          return sv ? `${label} ska vara ett heltal, t.ex. 12.` : `${label} must be a whole number, e.g. 12.`;
        case 'string':
          return sv ? `${label} ska vara text.` : `${label} must be text.`;
        case 'boolean':
          return sv ? `${label} ska vara ja eller nej.` : `${label} must be yes or no.`;
        case 'array':
          return sv ? `Välj ett eller flera alternativ för ${lc}.` : `Choose one or more options for ${lc}.`;
        case 'date':
          return sv
            ? `${label} ska vara ett datum, t.ex. 2026-03-31.`
            : `${label} must be a date, e.g. 2026-03-31.`;
        default:
          return sv ? `${label} har fel form.` : `${label} has the wrong form.`;
      }
    }
    case 'invalid_value': {
      const names = valueNames(i.values as unknown[], lang);
      if (isMissing(iss.input))
        return names
          ? sv
            ? `Välj ${lc}: ${orList(names, lang)}.`
            : `Choose ${lc}: ${orList(names, lang)}.`
          : choose;
      if (names)
        return sv ? `${label} ska vara ${orList(names, lang)}.` : `${label} must be ${orList(names, lang)}.`;
      return sv
        ? `${label} har ett värde som inte finns bland alternativen.`
        : `${label} is not one of the options.`;
    }
    case 'too_small': {
      const min = i.minimum as number;
      const over = i.inclusive === false;
      if (i.origin === 'string')
        return min <= 1 || isMissing(iss.input)
          ? required
          : sv
            ? `${label} ska vara minst ${num(min, lang)} tecken.`
            : `${label} must be at least ${num(min, lang)} characters.`;
      if (i.origin === 'array' || i.origin === 'set')
        return min <= 1
          ? sv
            ? `Välj minst ett alternativ för ${lc}.`
            : `Choose at least one option for ${lc}.`
          : sv
            ? `Välj minst ${num(min, lang)} för ${lc}.`
            : `Choose at least ${num(min, lang)} for ${lc}.`;
      if (i.origin === 'date') return sv ? `${label} är för tidigt.` : `${label} is too early.`;
      return sv
        ? `${label} ska vara ${over ? 'större än' : 'minst'} ${num(min, lang)}.`
        : `${label} must be ${over ? 'more than' : 'at least'} ${num(min, lang)}.`;
    }
    case 'too_big': {
      const max = i.maximum as number;
      const under = i.inclusive === false;
      if (i.origin === 'string')
        return sv
          ? `${label} får vara högst ${num(max, lang)} tecken.`
          : `${label} may be at most ${num(max, lang)} characters.`;
      if (i.origin === 'array' || i.origin === 'set')
        return sv ? `Välj högst ${num(max, lang)} för ${lc}.` : `Choose at most ${num(max, lang)} for ${lc}.`;
      if (i.origin === 'date') return sv ? `${label} är för sent.` : `${label} is too late.`;
      return sv
        ? `${label} får vara ${under ? 'mindre än' : 'högst'} ${num(max, lang)}.`
        : `${label} must be ${under ? 'less than' : 'at most'} ${num(max, lang)}.`;
    }
    case 'invalid_format':
      if (isMissing(iss.input)) return required;
      switch (i.format) {
        case 'date':
          return sv
            ? `${label} ska vara ett datum, t.ex. 2026-03-31.`
            : `${label} must be a date, e.g. 2026-03-31.`;
        case 'datetime':
          return sv ? `${label} ska vara en tidpunkt.` : `${label} must be a point in time.`;
        case 'email':
          return sv
            ? `${label} ska vara en e-postadress, t.ex. namn@kommun.se.`
            : `${label} must be an email address, e.g. name@example.org.`;
        case 'uuid':
        case 'guid':
          return sv ? `${label} känns inte igen.` : `${label} is not recognised.`;
        default:
          return sv ? `${label} har fel form.` : `${label} has the wrong form.`;
      }
    case 'not_multiple_of':
      return i.divisor === 0.01
        ? sv
          ? `${label} får ha högst två decimaler, t.ex. 2,25.`
          : `${label} may have at most two decimals, e.g. 2.25.`
        : sv
          ? `${label} ska vara en multipel av ${num(i.divisor, lang)}.`
          : `${label} must be a multiple of ${num(i.divisor, lang)}.`;
    case 'unrecognized_keys':
      return sv ? 'Uppgiften känns inte igen och ska tas bort.' : 'This field is not recognised; remove it.';
    case 'invalid_union':
      if (isMissing(iss.input)) return required;
      return sv ? `${label} har fel form.` : `${label} has the wrong form.`;
    default:
      return sv ? `${label} har ett ogiltigt värde.` : `${label} has an invalid value.`;
  }
}

/** For `z.config({ customError })`: every message the server sends is Swedish. */
export const customError = (iss: RawIssue) => messageFor(iss, 'sv');

/** A finalised issue (after parsing) in words; unknown keys become one entry each. */
export function describeIssue(iss: z.core.$ZodIssue, lang: Lang = 'sv', labels?: FieldLabels): FieldIssue[] {
  const path = iss.path.map((p) => (typeof p === 'number' ? p : String(p)));
  if (iss.code === 'unrecognized_keys')
    return iss.keys.map((k) => ({
      path: [...path, k],
      field: [...path, k].join('.'),
      label: labelOf([...path, k], lang),
      message: iss.message,
    }));
  const field = path.join('.') || 'body';
  return [{ path, field, label: labels?.[field] ?? labelOf(path, lang), message: iss.message }];
}

/** "2 uppgifter behöver rättas: Rubrik, Nivå." — the short sentence above the list; no paths. */
export function summarySentence(
  errors: ReadonlyArray<{ label?: string | undefined }>,
  lang: Lang = 'sv',
): string {
  const labels = [...new Set(errors.map((e) => e.label).filter(Boolean))];
  const n = errors.length;
  const one = new Intl.PluralRules(lang === 'sv' ? 'sv-SE' : 'en-GB').select(n) === 'one';
  const head =
    lang === 'sv'
      ? `${num(n, lang)} ${one ? 'uppgift behöver' : 'uppgifter behöver'} rättas`
      : `${num(n, lang)} ${one ? 'field needs' : 'fields need'} correcting`;
  return labels.length ? `${head}: ${labels.join(', ')}.` : `${head}.`;
}

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldIssue[] };

/**
 * Parses `value` with a contract and, on failure, gives the issues in words in `lang` — the web app's
 * check before it sends anything. Messages written on the schema itself are Swedish; in English they go
 * through the English table (english.ts).
 */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  lang: Lang = 'sv',
  labels?: FieldLabels,
): Validated<z.output<S>> {
  const r = schema.safeParse(value, { error: (iss) => messageFor(iss, lang, labels) });
  if (r.success) return { ok: true, data: r.data };
  const errors = r.error.issues.flatMap((iss) => describeIssue(iss, lang, labels));
  // A message written on the schema itself is Swedish; the English table has its twin.
  return {
    ok: false,
    errors: lang === 'en' ? errors.map((e) => ({ ...e, message: inEnglish(e.message) })) : errors,
  };
}

/** field → message, first message per field: what each form field shows under itself. */
export function fieldMessages(
  errors: ReadonlyArray<{ field: string; message: string }>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.field] ??= e.message;
  return out;
}
