import type { Bbox, Block, TableRow } from '../block.ts';
import { squareRows, tableText } from '../block.ts';
import { headingInfo, headingNumber } from '../heading.ts';
import type { PageContent } from './pdf-page.ts';
import { roundBox, unionBox } from './pdf-page.ts';
import { joinText, linesOf } from './pdf-lines.ts';
import type { Line } from './pdf-lines.ts';
import { alignedTables, ruledTables } from './pdf-tables.ts';
import { unturnBoxes } from './pdf-unturn.ts';
import { brokenRow, cellPadding, headerAbove, onEarlierGrid, sameFrame } from './pdf-continued.ts';
import { bodyPitch, continues, documentRightEdges, pageMargins } from './pdf-paragraphs.ts';
import type { Margins } from './pdf-paragraphs.ts';
import type { PageTable } from './pdf-tables.ts';

type Item =
  { kind: 'line'; line: Line; top: number } | { kind: 'table'; table: PageTable; top: number };

interface Page {
  content: PageContent;
  items: Item[];
}

/** "— 3 —", "- 3 -", "3", "第3页", "第 3 页 共 18 页", "3/18", "Page 3 of 18". */
const PAGE_NUMBER =
  /^(?:[—–\-－~·\s]*\d{1,4}[—–\-－~·\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/** The page's items, top to bottom: ruled tables, aligned tables and the remaining lines. */
function pageItems(content: PageContent): Item[] {
  const { tables, rest } = ruledTables(content.segments, content.runs);
  const lines = linesOf(rest);
  const aligned = alignedTables(lines);
  const items: Item[] = [];
  for (const t of tables) items.push({ kind: 'table', table: t, top: t.bbox[3] });
  for (const l of aligned.rest) items.push({ kind: 'line', line: l, top: l.bbox[3] });
  for (const { table } of aligned.tables) items.push({ kind: 'table', table, top: table.bbox[3] });
  return items.sort((a, b) => b.top - a.top);
}

/** A page number written as digits alone (decorated or not): "3", "— 3 —", "- 3 -". */
const BARE_PAGE_NUMBER = /^[—–\-－~·\s]*(\d{1,4})[—–\-－~·\s]*$/;

/**
 * Running headers and footers: in the top or bottom eighth of a page, a page number in any of
 * its usual forms, or a line that recurs (digits aside) on at least half of the pages (and
 * three at least). A number standing alone there may as well be a figure of a table printed
 * one cell per line: it is a page number only as the page's first or last line, and, in a
 * document of several pages, only where it follows the pages' order (its value minus the
 * page's number the same on two pages at least, and on most of those that have one).
 */
function dropRunningLines(pages: Page[]): void {
  const margin = (p: Page, l: Line): boolean =>
    l.bbox[1] > p.content.height * 0.88 || l.bbox[3] < p.content.height * 0.12;
  const shape = (l: Line): string => l.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set<string>();
    for (const it of p.items)
      if (it.kind === 'line' && margin(p, it.line)) seen.add(shape(it.line));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const recurring = (s: string): boolean => {
    const n = counts.get(s) ?? 0;
    return pages.length >= 3 && n >= 3 && n >= pages.length / 2;
  };
  // Bare numbers at a page's very top or bottom, and the offset most of them share.
  const bare = new Map<Line, number>();
  const offsets = new Map<number, number>();
  for (const p of pages) {
    const lines = p.items.flatMap((it) => (it.kind === 'line' ? [it] : []));
    const top = p.items.reduce((m, it) => Math.max(m, it.top), -Infinity);
    const bottom = p.items.reduce(
      (m, it) => Math.min(m, it.kind === 'line' ? it.line.bbox[1] : it.table.bbox[1]),
      Infinity,
    );
    for (const it of lines) {
      const m = BARE_PAGE_NUMBER.exec(it.line.text.trim());
      if (!m || !margin(p, it.line)) continue;
      if (it.top !== top && it.line.bbox[1] !== bottom) continue;
      const offset = Number(m[1]) - p.content.number;
      bare.set(it.line, offset);
      offsets.set(offset, (offsets.get(offset) ?? 0) + 1);
    }
  }
  let common: number | undefined;
  let most = 0;
  for (const [offset, n] of offsets)
    if (n > most) {
      common = offset;
      most = n;
    }
  // One page numbers itself by one number; a longer document shows its order on two pages at
  // least (a lone number on one page of many is a figure that happened to open or end it).
  const ordered = pages.length === 1 ? bare.size === 1 : most >= 2 && most >= bare.size / 2;
  const pageNumber = (l: Line): boolean => {
    const text = l.text.trim();
    if (!BARE_PAGE_NUMBER.test(text)) return PAGE_NUMBER.test(text);
    const offset = bare.get(l);
    return offset !== undefined && ordered && offset === common;
  };
  for (const p of pages) {
    p.items = p.items.filter(
      (it) =>
        it.kind !== 'line' ||
        !margin(p, it.line) ||
        !(
          pageNumber(it.line) ||
          (!BARE_PAGE_NUMBER.test(it.line.text.trim()) && recurring(shape(it.line)))
        ),
    );
  }
}

/** The font size most characters are set in: the body text. */
function bodySize(pages: readonly Page[]): number {
  const bySize = new Map<number, number>();
  for (const p of pages)
    for (const it of p.items)
      if (it.kind === 'line') {
        const s = Math.round(it.line.size * 2) / 2;
        bySize.set(s, (bySize.get(s) ?? 0) + it.line.text.length);
      }
  let best = 12;
  let most = -1;
  for (const [s, n] of bySize)
    if (n > most) {
      best = s;
      most = n;
    }
  return best;
}

function rowOf(r: PageTable['rows'][number], page: number, line: number): TableRow {
  const row: TableRow = {
    cells: r.cells,
    line,
    page,
    bbox: roundBox(r.bbox),
    cellBoxes: r.cellBoxes.map((b) => (b ? roundBox(b) : null)),
  };
  if (r.spans) row.spans = r.spans;
  if (r.cellConfidence) row.cellConfidence = r.cellConfidence;
  return row;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/**
 * Rebuilds a PDF's pages as the block model: lines from baselines, paragraphs joined across
 * line wraps and page breaks, running headers, footers and page numbers removed, tables from
 * ruling lines or column alignment, a table continued on the next page joined to its start
 * with the repeated header rows dropped. Every block and row keeps its page and box.
 */
export function layoutPages(contents: readonly PageContent[]): Block[] {
  const pages: Page[] = contents.map((content) => ({ content, items: pageItems(content) }));
  dropRunningLines(pages);
  const body = bodySize(pages);
  const lineItems = (p: Page): Line[] =>
    p.items.flatMap((it) => (it.kind === 'line' ? [it.line] : []));
  const pitch = bodyPitch(pages.map(lineItems), body);
  const edges = documentRightEdges(
    pages.map((p) => ({ width: p.content.width, lines: lineItems(p) })),
    body,
  );
  const blocks: Block[] = [];
  let position = 0;
  let margins: Margins | undefined;
  // The paragraph being built and the table that may continue on the next page.
  let open:
    { lines: Line[]; page: number; bbox: Bbox; margins: Margins; lastPage: number } | undefined;
  let lastTable:
    { block: Block; part: PageTable; endedPage: number; lastOnPage: boolean } | undefined;
  // The paragraph last closed, while it is the last block: one line of it may be a table's header.
  let lastParagraph: { block: Block; lines: Line[] } | undefined;

  const closeParagraph = (): void => {
    if (!open) return;
    let text = '';
    for (const l of open.lines) text = joinText(text, l.text, true);
    text = text.trim();
    if (text !== '') {
      position++;
      const info = headingInfo(text);
      // A numbered line standing alone, no sentence in it, is a heading even with a comma
      // ("（2）起草文稿，报送信息"): Word knew it by its style, the PDF shows it by its shape.
      const alone =
        open.lines.length === 1 &&
        text.length <= 40 &&
        headingNumber(text) !== undefined &&
        !/[。！？；：:]/.test(text);
      const block: Block = {
        kind: (info && !info.runIn) || alone ? 'heading' : 'paragraph',
        text,
        line: position,
        page: open.page,
        bbox: roundBox(open.bbox),
      };
      const conf = open.lines.flatMap((l) => (l.confidence !== undefined ? [l.confidence] : []));
      if (conf.length > 0) block.confidence = Math.min(...conf);
      blocks.push(block);
      lastParagraph = { block, lines: open.lines };
    }
    open = undefined;
  };

  for (const p of pages) {
    const m = pageMargins(
      lineItems(p),
      p.content.width,
      body,
      pitch,
      margins,
      edges.get(Math.round(p.content.width)),
    );
    margins = m;
    const number = p.content.number;
    p.items.forEach((it, index) => {
      if (it.kind === 'line') {
        const l = it.line;
        const prev = open?.lines[open.lines.length - 1];
        if (
          open &&
          prev &&
          continues(prev, open.margins, l, m, open.lastPage === number, body, open.lines[0])
        ) {
          open.lines.push(l);
          if (open.page === number) open.bbox = unionBox(open.bbox, l.bbox);
          open.lastPage = number;
          open.margins = m;
        } else {
          closeParagraph();
          open = { lines: [l], page: number, bbox: l.bbox, margins: m, lastPage: number };
        }
        if (lastTable) lastTable = undefined;
        return;
      }
      closeParagraph();
      let t = it.table;
      if (t.rows.length === 0) return;
      const width = t.rows[0]?.cells.length ?? 0;
      const prior = lastTable;
      if (
        prior &&
        index === 0 &&
        prior.lastOnPage &&
        prior.endedPage === number - 1 &&
        ((prior.block.rows?.[0]?.cells.length ?? -1) === width ||
          (t.ruled && sameFrame(prior.part.bbox, t.bbox)))
      ) {
        // The same table, continued: drop the header rows the page repeats (any of the
        // continuation's first rows that is a row the table already has).
        const rows = prior.block.rows ?? [];
        // A continuation drawn with fewer columns is placed on the columns of the rows before.
        const priorWidth = rows[0]?.cells.length ?? width;
        const placed = width < priorWidth && t.ruled ? onEarlierGrid(rows, t) : undefined;
        if (placed) t = { ...t, rows: placed };
        // A repeated header may lack the text of a cell merged down from above it.
        const repeats = (next: PageTable['rows'][number]): boolean =>
          next.cells.filter((c) => c !== '').length >= 2 &&
          rows.some((r) =>
            next.cells.every((c, i) => c === '' || squash(c) === squash(r.cells[i] ?? '')),
          );
        let skip = 0;
        while (skip < Math.min(3, t.rows.length - 1)) {
          const next = t.rows[skip];
          if (!next || !repeats(next)) break;
          skip++;
        }
        // A row broken by the page: its rest joins the cells it continues.
        const lastPart = prior.part.rows[prior.part.rows.length - 1];
        const lastRow = rows[rows.length - 1];
        const rest = t.rows[skip];
        const joins =
          lastPart && lastRow && rest
            ? brokenRow(lastPart, rest, cellPadding(prior.part))
            : undefined;
        if (joins && rest && lastRow && lastPart) {
          for (const [c, above] of joins) {
            const text = joinText(lastRow.cells[above] ?? '', rest.cells[c] ?? '', true);
            lastRow.cells[above] = text;
            lastPart.cells[above] = text;
            const lines = lastPart.cellLines?.[above];
            const more = rest.cellLines?.[c];
            if (lines && more) lines.push(...more);
          }
          skip++;
        }
        const added = t.rows.slice(skip).map((r) => rowOf(r, number, ++position));
        // A cell merged down across the page break is printed again at the top of the page:
        // the continuation of a vertical merge is empty, as the rows above it on the first page.
        const first = added[0];
        const last = rows[rows.length - 1];
        if (first && last && !joins) {
          first.cells.forEach((text, c) => {
            if (text === '' || last.cells[c] !== '') return;
            const above = rows.findLast((r) => r.cells[c] !== '')?.cells[c];
            if (above === text) first.cells[c] = '';
          });
        }
        rows.push(...added);
        // Parts drawn on different grids (a ragged table) keep every row as wide as the widest.
        squareRows(rows);
        prior.block.text = tableText(rows);
        prior.endedPage = number;
        prior.lastOnPage = index === p.items.length - 1;
        if (t.rows.length > skip) prior.part = t;
        return;
      }
      // A header printed alone at the foot of the page before, the table at the top of this
      // one: the header is the table's first row, not a paragraph.
      const above = lastParagraph;
      const headerLine = above?.lines.length === 1 ? above.lines[0] : undefined;
      const header =
        index === 0 &&
        above &&
        headerLine &&
        blocks[blocks.length - 1] === above.block &&
        above.block.page === number - 1
          ? headerAbove(headerLine, t)
          : undefined;
      if (above && headerLine && header) blocks.pop();
      const start = above && header ? above.block.line : position + 1;
      const rows = t.rows.map((r) => rowOf(r, number, ++position));
      if (above && headerLine && header)
        rows.unshift({
          cells: header,
          line: above.block.line,
          page: number - 1,
          bbox: roundBox(headerLine.bbox),
        });
      const block: Block = {
        kind: 'table',
        text: tableText(rows),
        line: start,
        rows,
        page: above && header ? number - 1 : number,
        bbox: roundBox(above && header ? (headerLine?.bbox ?? t.bbox) : t.bbox),
      };
      const conf = rows.flatMap((r) =>
        (r.cellConfidence ?? []).flatMap((c) => (c === null ? [] : [c])),
      );
      if (conf.length > 0) block.confidence = Math.min(...conf);
      blocks.push(block);
      lastTable = { block, part: t, endedPage: number, lastOnPage: index === p.items.length - 1 };
    });
  }
  closeParagraph();
  unturnBoxes(blocks, contents);
  return blocks;
}
