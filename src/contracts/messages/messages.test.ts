import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as audit from '../audit.ts';
import * as auth from '../auth.ts';
import * as brister from '../brister.ts';
import * as cases from '../cases.ts';
import * as common from '../common.ts';
import * as grants from '../grants.ts';
import * as ledningsgrupp from '../ledningsgrupp.ts';
import * as national from '../national.ts';
import * as orgs from '../orgs.ts';
import * as redovisning from '../redovisning.ts';
import * as redovisningV1 from '../redovisning-v1.ts';
import * as users from '../users.ts';
import { describeIssue, summarySentence, validate } from './error-map.ts';
import { codeWordsIn, messageProblems } from './human-text.ts';
import { findLabel, labelOf } from './labels.ts';
import { radLabel, radLabelOf } from './rows.ts';

/**
 * The error map (issue 9): every exported contract, sent nothing and sent the wrong types, answers in
 * plain sentences; the route walk (src/server/validation-messages.test.ts) checks the same through the
 * server with labels.
 */

const modules = {
  audit,
  auth,
  brister,
  cases,
  common,
  grants,
  ledningsgrupp,
  national,
  orgs,
  redovisning,
  redovisningV1,
  users,
};

type AnyObject = z.ZodObject<z.ZodRawShape>;
const objects: Array<[string, AnyObject]> = Object.entries(modules).flatMap(([m, exports]) =>
  Object.entries(exports)
    .filter(([, v]) => v instanceof z.ZodObject)
    .map(([name, v]) => [`${m}.${name}`, v as AnyObject] as [string, AnyObject]),
);

/** A value of the wrong type for a field. */
function wrong(s: z.ZodType): unknown {
  const t = (s as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } } })._zod
    .def;
  if (
    (t.type === 'optional' || t.type === 'nullable' || t.type === 'default' || t.type === 'pipe') &&
    (t.innerType ?? t.in)
  )
    return wrong((t.innerType ?? t.in)!);
  return t.type === 'string' || t.type === 'enum' || t.type === 'literal' ? 12345 : 'fel';
}

describe('every exported contract answers in plain sentences', () => {
  it('finds the contracts to walk', () => {
    expect(objects.length).toBeGreaterThan(60);
  });

  it.each(objects)('%s: empty and wrong-typed', (_name, schema) => {
    const wrongBody = Object.fromEntries(
      Object.entries(schema.shape).map(([k, v]) => [k, wrong(v as z.ZodType)]),
    );
    const problems: string[] = [];
    for (const input of [{}, wrongBody]) {
      const r = schema.safeParse(input);
      if (r.success) continue;
      for (const e of r.error.issues.flatMap((i) => describeIssue(i))) {
        problems.push(...messageProblems(e.message).map((p) => `${e.field}: ${p}`));
        if (!e.label.trim()) problems.push(`${e.field}: no label`);
        problems.push(...codeWordsIn(e.label).map((p) => `${e.field} label: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the error map', () => {
  it('gives the sentences the issue asks for', () => {
    const r = validate(brister.createBrist, { niva: 'regional', antalKlienter: '2,5x' });
    expect(r.ok).toBe(false);
    const by = Object.fromEntries((r.ok ? [] : r.errors).map((e) => [e.field, e]));
    expect(by.titel).toEqual({
      path: ['titel'],
      field: 'titel',
      label: 'Rubrik',
      message: 'Rubrik måste fyllas i.',
    });
    expect(by.niva!.message).toBe('Nivå ska vara handläggarnivå, lokal nivå eller central nivå.');
    expect(by.antalKlienter!.message).toBe('Antal berörda klienter ska vara ett heltal, t.ex. 12.');
    expect(by.amneKod!.message).toBe('Välj ämne.');
    expect(by.aktorIds!.message).toBe('Välj minst ett alternativ för berörda aktörer.');
    const k = validate(cases.createKlient, {
      alias: 'A',
      kon: 'okänd',
      fodelsear: 1980,
      kommunKod: '0180',
      barnUnder18: 'nej',
    });
    expect(k.ok ? [] : k.errors).toEqual([
      {
        path: ['kon'],
        field: 'kon',
        label: 'Kön',
        message: 'Kön ska vara kvinna, man eller annan könsidentitet.',
      },
    ]);
  });

  it('says a decimal number the Swedish way and limits with Swedish digit grouping', () => {
    const r = validate(z.object({ arsarbetare: z.number().max(10000) }), { arsarbetare: 'två' });
    expect(r.ok ? '' : r.errors[0]!.message).toBe('Årsarbetare ska vara ett tal, t.ex. 2,5.');
    const big = validate(z.object({ arsarbetare: z.number().max(10000) }), { arsarbetare: 20000 });
    expect(big.ok ? '' : big.errors[0]!.message).toBe('Årsarbetare får vara högst 10\u00a0000.');
  });

  it('speaks English when asked, with the English labels', () => {
    const r = validate(brister.createBrist, {}, 'en');
    expect(r.ok ? [] : r.errors.find((e) => e.field === 'titel')).toMatchObject({
      label: 'Title',
      message: 'Title is required.',
    });
  });

  it('labels nested fields from their parts and rows of a file in words', () => {
    expect(labelOf('klienter.totalt.kvinna')).toBe('Klienter under året, kvinnor');
    expect(labelOf(['ansokan', 'perKommun', 0, 'arsarbetare'])).toBe('Årsarbetare i kommunen');
    expect(labelOf('text.forandringarMalgrupp')).toBe('Förändringar i målgruppen');
    expect(findLabel('inteEttFalt')).toBeUndefined();
    expect(labelOf('inteEttFalt')).toBe('Okänd uppgift');
    expect(radLabel(8, 'kon')).toBe('Rad 8, kolumn kon');
    expect(radLabelOf('rad.8.kon')).toBe('Rad 8, kolumn kon');
    expect(labelOf('rad.3')).toBe('Rad 3');
  });

  it('sums up with labels only, in the right number', () => {
    expect(summarySentence([{ label: 'Rubrik' }, { label: 'Nivå' }])).toBe(
      '2 uppgifter behöver rättas: Rubrik, Nivå.',
    );
    expect(summarySentence([{ label: 'Rubrik' }])).toBe('1 uppgift behöver rättas: Rubrik.');
    expect(summarySentence([{ label: 'Title' }], 'en')).toBe('1 field needs correcting: Title.');
  });

  it('the human-text check itself catches the old wording', () => {
    for (const old of [
      'För lite(t): förväntade string att ha >=1 tecken',
      'Ogiltig inmatning: förväntat string, fick undefined',
      'Ogiltigt alternativ: förväntade ett av "kvinna"|"man"|"annan"',
      'rad.1.alias: Alias saknas.',
      'text.forandringarMalgrupp: Texten saknas.',
    ])
      expect(messageProblems(old)).not.toEqual([]);
    expect(messageProblems('Skriv till namn@kommun.se, t.ex. 2,5.')).toEqual([]);
  });
});
