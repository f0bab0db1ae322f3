import type { Block, ReadResult, TableRow } from './block.ts';
import { pushCell, pushGap, readFailure, squareRows, tableText } from './block.ts';
import { headingInfo } from './heading.ts';
import { decodeText, textBlocks } from './read-text.ts';
import { withoutWebChrome } from './web-chrome.ts';

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  hellip: '…',
  middot: '·',
  ensp: ' ',
  emsp: '　',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) {
      const cp = parseInt(name.slice(2), 16);
      return cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : whole;
    }
    if (name.startsWith('#')) {
      const cp = Number(name.slice(1));
      return cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'section',
  'article',
  'blockquote',
  'center',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'title',
  'header',
  'footer',
  'ul',
  'ol',
  'pre',
]);

/** HTML's own limits on spans (the HTML standard clamps colspan to 1000 and rowspan to 65534). */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

const ROWSPAN = /\browspan\s*=\s*["']?\s*(\d+)/i;
const COLSPAN = /\bcolspan\s*=\s*["']?\s*(\d+)/i;

function spanAttribute(attributes: string, pattern: RegExp, max: number): number {
  const m = pattern.exec(attributes);
  const n = m?.[1] ? Number(m[1]) : 1;
  return n > 1 ? Math.min(n, max) : 1;
}

/**
 * Lays the cells of a table out on its grid as they arrive: a cell with colspan/rowspan keeps
 * its text in its first position and the positions it covers (to the right, and below in the
 * following rows) are empty strings, so the columns of every row line up.
 */
class TableGrid {
  readonly rows: TableRow[] = [];
  /** Rows still covered, per column, by a rowspan from a row above. */
  private covered: number[] = [];
  private row: TableRow | undefined;

  startRow(line: number): void {
    this.endRow();
    this.row = { cells: [], line };
  }

  get inRow(): boolean {
    return this.row !== undefined;
  }

  addCell(text: string, colspan: number, rowspan: number): void {
    const row = this.row;
    if (!row) return;
    this.skipCovered(row);
    const first = row.cells.length;
    pushCell(row, text, colspan);
    for (let c = first; c < first + colspan; c++) this.covered[c] = rowspan - 1;
  }

  endRow(): void {
    const row = this.row;
    if (!row) return;
    this.row = undefined;
    this.skipCovered(row);
    // Columns to the right still covered from above: empty cells up to the last of them.
    let last = -1;
    for (let c = row.cells.length; c < this.covered.length; c++) {
      if ((this.covered[c] ?? 0) > 0) last = c;
    }
    for (let c = row.cells.length; c <= last; c++) {
      pushGap(row);
      if ((this.covered[c] ?? 0) > 0) this.covered[c] = (this.covered[c] ?? 1) - 1;
    }
    if (row.cells.length > 0) this.rows.push(row);
  }

  /** Empty cells for the columns covered by a rowspan from above, at the row's current end. */
  private skipCovered(row: TableRow): void {
    for (let c = row.cells.length; (this.covered[c] ?? 0) > 0; c = row.cells.length) {
      pushGap(row);
      this.covered[c] = (this.covered[c] ?? 1) - 1;
    }
  }

  finish(): TableRow[] {
    this.endRow();
    squareRows(this.rows);
    return this.rows;
  }
}

/** The tags of the page, comments and declarations as one kind: what both passes walk. */
const TAGS = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|<![^>]*>|([^<]+|<)/g;
/** Text in one cell of a data table at most: a cell holding more may be a page's layout. */
const LAYOUT_CELL_TEXT = 200;
/** Cells of a page's layout table at most (its menu, title, article and footer). */
const LAYOUT_CELLS = 12;

/**
 * Per <table> of the page, in order: whether it lays the page out rather than holding data.
 * Many portals set the whole page in tables (the menu in one row, the article in one cell, its
 * data tables nested in that cell): a table with a table inside it, or of few cells one of which
 * holds most of its text, an article's worth, is layout, and its cells are read as the page's flow.
 */
function layoutTables(html: string): boolean[] {
  const decided: boolean[] = [];
  const open: {
    at: number;
    nested: boolean;
    cell: number;
    most: number;
    all: number;
    cells: number;
  }[] = [];
  // A cell holding most of the text of a table of few cells, and more than a data cell holds:
  // an article. A data table's longest cell (a 年度总体目标 written out) stands among many.
  const isLayout = (t: (typeof open)[number]): boolean => {
    const most = Math.max(t.most, t.cell);
    return (
      t.nested || (most > LAYOUT_CELL_TEXT && most * 10 > t.all * 6 && t.cells <= LAYOUT_CELLS)
    );
  };
  let skip: string | undefined;
  const re = new RegExp(TAGS.source, 'g');
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const tag = m[2]?.toLowerCase();
    const closing = m[1] === '/';
    if (skip) {
      if (tag === skip && closing) skip = undefined;
      continue;
    }
    const top = open[open.length - 1];
    if (m[4] !== undefined) {
      if (top) {
        top.cell += m[4].trim().length;
        top.all += m[4].trim().length;
      }
      continue;
    }
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'title') {
      if (!closing) skip = tag;
      continue;
    }
    if (tag === 'table' && !closing) {
      if (top) top.nested = true;
      open.push({ at: decided.length, nested: false, cell: 0, most: 0, all: 0, cells: 0 });
      decided.push(false);
    } else if (tag === 'table' && top) {
      open.pop();
      decided[top.at] = isLayout(top);
    } else if ((tag === 'td' || tag === 'th') && top) {
      top.most = Math.max(top.most, top.cell);
      top.cell = 0;
      if (!closing) top.cells++;
    }
  }
  for (const t of open) decided[t.at] = isLayout(t);
  return decided;
}

/**
 * Reads a portal page: headings, paragraphs and tables (merged cells expanded to the full grid),
 * with a small tolerant tokenizer (unclosed tags, stray text, scripts and styles skipped).
 * Positions are source line numbers.
 */
export function readHtml(bytes: Uint8Array, fileName: string): ReadResult {
  let decoded = decodeText(bytes);
  if (!decoded) return readFailure('binary');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*(gb2312|gbk|gb18030)/i.exec(
    decoded.text.slice(0, 4096),
  );
  if (declared && decoded.encoding === 'utf-8' && /[\u0080-\u00ff]{4}/.test(decoded.text)) {
    decoded = { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
  const html = decoded.text;
  const blocks: Block[] = [];
  let text = '';
  let textLine = 1;
  let line = 1;
  let lastIndex = 0;
  let heading: number | undefined;
  let skip: string | undefined;
  let tableDepth = 0;
  let grid = new TableGrid();
  let cell: { text: string; colspan: number; rowspan: number } | undefined;
  let tableLine = 1;
  // A <pre> (a text file saved as a web page) is read as the text it is: its line breaks end
  // paragraphs and its tabs keep a table's cells apart.
  let pre: { text: string; line: number; depth: number } | undefined;

  const advance = (to: number): void => {
    for (let i = lastIndex; i < to; i++) if (html.charCodeAt(i) === 10) line++;
    lastIndex = to;
  };
  const flush = (): void => {
    const t = text.replace(/[ \t\r\n\u00a0]+/g, ' ').trim();
    if (t !== '') {
      const info = headingInfo(t);
      const kind = heading !== undefined || (info && !info.runIn) ? 'heading' : 'paragraph';
      const block: Block = { kind, text: t, line: textLine };
      if (heading !== undefined) block.level = heading;
      blocks.push(block);
    }
    text = '';
  };
  const endCell = (): void => {
    if (cell !== undefined) {
      grid.addCell(cell.text.replace(/[ \t\r\n\u00a0]+/g, ' ').trim(), cell.colspan, cell.rowspan);
    }
    cell = undefined;
  };
  const endPre = (): void => {
    if (!pre) return;
    const offset = pre.line - 1;
    for (const b of textBlocks(pre.text)) {
      b.line += offset;
      for (const r of b.rows ?? []) r.line += offset;
      blocks.push(b);
    }
    pre = undefined;
  };
  const endTable = (): void => {
    endCell();
    const rows = grid.finish();
    if (rows.length > 0)
      blocks.push({ kind: 'table', text: tableText(rows), line: tableLine, rows });
  };

  const layout = layoutTables(html);
  let tables = 0;
  /** The tables open around the current tag, each true when it is layout. */
  const opened: boolean[] = [];
  const re = new RegExp(TAGS.source, 'g');
  for (let m = re.exec(html); m; m = re.exec(html)) {
    advance(m.index);
    const closing = m[1] === '/';
    const tag = m[2]?.toLowerCase();
    const attributes = m[3] ?? '';
    const chunk = m[4];
    if (skip) {
      if (tag === skip && closing) skip = undefined;
      continue;
    }
    if (chunk !== undefined) {
      const t = decodeEntities(chunk);
      if (pre) {
        pre.text += t;
      } else if (tableDepth > 0) {
        if (cell !== undefined) cell.text += t;
      } else {
        if (text.trim() === '') textLine = line;
        text += t;
      }
      continue;
    }
    if (!tag) continue;
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'title') {
      if (!closing) skip = tag;
      continue;
    }
    if (pre) {
      if (tag === 'pre') pre.depth += closing ? -1 : 1;
      if (tag === 'br') pre.text += '\n';
      if (pre.depth === 0) endPre();
      continue;
    }
    if (tag === 'pre' && !closing && tableDepth === 0) {
      flush();
      pre = { text: '', line, depth: 1 };
      continue;
    }
    // A layout table's rows and cells are the page's blocks, not a grid.
    if (tag === 'table' && !closing && tableDepth === 0 && layout[tables] === true) {
      tables++;
      opened.push(true);
      flush();
      continue;
    }
    if (tag === 'table' && closing && tableDepth === 0 && opened[opened.length - 1] === true) {
      opened.pop();
      flush();
      continue;
    }
    if (tableDepth === 0 && opened.length > 0 && (tag === 'tr' || tag === 'td' || tag === 'th')) {
      flush();
      continue;
    }
    if (tag === 'table') {
      if (!closing) tables++;
      if (!closing) {
        if (tableDepth === 0) {
          flush();
          grid = new TableGrid();
          tableLine = line;
        }
        tableDepth++;
      } else if (tableDepth > 0) {
        tableDepth--;
        if (tableDepth === 0) endTable();
      }
      continue;
    }
    if (tableDepth > 0) {
      if (tag === 'tr' && tableDepth === 1) {
        endCell();
        if (closing) grid.endRow();
        else grid.startRow(line);
      } else if ((tag === 'td' || tag === 'th') && tableDepth === 1) {
        endCell();
        if (!closing) {
          if (!grid.inRow) grid.startRow(line);
          cell = {
            text: '',
            colspan: spanAttribute(attributes, COLSPAN, MAX_COLSPAN),
            rowspan: spanAttribute(attributes, ROWSPAN, MAX_ROWSPAN),
          };
        }
      } else if (cell !== undefined && (tag === 'br' || tag === 'p' || tag === 'div')) {
        cell.text += '\n';
      }
      continue;
    }
    if (tag === 'br') {
      flush();
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      const h = /^h([1-6])$/.exec(tag);
      heading = h?.[1] && !closing ? Number(h[1]) : undefined;
    }
  }
  advance(html.length);
  endPre();
  if (tableDepth > 0) endTable();
  flush();
  const notes = decoded.encoding === 'gb18030' ? ['页面按 GB18030 编码读取'] : [];
  return {
    ok: true,
    document: { fileName, format: 'html', blocks: withoutWebChrome(blocks), notes },
  };
}
