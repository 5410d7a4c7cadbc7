/**
 * The Word writer: an `ExportDocument` (server/src/core/export) as a .docx, through the `docx` library.
 * Outside the core because it packs with a zip library; the CLI and the language server both call it.
 * Headings are Word headings (the title is `Title`, parts `Heading 1`, numbered leads `Heading 2`), so
 * Word's navigation pane and any reader (mammoth) see the structure; tables keep the official merges
 * (gridSpan, vMerge) and repeat their header rows on each page.
 */
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow,
  TextRun, VerticalAlignTable, WidthType, convertMillimetersToTwip, type IRunOptions,
} from 'docx';
import type { Block, ExportDocument, FilledTable } from '../core/export/document';
import { FONTS, PAGE, SIZES } from '../core/export/style';
import type { LayoutCell } from '../core/render/layout';

type Face = keyof typeof FONTS;
const LATIN = 'Times New Roman';
const font = (face: Face) => ({ ascii: LATIN, hAnsi: LATIN, eastAsia: FONTS[face][0], cs: LATIN });
const run = (text: string, face: Face, size: number, extra: IRunOptions = {}) => new TextRun({ text, font: font(face), size: size * 2, color: '000000', ...extra });
/** 28 pt exactly between lines, as the body of official documents; first line indented two characters. */
const BODY_SPACING = { line: 28 * 20, lineRule: LineRuleType.EXACT };
const INDENT = { firstLine: SIZES.body * 2 * 20 };
/** A4 as Word writes it (210 × 297 mm in twips, rounded as Word rounds). */
const A4_TWIPS = { width: 11906, height: 16838 };

export async function writeDocx(doc: ExportDocument): Promise<Uint8Array> {
  const document = new Document({
    creator: 'nianbao',
    title: doc.title ?? '政府信息公开工作年度报告',
    styles: {
      paragraphStyles: [
        { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', run: { font: font('title'), size: SIZES.title * 2, color: '000000' } },
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', run: { font: font('heading'), size: SIZES.heading * 2, color: '000000', bold: false } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', run: { font: font('subheading'), size: SIZES.body * 2, color: '000000', bold: false } },
      ],
      default: { document: { run: { font: font('body'), size: SIZES.body * 2 } } },
    },
    sections: [{
      properties: {
        page: {
          size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
          margin: {
            top: convertMillimetersToTwip(PAGE.top), bottom: convertMillimetersToTwip(PAGE.bottom),
            left: convertMillimetersToTwip(PAGE.left), right: convertMillimetersToTwip(PAGE.right),
          },
        },
      },
      children: doc.blocks.flatMap(block),
    }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 28 * 20, line: 36 * 20, lineRule: LineRuleType.EXACT }, children: [run(b.text, 'title', SIZES.title)] })];
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, indent: INDENT, spacing: BODY_SPACING, keepNext: true, children: [run(b.text, 'heading', SIZES.heading)] })];
    case 'subheading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, indent: INDENT, spacing: BODY_SPACING, children: [run(b.text, 'subheading', SIZES.body)] })];
    case 'paragraph':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: INDENT, spacing: BODY_SPACING, children: [run(b.text, 'body', SIZES.body)] })];
    case 'table':
      return [table(b.table), new Paragraph({ spacing: { after: 0 }, children: [] })];
  }
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

function table(t: FilledTable): Table {
  const { layout } = t;
  const textWidth = convertMillimetersToTwip(PAGE.width - PAGE.left - PAGE.right);
  const shares = columnShares(t);
  const columnWidths = shares.map((s) => Math.floor(textWidth * s));
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths,
    borders: { ...BORDERS, insideHorizontal: LINE, insideVertical: LINE },
    rows: layout.rows.map((cells, i) => new TableRow({
      tableHeader: i < layout.headerRows,
      cantSplit: true,
      children: cells.map((c) => tableCell(c)),
    })),
  });
}

function tableCell(c: LayoutCell): TableCell {
  const left = c.role === 'label';
  return new TableCell({
    rowSpan: c.rowSpan,
    columnSpan: c.colSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    borders: BORDERS,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [new Paragraph({
      alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
      spacing: { line: 240, lineRule: LineRuleType.AUTO },
      children: [run(c.text, 'table', c.role === 'note' ? 9 : SIZES.table)],
    })],
  });
}

/** Shares of the text width: label columns as wide as their labels need, value columns equal. */
function columnShares(t: FilledTable): number[] {
  const { width } = t.layout;
  const labels = t.kind === 'applications' ? [0.08, 0.1, 0.22] : t.kind === 'active' ? [0.31] : [];
  const rest = 1 - labels.reduce((a, b) => a + b, 0);
  return [...labels, ...Array(width - labels.length).fill(rest / (width - labels.length))];
}
