import { CsvError, parse } from 'csv-parse/sync';
import { radLabel } from '../../../contracts/messages/rows.ts';
import { BRIST_NIVA, BRIST_NIVA_ETIKETT, type BristNiva } from '../../../domain/codes.ts';
import { findPersonalData, personuppgiftMeddelande } from '../../../domain/personuppgiftsskydd.ts';
import type { Queryable } from '../../db/client.ts';
import { authorize, inTx, type ServiceContext } from '../../platform/context.ts';
import { type FieldError, Invalid, NotFound } from '../../platform/errors.ts';
import * as repo from './repo.ts';
import { actor, verksamhetResource } from './service.ts';

/**
 * `ombud import brister FILE.csv --verksamhet KOD` and POST /verksamheter/:id/brister/import: brister kept in
 * spreadsheets. All or nothing — one bad row and nothing is written; every bad row is reported with its line,
 * column and reason. Format: docs/import.md, "Brister".
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
const MAX_RADER = 10_000;

type Kolumn = (typeof KOLUMNER)[number] | (typeof VALFRIA)[number];

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

/** A level by code or by its Swedish label ("Lokal nivå"), case-insensitive. */
function niva(s: string): BristNiva | undefined {
  const v = s.trim().toLowerCase();
  return BRIST_NIVA.find((n) => n === v || BRIST_NIVA_ETIKETT[n].sv.toLowerCase() === v);
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

function lasRader(csv: string): { rader: Rad[]; errors: FieldError[] } {
  let records: Array<{ record: string[]; info: { lines: number }; raw: string }>;
  try {
    records = parse(csv, {
      info: true,
      raw: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines ?? 0;
      throw new Invalid([fel(line, null, `Filen kan inte läsas som CSV från rad ${line} (${err.code}).`)]);
    }
    throw err;
  }
  const [header, ...data] = records;
  if (!header) throw new Invalid([fel(1, null, 'Filen är tom.')]);
  const namn = header.record.map((h) => h.trim().toLowerCase());
  const errors: FieldError[] = [];
  for (const k of KOLUMNER)
    if (!namn.includes(k)) errors.push(fel(1, k, `Kolumnen ${k} saknas i rubrikraden.`));
  for (const h of namn)
    if (!(KOLUMNER as readonly string[]).includes(h) && !(VALFRIA as readonly string[]).includes(h))
      errors.push(fel(1, h || '(tom)', `Okänd kolumn ${h || '(tom)'}.`));
  if (errors.length) throw new Invalid(errors);
  if (data.length === 0) throw new Invalid([fel(2, null, 'Filen har inga rader efter rubrikraden.')]);
  if (data.length > MAX_RADER)
    throw new Invalid([fel(MAX_RADER + 2, null, `Högst ${MAX_RADER} rader per fil.`)]);
  const rader = data.map((r) => {
    // info.lines is where the record ends; a quoted field may span lines.
    const line = r.info.lines - (r.raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
    if (r.record.length !== namn.length)
      errors.push(fel(line, null, `Raden har ${r.record.length} fält men rubrikraden ${namn.length}.`));
    const values = Object.fromEntries(namn.map((h, i) => [h, (r.record[i] ?? '').trim()])) as Record<
      Kolumn,
      string
    >;
    return { line, values };
  });
  return { rader, errors };
}

export interface ImportOptions {
  /** The installation's operator (the CLI) rather than a user of the verksamhet. */
  operator?: boolean;
}

export async function importBrister(
  ctx: ServiceContext,
  target: { verksamhetId: string } | { verksamhetKod: string },
  csv: string,
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

    const rows = await validate(tx, v.id, lasRader(csv));
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
  const coverage = await repo.verksamhetKommuner(tx, verksamhetId);
  const aktorer = await repo.findAktorer(tx, {
    koder: [...new Set(rader.flatMap((r) => lista(r.values.aktorer ?? '')))],
  });
  const today = new Date().toISOString().slice(0, 10);
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

    const n = niva(values.niva ?? '');
    if (!n) err('niva', `Okänd nivå "${values.niva ?? ''}"; ange ${BRIST_NIVA.join(', ')}.`);

    const aktorKoder = lista(values.aktorer ?? '');
    if (aktorKoder.length === 0) err('aktorer', 'Ange minst en aktör (aktörskoder åtskilda med semikolon).');
    const aktorIds: string[] = [];
    for (const k of aktorKoder) {
      const a = aktorer.find((x) => x.kod === k);
      if (a) aktorIds.push(a.id);
      else err('aktorer', `Aktören ${k} finns inte.`);
    }

    const amne = amnen.find((a) => a.kod === values.amne);
    if (!amne) err('amne', `Ämnet "${values.amne ?? ''}" finns inte i taxonomin.`);
    else if (!amne.valbar) err('amne', `${amne.namn} är en grupp; ange ett av ämnena under den.`);

    const datum = values.datum ?? '';
    if (!giltigtDatum(datum)) err('datum', `"${datum}" är inget datum i formen ÅÅÅÅ-MM-DD.`);
    else if (datum > today) err('datum', 'Datumet kan inte ligga i framtiden.');

    const antalText = values.antal_klienter ?? '';
    const antal = /^\d+$/.test(antalText) ? Number(antalText) : Number.NaN;
    if (!Number.isSafeInteger(antal) || antal > 100_000)
      err('antal_klienter', `"${antalText}" är inget antal (ett heltal 0 eller större).`);

    const kommunKoder = lista(values.kommuner ?? '');
    for (const k of kommunKoder)
      if (!coverage.includes(k)) err('kommuner', `Kommunen ${k} ingår inte i verksamhetens område.`);

    return {
      titel,
      beskrivning,
      niva: n ?? 'lokal',
      aktorIds: [...new Set(aktorIds)],
      amneKod: amne?.kod ?? '',
      observeradDatum: datum,
      antalKlienter: antal,
      kommunKoder: kommunKoder.length ? [...new Set(kommunKoder)] : coverage,
    };
  });
  if (errors.length) {
    errors.sort((a, b) => radnummer(a) - radnummer(b));
    const rader = new Set(errors.map(radnummer)).size;
    throw new Invalid(errors, `Inget importerades: ${rader} ${rader === 1 ? 'rad har' : 'rader har'} fel.`);
  }
  return out;
}
