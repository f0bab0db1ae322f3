import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { ISectionOptions } from 'docx';
import type JSZip from 'jszip';
import type { Block, Cell, TableModel } from './model.ts';
import type { ResolvedOptions } from './options.ts';
import {
  A4,
  FONTS,
  FOOTER_DISTANCE,
  INDENT_TWO_CHARS,
  LINE_PITCH,
  MARGINS,
  ONE_CHAR_SIHAO,
  SIZES,
} from './gbt9704.ts';
import { writeZip } from './zip-writer.ts';
import type { ZipFile } from './zip-writer.ts';

/** A font named for every script, so Word picks it for Chinese and for digits alike. */
function font(name: string) {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** Paragraph styles: Title, Heading1–4 and our own named styles for body, tables and sign-off. */
function styles(o: ResolvedOptions) {
  const heading = (fontName: string, outlineLevel: number) => ({
    run: { font: font(fontName), size: SIZES.sanhao, bold: o.boldHeadings, color: '000000' },
    paragraph: {
      spacing: exact(LINE_PITCH),
      indent: { firstLine: INDENT_TWO_CHARS },
      keepNext: true,
      outlineLevel,
    },
  });
  return {
    default: {
      document: {
        run: { font: font(FONTS.body), size: SIZES.sanhao },
        paragraph: { spacing: exact(LINE_PITCH) },
      },
      title: {
        run: { font: font(FONTS.title), size: SIZES.erhao, bold: false, color: '000000' },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: {
            line: 2 * LINE_PITCH - 200,
            lineRule: LineRuleType.EXACT,
            before: 0,
            after: LINE_PITCH,
          },
        },
      },
      heading1: heading(FONTS.hei, 0),
      heading2: heading(FONTS.kai, 1),
      heading3: heading(FONTS.body, 2),
      heading4: heading(FONTS.body, 3),
    },
    paragraphStyles: [
      {
        id: 'BodyText',
        name: 'Body Text',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT_TWO_CHARS } },
      },
      {
        id: 'AttachmentLabel',
        name: 'Attachment Label',
        basedOn: 'Normal',
        run: { font: font(FONTS.hei), size: SIZES.sanhao },
        paragraph: { keepNext: true },
      },
      {
        id: 'TableTitle',
        name: 'Table Title',
        basedOn: 'Normal',
        run: { font: font(FONTS.title), size: SIZES.xiaoer },
        paragraph: {
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 120, after: 120 },
        },
      },
      {
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        run: { font: font(FONTS.body), size: SIZES.wuhao },
        paragraph: {
          spacing: { line: 280, lineRule: LineRuleType.AT_LEAST, before: 20, after: 20 },
        },
      },
      {
        id: 'TableGap',
        name: 'Table Gap',
        basedOn: 'Normal',
        run: { size: 2 },
        paragraph: { spacing: exact(20) },
      },
      {
        id: 'SignOff',
        name: 'Sign Off',
        basedOn: 'Normal',
        run: { font: font(FONTS.body), size: SIZES.xiaosi },
        paragraph: {
          spacing: { line: 360, lineRule: LineRuleType.AT_LEAST, before: 120, after: 0 },
        },
      },
      {
        id: 'PageNumber',
        name: 'Page Number',
        basedOn: 'Normal',
        run: { font: font(FONTS.song), size: SIZES.sihao },
        paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
      },
    ],
  };
}

function pageNumberParagraph(align: 'left' | 'right' | 'center'): Paragraph {
  return new Paragraph({
    style: 'PageNumber',
    alignment:
      align === 'left'
        ? AlignmentType.LEFT
        : align === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.CENTER,
    indent:
      align === 'left'
        ? { left: ONE_CHAR_SIHAO }
        : align === 'right'
          ? { right: ONE_CHAR_SIHAO }
          : {},
    children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
  });
}

function footers(o: ResolvedOptions): NonNullable<ISectionOptions['footers']> {
  if (o.pageNumberPosition === 'center')
    return { default: new Footer({ children: [pageNumberParagraph('center')] }) };
  return {
    default: new Footer({ children: [pageNumberParagraph('right')] }),
    even: new Footer({ children: [pageNumberParagraph('left')] }),
  };
}

function alignment(a: Cell['align']) {
  switch (a) {
    case 'center':
      return AlignmentType.CENTER;
    case 'right':
      return AlignmentType.RIGHT;
    case 'left':
    case undefined:
      return AlignmentType.LEFT;
  }
}

function cellParagraphs(c: Cell): Paragraph[] {
  return c.text.split('\n').map(
    (line) =>
      new Paragraph({
        style: 'TableText',
        ...(c.align && c.align !== 'left' ? { alignment: alignment(c.align) } : {}),
        children: line ? [new TextRun(c.bold ? { text: line, bold: true } : line)] : [],
      }),
  );
}

function docxTable(t: TableModel, textWidth: number): Table {
  const totalWeight = t.columns.reduce((s, w) => s + w, 0);
  const widths = t.columns.map((w) => Math.floor((w / totalWeight) * textWidth));
  // Cell widths come from the table grid (fixed layout), so cells carry no w:tcW of their own.
  const rows = t.rows.map((row, i) => {
    const cells = row.map((c) => {
      const span = c.colSpan ?? 1;
      return new TableCell({
        children: cellParagraphs(c),
        ...(span > 1 ? { columnSpan: span } : {}),
        ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
        verticalAlign: VerticalAlignTable.CENTER,
      });
    });
    return new TableRow({
      children: cells,
      cantSplit: true,
      ...(i < t.headerRows ? { tableHeader: true } : {}),
    });
  });
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { left: 60, right: 60 },
  });
}

const PORTRAIT_TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
const LANDSCAPE_TEXT_WIDTH = A4.height - MARGINS.left - MARGINS.right;

function section(
  children: ISectionOptions['children'],
  landscape: boolean,
  o: ResolvedOptions,
  first: boolean,
): ISectionOptions {
  return {
    properties: {
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { ...MARGINS, footer: FOOTER_DISTANCE, header: mm15 },
      },
      grid: { linePitch: LINE_PITCH },
    },
    // Later sections inherit the first section's footers (and its page numbering continues).
    ...(first ? { footers: footers(o) } : {}),
    children,
  };
}
const mm15 = 850;

/** Lays out report blocks as a GB/T 9704 .docx: the body, then each attachment on a new page. */
export async function blocksToDocx(
  blocks: readonly Block[],
  o: ResolvedOptions,
): Promise<Uint8Array> {
  const sections: ISectionOptions[] = [];
  let body: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        body.push(new Paragraph({ style: 'Title', children: [new TextRun(b.text)] }));
        break;
      case 'heading':
        body.push(
          new Paragraph({
            style: `Heading${b.level}`,
            children: [new TextRun(`${b.number}${b.text}`)],
          }),
        );
        break;
      case 'paragraph':
        body.push(
          new Paragraph({
            style: b.indent === false ? 'Normal' : 'BodyText',
            ...(b.align
              ? { alignment: b.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER }
              : {}),
            children: [new TextRun(b.text)],
          }),
        );
        break;
      case 'attachment': {
        if (body.length > 0) sections.push(section(body, false, o, sections.length === 0));
        body = [];
        const wide = o.landscapeWideTables && b.tables.some((t) => t.columns.length >= 8);
        const width = wide ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH;
        const children: (Paragraph | Table)[] = [
          new Paragraph({ style: 'AttachmentLabel', children: [new TextRun(b.label)] }),
          new Paragraph({ style: 'TableTitle', children: [new TextRun(b.title)] }),
        ];
        if (b.unitLine)
          children.push(
            new Paragraph({
              style: 'TableText',
              alignment: AlignmentType.RIGHT,
              children: [new TextRun(b.unitLine)],
            }),
          );
        b.tables.forEach((t, i) => {
          if (i > 0) children.push(new Paragraph({ style: 'TableGap' }));
          children.push(docxTable(t, width));
        });
        for (const n of b.notes)
          children.push(new Paragraph({ style: 'SignOff', children: [new TextRun(n)] }));
        children.push(new Paragraph({ style: 'SignOff', children: [new TextRun(b.signOff)] }));
        sections.push(section(children, wide, o, sections.length === 0));
        break;
      }
    }
  }
  if (body.length > 0) sections.push(section(body, false, o, sections.length === 0));
  const doc = new Document({
    creator: 'jixiao',
    title: blocks.find((b) => b.kind === 'title')?.text ?? '',
    styles: styles(o),
    evenAndOddHeaderAndFooters: o.pageNumberPosition === 'odd-even',
    sections,
  });
  return packDocx(doc);
}

interface Compiler {
  compile(file: Document, prettify: undefined, overrides: readonly never[]): JSZip;
}
function isCompiler(x: unknown): x is Compiler {
  return typeof x === 'object' && x !== null && typeof Reflect.get(x, 'compile') === 'function';
}

/**
 * The document's parts as the docx library lays them out, archived with the platform's zlib
 * (see writeZip). Should a later docx release not expose its compiler any more, the library's
 * own packer does the whole job, as before.
 */
export async function packDocx(doc: Document): Promise<Uint8Array> {
  const compiler: unknown = Reflect.get(Packer, 'compiler');
  if (!isCompiler(compiler)) return new Uint8Array(await Packer.toBuffer(doc));
  const zip = compiler.compile(doc, undefined, []);
  const pending: Promise<ZipFile>[] = [];
  zip.forEach((path, entry) => {
    if (entry.dir) return;
    // XML parts are text: taken as the strings the library wrote, no byte conversion in between.
    pending.push(
      /\.(?:xml|rels)$/.test(path)
        ? entry.async('string').then((data) => ({ path, data }))
        : entry.async('uint8array').then((data) => ({ path, data })),
    );
  });
  return writeZip(await Promise.all(pending));
}
