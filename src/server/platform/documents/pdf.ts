import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { loadPdfmake } from './libraries.ts';

// The Roboto files shipped inside pdfmake, so a fresh machine needs no font package.
const fontDir = join(
  dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
  'Roboto',
);
const fonts = {
  normal: join(fontDir, 'Roboto-Regular.ttf'),
  bold: join(fontDir, 'Roboto-Medium.ttf'),
  italics: join(fontDir, 'Roboto-Italic.ttf'),
  bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
};
const fontFiles = new Set(Object.values(fonts));

/**
 * Renders a pdfmake document to a Buffer. pdfmake is one process-wide instance that rewrites the font
 * object it is given, so fonts and access policies are set afresh, synchronously, right before each
 * createPdf: no URL may be fetched and no local file read but the fonts.
 */
export async function renderPdf(def: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = await loadPdfmake();
  pdfmake.addFonts({ Roboto: { ...fonts } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => fontFiles.has(path));
  const buffer = await pdfmake
    .createPdf({ defaultStyle: { font: 'Roboto', fontSize: 10 }, ...def })
    .getBuffer();
  return Buffer.from(buffer);
}
