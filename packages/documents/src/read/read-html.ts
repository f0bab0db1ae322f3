import type { Block, ReadResult, TableRow } from './block.ts';
import { readFailure, tableText } from './block.ts';
import { headingInfo } from './heading.ts';
import { decodeText } from './read-text.ts';

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

/**
 * Reads a portal page: headings, paragraphs and tables, with a small tolerant tokenizer
 * (unclosed tags, stray text, scripts and styles skipped). Positions are source line numbers.
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
  let rows: TableRow[] = [];
  let row: TableRow | undefined;
  let cell: string | undefined;
  let tableLine = 1;

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
    if (cell !== undefined && row) row.cells.push(cell.replace(/[ \t\r\n\u00a0]+/g, ' ').trim());
    cell = undefined;
  };
  const endRow = (): void => {
    endCell();
    if (row && row.cells.length > 0) rows.push(row);
    row = undefined;
  };

  const re = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<![^>]*>|([^<]+|<)/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    advance(m.index);
    const closing = m[1] === '/';
    const tag = m[2]?.toLowerCase();
    const chunk = m[3];
    if (skip) {
      if (tag === skip && closing) skip = undefined;
      continue;
    }
    if (chunk !== undefined) {
      const t = decodeEntities(chunk);
      if (tableDepth > 0) {
        if (cell !== undefined) cell += t;
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
    if (tag === 'table') {
      if (!closing) {
        if (tableDepth === 0) {
          flush();
          rows = [];
          tableLine = line;
        }
        tableDepth++;
      } else if (tableDepth > 0) {
        tableDepth--;
        if (tableDepth === 0) {
          endRow();
          if (rows.length > 0)
            blocks.push({ kind: 'table', text: tableText(rows), line: tableLine, rows });
        }
      }
      continue;
    }
    if (tableDepth > 0) {
      if (tag === 'tr' && tableDepth === 1) {
        endRow();
        if (!closing) row = { cells: [], line };
      } else if ((tag === 'td' || tag === 'th') && tableDepth === 1) {
        endCell();
        if (!closing) {
          if (!row) row = { cells: [], line };
          cell = '';
        }
      } else if (cell !== undefined && (tag === 'br' || tag === 'p' || tag === 'div')) {
        cell += '\n';
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
  if (tableDepth > 0) {
    endRow();
    if (rows.length > 0)
      blocks.push({ kind: 'table', text: tableText(rows), line: tableLine, rows });
  }
  flush();
  const notes = decoded.encoding === 'gb18030' ? ['页面按 GB18030 编码读取'] : [];
  return { ok: true, document: { fileName, format: 'html', blocks, notes } };
}
