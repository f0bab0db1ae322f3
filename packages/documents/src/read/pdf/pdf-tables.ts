import type { Bbox } from '../block.ts';
import type { Segment, TextRun } from './pdf-page.ts';
import { runBox, unionBox } from './pdf-page.ts';
import { joinLineTexts, linesOf } from './pdf-lines.ts';
import type { Line } from './pdf-lines.ts';

/** A table found on a page: its rows on the full grid, each cell with its box. */
export interface PageTable {
  bbox: Bbox;
  rows: PageTableRow[];
  /** Ruled (cells from the lines drawn) or aligned (cells from the columns of the text). */
  ruled: boolean;
}

export interface PageTableRow {
  cells: string[];
  spans?: number[];
  bbox: Bbox;
  cellBoxes: (Bbox | null)[];
  cellConfidence?: (number | null)[];
  /** Ruled tables: per cell, the lines of its text (null where a merged cell covers it). */
  cellLines?: (Line[] | null)[];
}

const TOLERANCE = 2;

interface Horizontal {
  y: number;
  x0: number;
  x1: number;
}
interface Vertical {
  x: number;
  y0: number;
  y1: number;
}

/**
 * Joins collinear pieces of one line (cell borders are often drawn cell by cell): pieces whose
 * positions lie within `TOLERANCE` of each other are one line's, and of those the ones that
 * touch or overlap along it become one piece. Two tables drawn at the same position on a page
 * (a table and the next one below it) stay apart where nothing joins them.
 */
function mergeCollinear<T>(
  items: T[],
  at: (t: T) => number,
  from: (t: T) => number,
  to: (t: T) => number,
  make: (at: number, from: number, to: number) => T,
): T[] {
  const sorted = [...items].sort((a, b) => at(a) - at(b));
  const out: T[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && at(sorted[j] as T) - at(sorted[j - 1] as T) <= TOLERANCE) j++;
    const line = sorted.slice(i, j).sort((a, b) => from(a) - from(b));
    let current: T | undefined;
    for (const s of line) {
      if (current && from(s) <= to(current) + TOLERANCE) {
        current = make(at(current), from(current), Math.max(to(current), to(s)));
        out[out.length - 1] = current;
      } else {
        current = s;
        out.push(s);
      }
    }
    i = j;
  }
  return out;
}

/** Positions within `TOLERANCE` of each other become one (their mean). */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    const lastValue = last?.[last.length - 1];
    if (last && lastValue !== undefined && v - lastValue <= TOLERANCE) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] ?? r;
    for (let k = i; this.parent[k] !== r;) {
      const next = this.parent[k] ?? r;
      this.parent[k] = r;
      k = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

const crosses = (h: Horizontal, v: Vertical): boolean =>
  v.x >= h.x0 - TOLERANCE &&
  v.x <= h.x1 + TOLERANCE &&
  h.y >= v.y0 - TOLERANCE &&
  h.y <= v.y1 + TOLERANCE;

/** Splits a run whose text crosses column borders into one run per column, by its advance. */
function splitAt(run: TextRun, borders: readonly number[]): TextRun[] {
  const inside = borders.filter((b) => b > run.x + 1 && b < run.x + run.width - 1);
  if (inside.length === 0 || run.text.length < 2) return [run];
  const chars = [...run.text];
  const advance = run.width / chars.length;
  const out: TextRun[] = [];
  let start = 0;
  for (const border of inside) {
    const end = Math.max(start, Math.min(chars.length, Math.round((border - run.x) / advance)));
    if (end > start) {
      out.push({
        ...run,
        text: chars.slice(start, end).join(''),
        x: run.x + start * advance,
        width: (end - start) * advance,
      });
    }
    start = end;
  }
  if (start < chars.length) {
    out.push({
      ...run,
      text: chars.slice(start).join(''),
      x: run.x + start * advance,
      width: (chars.length - start) * advance,
    });
  }
  return out;
}

/**
 * Tables drawn with ruling lines: the lines that touch each other form a table; the distinct
 * positions of its vertical and horizontal lines form its grid, and two neighbouring grid cells
 * with no line between them are one merged cell (its text in its first position, the others
 * empty). Returns the tables and the runs outside them.
 */
export function ruledTables(
  segments: readonly Segment[],
  runs: readonly TextRun[],
): { tables: PageTable[]; rest: TextRun[] } {
  const horizontals = mergeCollinear<Horizontal>(
    segments.filter((s) => s.y0 === s.y1).map((s) => ({ y: s.y0, x0: s.x0, x1: s.x1 })),
    (h) => h.y,
    (h) => h.x0,
    (h) => h.x1,
    (y, x0, x1) => ({ y, x0, x1 }),
  );
  const verticals = mergeCollinear<Vertical>(
    segments.filter((s) => s.x0 === s.x1).map((s) => ({ x: s.x0, y0: s.y0, y1: s.y1 })),
    (v) => v.x,
    (v) => v.y0,
    (v) => v.y1,
    (x, y0, y1) => ({ x, y0, y1 }),
  );
  const n = horizontals.length;
  const uf = new UnionFind(n + verticals.length);
  horizontals.forEach((h, i) =>
    verticals.forEach((v, j) => {
      if (crosses(h, v)) uf.union(i, n + j);
    }),
  );
  const groups = new Map<number, { hs: Horizontal[]; vs: Vertical[] }>();
  horizontals.forEach((h, i) => {
    const g = groups.get(uf.find(i)) ?? { hs: [], vs: [] };
    g.hs.push(h);
    groups.set(uf.find(i), g);
  });
  verticals.forEach((v, j) => {
    const g = groups.get(uf.find(n + j)) ?? { hs: [], vs: [] };
    g.vs.push(v);
    groups.set(uf.find(n + j), g);
  });
  const tables: PageTable[] = [];
  let rest = [...runs];
  for (const { hs, vs } of groups.values()) {
    if (hs.length < 2 || vs.length < 2) continue;
    const xs = cluster(vs.map((v) => v.x));
    const ys = cluster(hs.map((h) => h.y)).reverse(); // top first
    if (xs.length < 2 || ys.length < 2) continue;
    const left = xs[0] ?? 0;
    const right = xs[xs.length - 1] ?? 0;
    const top = ys[0] ?? 0;
    const bottom = ys[ys.length - 1] ?? 0;
    const inTable = (r: TextRun): boolean => {
      const cx = r.x + Math.min(r.width, r.size) / 2;
      const cy = r.y + r.size * 0.3;
      return cx > left && cx < right && cy < top && cy > bottom;
    };
    const mine = rest.filter(inTable);
    if (mine.length === 0 && xs.length < 3) continue; // a frame or a rule, not a table
    rest = rest.filter((r) => !inTable(r));
    tables.push(gridTable(xs, ys, hs, vs, mine));
  }
  return { tables, rest };
}

function gridTable(
  xs: number[],
  ys: number[],
  hs: Horizontal[],
  vs: Vertical[],
  runs: TextRun[],
): PageTable {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const at = (r: number, c: number): number => r * cols + c;
  const mid = (a: number, b: number): number => (a + b) / 2;
  const hasVertical = (x: number, y: number): boolean =>
    vs.some((v) => Math.abs(v.x - x) <= TOLERANCE && y >= v.y0 - 1 && y <= v.y1 + 1);
  const hasHorizontal = (y: number, x: number): boolean =>
    hs.some((h) => Math.abs(h.y - y) <= TOLERANCE && x >= h.x0 - 1 && x <= h.x1 + 1);
  const uf = new UnionFind(rows * cols);
  for (let r = 0; r < rows; r++) {
    const y = mid(ys[r] ?? 0, ys[r + 1] ?? 0);
    for (let c = 0; c < cols; c++) {
      const x = mid(xs[c] ?? 0, xs[c + 1] ?? 0);
      if (c + 1 < cols && !hasVertical(xs[c + 1] ?? 0, y)) uf.union(at(r, c), at(r, c + 1));
      if (r + 1 < rows && !hasHorizontal(ys[r + 1] ?? 0, x)) uf.union(at(r, c), at(r + 1, c));
    }
  }
  // Each merged cell's extent on the grid; its anchor is its top-left position.
  const extent = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const root = uf.find(at(r, c));
      const e = extent.get(root);
      if (!e) extent.set(root, { r0: r, r1: r, c0: c, c1: c });
      else {
        e.r0 = Math.min(e.r0, r);
        e.r1 = Math.max(e.r1, r);
        e.c0 = Math.min(e.c0, c);
        e.c1 = Math.max(e.c1, c);
      }
    }
  const cellRuns = new Map<number, TextRun[]>();
  const borders = xs.slice(1, -1);
  for (const run of runs.flatMap((r) => splitAt(r, borders))) {
    const cx = run.x + Math.min(run.width, run.size) / 2;
    const cy = run.y + run.size * 0.3;
    let c = xs.findIndex((x, i) => i < cols && cx >= x && cx < (xs[i + 1] ?? x));
    let r = ys.findIndex((y, i) => i < rows && cy <= y && cy > (ys[i + 1] ?? y));
    if (c < 0) c = cx < (xs[0] ?? 0) ? 0 : cols - 1;
    if (r < 0) r = cy > (ys[0] ?? 0) ? 0 : rows - 1;
    const root = uf.find(at(r, c));
    const list = cellRuns.get(root) ?? [];
    list.push(run);
    cellRuns.set(root, list);
  }
  const out: PageTableRow[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    const spans: number[] = [];
    const cellBoxes: (Bbox | null)[] = [];
    const confidence: (number | null)[] = [];
    const cellLines: (Line[] | null)[] = [];
    let merged = false;
    let ocr = false;
    let anchors = 0;
    for (let c = 0; c < cols; c++) {
      const root = uf.find(at(r, c));
      const e = extent.get(root);
      if (!e) continue;
      if (e.r0 === r && e.c0 === c) {
        anchors++;
        const lines = linesOf(cellRuns.get(root) ?? []);
        cells.push(joinLineTexts(lines));
        cellLines.push(lines);
        spans.push(e.c1 - e.c0 + 1);
        if (e.c1 > e.c0) merged = true;
        cellBoxes.push([xs[c] ?? 0, ys[e.r1 + 1] ?? 0, xs[e.c1 + 1] ?? 0, ys[r] ?? 0]);
        const conf = lines.flatMap((l) => (l.confidence !== undefined ? [l.confidence] : []));
        if (conf.length > 0) ocr = true;
        confidence.push(conf.length > 0 ? Math.min(...conf) : null);
      } else {
        cells.push('');
        // Covered from the left: no cell of its own; from above: a continued merge.
        spans.push(e.r0 === r ? 0 : 1);
        if (e.r0 === r) merged = true;
        cellBoxes.push(null);
        confidence.push(null);
        cellLines.push(null);
      }
    }
    // A grid row that starts no cell of its own lies inside merged cells, and an empty sliver
    // between two close lines (a border drawn twice) holds no text: neither is a row.
    if (anchors === 0) continue;
    if ((ys[r] ?? 0) - (ys[r + 1] ?? 0) < 4 && cells.every((c) => c === '')) continue;
    const row: PageTableRow = {
      cells,
      bbox: [xs[0] ?? 0, ys[r + 1] ?? 0, xs[cols] ?? 0, ys[r] ?? 0],
      cellBoxes,
      cellLines,
    };
    if (merged) row.spans = spans;
    if (ocr) row.cellConfidence = confidence;
    out.push(row);
  }
  return {
    bbox: [xs[0] ?? 0, ys[rows] ?? 0, xs[cols] ?? 0, ys[0] ?? 0],
    rows: out,
    ruled: true,
  };
}

/** A line's pieces separated by a wide gap (a column gap, not a word space). */
interface Chunk {
  runs: TextRun[];
  x0: number;
  x1: number;
}

function chunksOf(line: Line): Chunk[] {
  const gap = line.size * 1.8;
  const chunks: Chunk[] = [];
  for (const run of line.runs) {
    if (run.text.trim() === '') continue;
    const last = chunks[chunks.length - 1];
    if (last && run.x - last.x1 < gap) {
      last.runs.push(run);
      last.x1 = Math.max(last.x1, run.x + run.width);
    } else chunks.push({ runs: [run], x0: run.x, x1: run.x + run.width });
  }
  return chunks;
}

/**
 * Tables without ruling lines, from column alignment: two or more consecutive lines that each
 * fall into separate pieces at wide gaps, whose pieces share columns. Columns are the union of
 * the pieces' horizontal extents; a piece that covers several columns is a merged cell.
 */
export function alignedTables(lines: readonly Line[]): {
  tables: { at: number; table: PageTable }[];
  rest: Line[];
} {
  const chunked = lines.map((l) => ({ line: l, chunks: chunksOf(l) }));
  const tables: { at: number; table: PageTable }[] = [];
  const rest: Line[] = [];
  let i = 0;
  while (i < chunked.length) {
    let j = i;
    while (j < chunked.length && (chunked[j]?.chunks.length ?? 0) >= 2) j++;
    if (j - i < 2) {
      const l = chunked[i]?.line;
      if (l) rest.push(l);
      i++;
      continue;
    }
    const group = chunked.slice(i, j);
    // Column extents: the union of overlapping pieces.
    const spans = group.flatMap((g) => g.chunks.map((c) => [c.x0, c.x1] as [number, number]));
    spans.sort((a, b) => a[0] - b[0]);
    const columns: [number, number][] = [];
    for (const s of spans) {
      const last = columns[columns.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else columns.push([s[0], s[1]]);
    }
    if (columns.length < 2) {
      for (const g of group) rest.push(g.line);
      i = j;
      continue;
    }
    const rows: PageTableRow[] = [];
    let box: Bbox | undefined;
    for (const g of group) {
      const cells = columns.map(() => '');
      const cellBoxes: (Bbox | null)[] = columns.map(() => null);
      const confidence: (number | null)[] = columns.map(() => null);
      let ocr = false;
      for (const chunk of g.chunks) {
        const c = columns.findIndex(([a, b]) => chunk.x0 >= a - 0.5 && chunk.x0 <= b);
        if (c < 0) continue;
        const lines = linesOf(chunk.runs);
        cells[c] = (cells[c] ?? '') + joinLineTexts(lines);
        let cb: Bbox | undefined;
        for (const r of chunk.runs) cb = unionBox(cb, runBox(r));
        if (cb) cellBoxes[c] = cb;
        const conf = chunk.runs.flatMap((r) => (r.confidence !== undefined ? [r.confidence] : []));
        if (conf.length > 0) {
          ocr = true;
          confidence[c] = Math.min(...conf);
        }
      }
      const rowBox = g.line.bbox;
      box = unionBox(box, rowBox);
      const row: PageTableRow = { cells, bbox: rowBox, cellBoxes };
      if (ocr) row.cellConfidence = confidence;
      rows.push(row);
    }
    if (box) tables.push({ at: rest.length, table: { bbox: box, rows, ruled: false } });
    i = j;
  }
  return { tables, rest };
}
