import { markup } from './xml-writer.ts';
import type { XmlWriter } from './xml-writer.ts';

/**
 * Paragraphs of the report as markup encoded once: each names its style (docx-styles.ts) and
 * carries at most an alignment of its own.
 */

const RUN = '<w:r><w:t xml:space="preserve">';
const BOLD_RUN = '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">';
/** The end of a paragraph's only run and of the paragraph. */
const END_RUN_PARAGRAPH = markup('</w:t></w:r></w:p>');
/** A paragraph's markup up to its text, with a plain or a bold run, and as an empty paragraph. */
export interface ParagraphStart {
  run: Uint8Array;
  bold: Uint8Array;
  empty: Uint8Array;
}

/** The same as markup text, to be joined with more markup before it is encoded. */
type ParagraphStartXml = { [K in keyof ParagraphStart]: string };

function paragraphStartXml(pPr: string): ParagraphStartXml {
  return { run: `<w:p>${pPr}${RUN}`, bold: `<w:p>${pPr}${BOLD_RUN}`, empty: `<w:p>${pPr}</w:p>` };
}

function encoded(x: ParagraphStartXml): ParagraphStart {
  return { run: markup(x.run), bold: markup(x.bold), empty: markup(x.empty) };
}

export function paragraphStart(pPr: string): ParagraphStart {
  return encoded(paragraphStartXml(pPr));
}

function styleProperties(style: string, align?: 'right' | 'center'): string {
  return `<w:pPr><w:pStyle w:val="${style}"/>${align ? `<w:jc w:val="${align}"/>` : ''}</w:pPr>`;
}

/** The start of a paragraph of a style, aligned or not. */
function paragraphOpen(style: string, align?: 'right' | 'center'): ParagraphStart {
  return paragraphStart(styleProperties(style, align));
}

/**
 * Paragraph starts of table cells by alignment, as text for docx-table.ts to join with the
 * cell's own opening. The table style gives cell paragraphs the table text's font, size and
 * spacing, so a cell paragraph names no style and carries only its alignment, if not left.
 */
export const CELL_PARAGRAPHS = {
  left: paragraphStartXml(''),
  center: paragraphStartXml('<w:pPr><w:jc w:val="center"/></w:pPr>'),
  right: paragraphStartXml('<w:pPr><w:jc w:val="right"/></w:pPr>'),
};
/** The same encoded, for the lines of a cell of several lines. */
export const CELL_STARTS = {
  left: encoded(CELL_PARAGRAPHS.left),
  center: encoded(CELL_PARAGRAPHS.center),
  right: encoded(CELL_PARAGRAPHS.right),
};

/** The paragraph starts of the report, by style (and alignment). */
export const P = {
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
};
export const TABLE_GAP = markup('<w:p><w:pPr><w:pStyle w:val="TableGap"/></w:pPr></w:p>');

/** Line breaks as typed: LF, CR LF or a lone CR (an XML reader turns each into a line feed). */
export const LINE_BREAK = /\r\n?|\n/;

/**
 * One paragraph of one run: its start (style), the text, kept as written (spaces included). A
 * text of several lines is a paragraph per line of the same style, blank lines left out: Word and
 * LibreOffice show a line feed inside a run as a space, which ran a unit's paragraphs together.
 */
export function paragraph(w: XmlWriter, start: ParagraphStart, text: string, bold = false): void {
  const at = w.length;
  w.raw(bold ? start.bold : start.run);
  if (!w.text(text)) {
    w.raw(END_RUN_PARAGRAPH);
    return;
  }
  w.truncate(at);
  const lines = text.split(LINE_BREAK).filter((line) => line.trim() !== '');
  if (lines.length === 0) w.raw(start.empty);
  for (const line of lines) {
    w.raw(bold ? start.bold : start.run);
    w.text(line);
    w.raw(END_RUN_PARAGRAPH);
  }
}
