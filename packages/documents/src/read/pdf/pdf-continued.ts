import type { Bbox } from '../block.ts';
import { firstPieceWidth } from './pdf-lines.ts';
import type { PageTable } from './pdf-tables.ts';

/** Tables continued on the next page: whether two parts are one table, and rows the page broke. */
export type PartRow = PageTable['rows'][number];

/** The smallest space between a cell's border and its text: the table's cell padding. */
export function cellPadding(part: PageTable): number {
  let pad = Infinity;
  for (const r of part.rows)
    r.cellLines?.forEach((lines, c) => {
      const box = r.cellBoxes[c];
      const first = lines?.[0];
      if (box && first) pad = Math.min(pad, first.x0 - box[0]);
    });
  return Number.isFinite(pad) ? Math.max(0, pad) : 0;
}

/**
 * Where the first row on a page is the rest of the last row of the page before (a row broken
 * across the page): each cell of it that holds text continues a cell above whose text ran to
 * its right border (the start of the rest would not have fitted). Returns, per cell of `first`
 * that holds text, the position of the cell of `last` it continues; undefined when it is a row
 * of its own.
 */
export function brokenRow(
  last: PartRow,
  first: PartRow,
  padding: number,
): Map<number, number> | undefined {
  const joins = new Map<number, number>();
  for (let c = 0; c < first.cells.length; c++) {
    if ((first.cells[c] ?? '') === '') continue;
    const box = first.cellBoxes[c];
    const head = first.cellLines?.[c]?.[0];
    if (!box || !head) return undefined;
    const centre = (box[0] + box[2]) / 2;
    const above = last.cellBoxes.findIndex((b) => b !== null && b[0] <= centre && centre <= b[2]);
    const aboveBox = last.cellBoxes[above];
    const lines = last.cellLines?.[above];
    const tail = lines?.[lines.length - 1];
    if (!aboveBox || !tail || (last.cells[above] ?? '') === '') return undefined;
    const right = aboveBox[2] - padding;
    const full =
      tail.x1 >= right - tail.size * 0.3 ||
      tail.x1 + firstPieceWidth(tail, head) > right - tail.size * 0.05;
    if (!full) return undefined;
    joins.set(c, above);
  }
  return joins.size > 0 ? joins : undefined;
}

/** Two parts of a table on consecutive pages line up: the same left and right borders. */
export function sameFrame(a: Bbox | undefined, b: Bbox): boolean {
  return a !== undefined && Math.abs(a[0] - b[0]) <= 3 && Math.abs(a[2] - b[2]) <= 3;
}
