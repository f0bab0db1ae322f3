import type { Cell, TableModel } from './model.ts';
import { CELL_PARAGRAPHS, CELL_STARTS, paragraph } from './docx-paragraphs.ts';
import { markup } from './xml-writer.ts';
import type { XmlWriter } from './xml-writer.ts';

/**
 * Tables as WordprocessingML: a fixed grid, the ReportTable style (lines, cell margins, cells
 * centred vertically, table text: docx-styles.ts), merged cells as w:gridSpan and w:vMerge, header rows repeated on every page.
 */

/** The rest of w:tblPr after w:tblW: lines and cell margins come from the table style. */
const TABLE_LOOK = markup('<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>');
const ROW = markup('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
/** A leading row repeated at the top of every page the table runs onto. */
const HEADER_ROW = markup('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
const END_ROW = markup('</w:tr>');
const END_TABLE = markup('</w:tbl>');
/**
 * The markup of a cell around its text, encoded once per merge, span and alignment: the cell's
 * opening (w:tc, its w:tcPr), the paragraph's opening and its run's, in one piece; then the
 * text; then END_CELL_PARAGRAPH closes the run, the paragraph and the cell.
 */
interface CellMarkup {
  /** Up to the text of a plain run. */
  run: Uint8Array;
  /** Up to the text of a bold run. */
  bold: Uint8Array;
  /** The whole cell with one empty paragraph. */
  empty: Uint8Array;
  /** w:tc and its properties only: a cell of several lines writes its paragraphs one by one. */
  open: Uint8Array;
}

const END_CELL_PARAGRAPH = markup('</w:t></w:r></w:p></w:tc>');
const END_CELL = markup('</w:tc>');
type Align = NonNullable<Cell['align']>;
const ALIGN_INDEX: Record<Align, number> = { left: 0, center: 1, right: 2 };
/** By merge (none, restart) and alignment, then by column span. */
const cellMarkups: CellMarkup[][] = [[], [], [], [], [], []];
/** A cell covered by the merged cell above, by column span. */
const continuedCells: Uint8Array[] = [];

/**
 * w:tcPr with its children in schema order (gridSpan, vMerge); the vertical centring comes from
 * the table style, so a plain cell has none.
 */
function cellProperties(span: number, merge: 'restart' | 'continue' | undefined): string {
  if (span === 1 && merge === undefined) return '';
  const gridSpan = span > 1 ? `<w:gridSpan w:val="${span}"/>` : '';
  const vMerge = merge === 'restart' ? '<w:vMerge w:val="restart"/>' : merge ? '<w:vMerge/>' : '';
  return `<w:tcPr>${gridSpan}${vMerge}</w:tcPr>`;
}

function cellMarkup(span: number, restart: boolean, align: Align): CellMarkup {
  const byAlign = cellMarkups[(restart ? 3 : 0) + ALIGN_INDEX[align]] ?? [];
  let m = byAlign[span];
  if (!m) {
    const tc = `<w:tc>${cellProperties(span, restart ? 'restart' : undefined)}`;
    const p = CELL_PARAGRAPHS[align];
    m = {
      run: markup(tc + p.run),
      bold: markup(tc + p.bold),
      empty: markup(`${tc + p.empty}</w:tc>`),
      open: markup(tc),
    };
    byAlign[span] = m;
  }
  return m;
}

/** A cell covered by the merged cell above: empty, continuing its merge (w:vMerge's default). */
function continuedCell(span: number): Uint8Array {
  let bytes = continuedCells[span];
  if (!bytes) {
    bytes = markup(`<w:tc>${cellProperties(span, 'continue')}<w:p/></w:tc>`);
    continuedCells[span] = bytes;
  }
  return bytes;
}

/** A cell: one paragraph per line of its text, an empty line without a run. */
function cell(w: XmlWriter, c: Cell, span: number, restart: boolean): void {
  const align = c.align ?? 'left';
  const m = cellMarkup(span, restart, align);
  const bold = c.bold === true;
  const text = c.text;
  if (!text.includes('\n')) {
    if (text === '') return w.raw(m.empty);
    w.raw(bold ? m.bold : m.run);
    w.text(text);
    return w.raw(END_CELL_PARAGRAPH);
  }
  w.raw(m.open);
  const start = CELL_STARTS[align];
  for (const line of text.split('\n')) {
    if (line) paragraph(w, start, line, bold);
    else w.raw(start.empty);
  }
  w.raw(END_CELL);
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
  const grid = widths.length;
  const coveredRows = new Int32Array(grid + 1);
  const coveredSpan = new Int32Array(grid + 1);
  const rows = t.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    w.raw(r < t.headerRows ? HEADER_ROW : ROW);
    let col = 0;
    for (let k = 0; k <= row.length; k++) {
      // the covered columns before this cell (or, past the last cell, up to the row's end)
      while (col < grid) {
        if ((coveredRows[col] ?? 0) > 0) {
          coveredRows[col] = (coveredRows[col] ?? 1) - 1;
          const span = coveredSpan[col] ?? 1;
          w.raw(continuedCell(span));
          col += span;
        } else if (k === row.length) col++;
        else break;
      }
      const c = row[k];
      if (!c) break;
      const span = c.colSpan ?? 1;
      const rowSpan = c.rowSpan ?? 1;
      if (rowSpan > 1) {
        coveredRows[col] = rowSpan - 1;
        coveredSpan[col] = span;
      }
      cell(w, c, span, rowSpan > 1);
      col += span;
    }
    w.raw(END_ROW);
  }
  w.raw(END_TABLE);
}
