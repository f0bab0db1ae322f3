import type { Block } from './model.ts';
import type { ResolvedOptions } from './options.ts';
import { A4, FOOTER_DISTANCE, LINE_PITCH, MARGINS } from './gbt9704.ts';
import {
  DOCUMENT_CLOSE,
  DOCUMENT_OPEN,
  FOOTER_RELATIONSHIP_IDS,
  packageDocx,
} from './docx-package.ts';
import { P, paragraph, paragraphStart, TABLE_GAP } from './docx-paragraphs.ts';
import { table } from './docx-table.ts';
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
const EMPTY_PARAGRAPH = markup('<w:p/>');

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

/** Section endings by landscape, first, last and page-number position (bits 0–3). */
const sectionMarkup: Uint8Array[] = [];

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
  const key =
    (landscape ? 1 : 0) | (first ? 2 : 0) | (last ? 4 : 0) | (position === 'center' ? 8 : 0);
  let bytes = sectionMarkup[key];
  if (!bytes) {
    const properties = sectionProperties(landscape, first ? footerReferences(position) : '');
    bytes = markup(last ? properties : `<w:p><w:pPr>${properties}</w:pPr></w:p>`);
    sectionMarkup[key] = bytes;
  }
  return bytes;
}

function attachment(
  w: XmlWriter,
  b: Extract<Block, { kind: 'attachment' }>,
  textWidth: number,
): void {
  paragraph(w, P.AttachmentLabel, b.label);
  paragraph(w, P.TableTitle, b.title);
  if (b.unitLine) paragraph(w, P.UnitLine, b.unitLine);
  for (let i = 0; i < b.tables.length; i++) {
    const t = b.tables[i];
    if (!t) continue;
    if (i > 0) w.raw(TABLE_GAP);
    table(w, t, textWidth);
  }
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
