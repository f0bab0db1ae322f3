import type { Bbox } from '../block.ts';
import { firstPieceWidth } from './pdf-lines.ts';
import type { Line } from './pdf-lines.ts';
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

/** The x of each column edge of a table's grid, from its cells' boxes (undefined where unseen). */
function columnEdges(
  rows: readonly { cells: string[]; spans?: number[]; cellBoxes?: (Bbox | null)[] }[],
): (number | undefined)[] {
  const width = rows[0]?.cells.length ?? 0;
  const edges: (number | undefined)[] = new Array<number | undefined>(width + 1).fill(undefined);
  for (const r of rows)
    r.cellBoxes?.forEach((box, c) => {
      if (!box) return;
      const span = r.spans?.[c] ?? 1;
      if (span === 0) return;
      edges[c] ??= box[0];
      edges[c + span] ??= box[2];
    });
  return edges;
}

/**
 * The rows of a table's continuation laid out on the grid of the part before it, when the page
 * drew it with fewer columns (a 总分 row merged across the names, a last row without the
 * split cells above): each of its column edges must be one of the earlier part's. Undefined
 * when an edge matches none (the parts are then squared as they are).
 */
export function onEarlierGrid(
  earlier: readonly { cells: string[]; spans?: number[]; cellBoxes?: (Bbox | null)[] }[],
  part: PageTable,
): PartRow[] | undefined {
  const target = columnEdges(earlier);
  const own = columnEdges(part.rows);
  const width = target.length - 1;
  const map = own.map((x) =>
    x === undefined ? -1 : target.findIndex((t) => t !== undefined && Math.abs(t - x) <= 3),
  );
  if (map.some((i) => i < 0) || map.some((i, k) => k > 0 && i <= (map[k - 1] ?? -1)))
    return undefined;
  return part.rows.map((r) => {
    const cells = new Array<string>(width).fill('');
    const spans = new Array<number>(width).fill(0);
    const cellBoxes = new Array<Bbox | null>(width).fill(null);
    const cellLines = new Array<NonNullable<PartRow['cellLines']>[number]>(width).fill(null);
    const confidence: (number | null)[] = new Array<number | null>(width).fill(null);
    r.cells.forEach((text, c) => {
      const span = r.spans?.[c] ?? 1;
      if (span === 0) return;
      const from = map[c] ?? 0;
      const to = map[c + span] ?? from + 1;
      cells[from] = text;
      spans[from] = to - from;
      cellBoxes[from] = r.cellBoxes[c] ?? null;
      cellLines[from] = r.cellLines?.[c] ?? null;
      confidence[from] = r.cellConfidence?.[c] ?? null;
    });
    const row: PartRow = { cells, bbox: r.bbox, cellBoxes };
    if (spans.some((s) => s !== 1)) row.spans = spans;
    if (r.cellLines) row.cellLines = cellLines;
    if (r.cellConfidence) row.cellConfidence = confidence;
    return row;
  });
}

/**
 * The header row of a table printed alone at the foot of a page, its rows on the next ("一级指标
 * 分值 得分" as the page's last line, the table at the top of the next): one line whose pieces each
 * stand over a column of the table, with no sentence in it. Returns its cells on the table's
 * columns, or undefined when the line is no such header.
 */
export function headerAbove(line: Line, table: PageTable): string[] | undefined {
  if (line.text.length > 60 || /[。，；！？,;]/.test(line.text)) return undefined;
  const width = table.rows[0]?.cells.length ?? 0;
  if (width < 2 || table.rows.some((r) => r.cells.length !== width)) return undefined;
  // Each column's reach: from the left of its leftmost box to the right of its rightmost.
  const reach: ([number, number] | undefined)[] = Array.from({ length: width }, () => undefined);
  for (const r of table.rows)
    r.cellBoxes.forEach((b, c) => {
      if (!b || (r.spans?.[c] ?? 1) !== 1) return;
      const was = reach[c];
      reach[c] = was ? [Math.min(was[0], b[0]), Math.max(was[1], b[2])] : [b[0], b[2]];
    });
  const cells: string[] = Array.from({ length: width }, () => '');
  for (const piece of line.runs.flatMap(pieces)) {
    const c = reach.findIndex(
      (r) => r !== undefined && r[0] - 2 <= piece.centre && piece.centre <= r[1] + 2,
    );
    if (c < 0) return undefined;
    cells[c] = `${cells[c] ?? ''}${piece.text}`;
  }
  const filled = cells.filter((c) => c !== '');
  // Words over at least two columns and half of them, none a figure (a header names its columns).
  if (filled.length < Math.max(2, Math.ceil(width / 2))) return undefined;
  if (filled.some((c) => /^[\d.,%％\s-]+$/.test(c))) return undefined;
  return cells;
}

/**
 * The words of a run with the centre of each: a run may hold several words parted by spaces
 * ("分值  得分"), each placed by its share of the run's characters.
 */
function pieces(run: Line['runs'][number]): { text: string; centre: number }[] {
  const out: { text: string; centre: number }[] = [];
  const per = run.text.length > 0 ? run.width / run.text.length : 0;
  for (const m of run.text.matchAll(/\S+/g)) {
    const at = m.index ?? 0;
    out.push({ text: m[0], centre: run.x + per * (at + m[0].length / 2) });
  }
  return out;
}
