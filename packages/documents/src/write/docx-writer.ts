import type { Block, Cell, TableModel } from './model.ts';
import type { ResolvedOptions } from './options.ts';
import { A4, FOOTER_DISTANCE, LINE_PITCH, MARGINS } from './gbt9704.ts';
import {
  DOCUMENT_CLOSE,
  DOCUMENT_OPEN,
  FOOTER_RELATIONSHIP_IDS,
  packageDocx,
} from './docx-package.ts';
import { markup, XmlWriter } from './xml-writer.ts';

/**
 * Lays out report blocks as WordprocessingML: word/document.xml written straight to bytes, each
 * paragraph naming a style from docx-styles.ts, then archived with the fixed parts of
 * docx-package.ts. Element order inside w:pPr, w:tblPr, w:trPr, w:tcPr and w:sectPr follows
 * the schema's sequences: Word refuses a file whose children are out of order.
 */

const PORTRAIT_TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
const LANDSCAPE_TEXT_WIDTH = A4.height - MARGINS.left - MARGINS.right;
/** Header distance: 15 mm. */
const HEADER_DISTANCE = 850;

const OPEN = markup(DOCUMENT_OPEN);
const CLOSE = markup(DOCUMENT_CLOSE);
const RUN = '<w:r><w:t xml:space="preserve">';
const BOLD_RUN = '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">';
/** The end of a paragraph's only run and of the paragraph. */
const END_RUN_PARAGRAPH = markup('</w:t></w:r></w:p>');
const EMPTY_PARAGRAPH = markup('<w:p/>');

/** A paragraph's markup up to its text, with a plain or a bold run, and as an empty paragraph. */
interface ParagraphStart {
  run: Uint8Array;
  bold: Uint8Array;
  empty: Uint8Array;
}

function paragraphStart(pPr: string): ParagraphStart {
  return {
    run: markup(`<w:p>${pPr}${RUN}`),
    bold: markup(`<w:p>${pPr}${BOLD_RUN}`),
    empty: markup(`<w:p>${pPr}</w:p>`),
  };
}

/** The start of a paragraph of a style, aligned or not. */
function paragraphOpen(style: string, align?: 'right' | 'center'): ParagraphStart {
  return paragraphStart(
    `<w:pPr><w:pStyle w:val="${style}"/>${align ? `<w:jc w:val="${align}"/>` : ''}</w:pPr>`,
  );
}

const P = {
  Title: paragraphOpen('Title'),
  Heading1: paragraphOpen('Heading1'),
  Heading2: paragraphOpen('Heading2'),
  Heading3: paragraphOpen('Heading3'),
  Heading4: paragraphOpen('Heading4'),
  BodyText: paragraphOpen('BodyText'),
  BodyTextRight: paragraphOpen('BodyText', 'right'),
  BodyTextCenter: paragraphOpen('BodyText', 'center'),
  Normal: paragraphOpen('Normal'),
  NormalRight: paragraphOpen('Normal', 'right'),
  NormalCenter: paragraphOpen('Normal', 'center'),
  AttachmentLabel: paragraphOpen('AttachmentLabel'),
  TableTitle: paragraphOpen('TableTitle'),
  UnitLine: paragraphOpen('TableText', 'right'),
  SignOff: paragraphOpen('SignOff'),
  // Cells name their alignment by style: a cell paragraph carries only its style id.
  left: paragraphOpen('TableText'),
  center: paragraphOpen('TableTextCenter'),
  right: paragraphOpen('TableTextRight'),
};
const TABLE_GAP = markup('<w:p><w:pPr><w:pStyle w:val="TableGap"/></w:pPr></w:p>');

/** One paragraph of one run: its start (style), the text, kept as written (spaces included). */
function paragraph(w: XmlWriter, start: ParagraphStart, text: string, bold = false): void {
  w.raw(bold ? start.bold : start.run);
  w.text(text);
  w.raw(END_RUN_PARAGRAPH);
}

/** Page size, margins and line grid of a section; the first section carries the footers. */
function sectionProperties(landscape: boolean, footers: string): string {
  const [w, h, orient] = landscape
    ? [A4.height, A4.width, 'landscape']
    : [A4.width, A4.height, 'portrait'];
  return (
    `<w:sectPr>${footers}<w:pgSz w:w="${w}" w:h="${h}" w:orient="${orient}"/>` +
    `<w:pgMar w:top="${MARGINS.top}" w:right="${MARGINS.right}" w:bottom="${MARGINS.bottom}" ` +
    `w:left="${MARGINS.left}" w:header="${HEADER_DISTANCE}" w:footer="${FOOTER_DISTANCE}" ` +
    `w:gutter="0"/><w:pgNumType/><w:docGrid w:linePitch="${LINE_PITCH}"/></w:sectPr>`
  );
}

function footerReferences(position: ResolvedOptions['pageNumberPosition']): string {
  const [odd, even] = FOOTER_RELATIONSHIP_IDS;
  return (
    `<w:footerReference w:type="default" r:id="${odd}"/>` +
    (position === 'odd-even' ? `<w:footerReference w:type="even" r:id="${even}"/>` : '')
  );
}

const sectionMarkup = new Map<string, Uint8Array>();

/**
 * The properties closing a section: inside a last empty paragraph, or for the last section in
 * the body itself. Later sections inherit the first one's footers and page numbering.
 */
function sectionEnd(
  landscape: boolean,
  first: boolean,
  last: boolean,
  position: ResolvedOptions['pageNumberPosition'],
): Uint8Array {
  const key = `${landscape}/${first}/${last}/${position}`;
  let bytes = sectionMarkup.get(key);
  if (!bytes) {
    const properties = sectionProperties(landscape, first ? footerReferences(position) : '');
    bytes = markup(last ? properties : `<w:p><w:pPr>${properties}</w:pPr></w:p>`);
    sectionMarkup.set(key, bytes);
  }
  return bytes;
}

const BORDER = (side: string) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`;
/** Single 0.5 pt lines around and between all cells; 3 pt cell margins left and right. */
const TABLE_LOOK = markup(
  `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(BORDER).join('')}` +
    '</w:tblBorders><w:tblLayout w:type="fixed"/>' +
    '<w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar>' +
    '</w:tblPr><w:tblGrid>',
);
const ROW = markup('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
/** A leading row repeated at the top of every page the table runs onto. */
const HEADER_ROW = markup('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
const END_ROW = markup('</w:tr>');
const END_TABLE = markup('</w:tbl>');
const END_CELL = markup('</w:tc>');

const PLAIN_CELL = markup('<w:tc>');
/** Cell openings by merge (none, restart, continue) and then by column span. */
const cellMarkup: Uint8Array[][] = [[], [], []];

/**
 * w:tc with its properties in schema order (gridSpan, vMerge); the vertical centring comes from
 * the table style, so a plain cell has none. A continued cell is covered by the merged cell
 * above: empty, continuing its merge (w:vMerge's default).
 */
function cellOpen(span: number, merge: 'restart' | 'continue' | undefined): Uint8Array {
  if (span === 1 && merge === undefined) return PLAIN_CELL;
  const bySpan = cellMarkup[merge === undefined ? 0 : merge === 'restart' ? 1 : 2] ?? [];
  let bytes = bySpan[span];
  if (!bytes) {
    const gridSpan = span > 1 ? `<w:gridSpan w:val="${span}"/>` : '';
    bytes = markup(
      merge === 'continue'
        ? `<w:tc><w:tcPr>${gridSpan}<w:vMerge/></w:tcPr><w:p/></w:tc>`
        : `<w:tc><w:tcPr>${gridSpan}${merge ? '<w:vMerge w:val="restart"/>' : ''}</w:tcPr>`,
    );
    bySpan[span] = bytes;
  }
  return bytes;
}

/** A paragraph of a table cell; an empty line has no run. */
function cellParagraph(w: XmlWriter, start: ParagraphStart, line: string, bold: boolean): void {
  if (line) paragraph(w, start, line, bold);
  else w.raw(start.empty);
}

/** A cell's paragraphs: one per line of its text. */
function cellContent(w: XmlWriter, c: Cell): void {
  const open = P[c.align ?? 'left'];
  const bold = c.bold === true;
  if (!c.text.includes('\n')) return cellParagraph(w, open, c.text, bold);
  for (const line of c.text.split('\n')) cellParagraph(w, open, line, bold);
}

/** A table on the grid of its relative column widths, fixed layout, merges as in the model. */
function table(w: XmlWriter, t: TableModel, textWidth: number): void {
  const totalWeight = t.columns.reduce((s, c) => s + c, 0);
  const widths = t.columns.map((c) => Math.floor((c / totalWeight) * textWidth));
  w.xml(
    '<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/>' +
      `<w:tblW w:w="${widths.reduce((s, c) => s + c, 0)}" w:type="dxa"/>`,
  );
  w.raw(TABLE_LOOK);
  w.xml(`${widths.map((c) => `<w:gridCol w:w="${c}"/>`).join('')}</w:tblGrid>`);
  // Grid columns covered from above: how many more rows, and how many columns wide.
  const covered: ({ rows: number; span: number } | undefined)[] = [];
  const continueAt = (col: number): number => {
    const c = covered[col];
    if (!c || c.rows === 0) return 0;
    c.rows--;
    w.raw(cellOpen(c.span, 'continue'));
    return c.span;
  };
  t.rows.forEach((row, i) => {
    w.raw(i < t.headerRows ? HEADER_ROW : ROW);
    let col = 0;
    for (const c of row) {
      for (let s = continueAt(col); s > 0; s = continueAt(col)) col += s;
      const span = c.colSpan ?? 1;
      const rowSpan = c.rowSpan ?? 1;
      if (rowSpan > 1) covered[col] = { rows: rowSpan - 1, span };
      w.raw(cellOpen(span, rowSpan > 1 ? 'restart' : undefined));
      cellContent(w, c);
      w.raw(END_CELL);
      col += span;
    }
    while (col < widths.length) col += continueAt(col) || 1;
    w.raw(END_ROW);
  });
  w.raw(END_TABLE);
}

function attachment(
  w: XmlWriter,
  b: Extract<Block, { kind: 'attachment' }>,
  textWidth: number,
): void {
  paragraph(w, P.AttachmentLabel, b.label);
  paragraph(w, P.TableTitle, b.title);
  if (b.unitLine) paragraph(w, P.UnitLine, b.unitLine);
  b.tables.forEach((t, i) => {
    if (i > 0) w.raw(TABLE_GAP);
    table(w, t, textWidth);
  });
  for (const n of b.notes) paragraph(w, P.SignOff, n);
  paragraph(w, P.SignOff, b.signOff);
}

function bodyBlock(w: XmlWriter, b: Exclude<Block, { kind: 'attachment' }>): void {
  switch (b.kind) {
    case 'title':
      return paragraph(w, P.Title, b.text);
    case 'heading':
      return paragraph(w, P[`Heading${b.level}`], b.number + b.text);
    case 'paragraph': {
      const style = b.indent === false ? 'Normal' : 'BodyText';
      const open =
        b.align === 'right'
          ? P[`${style}Right`]
          : b.align === 'center'
            ? P[`${style}Center`]
            : P[style];
      return paragraph(w, open, b.text);
    }
  }
}

/**
 * One writer for every document of the process: documents are written one at a time (the writer
 * is synchronous from the first block to the archive), each over the memory of the last.
 */
const scratch = new XmlWriter();

/**
 * word/document.xml of report blocks: the body, then each attachment in a section of its own.
 * The bytes are a view of the shared writer, valid until the next document is written.
 */
function documentXml(blocks: readonly Block[], o: ResolvedOptions): Uint8Array {
  const w = scratch;
  w.reset();
  w.raw(OPEN);
  // The section being written (portrait body or an attachment) and how many came before it.
  let section: { landscape: boolean; attachment: boolean } | undefined;
  let closed = 0;
  const close = (last: boolean) => {
    if (!section) return;
    w.raw(sectionEnd(section.landscape, closed === 0, last, o.pageNumberPosition));
    closed++;
  };
  for (const b of blocks) {
    if (b.kind !== 'attachment') {
      if (!section || section.attachment) {
        close(false);
        section = { landscape: false, attachment: false };
      }
      bodyBlock(w, b);
      continue;
    }
    close(false);
    const wide = o.landscapeWideTables && b.tables.some((t) => t.columns.length >= 8);
    section = { landscape: wide, attachment: true };
    attachment(w, b, wide ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH);
  }
  if (!section) {
    w.raw(EMPTY_PARAGRAPH);
    section = { landscape: false, attachment: false };
  }
  close(true);
  w.raw(CLOSE);
  return w.bytes();
}

/** Lays out report blocks as a GB/T 9704 .docx: the body, then each attachment on a new page. */
export function blocksToDocx(blocks: readonly Block[], o: ResolvedOptions): Uint8Array {
  const title = blocks.find((b) => b.kind === 'title')?.text ?? '';
  return packageDocx(documentXml(blocks, o), title, {
    kind: 'report',
    pageNumberPosition: o.pageNumberPosition,
    boldHeadings: o.boldHeadings,
  });
}

const PLAIN_SECTION = markup(
  `<w:sectPr><w:pgSz w:w="${A4.width}" w:h="${A4.height}"/>` +
    `<w:pgMar w:top="${MARGINS.top}" w:right="${MARGINS.right}" w:bottom="${MARGINS.bottom}" ` +
    `w:left="${MARGINS.left}" w:header="${HEADER_DISTANCE}" w:footer="${FOOTER_DISTANCE}" ` +
    'w:gutter="0"/></w:sectPr>',
);

const BARE_PARAGRAPH = paragraphStart('');

/**
 * Texts as bare paragraphs (no styles of their own, one portrait section, no footers) through
 * the same emitter and archive: the render benchmark's stricter floor.
 */
export function plainTextDocx(texts: readonly string[]): Uint8Array {
  const w = scratch;
  w.reset();
  w.raw(OPEN);
  for (const t of texts) paragraph(w, BARE_PARAGRAPH, t);
  w.raw(PLAIN_SECTION);
  w.raw(CLOSE);
  return packageDocx(w.bytes(), '', { kind: 'plain' });
}
