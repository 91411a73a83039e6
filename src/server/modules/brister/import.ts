import { Readable } from 'node:stream';
import { CsvError } from 'csv-parse';
import { radLabel } from '../../../contracts/messages/rows.ts';
import { BRIST_NIVA, BRIST_NIVA_ETIKETT } from '../../../domain/codes.ts';
import { idagISverige } from '../../../domain/datum.ts';
import { findPersonalData, personuppgiftMeddelande } from '../../../domain/personuppgiftsskydd.ts';
import type { Queryable } from '../../db/client.ts';
import { authorize, inTx, type ServiceContext } from '../../platform/context.ts';
import { type FieldError, Invalid, NotFound } from '../../platform/errors.ts';
import {
  csvPoster,
  type Kalla,
  kodlasare,
  mallCsvFil,
  mallXlsxFil,
  normalKod,
  OlasbarFil,
  type Post,
  XLSX_MIME,
  xlsxPoster,
} from '../../platform/spreadsheet.ts';
import * as repo from './repo.ts';
import { actor, verksamhetResource } from './service.ts';

/**
 * `ombud import brister FILE.csv|FILE.xlsx --verksamhet KOD [--sheet NAMN]` and POST
 * /verksamheter/:id/import/brister: brister kept in spreadsheets. The file as people have it, read as the
 * client import reads it (platform/spreadsheet.ts): CSV with commas or semicolons, UTF-8 (BOM or not) or
 * Windows-1252, or an xlsx workbook (first sheet or the one named). Column names and codes are compared
 * without regard to case, accents, spaces or hyphens, and a name is taken for a code (`Lokal nivå`,
 * `Försäkringskassan`, `Stockholm`). All or nothing — one bad row and nothing is written; every bad row
 * is reported with its line, column and reason. Format: docs/import.md, "Brister".
 */
export const KOLUMNER = [
  'titel',
  'beskrivning',
  'niva',
  'aktorer',
  'amne',
  'datum',
  'antal_klienter',
] as const;
const VALFRIA = ['kommuner'] as const;
/** Every column, in the template's order. */
export const ALLA_KOLUMNER = [...KOLUMNER, ...VALFRIA] as const;
const MAX_RADER = 10_000;

type Kolumn = (typeof ALLA_KOLUMNER)[number];

/**
 * An error's field: `rad.<line>.<column>`, or `rad.<line>` for the row or file as a whole (for code);
 * its label says the same in words ("Rad 8, kolumn amne").
 */
function fel(rad: number, kolumn: string | null, message: string, rule?: string): FieldError {
  return {
    field: kolumn ? `rad.${rad}.${kolumn}` : `rad.${rad}`,
    label: radLabel(rad, kolumn),
    message,
    ...(rule ? { rule } : {}),
  };
}

const lista = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

/** A level by code or by its Swedish label ("Lokal nivå", "LOKAL"). */
const lasNiva = kodlasare(BRIST_NIVA, BRIST_NIVA_ETIKETT);

/** Code or name → item, however it is written; a code wins over another item's name. */
function uppslag<T extends { kod: string; namn: string }>(
  items: readonly T[],
): (text: string) => T | undefined {
  const karta = new Map<string, T>();
  for (const i of items) karta.set(normalKod(i.namn), i);
  for (const i of items) karta.set(normalKod(i.kod), i);
  return (text) => karta.get(normalKod(text));
}

function giltigtDatum(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const radnummer = (e: FieldError) => Number(/^rad\.(\d+)/.exec(e.field)?.[1] ?? 0);

interface Rad {
  line: number;
  values: Record<Kolumn, string>;
}

/** The file as given: text (tests), the bytes (route, CLI) or a stream. */
export type BristFil = string | Buffer | Kalla;

export interface ImportOptions {
  /** The installation's operator (the CLI) rather than a user of the verksamhet. */
  operator?: boolean;
  /** csv (default: comma or semicolon, UTF-8 or Windows-1252, detected) or an xlsx workbook. */
  format?: 'csv' | 'xlsx';
  /** xlsx: the sheet to read (default the first). */
  blad?: string;
}

async function lasPoster(fil: BristFil, opts: ImportOptions): Promise<Post[]> {
  const kalla: Kalla =
    typeof fil === 'string' || Buffer.isBuffer(fil)
      ? Readable.from([typeof fil === 'string' ? Buffer.from(fil, 'utf8') : fil])
      : fil;
  const poster: Post[] = [];
  try {
    const kallor =
      opts.format === 'xlsx' ? xlsxPoster(kalla, opts.blad) : csvPoster(kalla, { startrad: true });
    for await (const p of kallor) {
      poster.push(p);
      // The header and one row past the limit are enough to refuse the file.
      if (poster.length > MAX_RADER + 1) break;
    }
  } catch (err) {
    if (err instanceof OlasbarFil) throw new Invalid([fel(1, null, err.message)]);
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines ?? 0;
      throw new Invalid([fel(line, null, `Filen kan inte läsas som CSV från rad ${line} (${err.code}).`)]);
    }
    throw err;
  }
  return poster;
}

async function lasRader(fil: BristFil, opts: ImportOptions): Promise<{ rader: Rad[]; errors: FieldError[] }> {
  const [header, ...data] = await lasPoster(fil, opts);
  if (!header) throw new Invalid([fel(1, null, 'Filen är tom.')]);
  // `Antal klienter`, `Nivå`, `AKTÖRER`: the column's name however it is written.
  const namn = header.record.map(normalKod);
  const errors: FieldError[] = [];
  namn.forEach((h, i) => {
    if (!(ALLA_KOLUMNER as readonly string[]).includes(h))
      errors.push(fel(1, h || '(tom)', `Okänd kolumn ${header.record[i]?.trim() || '(tom)'}.`));
    else if (namn.indexOf(h) !== i) errors.push(fel(1, h, 'Kolumnen förekommer två gånger.'));
  });
  for (const k of KOLUMNER)
    if (!namn.includes(k)) errors.push(fel(1, k, `Kolumnen ${k} saknas i rubrikraden.`));
  if (errors.length) throw new Invalid(errors);
  if (data.length === 0) throw new Invalid([fel(2, null, 'Filen har inga rader efter rubrikraden.')]);
  if (data.length > MAX_RADER)
    throw new Invalid([fel(MAX_RADER + 2, null, `Högst ${MAX_RADER} rader per fil.`)]);
  const rader = data.map(({ record, rad: line }) => {
    if (record.length !== namn.length)
      errors.push(fel(line, null, `Raden har ${record.length} fält men rubrikraden ${namn.length}.`));
    const values = Object.fromEntries(namn.map((h, i) => [h, (record[i] ?? '').trim()])) as Record<
      Kolumn,
      string
    >;
    for (const k of ALLA_KOLUMNER)
      if (values[k]?.includes('\uFFFD'))
        errors.push(fel(line, k, 'Ogiltiga tecken: filen ska vara sparad som UTF-8.'));
    return { line, values };
  });
  return { rader, errors };
}

export async function importBrister(
  ctx: ServiceContext,
  target: { verksamhetId: string } | { verksamhetKod: string },
  fil: BristFil,
  opts: ImportOptions = {},
) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const v =
      'verksamhetId' in target
        ? await repo.verksamhetRef(tx, target.verksamhetId)
        : await repo.verksamhetByKod(tx, target.verksamhetKod);
    if (!v) throw new NotFound('Verksamheten finns inte.');
    if (opts.operator) authorize(ctx.principal, 'org:admin', { typ: 'system' });
    else authorize(ctx.principal, 'brist:write', verksamhetResource(v), 'brist:read');

    const rows = await validate(tx, v.id, await lasRader(fil, opts));
    const who = actor(ctx.principal);
    const ids = await repo.insertBristerBulk(
      tx,
      rows.map((r) => ({ ...r, verksamhetId: v.id, createdBy: who.userId, anvandare: who.anvandare })),
    );
    await audit({
      action: 'brist.imported',
      organisationId: v.id,
      resourceType: 'brist',
      detail: { antal: ids.length },
    });
    return { importerade: ids.length, ids };
  });
}

async function validate(tx: Queryable, verksamhetId: string, las: { rader: Rad[]; errors: FieldError[] }) {
  const { rader } = las;
  const amnen = await repo.listAmnen(tx);
  const coverage = await repo.verksamhetKommunerMedNamn(tx, verksamhetId);
  const lasAmne = uppslag(amnen);
  const today = idagISverige();
  const lasAktor = uppslag(await repo.listAktorer(tx, { giltigaPa: today }));
  const lasKommun = uppslag(coverage);
  const errors: FieldError[] = [...las.errors];
  const out = rader.map(({ line, values }) => {
    const err = (kolumn: string, message: string, rule?: string) =>
      errors.push(fel(line, kolumn, message, rule));
    const text = (kolumn: 'titel' | 'beskrivning', max: number) => {
      const s = values[kolumn] ?? '';
      if (!s) err(kolumn, 'Värdet saknas.');
      else if (s.length > max) err(kolumn, `Högst ${max} tecken.`);
      for (const f of findPersonalData(s)) err(kolumn, personuppgiftMeddelande(f), `personuppgift.${f.kind}`);
      return s;
    };
    const titel = text('titel', 200);
    const beskrivning = text('beskrivning', 5000);

    const n = lasNiva(values.niva ?? '');
    if (!n) err('niva', `Okänd nivå "${values.niva ?? ''}"; ange ${BRIST_NIVA.join(', ')}.`);

    const aktorKoder = lista(values.aktorer ?? '');
    if (aktorKoder.length === 0) err('aktorer', 'Ange minst en aktör (aktörskoder åtskilda med semikolon).');
    const aktorIds: string[] = [];
    for (const k of aktorKoder) {
      const a = lasAktor(k);
      if (a) aktorIds.push(a.id);
      else err('aktorer', `Aktören ${k} finns inte.`);
    }

    const amne = lasAmne(values.amne ?? '');
    if (!amne) err('amne', `Ämnet "${values.amne ?? ''}" finns inte i taxonomin.`);
    else if (!amne.valbar) err('amne', `${amne.namn} är en grupp; ange ett av ämnena under den.`);

    const datum = values.datum ?? '';
    if (!giltigtDatum(datum)) err('datum', `"${datum}" är inget datum i formen ÅÅÅÅ-MM-DD.`);
    else if (datum > today) err('datum', 'Datumet kan inte ligga i framtiden.');

    const antalText = values.antal_klienter ?? '';
    const antal = /^\d+$/.test(antalText) ? Number(antalText) : Number.NaN;
    if (!Number.isSafeInteger(antal) || antal > 100_000)
      err('antal_klienter', `"${antalText}" är inget antal (ett heltal 0 eller större).`);

    const kommunKoder: string[] = [];
    for (const k of lista(values.kommuner ?? '')) {
      // Excel drops the leading zero of 0180 in a number cell: three digits are a kommun code without it.
      const kommun = lasKommun(/^\d{3}$/.test(k) ? `0${k}` : k);
      if (kommun) kommunKoder.push(kommun.kod);
      else err('kommuner', `Kommunen ${k} ingår inte i verksamhetens område.`);
    }

    return {
      titel,
      beskrivning,
      niva: n ?? 'lokal',
      aktorIds: [...new Set(aktorIds)],
      amneKod: amne?.kod ?? '',
      observeradDatum: datum,
      antalKlienter: antal,
      kommunKoder: kommunKoder.length ? [...new Set(kommunKoder)] : coverage.map((c) => c.kod),
    };
  });
  if (errors.length) {
    errors.sort((a, b) => radnummer(a) - radnummer(b));
    const rader = new Set(errors.map(radnummer)).size;
    throw new Invalid(errors, `Inget importerades: ${rader} ${rader === 1 ? 'rad har' : 'rader har'} fel.`);
  }
  return out;
}

/**
 * The template on the import page: the header and one row that imports as it is into the verksamhet; the
 * xlsx also has the sheet Koder with every allowed level, actor, subject and kommun and its meaning.
 */
export async function importMallBrister(
  ctx: ServiceContext,
  verksamhetId: string,
  format: 'csv' | 'xlsx',
): Promise<{ innehall: Buffer; mime: string; filnamn: string; ascii: string }> {
  const { exempel, koder } = await inTx(ctx, {}, async ({ tx }) => {
    const v = await repo.verksamhetRef(tx, verksamhetId);
    if (!v) throw new NotFound('Verksamheten finns inte.');
    authorize(ctx.principal, 'brist:write', verksamhetResource(v), 'brist:read');
    const amnen = (await repo.listAmnen(tx)).filter((a) => a.valbar);
    const aktorer = await repo.listAktorer(tx, { giltigaPa: idagISverige() });
    const kommuner = await repo.verksamhetKommunerMedNamn(tx, verksamhetId);
    const amne = amnen.find((a) => a.kod === 'fk-handlaggningstider') ?? amnen[0];
    const aktor = aktorer.find((a) => a.kod === 'forsakringskassan') ?? aktorer[0];
    const rad: Record<Kolumn, string> = {
      titel: 'Exempel: långa handläggningstider',
      beskrivning: 'Beslut om sjukersättning dröjer upp till sex månader.',
      niva: 'central',
      aktorer: aktor?.kod ?? '',
      amne: amne?.kod ?? '',
      datum: idagISverige(),
      antal_klienter: '3',
      kommuner: kommuner[0]?.kod ?? '',
    };
    const koder: Array<[string, string, string]> = [
      ...BRIST_NIVA.map((n): [string, string, string] => ['niva', n, BRIST_NIVA_ETIKETT[n].sv]),
      ...aktorer.map((a): [string, string, string] => ['aktorer', a.kod, a.namn]),
      ...amnen.map((a): [string, string, string] => ['amne', a.kod, a.namn]),
      ...kommuner.map((k): [string, string, string] => ['kommuner', k.kod, k.namn]),
    ];
    return { exempel: ALLA_KOLUMNER.map((k) => rad[k]), koder };
  });
  const filnamn = `importmall-brister.${format}`;
  return format === 'csv'
    ? {
        innehall: mallCsvFil(ALLA_KOLUMNER, exempel),
        mime: 'text/csv; charset=utf-8',
        filnamn,
        ascii: filnamn,
      }
    : {
        innehall: await mallXlsxFil({ blad: 'Brister', kolumner: ALLA_KOLUMNER, exempel, koder, bredd: 22 }),
        mime: XLSX_MIME,
        filnamn,
        ascii: filnamn,
      };
}
