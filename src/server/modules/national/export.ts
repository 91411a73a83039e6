/**
 * The compilation as documents: every table as an .xlsx workbook; a lägesrapport draft as .pdf (pdfmake)
 * and .docx (docx), with tables and charts in the order of seed 003 (Tabell 1 budget, Tabell 2 kommuner,
 * staff, Tabell 3 age × gender, Tabell 4 children, Diagram 1 contact reasons, waiting times, other
 * providers, ledningsgrupper, brister). Each chart is followed by its figures as a table (its text
 * alternative). One list of sections feeds all three formats, so they cannot disagree.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { labelOf } from '../../../contracts/messages/labels.ts';
import {
  ALDERSGRUPP_ETIKETT,
  ALDERSGRUPPER,
  BRIST_NIVA_ETIKETT,
  KONTAKTORSAK_ETIKETT,
  KONTAKTORSAKER,
  LEDNINGSGRUPP_ROLL_ETIKETT,
  OBLIGATORISKA_ROLLER,
  UTFORARE_ETIKETT,
} from '../../../domain/codes.ts';
import { tabell3Publicerad } from '../../../domain/nationellt/rapport.ts';
import { ARBETSSATT_AKTIVITETER, ARBETSSATT_FRAGOR } from '../../../domain/redovisning/arbetssatt.ts';
import { UNDERTRYCKT, visaCell } from '../../../domain/smatal.ts';
import { formatProcent, formatTal } from '../../../domain/tal.ts';
import { loadEcharts } from '../../platform/documents/libraries.ts';
import { renderPdf } from '../../platform/documents/pdf.ts';
import { alderDiagram, kontaktorsakDiagram } from './diagram.ts';
import type { LanJson, NationellJson } from './service.ts';
import { arbetsbok } from './xlsx.ts';

type Varde = string | number | null;
export interface Avsnitt {
  rubrik: string;
  text?: string[];
  /** Short sheet name for the workbook; a section without a table has none. */
  blad?: string;
  tabell?: { rubrik: string; kolumner: string[]; rader: Varde[][]; kalla: string };
  diagram?: { svg: string; alt: string };
}

const pct = (p: number | null) => (p === null ? '–' : formatProcent(p, 1));
const KALLA_V = (ar: number) => `Källa: Verksamheternas redovisningar ${ar} (ombud.redovisning/v1).`;
/** Tabell 3's rows as seed 003 prints them, then annan könsidentitet on its own (rapport.ts). */
const TABELL3_RAD_NAMN = {
  man: 'Män',
  kvinna: 'Kvinnor',
  totalt: 'Totalt',
  annan: 'Annan könsidentitet (ingår inte i totalt)',
} as const;
/** A count that is not known (Tabell 2, last year without reports) or suppressed: '..', as in print. */
const kand = (n: number | null): Varde => n ?? UNDERTRYCKT;

export async function avsnitt(s: NationellJson | LanJson): Promise<Avsnitt[]> {
  await loadEcharts(); // the diagrams below are drawn with it
  const ar = s.ar;
  const ut: Avsnitt[] = [];
  const t1 = s.tabell1;
  ut.push({
    rubrik: 'Statsbidragets fördelning och utfall',
    ...(t1
      ? {
          blad: 'Tabell 1',
          tabell: {
            rubrik: `Tabell 1. Budget och utfall för verksamhet med personligt ombud ${ar}`,
            kolumner: ['Kostnader', 'Budget (kr)', 'Fördelade medel (kr)'],
            rader: [
              ['Socialstyrelsen', t1.socialstyrelsen.budgetKr, t1.socialstyrelsen.fordelatKr],
              ['Ombudstjänster, statsbidrag', t1.ombudstjanster.budgetKr, t1.ombudstjanster.fordelatKr],
              ['Summa', t1.summa.budgetKr, t1.summa.fordelatKr],
              [`Oanvända medel ${ar}`, '', t1.oanvantKr],
            ],
            kalla: `Källa: Socialstyrelsen ${ar + 1}`,
          },
        }
      : {
          text: [s.lanKod ? 'Statsbidraget redovisas nationellt.' : `Budgeten för ${ar} är inte fastställd.`],
        }),
  });
  const t2 = s.tabell2;
  const t2Saknas = [...t2.rader, t2.totalt].some((r) => r.forandring === null);
  ut.push({
    rubrik: `Det finns personligt ombud i ${t2.totalt.kommunerMedPo} kommuner`,
    text: [
      `Under ${ar} hade ${t2.totalt.kommunerMedPo} av ${t2.totalt.kommuner} kommuner verksamhet med personligt ombud, i ${t2.totalt.verksamheter} verksamheter.`,
      ...(t2Saknas
        ? [
            `”..” där länet saknar redovisningar för ${ar - 1}: antalet det året är inte känt, så inte heller förändringen.`,
          ]
        : []),
    ],
    blad: 'Tabell 2',
    tabell: {
      rubrik: 'Tabell 2. Antal kommuner och verksamheter i respektive län som erbjuder personligt ombud',
      kolumner: [
        'Län',
        'Antal kommuner i respektive län',
        `Antal kommuner som erbjöd PO ${ar - 1}`,
        `Antal kommuner som erbjöd PO ${ar}`,
        `Förändring jämfört med ${ar - 1}`,
        `Antal verksamheter ${ar}`,
      ],
      rader: [
        ...t2.rader.map((r) => [
          r.lanNamn,
          r.kommuner,
          kand(r.kommunerMedPoForegaendeAr),
          r.kommunerMedPo,
          kand(r.forandring),
          r.verksamheter,
        ]),
        [
          'Totalt',
          t2.totalt.kommuner,
          kand(t2.totalt.kommunerMedPoForegaendeAr),
          t2.totalt.kommunerMedPo,
          kand(t2.totalt.forandring),
          t2.totalt.verksamheter,
        ],
      ],
      kalla: `Källa: Kommunernas återrapporter ${ar}.`,
    },
  });
  const p = s.personal;
  ut.push({
    rubrik: 'Antalet ombud',
    text: [
      `År ${ar} fanns det totalt ${formatTal(p.ombud)} personliga ombud, vilket motsvarar ${formatTal(p.arsarbetare, 2)} årsarbetare. Andelen kvinnor är ${pct(p.andelKvinnor)}.`,
    ],
    blad: 'Personal',
    tabell: {
      rubrik: `Personliga ombud ${ar}`,
      kolumner: ['Ombud', 'Årsarbetare', 'Kvinnor', 'Män', 'Andel kvinnor (%)'],
      rader: [[p.ombud, p.arsarbetare, p.kvinnor, p.man, p.andelKvinnor]],
      kalla: KALLA_V(ar),
    },
  });
  const t3 = s.tabell3;
  const t3Rader = tabell3Publicerad(t3);
  const annan = t3Rader.find((r) => r.rad === 'annan')!.celler.totalt;
  ut.push({
    rubrik: 'Klienter',
    text: [
      `Personliga ombud arbetade under ${ar} med totalt ${formatTal(t3.totalt.totalt)} klienter, kvinnor och män.${
        t3.annan.totalt > 0
          ? ` Därtill ${visaCell(annan)} klienter med annan könsidentitet, som redovisas på egen rad i tabell 3 och inte ingår i totalt.`
          : ''
      }`,
    ],
    blad: 'Tabell 3',
    diagram: {
      svg: alderDiagram(
        ALDERSGRUPPER.map((a) => ({
          grupp: ALDERSGRUPP_ETIKETT[a].sv,
          kvinna: t3.kvinna[a],
          man: t3.man[a],
        })),
      ),
      alt: 'Diagram: klienter per åldersgrupp och kön. Siffrorna finns i tabell 3.',
    },
    tabell: {
      rubrik: `Tabell 3. Klienters ålder och kön ${ar}`,
      kolumner: ['Kön', ...ALDERSGRUPPER.map((a) => ALDERSGRUPP_ETIKETT[a].sv), 'Totalt'],
      rader: t3Rader.map(({ rad, celler }) => [
        TABELL3_RAD_NAMN[rad],
        ...ALDERSGRUPPER.map((a) => kand(celler[a])),
        kand(celler.totalt),
      ]),
      kalla: `Källa: Kommunernas återrapporter ${ar}`,
    },
  });
  ut.push({
    rubrik: 'Klienter som bor med barn',
    blad: 'Tabell 4',
    tabell: {
      rubrik: `Tabell 4. Klienter som helt eller delvis bor med barn, ${s.tabell4.map((r) => r.ar).join('–')}`,
      kolumner: ['År', 'Antal män', 'Antal kvinnor', 'Totalt', 'Andel av alla klienter (%)'],
      rader: s.tabell4.map((r) => [String(r.ar), r.man, r.kvinna, r.totalt, r.andel]),
      kalla: `Källa: Länsstyrelsernas återrapporter ${ar}.`,
    },
  });
  const k = s.kontaktorsaker;
  ut.push({
    rubrik: 'Orsaker till att klienter söker stöd hos personligt ombud',
    blad: 'Diagram 1',
    diagram: {
      svg: kontaktorsakDiagram(k),
      alt: 'Diagram 1: andel kvinnor, män och alla klienter per kontaktorsak (%). Siffrorna finns i tabellen nedan.',
    },
    tabell: {
      rubrik: 'Diagram 1. Orsaker till att klienter tar kontakt (% av klienterna)',
      kolumner: ['Kontaktorsak', 'Kvinnor (%)', 'Män (%)', 'Totalt (%)'],
      rader: KONTAKTORSAKER.map((c) => [KONTAKTORSAK_ETIKETT[c].sv, k[c].kvinna, k[c].man, k[c].totalt]),
      kalla: `Källa: Länsstyrelsernas lägesrapporter ${ar}.`,
    },
  });
  const ko = s.ko;
  ut.push({
    rubrik: 'Kö- och väntetider',
    text: [
      `Totalt uppgav ${pct(ko.andel)} av verksamheterna (${ko.antal} av ${ko.verksamheter}) att de hade väntetider${
        ko.foregaendeAr
          ? `, jämfört med ${pct(ko.foregaendeAr.andel)} (${ko.foregaendeAr.antal}) ${ar - 1}`
          : ''
      }.`,
    ],
    blad: 'Väntetider',
    tabell: {
      rubrik: 'Verksamheter med kö efter medianväntetid (dagar)',
      kolumner: ['Medianväntetid', 'Antal verksamheter'],
      rader: [
        ['0–30 dagar', ko.vantetider['0-30']],
        ['31–60 dagar', ko.vantetider['31-60']],
        ['61–90 dagar', ko.vantetider['61-90']],
        ['Mer än 90 dagar', ko.vantetider['>90']],
        ['Uppgift saknas', ko.utanMedian],
        ['Verksamheter med kö', ko.antal],
        ['Andel av alla verksamheter (%)', ko.andel],
      ],
      kalla: KALLA_V(ar),
    },
  });
  ut.push({
    rubrik: 'De flesta verksamheterna drivs av kommuner',
    text: [
      `${s.utforare.length} av ${s.underlag.verksamheter} verksamheter drevs av andra utförare än kommuner.`,
    ],
    blad: 'Övriga utförare',
    tabell: {
      rubrik: 'Övriga utförare av verksamheten med personligt ombud',
      kolumner: ['Namn', 'Organisation', 'Län'],
      rader: s.utforare.map((u) => [u.namn, UTFORARE_ETIKETT[u.utforare].sv, u.lanNamn]),
      kalla: `Källa: Länsstyrelsernas återrapporter ${ar}.`,
    },
  });
  const lg = s.ledningsgrupp;
  ut.push({
    rubrik: 'Verksamheterna och ledningsgrupper',
    text: [
      `${pct(lg.andel)} av verksamheterna (${lg.saknarRoll} av ${lg.verksamheter}) saknar en eller flera representanter i ledningsgruppen.${
        lg.vanligastSaknad.length
          ? ` Oftast saknas: ${lg.vanligastSaknad.map((r) => LEDNINGSGRUPP_ROLL_ETIKETT[r].sv.toLowerCase()).join(', ')}.`
          : ''
      }`,
    ],
    blad: 'Ledningsgrupp',
    tabell: {
      rubrik: 'Verksamheter som saknar representant i ledningsgruppen',
      kolumner: ['Representant', 'Antal verksamheter som saknar'],
      rader: [
        ...OBLIGATORISKA_ROLLER.map((r) => [LEDNINGSGRUPP_ROLL_ETIKETT[r].sv, lg.perRoll[r]]),
        ['Saknar en eller flera', lg.saknarRoll],
      ],
      kalla: KALLA_V(ar),
    },
  });
  // Verksamheternas arbetssätt (issue 15 item 6): counts of verksamheter, never suppressed. A compilation
  // frozen before the table existed has none.
  const as = s.arbetssatt as NationellJson['arbetssatt'] | undefined;
  if (as) {
    const f = as.fragor;
    ut.push({
      rubrik: 'Verksamheternas arbetssätt',
      text: [
        `Av ${as.verksamheter} verksamheter har ${f.rutinBrister.ja} en systematiserad rutin för att rapportera brister till ledningsgruppen och ${f.prioriteringsordning.ja} en prioriteringsordning vid kö eller väntetid. I ${f.handledning.ja} verksamheter har ombuden fått handledning.${
          as.medAvsnitt < as.verksamheter
            ? ` ${as.verksamheter - as.medAvsnitt} verksamheter har inte besvarat frågorna.`
            : ''
        }`,
      ],
      blad: 'Arbetssätt',
      tabell: {
        rubrik: 'Verksamheter efter svar',
        kolumner: ['Fråga', 'Ja', 'Nej', 'Ej besvarat'],
        rader: ARBETSSATT_FRAGOR.map((k) => [labelOf(`arbetssatt.${k}`), f[k].ja, f[k].nej, f[k].ejBesvarat]),
        kalla: KALLA_V(ar),
      },
    });
    ut.push({
      rubrik: 'Uppsökande arbete, information, utbildning och samverkan',
      blad: 'Aktiviteter',
      tabell: {
        rubrik: `Aktiviteter ${ar}`,
        kolumner: ['Aktivitet', 'Verksamheter med aktiviteten', 'Tillfällen totalt'],
        rader: ARBETSSATT_AKTIVITETER.map((k) => [
          labelOf(`arbetssatt.${k}`),
          as.aktiviteter[k].verksamheter,
          as.aktiviteter[k].tillfallen,
        ]),
        kalla: KALLA_V(ar),
      },
    });
  }
  const b = s.brister;
  ut.push({
    rubrik: 'Brister som verksamheterna identifierat under året',
    blad: 'Brister',
    tabell: {
      rubrik: 'De mest rapporterade bristerna (ämne)',
      kolumner: [
        'Ämne',
        `Verksamheter ${ar}`,
        `Län ${ar}`,
        `Kommuner ${ar}`,
        `Verksamheter ${ar - 1}`,
        ...Object.values(BRIST_NIVA_ETIKETT).map((e) => e.sv),
      ],
      rader: b.amnen.map((r) => [
        r.namn,
        r.iAr.verksamheter,
        r.iAr.lan.length,
        r.iAr.kommuner,
        r.foregaendeAr.verksamheter,
        r.nivaer.handlaggare,
        r.nivaer.lokal,
        r.nivaer.central,
      ]),
      kalla: KALLA_V(ar),
    },
  });
  ut.push({
    rubrik: 'Brister per aktör',
    blad: 'Brister per aktör',
    tabell: {
      rubrik: 'Brister per aktör',
      kolumner: [
        'Aktör',
        'Kategori',
        `Verksamheter ${ar}`,
        `Län ${ar}`,
        `Kommuner ${ar}`,
        `Verksamheter ${ar - 1}`,
      ],
      rader: b.aktorer.map((r) => [
        r.namn,
        r.grupp,
        r.iAr.verksamheter,
        r.iAr.lan.length,
        r.iAr.kommuner,
        r.foregaendeAr.verksamheter,
      ]),
      kalla: KALLA_V(ar),
    },
  });
  if ('perKommun' in s) {
    ut.push({
      rubrik: 'Per kommun',
      text: [
        'Antal 1–4 visas som ”..” (för få för att redovisas).',
        'Klienterna räknas i den kommun där de bor (verksamheternas siffror per kommun), så raderna blir tillsammans länets klienter.',
        ...(() => {
          const hela = [...new Set(s.perKommun.flatMap((k) => k.helaVerksamheten))].sort();
          return hela.length
            ? [
                `Redovisningarna från ${hela.join(', ')} saknar siffror per kommun: deras siffror för hela verksamheten står under varje kommun de täcker och räknas flera gånger om raderna läggs ihop.`,
              ]
            : [];
        })(),
      ],
      blad: 'Per kommun',
      tabell: {
        rubrik: 'Klienter per kommun där klienten bor',
        kolumner: [
          'Kommun',
          'Verksamheter',
          'Kvinnor',
          'Män',
          'Annan',
          'Totalt',
          'Med barn, totalt',
          'Underlag',
        ],
        rader: s.perKommun.map((k) => [
          k.kommunNamn,
          k.verksamheter.length,
          k.klienter.kvinna,
          k.klienter.man,
          k.klienter.annan,
          k.klienter.totalt,
          k.medBarn.totalt,
          k.helaVerksamheten.length
            ? `${k.verksamheter.length > k.helaVerksamheten.length ? 'Klienternas kommun + hela' : 'Hela'} verksamheten: ${k.helaVerksamheten.join(', ')}`
            : 'Klienternas kommun',
        ]),
        kalla: KALLA_V(ar),
      },
    });
  }
  return ut;
}

export function rubrik(s: NationellJson | LanJson, lanNamn?: string): string {
  return s.lanKod
    ? `Sammanställning om personligt ombud ${s.ar}, ${lanNamn ?? `län ${s.lanKod}`}`
    : `Lägesrapport om verksamhet med personligt ombud, bidragsår ${s.ar} (utkast)`;
}

/** Every table as a sheet. Per-kommun null cells (suppressed) are written '..'. */
export async function somXlsx(s: NationellJson | LanJson): Promise<Buffer> {
  return arbetsbok(
    (await avsnitt(s))
      .filter((a) => a.tabell && a.blad)
      .map((a) => ({
        namn: a.blad!,
        rubrik: a.tabell!.rubrik,
        kolumner: a.tabell!.kolumner,
        // Only the per-kommun sheet has suppressed cells ('..'); elsewhere null is a share of nobody ('–').
        rader: a.blad === 'Per kommun' ? a.tabell!.rader : a.tabell!.rader.map((r) => r.map((c) => c ?? '–')),
        kalla: a.tabell!.kalla,
      })),
  );
}

/** A figure's cell, right-aligned: a number, nothing, or '..' in its place. */
const arTal = (v: Varde) => typeof v !== 'string' || v === UNDERTRYCKT;

/** Whole numbers with digit groups; shares and FTE with one or two decimals as needed. */
const cellText = (v: Varde, suppressed: boolean) => {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return formatTal(v);
    return formatTal(v, Number.isInteger(Math.round(v * 100) / 10) ? 1 : 2);
  }
  return v === null ? (suppressed ? visaCell(null) : '–') : v;
};

export async function somPdf(s: NationellJson | LanJson, lanNamn?: string): Promise<Buffer> {
  const perKommun = 'perKommun' in s;
  const content: Content[] = [
    { text: rubrik(s, lanNamn), style: 'titel' },
    {
      text: `Underlag: ${s.underlag.verksamheter} verksamheters redovisningar (${s.underlagStatus === 'godkanda' ? 'godkända' : 'förhandsvisning: inskickade och godkända'}).`,
      style: 'meta',
    },
  ];
  for (const a of await avsnitt(s)) {
    content.push({ text: a.rubrik, style: 'h2' });
    for (const t of a.text ?? []) content.push({ text: t, margin: [0, 0, 0, 6] });
    if (a.diagram) content.push({ svg: a.diagram.svg, width: 480, margin: [0, 4, 0, 4] });
    if (a.tabell) {
      const t = a.tabell;
      content.push({ text: t.rubrik, style: 'tabellrubrik' });
      content.push({
        table: {
          headerRows: 1,
          widths: t.kolumner.map((_, i) => (i === 0 ? '*' : 'auto')),
          body: [
            t.kolumner.map((k) => ({ text: k, bold: true })),
            ...t.rader.map((r) =>
              r.map((c, i) => ({
                text: cellText(c, perKommun && a.blad === 'Per kommun'),
                alignment: i > 0 && arTal(c) ? ('right' as const) : ('left' as const),
              })),
            ),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 8,
      });
      content.push({ text: t.kalla, style: 'kalla' });
    }
  }
  const def: TDocumentDefinitions = {
    info: { title: rubrik(s, lanNamn), creator: 'Ombud' },
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      titel: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      meta: { fontSize: 8, color: '#555555', margin: [0, 0, 0, 12] },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      tabellrubrik: { bold: true, fontSize: 9, margin: [0, 6, 0, 2] },
      kalla: { fontSize: 7, italics: true, margin: [0, 2, 0, 8] },
    },
    content,
  };
  return renderPdf(def);
}

// A 1×1 white PNG: docx requires a raster fallback for SVG; Word 2016 and later show the SVG itself.
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);

export async function somDocx(s: NationellJson | LanJson, lanNamn?: string): Promise<Buffer> {
  const perKommun = 'perKommun' in s;
  const children: Array<Paragraph | Table> = [
    new Paragraph({ text: rubrik(s, lanNamn), heading: HeadingLevel.TITLE }),
  ];
  for (const a of await avsnitt(s)) {
    children.push(new Paragraph({ text: a.rubrik, heading: HeadingLevel.HEADING_2 }));
    for (const t of a.text ?? []) children.push(new Paragraph({ text: t }));
    if (a.diagram) {
      children.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: 'svg',
              data: Buffer.from(a.diagram.svg),
              fallback: { type: 'png', data: PNG_1X1 },
              transformation: { width: 500, height: 340 },
              altText: { name: a.rubrik, description: a.diagram.alt, title: a.rubrik },
            }),
          ],
        }),
      );
    }
    if (a.tabell) {
      const t = a.tabell;
      children.push(new Paragraph({ children: [new TextRun({ text: t.rubrik, bold: true })] }));
      const cell = (text: string, bold = false, hoger = false) =>
        new TableCell({
          children: [
            new Paragraph({
              alignment: hoger ? AlignmentType.RIGHT : AlignmentType.LEFT,
              children: [new TextRun({ text, bold, size: 18 })],
            }),
          ],
        });
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: t.kolumner.map((k) => cell(k, true)) }),
            ...t.rader.map(
              (r) =>
                new TableRow({
                  children: r.map((c, i) =>
                    cell(cellText(c, perKommun && a.blad === 'Per kommun'), false, i > 0 && arTal(c)),
                  ),
                }),
            ),
          ],
        }),
      );
      children.push(new Paragraph({ children: [new TextRun({ text: t.kalla, italics: true, size: 16 })] }));
    }
  }
  const doc = new Document({
    creator: 'Ombud',
    title: rubrik(s, lanNamn),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
