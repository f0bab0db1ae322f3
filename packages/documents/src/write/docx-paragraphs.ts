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

export function paragraphStart(pPr: string): ParagraphStart {
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
  // Cells name their alignment by style: a cell paragraph carries only its style id.
  left: paragraphOpen('TableText'),
  center: paragraphOpen('TableTextCenter'),
  right: paragraphOpen('TableTextRight'),
};
export const TABLE_GAP = markup('<w:p><w:pPr><w:pStyle w:val="TableGap"/></w:pPr></w:p>');

/** One paragraph of one run: its start (style), the text, kept as written (spaces included). */
export function paragraph(w: XmlWriter, start: ParagraphStart, text: string, bold = false): void {
  w.raw(bold ? start.bold : start.run);
  w.text(text);
  w.raw(END_RUN_PARAGRAPH);
}
