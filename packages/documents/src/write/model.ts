/**
 * The report as an abstract list of blocks, built from an evaluation before any file format is
 * chosen. The .docx writer lays it out; the .xlsx writer reuses its tables; the benchmark
 * extracts its text.
 */

/** How a number in a table cell is to be formatted (.xlsx number formats, .docx text). */
export type CellFormat = 'amount' | 'percent' | 'points' | 'count';

export interface Cell {
  text: string;
  /** The number behind the text: 万元 (or the report's unit) for amounts, 0–1 for percents. */
  value?: number;
  format?: CellFormat;
  /** Decimals a percentage was written with, where not the usual two ("87.5%"). */
  decimals?: number;
  colSpan?: number;
  /** Rows this cell spans downward; the covered cells of the rows below are omitted. */
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
}

export interface TableModel {
  /** Relative column widths. */
  columns: number[];
  /** Leading rows repeated on every page. */
  headerRows: number;
  rows: Cell[][];
}

export type HeadingLevel = 1 | 2 | 3 | 4;

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: HeadingLevel; number: string; text: string }
  | { kind: 'paragraph'; text: string; align?: 'right' | 'center'; indent?: boolean }
  | {
      kind: 'attachment';
      /** "附件1" */
      label: string;
      title: string;
      /** The unit line above the table, e.g. "单位：万元". */
      unitLine?: string;
      /** Consecutive tables, drawn as one; each may repeat its own header rows. */
      tables: TableModel[];
      notes: string[];
      signOff: string;
    };

/** Every text of a block list, in order: the benchmark floor and text assertions use it. */
export function blockTexts(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
      case 'paragraph':
        out.push(b.text);
        break;
      case 'heading':
        out.push(b.number + b.text);
        break;
      case 'attachment':
        out.push(b.label, b.title);
        if (b.unitLine) out.push(b.unitLine);
        for (const t of b.tables) for (const row of t.rows) for (const c of row) out.push(c.text);
        out.push(...b.notes, b.signOff);
        break;
    }
  }
  return out;
}
