import type { Bbox, Block, TableRow } from '../block.ts';
import { tableText } from '../block.ts';
import { headingInfo, headingNumber } from '../heading.ts';
import type { PageContent } from './pdf-page.ts';
import { roundBox, unionBox } from './pdf-page.ts';
import { joinText, linesOf } from './pdf-lines.ts';
import type { Line } from './pdf-lines.ts';
import { alignedTables, ruledTables } from './pdf-tables.ts';
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

/**
 * Running headers and footers: in the top or bottom eighth of a page, a page number in any of
 * its usual forms, or a line that recurs (digits aside) on at least half of the pages (and
 * three at least).
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
  for (const p of pages) {
    p.items = p.items.filter(
      (it) =>
        it.kind !== 'line' ||
        !margin(p, it.line) ||
        !(PAGE_NUMBER.test(it.line.text.trim()) || recurring(shape(it.line))),
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

interface Margins {
  left: number;
  right: number;
  /** Distance between the baselines of two lines of one paragraph. */
  pitch: number;
}

function pageMargins(p: Page, body: number, fallback: Margins | undefined): Margins {
  const lines = p.items.flatMap((it) =>
    it.kind === 'line' && Math.abs(it.line.size - body) < 1 ? [it.line] : [],
  );
  if (lines.length < 3 && fallback) return fallback;
  const lefts = lines.map((l) => l.x0).sort((a, b) => a - b);
  const left = lefts[Math.floor(lefts.length * 0.1)] ?? 0;
  const right = Math.max(0, ...lines.map((l) => l.x1));
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (!a || !b) continue;
    const g = a.y - b.y;
    if (g > body * 0.8 && g < body * 3) gaps.push(g);
  }
  gaps.sort((a, b) => a - b);
  const pitch = gaps[Math.floor(gaps.length / 2)] ?? fallback?.pitch ?? body * 1.8;
  return { left, right, pitch };
}

/**
 * Whether line `b` continues the paragraph that line `a` ends (same page or the next one): a
 * title set larger than the body goes on while its size does; a body line goes on when `a`
 * starts at the margin or its first-line indent and runs to the right margin, and `b` starts at
 * the left margin (a right-aligned signature or an indented next paragraph does not).
 */
function continues(
  a: Line,
  am: Margins,
  b: Line,
  bm: Margins,
  samePage: boolean,
  body: number,
): boolean {
  if (Math.abs(a.size - b.size) > 0.6) return false;
  if (samePage) {
    const gap = a.y - b.y;
    if (gap <= 0) return false;
    if (a.size >= body * 1.2) return gap <= a.size * 2.6;
    if (gap > Math.max(am.pitch, a.size * 1.1) * 1.3) return false;
  } else if (a.size >= body * 1.2) return false;
  const fromLeft = a.x0 <= am.left + a.size * 2.5;
  const full = a.x1 >= am.right - a.size * 1.5;
  const atLeft = b.x0 <= bm.left + b.size * 0.5;
  return fromLeft && full && atLeft;
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
  const blocks: Block[] = [];
  let position = 0;
  let margins: Margins | undefined;
  // The paragraph being built and the table that may continue on the next page.
  let open:
    { lines: Line[]; page: number; bbox: Bbox; margins: Margins; lastPage: number } | undefined;
  let lastTable: { block: Block; endedPage: number; lastOnPage: boolean } | undefined;

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
    }
    open = undefined;
  };

  for (const p of pages) {
    const m = pageMargins(p, body, margins);
    margins = m;
    const number = p.content.number;
    p.items.forEach((it, index) => {
      if (it.kind === 'line') {
        const l = it.line;
        const prev = open?.lines[open.lines.length - 1];
        if (open && prev && continues(prev, open.margins, l, m, open.lastPage === number, body)) {
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
      const t = it.table;
      if (t.rows.length === 0) return;
      const width = t.rows[0]?.cells.length ?? 0;
      const prior = lastTable;
      if (
        prior &&
        index === 0 &&
        prior.lastOnPage &&
        prior.endedPage === number - 1 &&
        (prior.block.rows?.[0]?.cells.length ?? -1) === width
      ) {
        // The same table, continued: drop the header rows the page repeats (any of the
        // continuation's first rows that is a row the table already has).
        const rows = prior.block.rows ?? [];
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
        const added = t.rows.slice(skip).map((r) => rowOf(r, number, ++position));
        // A cell merged down across the page break is printed again at the top of the page:
        // the continuation of a vertical merge is empty, as the rows above it on the first page.
        const first = added[0];
        const last = rows[rows.length - 1];
        if (first && last) {
          first.cells.forEach((text, c) => {
            if (text === '' || last.cells[c] !== '') return;
            const above = rows.findLast((r) => r.cells[c] !== '')?.cells[c];
            if (above === text) first.cells[c] = '';
          });
        }
        rows.push(...added);
        prior.block.text = tableText(rows);
        prior.endedPage = number;
        prior.lastOnPage = index === p.items.length - 1;
        return;
      }
      const start = position + 1;
      const rows = t.rows.map((r) => rowOf(r, number, ++position));
      const block: Block = {
        kind: 'table',
        text: tableText(rows),
        line: start,
        rows,
        page: number,
        bbox: roundBox(t.bbox),
      };
      const conf = rows.flatMap((r) =>
        (r.cellConfidence ?? []).flatMap((c) => (c === null ? [] : [c])),
      );
      if (conf.length > 0) block.confidence = Math.min(...conf);
      blocks.push(block);
      lastTable = { block, endedPage: number, lastOnPage: index === p.items.length - 1 };
    });
  }
  closeParagraph();
  return blocks;
}
