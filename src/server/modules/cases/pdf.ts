import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { type AnteckningItem, type ArendeItem, AVSLUT_ORSAK_ETIKETT } from '../../../contracts/cases.ts';
import { ARENDE_STATUS_ETIKETT, etikett } from '../../../domain/codes.ts';
import { renderPdf } from '../../platform/documents/pdf.ts';

const tid = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));

/** The client's notes of one ärende as a PDF to hand over (the notes belong to the client). */
export async function anteckningarPdf(input: {
  verksamhetNamn: string;
  alias: string;
  arende: ArendeItem;
  anteckningar: AnteckningItem[];
  utskriven: string;
}): Promise<Buffer> {
  const a = input.arende;
  const rad = (etikettText: string, varde: string | null) =>
    varde ? [{ text: etikettText, bold: true }, varde] : null;
  const fakta = [
    rad('Förfrågan', a.forfraganDatum),
    rad('Start', a.startDatum),
    rad('Avslut', a.avslutDatum),
    rad('Status', etikett(ARENDE_STATUS_ETIKETT, a.status)),
    rad('Avslutsorsak', a.avslutOrsak ? etikett(AVSLUT_ORSAK_ETIKETT, a.avslutOrsak) : null),
  ].filter((r) => r !== null);
  const anteckningar: Content[] = input.anteckningar.length
    ? input.anteckningar.map((n) => ({
        stack: [
          { text: `${tid(n.createdAt)}${n.createdBy ? ` – ${n.createdBy.displayName}` : ''}`, style: 'meta' },
          { text: n.text, margin: [0, 2, 0, 0] },
        ],
        margin: [0, 0, 0, 12],
        unbreakable: n.text.length < 1500,
      }))
    : [{ text: 'Det finns inga anteckningar.', italics: true }];
  const def: TDocumentDefinitions = {
    info: { title: `Anteckningar – ${input.alias}`, creator: 'Ombud' },
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 64],
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      meta: { fontSize: 9, color: '#444444' },
    },
    content: [
      { text: 'Anteckningar', style: 'h1' },
      { text: `${input.alias} · ${input.verksamhetNamn}`, style: 'meta' },
      {
        table: { widths: [90, '*'], body: fakta as Content[][] },
        layout: 'noBorders',
        margin: [0, 12, 0, 0],
      },
      { text: 'Anteckningar', style: 'h2' },
      ...anteckningar,
    ],
    footer: (current: number, total: number) => ({
      columns: [
        {
          text: `Anteckningarna tillhör klienten. Utskrivna ${input.utskriven}.`,
          style: 'meta',
        },
        { text: `${current} / ${total}`, alignment: 'right', style: 'meta' },
      ],
      margin: [56, 24, 56, 0],
    }),
  };
  return renderPdf(def);
}
