import type { Cell, TableModel } from './model.ts';
import { CELL_PARAGRAPHS, CELL_STARTS, LINE_BREAK, paragraph } from './docx-paragraphs.ts';
import { markup } from './xml-writer.ts';
import type { XmlWriter } from './xml-writer.ts';

/**
 * Tables as WordprocessingML: a fixed grid, the ReportTable style (lines, cell margins, cells
 * centred vertically, table text: docx-styles.ts), merged cells as w:gridSpan and w:vMerge, header rows repeated on every page.
 */

const ROW = markup('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
/** A leading row repeated at the top of every page the table runs onto. */
const HEADER_ROW = markup('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
const END_TABLE = markup('</w:tbl>');
/**
 * Markup that opens a cell (or ends a row), encoded once: alone, and after the text of the cell
 * before it in the row, closing that cell's run, paragraph and cell in the same copy. A row of
 * one-line cells is written as opening, text, opening, text, …, end.
 */
interface Opening {
  alone: Uint8Array;
  afterText: Uint8Array;
}

/** The end of a text cell: its run, paragraph and cell. */
const END_CELL_TEXT = '</w:t></w:r></w:p></w:tc>';

function opening(xml: string): Opening {
  return { alone: markup(xml), afterText: markup(END_CELL_TEXT + xml) };
}

/** A cell's openings, by merge, span and alignment. */
interface CellMarkup {
  /** Up to the text of a plain run. */
  run: Opening;
  /** Up to the text of a bold run. */
  bold: Opening;
  /** The whole cell with one empty paragraph. */
  empty: Opening;
  /** w:tc and its properties only: a cell of several lines writes its paragraphs one by one. */
  open: Opening;
}

const END_CELL = markup('</w:tc>');
const END_ROW = opening('</w:tr>');
type Align = NonNullable<Cell['align']>;
/** Cell markups by merge (none, restart) and alignment, then by column span. */
const cellMarkups: CellMarkup[][] = [[], [], [], [], [], []];
/** A cell covered by the merged cell above, by column span. */
const continuedCells: Opening[] = [];

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

function newCellMarkup(span: number, restart: boolean, align: Align): CellMarkup {
  const tc = `<w:tc>${cellProperties(span, restart ? 'restart' : undefined)}`;
  const p = CELL_PARAGRAPHS[align];
  return {
    run: opening(tc + p.run),
    bold: opening(tc + p.bold),
    empty: opening(`${tc + p.empty}</w:tc>`),
    open: opening(tc),
  };
}

function cellMarkup(span: number, restart: boolean, align: Align): CellMarkup {
  const variant = (restart ? 3 : 0) + (align === 'left' ? 0 : align === 'center' ? 1 : 2);
  const bySpan = cellMarkups[variant] ?? [];
  let m = bySpan[span];
  if (!m) {
    m = newCellMarkup(span, restart, align);
    bySpan[span] = m;
  }
  return m;
}

/** A cell covered by the merged cell above: empty, continuing its merge (w:vMerge's default). */
function continuedCell(span: number): Opening {
  let o = continuedCells[span];
  if (!o) {
    o = opening(`<w:tc>${cellProperties(span, 'continue')}<w:p/></w:tc>`);
    continuedCells[span] = o;
  }
  return o;
}

/**
 * A cell: one paragraph per line of its text, an empty line without a run. `afterText`: the
 * cell before it in the row is still to be closed. Returns whether this cell is, its text
 * written. Most cells hold one line: the text is written at once, and only a text found to hold
 * a line feed is written again, line by line.
 */
function cell(w: XmlWriter, c: Cell, span: number, restart: boolean, afterText: boolean): boolean {
  const align = c.align ?? 'left';
  const m = cellMarkup(span, restart, align);
  const text = c.text;
  if (text === '') {
    w.raw(afterText ? m.empty.afterText : m.empty.alone);
    return false;
  }
  const bold = c.bold === true;
  const start = w.length;
  const run = bold ? m.bold : m.run;
  w.raw(afterText ? run.afterText : run.alone);
  if (!w.text(text)) return true;
  w.truncate(start);
  w.raw(afterText ? m.open.afterText : m.open.alone);
  const lines = CELL_STARTS[align];
  for (const line of text.split(LINE_BREAK)) {
    if (line) paragraph(w, lines, line, bold);
    else w.raw(lines.empty);
  }
  w.raw(END_CELL);
  return false;
}

/** A table's opening up to its grid, for one list of column weights on one text width. */
interface TableHead {
  columns: readonly number[];
  textWidth: number;
  bytes: Uint8Array;
}

/**
 * Table openings by column weights: a report's tables share a few column lists (each table kind
 * one array), so each opening is written once per process. The weights are kept and compared,
 * so a list changed in place is written anew.
 */
const tableHeads = new WeakMap<readonly number[], TableHead[]>();

function tableHead(columns: readonly number[], textWidth: number): Uint8Array {
  let heads = tableHeads.get(columns);
  if (!heads) {
    heads = [];
    tableHeads.set(columns, heads);
  }
  for (const h of heads)
    if (h.textWidth === textWidth && sameNumbers(h.columns, columns)) return h.bytes;
  const totalWeight = columns.reduce((s, c) => s + c, 0);
  const widths = columns.map((c) => Math.floor((c / totalWeight) * textWidth));
  const bytes = markup(
    '<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/>' +
      `<w:tblW w:w="${widths.reduce((s, c) => s + c, 0)}" w:type="dxa"/>` +
      '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>' +
      `${widths.map((c) => `<w:gridCol w:w="${c}"/>`).join('')}</w:tblGrid>`,
  );
  heads.push({ columns: [...columns], textWidth, bytes });
  return bytes;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Grid columns covered from above: how many more rows, and how many columns wide. */
let coveredRows = new Int32Array(64);
let coveredSpan = new Int32Array(64);

/** A table on the grid of its relative column widths, fixed layout, merges as in the model. */
export function table(w: XmlWriter, t: TableModel, textWidth: number): void {
  w.raw(tableHead(t.columns, textWidth));
  const grid = t.columns.length;
  if (coveredRows.length <= grid) {
    coveredRows = new Int32Array(2 * grid);
    coveredSpan = new Int32Array(2 * grid);
  } else coveredRows.fill(0, 0, grid + 1);
  const rows = t.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    w.raw(r < t.headerRows ? HEADER_ROW : ROW);
    let col = 0;
    // whether the last cell written is a text cell still to be closed
    let afterText = false;
    for (let k = 0; k <= row.length; k++) {
      // the covered columns before this cell (or, past the last cell, up to the row's end)
      while (col < grid) {
        if ((coveredRows[col] ?? 0) > 0) {
          coveredRows[col] = (coveredRows[col] ?? 1) - 1;
          const span = coveredSpan[col] ?? 1;
          const continued = continuedCell(span);
          w.raw(afterText ? continued.afterText : continued.alone);
          afterText = false;
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
      afterText = cell(w, c, span, rowSpan > 1, afterText);
      col += span;
    }
    w.raw(afterText ? END_ROW.afterText : END_ROW.alone);
  }
  w.raw(END_TABLE);
}
