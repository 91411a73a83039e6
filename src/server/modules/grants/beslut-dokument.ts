/**
 * The Länsstyrelse's grant decisions as documents: the län's decisions as a workbook (one row per
 * verksamhet that applied or has a decision, numbers as numbers) and one verksamhet's decision as a letter
 * (Word and pdf from one small model, so both say the same thing). The service imports this module on the
 * first download, so docx, ExcelJS and pdfmake stay out of the server's start.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { BeslutItem, LanStatsbidrag } from '../../../contracts/grants.ts';
import { formatKr, formatTal } from '../../../domain/tal.ts';
import { loadExcelJs } from '../../platform/documents/libraries.ts';
import { renderPdf } from '../../platform/documents/pdf.ts';

/** The grant's legal basis (domain brief, seed 003: SFS 2013:522). */
export const FORORDNING =
  'förordningen (2013:522) om statsbidrag till kommuner som bedriver verksamhet med personligt ombud för vissa personer med psykiska funktionsnedsättningar';

const stockholmDatum = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** A stored timestamp ("2026-01-10 09:12:00.1+00" or ISO) as its date in Stockholm: 2026-01-10. */
export function beslutsdatum(ts: string): string {
  const iso = ts.includes('T') ? ts : ts.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return stockholmDatum.format(new Date(iso));
}

const fte = (n: number) => formatTal(n, 2);

// ---------------------------------------------------------------- the län's workbook

const KR = '#,##0';
const FTE = '#,##0.00';

/**
 * Every verksamhet of the län that applied for the year or has a decision: applied, granted, amount,
 * date, decided by. Kronor and FTE are numbers with number formats (Excel shows them with the reader's
 * separators: 392 251 and 1,50 in a Swedish Excel); the date is a date.
 */
export async function beslutXlsx(v: LanStatsbidrag): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ombud';
  const ws = wb.addWorksheet(`Beslut ${v.ar}`);
  ws.addRow([`Beslut om statsbidrag till personligt ombud ${v.ar} – ${v.lansstyrelseNamn}`]).font = {
    bold: true,
    size: 12,
  };
  const belopp = ws.addRow([
    'Belopp per årsarbetare (kr)',
    v.faststalld ? v.beloppPerArsarbetareKr : 'Inte fastställt',
  ]);
  belopp.getCell(2).numFmt = KR;
  const ram = ws.addRow(['Länets ram (kr)', v.ramKr ?? 'Inte fastställd']);
  ram.getCell(2).numFmt = KR;
  ws.addRow([]);
  ws.addRow([
    'Verksamhet',
    'Ansökta årsarbetare',
    'Beviljade årsarbetare',
    'Belopp (kr)',
    'Beslutsdatum',
    'Beslutat av',
    'Kommentar',
  ]).font = { bold: true };

  const beslut = new Map(v.beslut.map((b) => [b.verksamhetId, b]));
  const ansokan = new Map(v.ansokningar.map((a) => [a.verksamhetId, a]));
  const ids = [...new Set([...ansokan.keys(), ...beslut.keys()])];
  const namn = (id: string) => beslut.get(id)?.verksamhetNamn ?? ansokan.get(id)?.verksamhetNamn ?? '';
  ids.sort((a, b) => namn(a).localeCompare(namn(b), 'sv'));
  for (const id of ids) {
    const b = beslut.get(id);
    const a = ansokan.get(id);
    const datum = b ? beslutsdatum(b.beslutatAt) : null;
    const r = ws.addRow([
      namn(id),
      a?.arsarbetare ?? null,
      b?.arsarbetare ?? null,
      b?.beloppKr ?? null,
      datum ? new Date(`${datum}T00:00:00Z`) : null,
      b?.beslutatAvNamn ?? null,
      b?.kommentar ?? null,
    ]);
    r.getCell(2).numFmt = FTE;
    r.getCell(3).numFmt = FTE;
    r.getCell(4).numFmt = KR;
    r.getCell(5).numFmt = 'yyyy-mm-dd';
  }
  const summa = ws.addRow([
    'Summa',
    v.ansokningar.reduce((s, a) => s + Math.round(a.arsarbetare * 100), 0) / 100,
    v.beslut.reduce((s, b) => s + Math.round(b.arsarbetare * 100), 0) / 100,
    v.summaBeslutKr,
  ]);
  summa.font = { bold: true };
  summa.getCell(2).numFmt = FTE;
  summa.getCell(3).numFmt = FTE;
  summa.getCell(4).numFmt = KR;
  ws.addRow([]);
  ws.addRow([`Grund: ${FORORDNING}.`]).font = { italic: true };
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 40 : i === 6 ? 40 : 18;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- one verksamhet's letter

export interface BeslutUnderlag {
  ar: number;
  lanNamn: string;
  lansstyrelseNamn: string;
  verksamhetNamn: string;
  kommuner: string[];
  /** FTE in the verksamhet's application (submitted or approved); null when there is none. */
  ansoktArsarbetare: number | null;
  beslut: BeslutItem;
}

type Stycke =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; rows: Array<[string, string]> };

interface Brev {
  avsandare: string;
  datum: string;
  titel: string;
  stycken: Stycke[];
}

/** What the letter says, in Swedish (a decision is an official document in Swedish). */
export function brevModell(u: BeslutUnderlag): Brev {
  const b = u.beslut;
  const datum = beslutsdatum(b.beslutatAt);
  const stycken: Stycke[] = [
    {
      kind: 'facts',
      rows: [
        ['Mottagare', u.verksamhetNamn],
        ...(u.kommuner.length ? [['Kommuner', u.kommuner.join(', ')] as [string, string]] : []),
        ['Län', u.lanNamn],
        ['Bidragsår', String(u.ar)],
      ],
    },
    { kind: 'heading', text: 'Beslut' },
    {
      kind: 'paragraph',
      text: `${u.lansstyrelseNamn} beviljar ${u.verksamhetNamn} statsbidrag för verksamhet med personligt ombud för ${u.ar} med ${formatKr(b.beloppKr)}, motsvarande ${fte(b.arsarbetare)} årsarbetare.`,
    },
    {
      kind: 'facts',
      rows: [
        [
          'Ansökta årsarbetare',
          u.ansoktArsarbetare === null ? 'Ingen inskickad ansökan' : fte(u.ansoktArsarbetare),
        ],
        ['Beviljade årsarbetare', fte(b.arsarbetare)],
        ['Belopp per årsarbetare', formatKr(b.beloppPerArsarbetareKr)],
        ['Beviljat belopp', formatKr(b.beloppKr)],
      ],
    },
    { kind: 'heading', text: 'Grund för beslutet' },
    {
      kind: 'paragraph',
      text: `Beslutet är fattat enligt ${FORORDNING}. Socialstyrelsen har fastställt beloppet per årsarbetare för ${u.ar} till ${formatKr(b.beloppPerArsarbetareKr)} utifrån de årsarbetare som kommunerna har ansökt om. Det beviljade beloppet är de beviljade årsarbetarna gånger beloppet per årsarbetare, avrundat till hela kronor.`,
    },
    ...(b.kommentar
      ? ([
          { kind: 'heading', text: 'Kommentar' },
          { kind: 'paragraph', text: b.kommentar },
        ] as Stycke[])
      : []),
    { kind: 'heading', text: 'Redovisning' },
    {
      kind: 'paragraph',
      text: `Enligt förordningen ska kommunen senast den 15 januari ${u.ar + 1} redovisa till länsstyrelsen hur bidraget har använts.`,
    },
    {
      kind: 'paragraph',
      text: `Beslutet är fattat ${datum} av ${b.beslutatAvNamn}, ${u.lansstyrelseNamn}.`,
    },
  ];
  return {
    avsandare: u.lansstyrelseNamn,
    datum,
    titel: `Beslut om statsbidrag till personligt ombud ${u.ar}`,
    stycken,
  };
}

export async function beslutBrev(u: BeslutUnderlag, format: 'docx' | 'pdf'): Promise<Buffer> {
  const m = brevModell(u);
  return format === 'pdf' ? brevPdf(m) : brevDocx(m);
}

async function brevPdf(m: Brev): Promise<Buffer> {
  const stycke = (s: Stycke): Content => {
    switch (s.kind) {
      case 'heading':
        return { text: s.text, style: 'heading' };
      case 'paragraph':
        return { text: s.text, margin: [0, 0, 0, 6] };
      case 'facts':
        return {
          table: {
            widths: ['40%', '60%'],
            body: s.rows.map(([k, v]) => [{ text: k, bold: true }, v]),
          },
          layout: 'lightHorizontalLines',
          margin: [0, 4, 0, 10],
        };
    }
  };
  const def: TDocumentDefinitions = {
    info: { title: m.titel, author: m.avsandare, creator: 'Ombud' },
    pageSize: 'A4',
    pageMargins: [60, 60, 60, 60],
    defaultStyle: { font: 'Roboto', fontSize: 10.5 },
    styles: {
      sender: { fontSize: 12, bold: true },
      title: { fontSize: 16, bold: true, margin: [0, 18, 0, 10] },
      heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
    },
    content: [
      {
        columns: [
          { text: m.avsandare, style: 'sender' },
          { text: [{ text: 'BESLUT\n', bold: true }, `Datum: ${m.datum}`], alignment: 'right' },
        ],
      },
      { text: m.titel, style: 'title' },
      ...m.stycken.map(stycke),
    ],
    footer: (page: number, pages: number) => ({
      text: `Sida ${page} av ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
  };
  return renderPdf(def);
}

async function brevDocx(m: Brev): Promise<Buffer> {
  const inget = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const tunn = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };
  const cell = (text: string, bold: boolean, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      borders: { top: inget, left: inget, right: inget, bottom: tunn },
      children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
    });
  const stycke = (s: Stycke): Array<Paragraph | Table> => {
    switch (s.kind) {
      case 'heading':
        return [new Paragraph({ text: s.text, heading: HeadingLevel.HEADING_2 })];
      case 'paragraph':
        return [new Paragraph({ children: [new TextRun(s.text)], spacing: { after: 120 } })];
      case 'facts':
        return [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: s.rows.map(([k, v]) => new TableRow({ children: [cell(k, true, 40), cell(v, false, 60)] })),
          }),
          new Paragraph({ text: '' }),
        ];
    }
  };
  const doc = new Document({
    creator: 'Ombud',
    title: m.titel,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ children: [new TextRun({ text: m.avsandare, bold: true, size: 24 })] }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [
              new TextRun({ text: 'BESLUT', bold: true }),
              new TextRun({ text: `Datum: ${m.datum}`, break: 1 }),
            ],
          }),
          new Paragraph({ text: m.titel, heading: HeadingLevel.HEADING_1, spacing: { before: 240 } }),
          ...m.stycken.flatMap(stycke),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
