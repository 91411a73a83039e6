import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Block, DocModel } from './documents.ts';

// The Roboto fonts shipped inside pdfmake: a fresh machine needs no font package.
const fontDir = join(
  dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
  'Roboto',
);

/**
 * pdfmake is one process-wide instance that other modules configure too, and it rewrites the font object it
 * is given; createPdf takes fonts and policies at the moment it is called. So they are set afresh right
 * before it, in the same synchronous step: no URL may be fetched, no local file read but the fonts.
 * (pdfmake 0.3 on the server takes font paths, not Buffers.)
 */
function createPdf(def: TDocumentDefinitions) {
  pdfmake.addFonts({
    Roboto: {
      normal: join(fontDir, 'Roboto-Regular.ttf'),
      bold: join(fontDir, 'Roboto-Medium.ttf'),
      italics: join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => dirname(path) === fontDir);
  return pdfmake.createPdf(def);
}

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
  return Buffer.from(await createPdf(def).getBuffer());
}
