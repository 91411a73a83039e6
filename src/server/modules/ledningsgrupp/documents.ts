import type { LedamotItem, MoteDetail } from '../../../contracts/ledningsgrupp.ts';
import { BRIST_STATUS_ETIKETT } from '../../../domain/brist-status.ts';
import { BRIST_NIVA_ETIKETT, LEDNINGSGRUPP_ROLL_ETIKETT } from '../../../domain/codes.ts';
import { renderDocx } from './docx.ts';
import { renderPdf } from './pdf.ts';

/**
 * A meeting's agenda and minutes as a small neutral model, rendered to pdf (pdfmake) and Word (docx) by
 * the two renderers beside this file, so both formats always say the same thing.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[] };

export interface DocModel {
  title: string;
  subtitle: string;
  blocks: Block[];
}

const ledamotRad = (l: LedamotItem) =>
  `${l.namn}, ${l.organisation} (${LEDNINGSGRUPP_ROLL_ETIKETT[l.rollkategori].sv})`;

function punktTabell(punkter: MoteDetail['dagordning']): Block {
  return {
    kind: 'table',
    header: ['Brist', 'Nivå', 'Ämne', 'Aktörer', 'Status', 'Klienter'],
    widths: [30, 11, 18, 17, 15, 9],
    rows: punkter.map((p) => [
      p.titel,
      BRIST_NIVA_ETIKETT[p.niva].sv,
      p.amneNamn,
      p.aktorer.join(', '),
      BRIST_STATUS_ETIKETT[p.status].sv,
      String(p.antalKlienter),
    ]),
  };
}

export function dagordningModel(m: MoteDetail, ledamoter: LedamotItem[]): DocModel {
  const nya = m.dagordning.filter((p) => p.ny);
  const oppna = m.dagordning.filter((p) => !p.ny);
  const blocks: Block[] = [
    { kind: 'heading', text: 'Kallade ledamöter' },
    ledamoter.length
      ? { kind: 'list', items: ledamoter.map(ledamotRad) }
      : { kind: 'paragraph', text: 'Ledningsgruppen har inga registrerade ledamöter.' },
    { kind: 'heading', text: '1. Mötets öppnande' },
    { kind: 'heading', text: '2. Brister som registrerats sedan förra mötet' },
    nya.length ? punktTabell(nya) : { kind: 'paragraph', text: 'Inga nya brister.' },
    { kind: 'heading', text: '3. Öppna brister sedan tidigare' },
    oppna.length ? punktTabell(oppna) : { kind: 'paragraph', text: 'Inga öppna brister.' },
    { kind: 'heading', text: '4. Övriga frågor' },
    { kind: 'heading', text: '5. Nästa möte' },
  ];
  return { title: `Dagordning – ledningsgruppens möte ${m.datum}`, subtitle: m.verksamhetNamn, blocks };
}

export function protokollModel(m: MoteDetail): DocModel {
  const stycken = (m.protokoll ?? '')
    .split(/\n\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  const blocks: Block[] = [
    { kind: 'heading', text: 'Närvarande' },
    m.narvaro.length
      ? { kind: 'list', items: m.narvaro.map(ledamotRad) }
      : { kind: 'paragraph', text: 'Närvaron är inte antecknad.' },
    { kind: 'heading', text: 'Anteckningar' },
    ...(stycken.length
      ? stycken.map((text): Block => ({ kind: 'paragraph', text }))
      : [{ kind: 'paragraph', text: 'Inga anteckningar.' } as Block]),
    { kind: 'heading', text: 'Beslut om brister' },
    m.dagordning.length
      ? {
          kind: 'table',
          header: ['Brist', 'Status efter mötet', 'Beslut'],
          widths: [35, 20, 45],
          rows: m.dagordning.map((p) => [
            p.titel,
            BRIST_STATUS_ETIKETT[p.status].sv,
            p.beslut ?? 'Inget beslut.',
          ]),
        }
      : { kind: 'paragraph', text: 'Inga brister på dagordningen.' },
  ];
  return { title: `Protokoll – ledningsgruppens möte ${m.datum}`, subtitle: m.verksamhetNamn, blocks };
}

export async function build(
  kind: 'dagordning' | 'protokoll',
  format: 'pdf' | 'docx',
  m: MoteDetail,
  ledamoter: LedamotItem[],
): Promise<Buffer> {
  const model = kind === 'dagordning' ? dagordningModel(m, ledamoter) : protokollModel(m);
  return format === 'pdf' ? renderPdf(model) : renderDocx(model);
}
