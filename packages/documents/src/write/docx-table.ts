import type { Cell, TableModel } from './model.ts';
import { P, paragraph } from './docx-paragraphs.ts';
import type { ParagraphStart } from './docx-paragraphs.ts';
import { markup } from './xml-writer.ts';
import type { XmlWriter } from './xml-writer.ts';

/**
 * Tables as WordprocessingML: a fixed grid, the ReportTable style (cells centred vertically),
 * merged cells as w:gridSpan and w:vMerge, header rows repeated on every page.
 */

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
export function table(w: XmlWriter, t: TableModel, textWidth: number): void {
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
