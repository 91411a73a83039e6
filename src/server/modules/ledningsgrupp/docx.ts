import {
  AlignmentType,
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
import type { Block, DocModel } from './documents.ts';

function cell(text: string, bold = false, width?: number) {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })],
    ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}),
  });
}

function block(b: Block): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 })];
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun({ text: b.text, bold: b.bold ?? false })] })];
    case 'list':
      return b.items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, true, b.widths[i])) }),
            ...b.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, b.widths[i])) })),
          ],
        }),
        new Paragraph({ text: '' }),
      ];
  }
}

export async function renderDocx(model: DocModel): Promise<Buffer> {
  const doc = new Document({
    creator: 'Ombud',
    title: model.title,
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
          new Paragraph({ text: model.title, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun({ text: model.subtitle, italics: true })] }),
          ...model.blocks.flatMap(block),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
