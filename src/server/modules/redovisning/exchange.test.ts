// The exchange format and the documents: import into an empty database (registering the verksamhet) and
// export again gives the same document, which validates against the zod contract and, structurally,
// against the published docs/redovisning-v1.schema.json; import errors name document, path and rule and
// store nothing; pdf, docx and xlsx are real files with the figures in them, with the right headers, and
// every export is audited.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRedovisningFile, reportRedovisning } from '../../../cli/redovisning.ts';
import { type RedovisningV1, redovisningV1 } from '../../../contracts/redovisning-v1.ts';
import type { Principal } from '../../../domain/access.ts';
import { query } from '../../db/client.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { type Client, loginAs, makeApp, testConfig } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, orgId } from '../../testing/factories.ts';
import * as orgRepo from '../orgs/repo.ts';

const g = (kvinna: number, man: number, annan = 0) => ({ kvinna, man, annan, totalt: kvinna + man + annan });

function dokument(kod: string, year = 2025): RedovisningV1 {
  return {
    format: 'ombud.redovisning/v1',
    year,
    verksamhet: {
      kod,
      namn: `PO ${kod}`,
      lanKod: '03',
      kommunKoder: ['0380', '0381'],
      utforare: 'kommunforbund',
    },
    klienter: {
      totalt: g(110, 78, 1),
      nya: g(50, 36),
      avslutade: g(52, 39),
      medBarn: g(15, 9),
      alder: { '18-29': g(20, 18), '30-49': g(50, 30, 1), '50-64': g(30, 20), '65+': g(10, 10) },
    },
    kontaktorsaker: {
      ekonomi: g(60, 40),
      bostad: g(30, 20),
      sysselsattning: g(10, 12),
      struktur_i_vardagen: g(20, 10),
      bryta_isolering: g(15, 15),
      relationsfragor: g(5, 3),
      existentiella_fragor: g(4, 2),
      myndighetskontakter: g(90, 60, 1),
      sjukvardskontakter: g(40, 30),
      annan: g(3, 2),
    },
    ko: { harKo: true, vantetidMedianDagar: 35, vantetidMaxDagar: 120, antalIKo3112: 7 },
    personal: { ombud: 5, arsarbetare: 4.5, kvinnor: 4, man: 1 },
    ledningsgrupp: {
      roller: {
        kommun: true,
        primarvard: false,
        psykiatri: true,
        arbetsformedlingen: true,
        forsakringskassan: true,
        brukarorganisation: true,
      },
      moten: 2,
    },
    brister: [
      {
        niva: 'central',
        aktorer: ['forsakringskassan'],
        amne: 'fk-handlaggningstider',
        titel: 'Långa handläggningstider för sjukersättning',
        beskrivning: 'Beslut dröjer över ett år.',
        atgarder: ['Lyft i ledningsgruppen i maj.'],
      },
    ],
    ansokan: {
      ar: year + 1,
      arsarbetare: 4.5,
      perKommun: [
        { kommunKod: '0380', arsarbetare: 3.5 },
        { kommunKod: '0381', arsarbetare: 1 },
      ],
      kontaktperson: 'Enhetschef för socialpsykiatri',
      beslutsdatum: '2026-02-19',
    },
    text: {
      forandringarMalgrupp: 'Fler unga vuxna och fler med autism.',
      forbattringsarbete: 'Gemensamt arbete med ekonomiskt bistånd om blanketterna.',
      jamstalldhetsanalys: 'Kvinnor är fler bland klienterna; stödet ges på lika villkor.',
      atgarderBrister: 'Bristerna har tagits upp i ledningsgruppen två gånger.',
    },
  };
}

// ---- a structural check against the published JSON Schema (the keywords it uses), no new dependency
type Schema = Record<string, unknown>;
function schemaFel(s: Schema, v: unknown, path = ''): string[] {
  const fel: string[] = [];
  const at = path || '(rot)';
  if (Array.isArray(s.anyOf)) {
    return (s.anyOf as Schema[]).some((x) => schemaFel(x, v, path).length === 0) ? [] : [`${at}: anyOf`];
  }
  const typ = s.type as string | undefined;
  const typOk: Record<string, (x: unknown) => boolean> = {
    object: (x) => x !== null && typeof x === 'object' && !Array.isArray(x),
    array: Array.isArray,
    string: (x) => typeof x === 'string',
    integer: (x) => Number.isInteger(x),
    number: (x) => typeof x === 'number',
    boolean: (x) => typeof x === 'boolean',
    null: (x) => x === null,
  };
  if (typ && !typOk[typ]!(v)) return [`${at}: inte ${typ}`];
  if ('const' in s && v !== s.const) fel.push(`${at}: inte ${String(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(v)) fel.push(`${at}: inte i enum`);
  if (typeof v === 'number') {
    if (typeof s.minimum === 'number' && v < s.minimum) fel.push(`${at}: < minimum`);
    if (typeof s.maximum === 'number' && v > s.maximum) fel.push(`${at}: > maximum`);
    if (typeof s.multipleOf === 'number' && Math.abs(Math.round(v / s.multipleOf) * s.multipleOf - v) > 1e-9)
      fel.push(`${at}: multipleOf`);
  }
  if (typeof v === 'string') {
    if (typeof s.minLength === 'number' && v.length < s.minLength) fel.push(`${at}: minLength`);
    if (typeof s.maxLength === 'number' && v.length > s.maxLength) fel.push(`${at}: maxLength`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern).test(v)) fel.push(`${at}: pattern`);
  }
  if (Array.isArray(v)) {
    if (typeof s.minItems === 'number' && v.length < s.minItems) fel.push(`${at}: minItems`);
    if (s.items) {
      v.forEach((x, i) => {
        fel.push(...schemaFel(s.items as Schema, x, `${path}.${i}`));
      });
    }
  }
  if (typ === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of (s.required as string[] | undefined) ?? [])
      if (!(k in o)) fel.push(`${path}.${k}: saknas`);
    for (const [k, sub] of Object.entries((s.properties as Record<string, Schema>) ?? {})) {
      if (k in o) fel.push(...schemaFel(sub, o[k], path ? `${path}.${k}` : k));
    }
  }
  return fel;
}
const jsonSchema = JSON.parse(readFileSync('docs/redovisning-v1.schema.json', 'utf8')) as Schema;

let database: TestDatabase;
let app: FastifyInstance;
let ctx: ServiceContext;
let dir: string;
let chef: Client;
let ls: Client;
let vid = '';
const DOK = dokument('po-uppsala-test');

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const ss = await orgId(database.db, 'socialstyrelsen', 'socialstyrelsen');
  const principal: Principal = {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'cli:test',
    medlemskap: [{ organisationId: ss, organisationTyp: 'socialstyrelsen', lanKod: null, roll: 'admin' }],
  };
  ctx = { db: database.db, config: testConfig(), principal, ip: 'cli' };
  dir = mkdtempSync(join(tmpdir(), 'redovisning-'));
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the structural checker itself', () => {
  it('accepts a good document and catches a missing key, a wrong type and a bad pattern', () => {
    expect(schemaFel(jsonSchema, DOK)).toEqual([]);
    const { ansokan: _a, ...utan } = DOK;
    expect(schemaFel(jsonSchema, utan)).toContain('.ansokan: saknas');
    expect(schemaFel(jsonSchema, { ...DOK, year: '2025' })).toContain('year: inte integer');
    expect(schemaFel(jsonSchema, { ...DOK, verksamhet: { ...DOK.verksamhet, lanKod: '3' } })).toContain(
      'verksamhet.lanKod: pattern',
    );
  });
});

describe('import and export', () => {
  it('errors name the document, the path and the rule, and nothing is stored', async () => {
    const bad = dokument('po-trasig');
    bad.klienter.nya = g(120, 36);
    const fil = join(dir, 'fel.json');
    writeFileSync(fil, JSON.stringify([dokument('po-bra'), bad, { ...dokument('po-x'), year: 'i fjol' }]));
    const err = await importRedovisningFile(ctx, fil).catch((e) => e);
    expect(err.status).toBe(400);
    expect(err.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: '[1].klienter.nya.kvinna', rule: 'nya_max' }),
        expect.objectContaining({ field: '[2].year', rule: 'schema' }),
      ]),
    );
    expect(await orgRepo.findOrganisationByKod(database.db, 'verksamhet', 'po-bra')).toBeNull();
  });

  it('an unknown kommun in a later document rolls back the registration of earlier ones', async () => {
    const ok = dokument('po-forst');
    const badKommun = dokument('po-sedan');
    badKommun.verksamhet.kommunKoder = ['0380', '9999'];
    badKommun.ansokan.perKommun = [
      { kommunKod: '0380', arsarbetare: 3.5 },
      { kommunKod: '9999', arsarbetare: 1 },
    ];
    const fil = join(dir, 'kommun.json');
    writeFileSync(fil, JSON.stringify([ok, badKommun]));
    const err = await importRedovisningFile(ctx, fil).catch((e) => e);
    expect(err.status).toBe(400);
    expect(err.errors).toContainEqual(expect.objectContaining({ field: '[1].verksamhet.kommunKoder' }));
    expect(await orgRepo.findOrganisationByKod(database.db, 'verksamhet', 'po-forst')).toBeNull();
  });

  it('import into an empty database registers the verksamhet and stores a submitted version; export gives the same document', async () => {
    expect(await orgRepo.findOrganisationByKod(database.db, 'verksamhet', DOK.verksamhet.kod)).toBeNull();
    const fil = join(dir, 'en.json');
    writeFileSync(fil, JSON.stringify(DOK));
    const rader = await importRedovisningFile(ctx, fil);
    expect(rader).toEqual(['po-uppsala-test 2025: inskickad som version 1 (verksamheten registrerades).']);
    const org = await orgRepo.findOrganisationByKod(database.db, 'verksamhet', DOK.verksamhet.kod);
    expect(org).not.toBeNull();
    vid = org!.id;
    const [row] = await query<{ status: string; kalla: string }>(
      database.db,
      sql`select status, kalla from redovisning where verksamhet_id = ${vid} and ar = 2025`,
    );
    expect(row).toEqual({ status: 'inskickad', kalla: 'import' });

    const out = await reportRedovisning(ctx, { verksamhet: DOK.verksamhet.kod, year: 2025, format: 'json' });
    const exported = JSON.parse(String(out.body));
    expect(exported).toEqual(DOK);
    expect(redovisningV1.safeParse(exported).success).toBe(true);
    expect(schemaFel(jsonSchema, exported)).toEqual([]);
    expect(out.filnamn).toBe('redovisning-po-uppsala-test-2025.json');

    // Importing the same year again is refused (it is already submitted), naming the document.
    const again = await importRedovisningFile(ctx, fil).catch((e) => e);
    expect(again.status).toBe(409);
  });

  it('an export of a draft computed from (no) casework validates against the schema too', async () => {
    const out = await reportRedovisning(ctx, { verksamhet: DOK.verksamhet.kod, year: 2024, format: 'json' });
    const d = JSON.parse(String(out.body));
    expect(redovisningV1.safeParse(d).success).toBe(true);
    expect(schemaFel(jsonSchema, d)).toEqual([]);
    expect(d.klienter.totalt.totalt).toBe(0);
  });
});

describe('documents over HTTP', () => {
  beforeAll(async () => {
    chef = await loginAs(
      app,
      (await makeUser(database.db, [{ organisationId: vid, roll: 'chef' }])).username,
    );
    const ls03 = await orgId(database.db, 'lansstyrelse', '03');
    ls = await loginAs(
      app,
      (await makeUser(database.db, [{ organisationId: ls03, roll: 'lansstyrelse' }])).username,
    );
  });
  const url = (f: string) => `/api/v1/verksamheter/${vid}/redovisningar/2025/dokument/${f}`;

  it('pdf: %PDF, a filename, and page 1 renders to a non-trivial PNG', async () => {
    const res = await chef.get(url('pdf'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="redovisning-po-uppsala-test-2025.pdf"',
    );
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    if (existsSync('/usr/bin/pdftoppm')) {
      const pdf = join(dir, 'r.pdf');
      writeFileSync(pdf, res.rawPayload);
      execFileSync('/usr/bin/pdftoppm', ['-png', '-f', '1', '-l', '1', '-r', '60', pdf, join(dir, 'sida')]);
      const png = readFileSync(join(dir, 'sida-1.png'));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // A blank A4 page at 60 dpi compresses to about 1 kB; text, tables and a chart make it far larger.
      expect(png.length).toBeGreaterThan(15_000);
    }
  });

  it('docx: a tjänsteutlåtande with the headings and the figures, last year and this', async () => {
    const res = await chef.get(url('docx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toContain('tjansteutlatande-po-uppsala-test-2025.docx');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    // The text of each paragraph (every paragraph here is one run), so failures print short lines.
    const stycken = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
    const saknas = [
      'Förvaltningens förslag till beslut',
      'Sammanfattning',
      'Bakgrund',
      'Ärendet',
      'Orsak till kontakt',
      'Förbättringsarbete under 2025',
      'Jämställdhetsanalys',
    ].filter((h) => !stycken.includes(h));
    expect(saknas).toEqual([]);
    expect(stycken).toContain('Totalt 189 klienter hade kontakt med personligt ombud under 2025.');
    expect(stycken.filter((t) => t.includes('4,5 heltidstjänster'))).toHaveLength(1);
    expect(stycken.filter((t) => t.startsWith('Av klienterna var 58\u00a0% kvinnor'))).toHaveLength(1);
  });

  it('xlsx: every table, numbers as numbers', async () => {
    const res = await chef.get(url('xlsx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('redovisning-po-uppsala-test-2025.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Klienter',
      'Åldersgrupper',
      'Kontaktorsaker',
      'Kö',
      'Personal',
      'Ledningsgrupp',
      'Brister',
      'Ansökan',
    ]);
    const k = wb.getWorksheet('Klienter')!;
    expect((k.getRow(3).values as unknown[]).slice(1, 6)).toEqual(['Klienter under året', 110, 78, 1, 189]);
    const a = wb.getWorksheet('Ansökan')!;
    expect((a.getRow(3).values as unknown[]).slice(1, 3)).toEqual(['Sökta årsarbetare', 4.5]);
  });

  it('json over HTTP; the Länsstyrelse gets the submitted version; every export is audited', async () => {
    const res = await ls.get(url('json'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toEqual(DOK);
    const rows = await query<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'redovisning.exported' and organisation_id = ${vid}`,
    );
    expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(4);
  });
});
