import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf as pdfBuffer } from '../../platform/documents/pdf.ts';
import type { Block, DocModel } from './documents.ts';

function block(b: Block): Content {
  switch (b.kind) {
    case 'heading':
      return { text: b.text, style: 'heading' };
    case 'paragraph':
      return { text: b.text, bold: b.bold ?? false, margin: [0, 0, 0, 6] };
    case 'list':
      return { ul: b.items, margin: [0, 0, 0, 6] };
    case 'table':
      return {
        table: {
          headerRows: 1,
          widths: b.widths.map((w) => `${w}%`),
          body: [b.header.map((h) => ({ text: h, bold: true })), ...b.rows],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
        margin: [0, 0, 0, 8],
      };
  }
}

export async function renderPdf(model: DocModel): Promise<Buffer> {
  const def: TDocumentDefinitions = {
    info: { title: model.title, creator: 'Ombud' },
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 11, color: '#444444', margin: [0, 0, 0, 12] },
      heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
    },
    content: [
      { text: model.title, style: 'title' },
      { text: model.subtitle, style: 'subtitle' },
      ...model.blocks.map(block),
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
