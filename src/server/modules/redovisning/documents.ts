/**
 * The redovisning as documents: json (ombud.redovisning/v1), xlsx (every table, numbers as numbers), pdf
 * (tables and charts) and docx (a tjänsteutlåtande draft shaped like the Stockholm seeds 000/001).
 * Everything is built from one table model so the three formats show the same figures.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { EChartsCoreOption } from 'echarts';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { labelOf } from '../../../contracts/messages/labels.ts';
import type { DokumentFormat } from '../../../contracts/redovisning.ts';
import type { GV1, RedovisningV1 } from '../../../contracts/redovisning-v1.ts';
import {
  ALDERSGRUPP_ETIKETT,
  ALDERSGRUPPER,
  BRIST_NIVA_ETIKETT,
  KONTAKTORSAK_ETIKETT,
  KONTAKTORSAKER,
  LEDNINGSGRUPP_ROLL_ETIKETT,
} from '../../../domain/codes.ts';
import { idagISverige } from '../../../domain/datum.ts';
import { ARBETSSATT_AKTIVITETER, ARBETSSATT_FRAGOR } from '../../../domain/redovisning/arbetssatt.ts';
import { REDOVISNING_STATUS_ETIKETT } from '../../../domain/redovisning-status.ts';
import { andelIProcent, formatProcent, formatTal } from '../../../domain/tal.ts';
import { echartsLoaded, loadEcharts, loadExcelJs } from '../../platform/documents/libraries.ts';
import { renderPdf as pdfBuffer } from '../../platform/documents/pdf.ts';
import type { Underlag } from './service.ts';

type Cell = string | number | null;
export interface Tabell {
  /** Sheet name (≤ 31 characters). */
  namn: string;
  rubrik: string;
  kolumner: string[];
  rader: Cell[][];
}

const G_KOLUMNER = ['Kvinnor', 'Män', 'Annan könsidentitet', 'Totalt'];
const gRad = (g: GV1): number[] => [g.kvinna, g.man, g.annan, g.totalt];
const ROLLER = [
  'kommun',
  'primarvard',
  'psykiatri',
  'arbetsformedlingen',
  'forsakringskassan',
  'brukarorganisation',
] as const;
const jaNej = (b: boolean) => (b ? 'Ja' : 'Nej');

const svarText = (b: boolean | null | undefined) =>
  b === true ? 'Ja' : b === false ? 'Nej' : 'Inte besvarad';

/**
 * "Verksamhetens arbetssätt" (src/domain/redovisning/arbetssatt.ts): the questions and the activities,
 * last year beside; none for a document from before the section existed.
 */
function arbetssattTabeller(d: RedovisningV1, f: Partial<RedovisningV1> | undefined, fy: number): Tabell[] {
  const a = d.arbetssatt;
  if (!a) return [];
  const fa = f?.arbetssatt;
  return [
    {
      namn: 'Arbetssätt',
      rubrik: 'Verksamhetens arbetssätt',
      kolumner: ['', String(d.year), String(fy)],
      rader: ARBETSSATT_FRAGOR.map((k) => [
        labelOf(`arbetssatt.${k}`),
        svarText(a[k]),
        fa ? svarText(fa[k]) : null,
      ]),
    },
    {
      namn: 'Aktiviteter',
      rubrik: `Aktiviteter ${d.year}`,
      kolumner: ['Aktivitet', 'Tillfällen', 'Beskrivning', `Tillfällen ${fy}`],
      rader: ARBETSSATT_AKTIVITETER.map((k) => [
        labelOf(`arbetssatt.${k}`),
        a[k].antal,
        a[k].text.trim() || null,
        fa?.[k]?.antal ?? null,
      ]),
    },
  ];
}

/** The tables of the report, with last year's totals beside this year's where there is one. */
export function tabeller(u: Underlag): Tabell[] {
  const d = u.dokument;
  const f = u.forraAret?.dokument;
  const fy = u.forraAret?.ar ?? d.year - 1;
  const k = d.klienter;
  const fk = f?.klienter;
  const ut: Tabell[] = [
    {
      namn: 'Klienter',
      rubrik: `Klienter ${d.year}`,
      kolumner: ['', ...G_KOLUMNER, `Totalt ${fy}`],
      rader: [
        ['Klienter under året', ...gRad(k.totalt), fk?.totalt.totalt ?? null],
        ['Nya klienter', ...gRad(k.nya), fk?.nya.totalt ?? null],
        ['Avslutade ärenden', ...gRad(k.avslutade), fk?.avslutade.totalt ?? null],
        // The clients behind the closed ärenden; only in documents that carry the figure.
        ...(k.avslutadeKlienter
          ? [
              [
                'Klienter med avslutat ärende',
                ...gRad(k.avslutadeKlienter),
                fk?.avslutadeKlienter?.totalt ?? null,
              ],
            ]
          : []),
        ['Med hemmavarande barn under 18 år', ...gRad(k.medBarn), fk?.medBarn.totalt ?? null],
      ],
    },
    {
      namn: 'Åldersgrupper',
      rubrik: `Klienter efter ålder och kön ${d.year}`,
      kolumner: ['Ålder', ...G_KOLUMNER, `Totalt ${fy}`],
      rader: ALDERSGRUPPER.map((a) => [
        ALDERSGRUPP_ETIKETT[a].sv,
        ...gRad(k.alder[a]),
        fk?.alder[a]?.totalt ?? null,
      ]),
    },
    {
      namn: 'Kontaktorsaker',
      rubrik: `Orsak till kontakt ${d.year}`,
      kolumner: ['Kontaktorsak', ...G_KOLUMNER, 'Andel av klienterna (%)', `Totalt ${fy}`],
      rader: KONTAKTORSAKER.map((o) => {
        const g = d.kontaktorsaker[o];
        return [
          KONTAKTORSAK_ETIKETT[o].sv,
          ...gRad(g),
          andelIProcent(g.totalt, k.totalt.totalt, 0),
          f?.kontaktorsaker?.[o]?.totalt ?? null,
        ];
      }),
    },
    {
      namn: 'Kö',
      rubrik: 'Kö och väntetid',
      kolumner: ['', String(d.year), String(fy)],
      rader: [
        ['Kö eller väntetid under året', jaNej(d.ko.harKo), f?.ko ? jaNej(f.ko.harKo) : null],
        ['Väntetid, median (dagar)', d.ko.vantetidMedianDagar, f?.ko?.vantetidMedianDagar ?? null],
        ['Väntetid, längsta (dagar)', d.ko.vantetidMaxDagar, f?.ko?.vantetidMaxDagar ?? null],
        ['I kö den 31 december', d.ko.antalIKo3112, f?.ko?.antalIKo3112 ?? null],
      ],
    },
    {
      namn: 'Personal',
      rubrik: 'Personal',
      kolumner: ['', String(d.year), String(fy)],
      rader: [
        ['Personliga ombud', d.personal.ombud, f?.personal?.ombud ?? null],
        ['Årsarbetare', d.personal.arsarbetare, f?.personal?.arsarbetare ?? null],
        ['Kvinnor', d.personal.kvinnor, f?.personal?.kvinnor ?? null],
        ['Män', d.personal.man, f?.personal?.man ?? null],
      ],
    },
    {
      namn: 'Ledningsgrupp',
      rubrik: 'Ledningsgrupp',
      kolumner: ['', 'Ingår'],
      rader: [
        ...ROLLER.map((r) => [LEDNINGSGRUPP_ROLL_ETIKETT[r].sv, jaNej(d.ledningsgrupp.roller[r])]),
        ['Möten under året', d.ledningsgrupp.moten],
      ],
    },
    ...arbetssattTabeller(d, f, fy),
    {
      namn: 'Brister',
      rubrik: 'Systembrister och åtgärder',
      kolumner: ['Nivå', 'Ämne', 'Brist', 'Aktörer', 'Åtgärder'],
      rader: d.brister.map((b) => [
        BRIST_NIVA_ETIKETT[b.niva].sv,
        b.amne,
        b.titel,
        b.aktorer.join(', '),
        b.atgarder.join('; '),
      ]),
    },
    {
      namn: 'Ansökan',
      rubrik: `Ansökan om statsbidrag ${d.ansokan.ar}`,
      kolumner: ['', 'Årsarbetare'],
      rader: [
        ['Sökta årsarbetare', d.ansokan.arsarbetare],
        ...(d.ansokan.perKommun ?? []).map((p) => [`Kommun ${p.kommunKod}`, p.arsarbetare]),
      ],
    },
  ];
  return ut;
}

/** 4 → '4', 4.5 → '4,5', 3.75 → '3,75'. */
export function fteText(n: number): string {
  const h = Math.round(n * 100);
  return formatTal(n, h % 100 === 0 ? 0 : h % 10 === 0 ? 1 : 2);
}

const utanPunkt = (t: string) => t.trim().replace(/[.!?]+$/, '');

const visa = (c: Cell): string => {
  if (c === null) return '–';
  if (typeof c === 'number') return Number.isInteger(c) ? formatTal(c) : fteText(c);
  return c;
};

// ---------------------------------------------------------------- xlsx

export async function renderXlsx(u: Underlag): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ombud';
  for (const t of tabeller(u)) {
    const ws = wb.addWorksheet(t.namn.slice(0, 31));
    ws.addRow([`${t.rubrik} – ${u.verksamhetNamn}`]).font = { bold: true, size: 12 };
    const header = ws.addRow(t.kolumner);
    header.font = { bold: true };
    for (const r of t.rader) ws.addRow(r.map((c) => (c === null ? '' : c)));
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 38 : 16;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- charts (ECharts, server-side SVG)

function chartSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = echartsLoaded().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'Roboto, sans-serif' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function klientDiagram(d: RedovisningV1, f: Partial<RedovisningV1> | undefined): string {
  const kat = ['Kvinnor', 'Män', 'Annan'];
  const serie = (g: GV1 | undefined) => (g ? [g.kvinna, g.man, g.annan] : [0, 0, 0]);
  return chartSvg(
    {
      title: { text: 'Klienter efter kön', left: 'center', textStyle: { fontSize: 12 } },
      legend: { bottom: 0 },
      xAxis: { type: 'category', data: kat },
      yAxis: { type: 'value' },
      series: [
        ...(f?.klienter
          ? [
              {
                name: String(d.year - 1),
                type: 'bar',
                data: serie(f.klienter.totalt),
                itemStyle: { color: '#9aa7b8' },
              },
            ]
          : []),
        {
          name: String(d.year),
          type: 'bar',
          data: serie(d.klienter.totalt),
          itemStyle: { color: '#1f4e79' },
        },
      ],
    },
    480,
    260,
  );
}

export function orsakDiagram(d: RedovisningV1): string {
  const namn = KONTAKTORSAKER.map((o) => KONTAKTORSAK_ETIKETT[o].sv).reverse();
  const data = (kon: 'kvinna' | 'man') => KONTAKTORSAKER.map((o) => d.kontaktorsaker[o][kon]).reverse();
  return chartSvg(
    {
      title: { text: 'Orsak till kontakt efter kön', left: 'center', textStyle: { fontSize: 12 } },
      legend: { bottom: 0 },
      grid: { left: 190, right: 20, top: 30, bottom: 40 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: namn },
      series: [
        { name: 'Kvinnor', type: 'bar', data: data('kvinna'), itemStyle: { color: '#b5446e' } },
        { name: 'Män', type: 'bar', data: data('man'), itemStyle: { color: '#1f4e79' } },
      ],
    },
    500,
    340,
  );
}

// ---------------------------------------------------------------- pdf

function pdfTabell(t: Tabell): Content[] {
  return [
    { text: t.rubrik, style: 'heading' },
    {
      table: {
        headerRows: 1,
        widths: t.kolumner.map((_, i) => (i === 0 ? '*' : 'auto')),
        body: [
          t.kolumner.map((h) => ({ text: h, bold: true })),
          ...t.rader.map((r) =>
            r.map((c, i) => ({
              text: visa(c),
              alignment: i === 0 || typeof c === 'string' ? 'left' : 'right',
            })),
          ),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 9,
      margin: [0, 0, 0, 8],
    } as Content,
  ];
}

function titel(d: RedovisningV1) {
  return `Redovisning av verksamhet med personligt ombud för år ${d.year} och ansökan om statsbidrag för år ${d.ansokan.ar}`;
}

export async function renderPdf(u: Underlag): Promise<Buffer> {
  await loadEcharts(); // the diagrams
  const d = u.dokument;
  const text: Array<[string, string | undefined]> = [
    ['Förändringar i målgruppen', d.text.forandringarMalgrupp],
    ['Förbättringsarbete', d.text.forbattringsarbete],
    ['Åtgärder med anledning av brister', d.text.atgarderBrister],
    ['Jämställdhetsanalys', d.text.jamstalldhetsanalys],
  ];
  const status = `${REDOVISNING_STATUS_ETIKETT[u.status].sv}${u.version ? `, version ${u.version}` : ''}`;
  const def: TDocumentDefinitions = {
    info: { title: titel(d), creator: 'Ombud' },
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      title: { fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 10, color: '#444444', margin: [0, 0, 0, 12] },
      heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
    },
    content: [
      { text: titel(d), style: 'title' },
      {
        text: `${u.verksamhetNamn} · ${u.lanNamn} · ${status} · utskrivet ${idagISverige()}`,
        style: 'subtitle',
      },
      { svg: klientDiagram(d, u.forraAret?.dokument), width: 400, alignment: 'center' },
      ...tabeller(u).flatMap(pdfTabell),
      { svg: orsakDiagram(d), width: 420, alignment: 'center', margin: [0, 8, 0, 8] },
      ...text.flatMap(([h, t]): Content[] =>
        t?.trim()
          ? [
              { text: h, style: 'heading' },
              { text: t, margin: [0, 0, 0, 6] },
            ]
          : [],
      ),
    ],
    footer: (page: number, pages: number) => ({
      text: `Sida ${page} av ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
  };
  return pdfBuffer(def);
}

// ---------------------------------------------------------------- docx (tjänsteutlåtande)

const jamfor = (nu: number, fore: number | undefined, vad: string, ar: number) => {
  if (fore === undefined) return '';
  const riktning = nu > fore ? 'en ökning' : nu < fore ? 'en minskning' : 'oförändrat';
  return ` Jämfört med år ${ar} då antalet ${vad} var ${formatTal(fore)} är det ${riktning}.`;
};

function p(text: string, o: { bold?: boolean; italics?: boolean } = {}) {
  return new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, ...o })] });
}
const h1 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
const h2 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });

function docxTabell(t: Tabell) {
  const cell = (text: string, bold: boolean, right: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold, size: 18 })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.kolumner.map((h) => cell(h, true, false)) }),
      ...t.rader.map(
        (r) =>
          new TableRow({ children: r.map((c, i) => cell(visa(c), false, i > 0 && typeof c === 'number')) }),
      ),
    ],
  });
}

export async function renderDocx(u: Underlag): Promise<Buffer> {
  await loadEcharts(); // the diagrams
  const d = u.dokument;
  const f = u.forraAret?.dokument;
  const fy = d.year - 1;
  const k = d.klienter;
  const fte = fteText(d.ansokan.arsarbetare);
  const t = tabeller(u);
  const orsaker = KONTAKTORSAKER.map((o) => ({ o, n: d.kontaktorsaker[o].totalt }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, 3);
  const andel = (del: number, hel: number) => {
    const a = andelIProcent(del, hel, 0);
    return a === null ? '–' : formatProcent(a);
  };
  const doc = new Document({
    creator: 'Ombud',
    title: titel(d),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        children: [
          p('Tjänsteutlåtande – utkast', { italics: true }),
          p(`${u.verksamhetNamn}, ${idagISverige()}`),
          h1(titel(d)),
          h2('Förvaltningens förslag till beslut'),
          p(`1. Nämnden godkänner redovisning av verksamhet med personligt ombud för år ${d.year}.`),
          p(
            `2. Nämnden godkänner ansökan om statsbidrag för verksamhet med personligt ombud för år ${d.ansokan.ar}.`,
          ),
          h2('Sammanfattning'),
          p(
            'Personligt ombud är en stödinsats för vuxna med psykisk funktionsnedsättning. Det personliga ombudet arbetar på uppdrag av den enskilde med syfte att stötta den enskilde att leva ett mer självständigt liv, med möjlighet att ta del av samhällets utbud av vård, stöd och service. Stödinsatsen är kostnadsfri och föregås inte av ett biståndsbeslut.',
          ),
          p(
            `Länsstyrelsen kan bevilja statsbidrag för att delfinansiera verksamhet med personligt ombud. Ansökan om medel för verksamhetsåret ${d.ansokan.ar} avser ${fte} heltidstjänster inom ${u.verksamhetNamn}.`,
          ),
          h2('Bakgrund'),
          p(
            'Kommuner som bedriver verksamhet med personligt ombud kan ansöka om statsbidrag hos Länsstyrelsen för delfinansiering. De kommuner som får bidrag lämnar årligen en redovisning till Länsstyrelsen, senast den 15 januari.',
          ),
          h2('Ärendet'),
          p(`Redovisning av verksamheten för år ${d.year} samt ansökan om medel för år ${d.ansokan.ar}.`),
          p('Antal klienter och antal nya klienter', { bold: true }),
          p(
            `Totalt ${formatTal(k.totalt.totalt)} klienter hade kontakt med personligt ombud under ${d.year}.${jamfor(k.totalt.totalt, f?.klienter?.totalt.totalt, 'klienter', fy)}`,
          ),
          p(
            `Under året har ${formatTal(k.nya.totalt)} nya klienter fått stöd av personligt ombud.${jamfor(k.nya.totalt, f?.klienter?.nya.totalt, 'nya klienter', fy)} Under året har totalt ${formatTal(k.avslutade.totalt)} ärenden avslutats${k.avslutadeKlienter ? `, för ${formatTal(k.avslutadeKlienter.totalt)} klienter` : ''}.`,
          ),
          p(
            `Antal klienter som helt eller delvis har hemmavarande barn under 18 år uppgår till ${formatTal(k.medBarn.totalt)}.`,
          ),
          docxTabell(t[0]!),
          p(''),
          h2('Orsak till kontakt'),
          p(
            orsaker.length
              ? `De vanligaste orsakerna till kontakt var ${orsaker.map((x) => `${KONTAKTORSAK_ETIKETT[x.o].sv.toLowerCase()} (${formatTal(x.n)} klienter)`).join(', ')}.`
              : 'Inga kontaktorsaker har registrerats under året.',
          ),
          ...(d.text.forandringarMalgrupp.trim() ? [p(d.text.forandringarMalgrupp)] : []),
          docxTabell(t[2]!),
          p(''),
          h2(`Förbättringsarbete under ${d.year}`),
          p(d.text.forbattringsarbete.trim() || '–'),
          ...(d.text.atgarderBrister?.trim() ? [p(d.text.atgarderBrister)] : []),
          ...d.brister.map((b) =>
            p(
              `${b.titel} (${BRIST_NIVA_ETIKETT[b.niva].sv.toLowerCase()}): ${b.atgarder.map(utanPunkt).join('; ') || 'inga åtgärder ännu'}.`,
            ),
          ),
          ...(d.arbetssatt
            ? [
                h2('Verksamhetens arbetssätt'),
                docxTabell(t.find((x) => x.namn === 'Arbetssätt')!),
                p(''),
                docxTabell(t.find((x) => x.namn === 'Aktiviteter')!),
                p(''),
              ]
            : []),
          h2('Jämställdhetsanalys'),
          p(
            `Av klienterna var ${andel(k.totalt.kvinna, k.totalt.totalt)} kvinnor och ${andel(k.totalt.man, k.totalt.totalt)} män. Av de ${formatTal(d.personal.ombud)} personliga ombuden var ${formatTal(d.personal.kvinnor)} ${d.personal.kvinnor === 1 ? 'kvinna' : 'kvinnor'} och ${formatTal(d.personal.man)} ${d.personal.man === 1 ? 'man' : 'män'}.`,
          ),
          p(d.text.jamstalldhetsanalys.trim() || '–'),
          h2(`Ansökan om statsbidrag för år ${d.ansokan.ar}`),
          p(
            `Ansökan avser ${fte} årsarbetare${(d.ansokan.perKommun ?? []).length ? ` (${(d.ansokan.perKommun ?? []).map((k) => `${k.kommunKod}: ${fteText(k.arsarbetare)}`).join(', ')})` : ''}.${d.ansokan.kontaktperson ? ` Kontaktperson: ${d.ansokan.kontaktperson}.` : ''}${d.ansokan.beslutsdatum ? ` Beslutsdatum: ${d.ansokan.beslutsdatum}.` : ''}`,
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// ---------------------------------------------------------------- dispatch

const TYP: Record<DokumentFormat, string> = {
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function filnamn(d: RedovisningV1, format: DokumentFormat): string {
  const kod = d.verksamhet.kod.replace(/[^a-z0-9-]/gi, '_');
  return format === 'docx'
    ? `tjansteutlatande-${kod}-${d.year}.docx`
    : `redovisning-${kod}-${d.year}.${format}`;
}

export async function renderDokument(u: Underlag, format: DokumentFormat) {
  let body: Buffer | string;
  switch (format) {
    case 'json':
      body = `${JSON.stringify(u.dokument, null, 2)}\n`;
      break;
    case 'xlsx':
      body = await renderXlsx(u);
      break;
    case 'pdf':
      body = await renderPdf(u);
      break;
    case 'docx':
      body = await renderDocx(u);
      break;
  }
  return { body, contentType: TYP[format], filnamn: filnamn(u.dokument, format) };
}
