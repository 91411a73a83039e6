/**
 * CSV import of clients and their ärenden (format: docs/import.md). Streamed through csv-parse, validated row
 * by row, written in batches with set-based inserts, all in ONE transaction: without `skipInvalid` any bad
 * row rolls everything back, and every bad row is listed with line, column and reason.
 */
import { randomUUID } from 'node:crypto';
import { CsvError } from 'csv-parse';
import { sql } from 'drizzle-orm';
import { IMPORT_KOLUMNER, type ImportFel, type ImportResultat } from '../../../contracts/cases.ts';
import { orList } from '../../../contracts/messages/error-map.ts';
import { valideraArendeDatum } from '../../../domain/arende-datum.ts';
import {
  type ArendeStatus,
  arKod,
  BARN_UNDER_18,
  type BarnUnder18,
  KON,
  KONTAKTORSAKER,
  type Kon,
  PRIORITETSGRUNDER,
} from '../../../domain/codes.ts';
import { arIsoDatum, idagISverige } from '../../../domain/datum.ts';
import type { Audited, ServiceContext } from '../../platform/context.ts';
import { NotFound } from '../../platform/errors.ts';
import * as orgRepo from '../orgs/repo.ts';
import {
  csvPoster,
  lasBarnUnder18,
  lasKon,
  lasKontaktorsak,
  lasPrioritet,
  type MallOmrade,
  mallCsv,
  mallExempel,
  mallKoder,
  mallXlsx,
  normalKod,
  OlasbarFil,
  type Post,
  XLSX_MIME,
  xlsxPoster,
} from './import-format.ts';
import { alderFel, omradeFel, type StadsdelsomradeRef } from './regler.ts';
import * as repo from './repo.ts';
import { iVerksamhet, somSystem, type Verksamhet } from './scope.ts';
import { ombudIVerksamhet, plusDagar } from './service.ts';

type Kolumn = (typeof IMPORT_KOLUMNER)[number];
export type ImportKalla = AsyncIterable<string | Buffer> | NodeJS.ReadableStream;

export interface ImportOptions {
  skipInvalid?: boolean;
  /** Called every 1 000 rows and at the end, with the number of data rows read. */
  onProgress?: (rader: number) => void;
  /** Rows per batch (set-based insert). */
  batch?: number;
  idag?: string;
  /** csv (default: comma or semicolon, UTF-8 or Windows-1252, detected) or an xlsx workbook. */
  format?: 'csv' | 'xlsx';
  /** xlsx: the sheet to read (default the first). */
  blad?: string;
}

const ALIAS_MAX = 60;

interface KlientStat {
  kon: Kon;
  fodelsear: number;
  kommunKod: string;
  stadsdelsomradeKod: string | null;
  barnUnder18: BarnUnder18;
}
interface KlientIFil {
  id: string;
  rad: number;
  stat: KlientStat;
  /** Line of this client's ärende still in progress (no closing date), if any. */
  pagaendeRad: number | null;
}

const STAT_KOLUMN: Record<keyof KlientStat, Kolumn> = {
  kon: 'kon',
  fodelsear: 'fodelsear',
  kommunKod: 'kommun_kod',
  stadsdelsomradeKod: 'kommun_kod',
  barnUnder18: 'barn_under_18',
};
const DATUM_KOLUMN = {
  forfraganDatum: 'forfragan_datum',
  startDatum: 'start_datum',
  avslutDatum: 'avslut_datum',
} as const;

class Avbruten extends Error {
  constructor(readonly resultat: ImportResultat) {
    super('import avbruten');
  }
}

function koder<K extends string>(
  text: string,
  lista: readonly K[],
  las: (text: string) => K | undefined,
  kolumn: Kolumn,
  rad: number,
  fel: ImportFel[],
): K[] {
  const ut: K[] = [];
  for (const typ of text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const kod = las(typ);
    if (kod) {
      if (!ut.includes(kod)) ut.push(kod);
    } else {
      fel.push({ rad, kolumn, meddelande: `”${typ}” är ingen känd kod (${orList([...lista], 'sv')}).` });
    }
  }
  return ut;
}

/** Reads, checks and writes; the caller owns the transaction (a user's, or a system operation's). */
class Inlasning {
  readonly fel: ImportFel[] = [];
  private kolumnIndex: Record<Kolumn, number> | null = null;
  private readonly klienter = new Map<string, KlientIFil>();
  private nyaKlienter: repo.ImportKlienter = tomKlientBatch();
  private arenden: repo.ImportArenden = tomArendeBatch();
  private felRader = new Set<number>();
  rader = 0;
  skrivnaKlienter = 0;
  skrivnaArenden = 0;

  constructor(
    private readonly t: Audited & { v: Verksamhet },
    private readonly ctx: ServiceContext,
    private readonly o: Required<Pick<ImportOptions, 'skipInvalid' | 'batch' | 'idag'>>,
    private readonly finnsAlias: Set<string>,
    private readonly ombud: Map<string, string>,
    private readonly sdoRef: StadsdelsomradeRef[],
  ) {}

  get felaktigaRader() {
    return this.felRader.size;
  }

  /** The header row: every column of the format, each once, in any order. */
  rubrik(record: string[]): boolean {
    // `Födelseår`, `Barn under 18`: the column's name however it is written.
    const namn = record.map(normalKod);
    const index = {} as Record<Kolumn, number>;
    namn.forEach((n, i) => {
      if (!arKod(IMPORT_KOLUMNER, n)) {
        this.fel.push({ rad: 1, kolumn: n || null, meddelande: `Okänd kolumn ”${record[i]}”.` });
      } else if (index[n] !== undefined) {
        this.fel.push({ rad: 1, kolumn: n, meddelande: 'Kolumnen förekommer två gånger.' });
      } else {
        index[n] = i;
      }
    });
    for (const k of IMPORT_KOLUMNER) {
      if (index[k] === undefined)
        this.fel.push({ rad: 1, kolumn: k, meddelande: 'Kolumnen saknas i rubrikraden.' });
    }
    if (this.fel.length) return false;
    this.kolumnIndex = index;
    return true;
  }

  async rad(record: string[], rad: number): Promise<void> {
    this.rader++;
    const fel: ImportFel[] = [];
    const idx = this.kolumnIndex!;
    if (record.length !== Object.keys(idx).length) {
      fel.push({
        rad,
        kolumn: null,
        meddelande: `Raden har ${record.length} fält men rubrikraden ${Object.keys(idx).length}.`,
      });
      return this.underkann(fel);
    }
    const f = (k: Kolumn) => (record[idx[k]] ?? '').trim();
    for (const k of IMPORT_KOLUMNER) {
      if (f(k).includes('\uFFFD')) {
        fel.push({ rad, kolumn: k, meddelande: 'Ogiltiga tecken: filen ska vara sparad som UTF-8.' });
      }
    }
    if (fel.length) return this.underkann(fel);

    // The client.
    const alias = f('alias');
    if (!alias) fel.push({ rad, kolumn: 'alias', meddelande: 'Alias saknas.' });
    else if (alias.length > ALIAS_MAX)
      fel.push({ rad, kolumn: 'alias', meddelande: `Aliaset får vara högst ${ALIAS_MAX} tecken.` });
    const fodelsear = /^\d{4}$/.test(f('fodelsear')) ? Number(f('fodelsear')) : null;
    if (fodelsear === null) {
      fel.push({
        rad,
        kolumn: 'fodelsear',
        meddelande: `”${f('fodelsear')}” är inget födelseår (fyra siffror).`,
      });
    }
    const konText = f('kon');
    const kon = lasKon(konText);
    if (!kon)
      fel.push({
        rad,
        kolumn: 'kon',
        meddelande: konText
          ? `”${konText}” är inte ett giltigt kön (${orList([...KON], 'sv')}).`
          : `Kön saknas (${orList([...KON], 'sv')}).`,
      });
    const barnText = f('barn_under_18');
    const barn = lasBarnUnder18(barnText);
    if (!barn) {
      fel.push({
        rad,
        kolumn: 'barn_under_18',
        meddelande: barnText
          ? `”${barnText}” är inget giltigt värde för barn under 18 (${orList([...BARN_UNDER_18], 'sv')}).`
          : `Värde för barn under 18 saknas (${orList([...BARN_UNDER_18], 'sv')}).`,
      });
    }
    // Excel drops the leading zero of 0180 in a number cell: three digits are a kommun code without it.
    const plats = /^\d{3}$/.test(f('kommun_kod')) ? `0${f('kommun_kod')}` : f('kommun_kod');
    let kommunKod = plats;
    let sdo: string | null = null;
    if (!/^\d{4}$/.test(plats)) {
      // A stadsdelsområde's code or name, or the name of a kommun in the area, however it is written.
      const n = normalKod(plats);
      const ref = this.sdoRef.find((s) => normalKod(s.kod) === n || normalKod(s.namn) === n);
      const kommun = this.t.v.omraden.find((o) => normalKod(o.kommunNamn) === n);
      if (ref) {
        kommunKod = ref.kommunKod;
        sdo = ref.kod;
      } else if (kommun) {
        kommunKod = kommun.kommunKod;
      }
    }
    const omrade =
      /^\d{4}$/.test(kommunKod) || sdo
        ? omradeFel(this.t.v.omraden, this.sdoRef, kommunKod, sdo)
        : {
            field: 'kommunKod',
            message: `”${plats}” är varken en kommunkod (fyra siffror) eller ett stadsdelsområde.`,
          };
    if (omrade) {
      const tips =
        omrade.field === 'stadsdelsomradeKod' && sdo === null
          ? ' Skriv stadsdelsområdets kod i kolumnen.'
          : '';
      fel.push({ rad, kolumn: 'kommun_kod', meddelande: omrade.message + tips });
    }

    // The ärende.
    const datum = {
      forfraganDatum: f('forfragan_datum'),
      startDatum: f('start_datum') || null,
      avslutDatum: f('avslut_datum') || null,
    };
    if (!datum.forfraganDatum)
      fel.push({ rad, kolumn: 'forfragan_datum', meddelande: 'Datum för förfrågan saknas.' });
    else {
      for (const d of valideraArendeDatum(datum, this.o.idag)) {
        fel.push({ rad, kolumn: DATUM_KOLUMN[d.field], meddelande: d.message });
      }
      if (fodelsear !== null && arIsoDatum(datum.forfraganDatum)) {
        const alder = alderFel(fodelsear, Number(datum.forfraganDatum.slice(0, 4)));
        if (alder) fel.push({ rad, kolumn: 'fodelsear', meddelande: `Vid förfrågan: ${alder}` });
      }
    }
    const status: ArendeStatus = datum.avslutDatum ? 'avslutad' : datum.startDatum ? 'aktiv' : 'ko';
    const kontaktorsaker = koder(
      f('kontaktorsaker'),
      KONTAKTORSAKER,
      lasKontaktorsak,
      'kontaktorsaker',
      rad,
      fel,
    );
    const prioritet = koder(f('prioritet'), PRIORITETSGRUNDER, lasPrioritet, 'prioritet', rad, fel);
    const ombudNamn = f('ombud');
    const ombudId = ombudNamn ? (this.ombud.get(ombudNamn.toLowerCase()) ?? null) : null;
    if (ombudNamn && !ombudId) {
      fel.push({ rad, kolumn: 'ombud', meddelande: `${ombudNamn} är inte ombud eller chef i verksamheten.` });
    }

    // The same alias is the same client: its statistical fields must agree with its first row.
    const nyckel = alias.toLowerCase();
    const tidigare = this.klienter.get(nyckel);
    if (alias && !tidigare && this.finnsAlias.has(nyckel)) {
      fel.push({
        rad,
        kolumn: 'alias',
        meddelande: `Det finns redan en klient med aliaset ”${alias}” i verksamheten.`,
      });
    }
    const stat: KlientStat = {
      kon: kon as Kon,
      fodelsear: fodelsear ?? 0,
      kommunKod,
      stadsdelsomradeKod: sdo,
      barnUnder18: barn as BarnUnder18,
    };
    if (tidigare && fel.length === 0) {
      for (const k of Object.keys(STAT_KOLUMN) as Array<keyof KlientStat>) {
        if (tidigare.stat[k] !== stat[k]) {
          fel.push({
            rad,
            kolumn: STAT_KOLUMN[k],
            meddelande: `Skiljer sig från rad ${tidigare.rad} för samma alias (${String(tidigare.stat[k])}).`,
          });
          break;
        }
      }
      if (status !== 'avslutad' && tidigare.pagaendeRad !== null) {
        fel.push({
          rad,
          kolumn: 'avslut_datum',
          meddelande: `Klienten har redan ett pågående ärende (rad ${tidigare.pagaendeRad}); bara ett ärende åt gången kan pågå.`,
        });
      }
    }
    if (fel.length) return this.underkann(fel);

    let klient = tidigare;
    if (!klient) {
      klient = { id: randomUUID(), rad, stat, pagaendeRad: null };
      this.klienter.set(nyckel, klient);
      const k = this.nyaKlienter;
      k.id.push(klient.id);
      k.kon.push(stat.kon);
      k.fodelsear.push(stat.fodelsear);
      k.kommunKod.push(stat.kommunKod);
      k.stadsdelsomradeKod.push(stat.stadsdelsomradeKod);
      k.barnUnder18.push(stat.barnUnder18);
      k.alias.push(alias);
    }
    if (status !== 'avslutad') klient.pagaendeRad = rad;
    const a = this.arenden;
    a.klientId.push(klient.id);
    a.forfraganDatum.push(datum.forfraganDatum);
    a.status.push(status);
    a.startDatum.push(datum.startDatum);
    a.avslutDatum.push(datum.avslutDatum);
    a.ombudUserId.push(ombudId);
    a.prioritet.push(prioritet.join(','));
    a.kontaktorsaker.push(kontaktorsaker.join(','));
    a.gallrasEfter.push(
      datum.avslutDatum ? plusDagar(datum.avslutDatum, this.ctx.config.gallringDagar) : null,
    );
    if (a.klientId.length >= this.o.batch) await this.skriv();
  }

  private underkann(fel: ImportFel[]) {
    this.fel.push(...fel);
    for (const f of fel) this.felRader.add(f.rad);
  }

  /** Writes the batch, unless an error has already doomed an all-or-nothing import. */
  async skriv() {
    if (!this.o.skipInvalid && this.fel.length) {
      this.nyaKlienter = tomKlientBatch();
      this.arenden = tomArendeBatch();
      return;
    }
    await repo.importKlienter(this.t.tx, this.t.v.id, this.nyaKlienter);
    await repo.importArenden(this.t.tx, this.t.v.id, this.arenden);
    this.skrivnaKlienter += this.nyaKlienter.id.length;
    this.skrivnaArenden += this.arenden.klientId.length;
    this.nyaKlienter = tomKlientBatch();
    this.arenden = tomArendeBatch();
  }
}

function tomKlientBatch(): repo.ImportKlienter {
  return {
    id: [],
    kon: [],
    fodelsear: [],
    kommunKod: [],
    stadsdelsomradeKod: [],
    barnUnder18: [],
    alias: [],
  };
}
function tomArendeBatch(): repo.ImportArenden {
  return {
    klientId: [],
    forfraganDatum: [],
    status: [],
    startDatum: [],
    avslutDatum: [],
    ombudUserId: [],
    prioritet: [],
    kontaktorsaker: [],
    gallrasEfter: [],
  };
}

async function lasIn(
  ctx: ServiceContext,
  t: Audited & { v: Verksamhet },
  kalla: ImportKalla,
  opts: ImportOptions,
): Promise<ImportResultat> {
  const o = {
    skipInvalid: opts.skipInvalid ?? false,
    batch: opts.batch ?? 5000,
    idag: opts.idag ?? idagISverige(),
  };
  const ombud = new Map((await ombudIVerksamhet(t.tx, t.v.id)).map((u) => [u.username.toLowerCase(), u.id]));
  const inl = new Inlasning(
    t,
    ctx,
    o,
    await repo.allaAlias(t.tx, t.v.id),
    ombud,
    await orgRepo.listStadsdelsomraden(t.tx),
  );
  const resultat = (skrivet: boolean): ImportResultat => ({
    skrivet,
    rader: inl.rader,
    klienter: skrivet ? inl.skrivnaKlienter : 0,
    arenden: skrivet ? inl.skrivnaArenden : 0,
    hoppadeOver: inl.felaktigaRader,
    fel: inl.fel,
  });

  const poster: AsyncIterable<Post> =
    opts.format === 'xlsx' ? xlsxPoster(kalla, opts.blad) : csvPoster(kalla);
  let rubrik = true;
  try {
    for await (const { record, rad } of poster) {
      if (rubrik) {
        rubrik = false;
        if (!inl.rubrik(record)) throw new Avbruten(resultat(false));
        continue;
      }
      await inl.rad(record, rad);
      if (inl.rader % 1000 === 0) opts.onProgress?.(inl.rader);
    }
  } catch (err) {
    if (err instanceof Avbruten) throw err;
    if (err instanceof OlasbarFil) {
      inl.fel.push({ rad: 1, kolumn: null, meddelande: err.message });
      throw new Avbruten(resultat(false));
    }
    if (!(err instanceof CsvError)) throw err;
    // A file that cannot be read as CSV from some point on: nothing is written, whatever the mode.
    const rad = (err as CsvError & { lines?: number }).lines ?? inl.rader + 1;
    inl.fel.push({ rad, kolumn: null, meddelande: `Filen kan inte läsas som CSV här: ${err.message}` });
    throw new Avbruten(resultat(false));
  }
  if (rubrik) {
    inl.fel.push({ rad: 1, kolumn: null, meddelande: 'Filen är tom; den ska börja med en rubrikrad.' });
    throw new Avbruten(resultat(false));
  }
  await inl.skriv();
  opts.onProgress?.(inl.rader);
  if (!o.skipInvalid && inl.fel.length) throw new Avbruten(resultat(false));
  const r = resultat(true);
  await t.audit({
    action: 'klient.imported',
    organisationId: t.v.id,
    resourceType: 'klient',
    detail: { rader: r.rader, klienter: r.klienter, arenden: r.arenden, hoppadeOver: r.hoppadeOver },
  });
  return r;
}

async function utanAvbrott(ctx: ServiceContext, fn: () => Promise<ImportResultat>): Promise<ImportResultat> {
  try {
    const r = await fn();
    // After a bulk load the planner's statistics are stale until autovacuum (which PGlite lacks) catches
    // up, and plans chosen for "one row" turn list pages into seconds. Maintenance, not data access: it runs
    // after the commit as the connecting (owning) role; where that role may not, PostgreSQL only warns.
    if (r.arenden >= 1000) await ctx.db.execute(sql`analyze klient, klient_identitet, arende`);
    return r;
  } catch (err) {
    // Throwing out of the transaction rolled every batch back; the result lists why.
    if (err instanceof Avbruten) return err.resultat;
    throw err;
  }
}

/** The upload route: an ombud or chef imports into the own verksamhet. */
export function importKlienter(
  ctx: ServiceContext,
  verksamhetId: string,
  kalla: ImportKalla,
  opts: ImportOptions = {},
) {
  return utanAvbrott(ctx, () =>
    iVerksamhet(ctx, verksamhetId, 'klient:write', (t) => lasIn(ctx, t, kalla, opts)),
  );
}

/** `ombud import clients`: the operator imports into a verksamhet given by its code (a system operation). */
export async function importKlienterSomSystem(
  ctx: ServiceContext,
  verksamhetKod: string,
  kalla: ImportKalla,
  opts: ImportOptions = {},
) {
  const org = await orgRepo.findOrganisationByKod(ctx.db, 'verksamhet', verksamhetKod);
  if (!org) throw new NotFound(`Verksamheten ${verksamhetKod} finns inte.`);
  return utanAvbrott(ctx, () => somSystem(ctx, org.id, (t) => lasIn(ctx, t, kalla, opts)));
}

/** The template for the import page: the header, one row that imports as it is, and (xlsx) the codes. */
export async function importMall(
  ctx: ServiceContext,
  verksamhetId: string,
  format: 'csv' | 'xlsx',
): Promise<{ innehall: Buffer; mime: string; filnamn: string; ascii: string }> {
  const omraden = await iVerksamhet(ctx, verksamhetId, 'klient:write', async (t) =>
    t.v.omraden.map(
      (o): MallOmrade =>
        o.stadsdelsomradeKod
          ? { kod: o.stadsdelsomradeKod, namn: o.stadsdelsomradeNamn ?? o.stadsdelsomradeKod }
          : { kod: o.kommunKod, namn: o.kommunNamn },
    ),
  );
  const exempel = mallExempel(omraden, idagISverige());
  const filnamn = `importmall-klienter.${format}`;
  return format === 'csv'
    ? { innehall: mallCsv(exempel), mime: 'text/csv; charset=utf-8', filnamn, ascii: filnamn }
    : { innehall: await mallXlsx(exempel, mallKoder(omraden)), mime: XLSX_MIME, filnamn, ascii: filnamn };
}
