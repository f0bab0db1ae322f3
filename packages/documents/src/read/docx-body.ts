import type { Block, TableRow } from './block.ts';
import { pushCell, pushGap, squareRows, tableText } from './block.ts';
import { headingInfo } from './heading.ts';

/** What the body scanner needs from numbering.xml and styles.xml. */
export interface BodyContext {
  /** Number text of a numbered paragraph ("一、"), advancing its counter. */
  numberText(numId: string, ilvl: number): string;
  /** Heading level a paragraph style declares. */
  styleLevel(styleId: string): number | undefined;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML text with its character and entity references resolved. */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : whole;
    }
    return ENTITY[e.toLowerCase()] ?? whole;
  });
}

const VAL = /w:val="([^"]*)"/;
const SLASH = 0x2f;

/** A tag name's first character: an ASCII letter. */
function isNameStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** A tag name's other characters: letters, digits, _ : . - */
function isNameChar(c: number): boolean {
  return (
    isNameStart(c) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c === 0x3a ||
    c === 0x2e ||
    c === 0x2d
  );
}

/** The tags the scanner reads, by the character after "w:". */
const TAGS_BY_FIRST = new Map<number, readonly string[]>();
for (const tag of [
  'w:p',
  'w:pPr',
  'w:pStyle',
  'w:numId',
  'w:ilvl',
  'w:t',
  'w:tab',
  'w:br',
  'w:cr',
  'w:del',
  'w:instrText',
  'w:delText',
  'w:tbl',
  'w:tr',
  'w:gridBefore',
  'w:gridAfter',
  'w:gridSpan',
  'w:tc',
  'w:vMerge',
]) {
  const first = tag.charCodeAt(2);
  TAGS_BY_FIRST.set(first, [...(TAGS_BY_FIRST.get(first) ?? []), tag]);
}

/** The tags the scanner reads that a tag name at `start` may be, by its first characters. */
function candidatesAt(xml: string, start: number): readonly string[] | undefined {
  if (xml.charCodeAt(start) !== 0x77 || xml.charCodeAt(start + 1) !== 0x3a) return undefined;
  return TAGS_BY_FIRST.get(xml.charCodeAt(start + 2));
}

/**
 * The name of the tag at `start` when the scanner reads it, else undefined: compared in place,
 * so the many tags it skips (runs, fonts, sizes, spacing) allocate no name.
 */
function knownTag(
  xml: string,
  start: number,
  end: number,
  candidates: readonly string[],
): string | undefined {
  for (const tag of candidates)
    if (tag.length === end - start && xml.startsWith(tag, start)) return tag;
  return undefined;
}

interface Paragraph {
  parts: string[];
  style?: string;
  numId?: string;
  ilvl: number;
}
interface Cell {
  lines: string[];
  continued: boolean;
  /** Grid columns the cell spans (w:gridSpan). */
  span: number;
}

/** Word allows 63 columns; a larger span is a broken or hostile file, capped. */
const MAX_SPAN = 63;

function spanValue(attributes: string): number {
  const n = Number(VAL.exec(attributes)?.[1] ?? 1);
  return Number.isInteger(n) && n > 1 ? Math.min(n, MAX_SPAN) : 1;
}

/**
 * Scans word/document.xml once with a tag tokenizer (no DOM): paragraphs with their style and
 * numbering, tables expanded to their full grid (a cell spanning columns by w:gridSpan keeps its
 * text in its first column and leaves the others empty, a cell continuing a w:vMerge is empty,
 * w:gridBefore/w:gridAfter are empty cells), so the columns of every row line up. Text comes only
 * from w:t; deletions and field codes are skipped. Positions count paragraphs and table rows in
 * body order.
 */
export function scanDocumentBody(xml: string, context: BodyContext): Block[] {
  const blocks: Block[] = [];
  let position = 0;
  let paragraph: Paragraph | undefined;
  let inText = false;
  let skip = 0;
  let tableDepth = 0;
  let rows: TableRow[] = [];
  let row: TableRow | undefined;
  let rowAfter = 0;
  let cell: Cell | undefined;
  let tableStart = 0;
  let inPPr = false;

  const endParagraph = (p: Paragraph): void => {
    const number = p.numId !== undefined ? context.numberText(p.numId, p.ilvl) : '';
    const joined = number + p.parts.join('');
    const text = (
      joined.includes('[bookmark:') ? joined.replace(/\[bookmark:[^\]]*\]/g, '') : joined
    ).trim();
    if (tableDepth > 0) {
      if (cell && text !== '') cell.lines.push(text);
      return;
    }
    if (text === '') return;
    position++;
    const declared = p.style !== undefined ? context.styleLevel(p.style) : undefined;
    const info = headingInfo(text);
    const block: Block = {
      kind: declared !== undefined || (info !== undefined && !info.runIn) ? 'heading' : 'paragraph',
      text,
      line: position,
    };
    if (p.style !== undefined) block.style = p.style;
    if (declared !== undefined) block.level = declared;
    blocks.push(block);
  };

  // The tokenizer walks the text with indexOf instead of a global regular expression: a match
  // array and its captured strings per tag were most of what reading a .docx allocated.
  const length = xml.length;
  let at = 0;
  while (at < length) {
    const open = xml.indexOf('<', at);
    const textEnd = open < 0 ? length : open;
    if (textEnd > at && inText && skip === 0 && paragraph) {
      paragraph.parts.push(decodeXml(xml.slice(at, textEnd)));
    }
    if (open < 0) break;
    const close = xml.indexOf('>', open);
    if (close < 0) break;
    at = close + 1;
    let start = open + 1;
    const closing = xml.charCodeAt(start) === SLASH;
    if (closing) start++;
    if (!isNameStart(xml.charCodeAt(start))) continue; // declarations, comments
    // Most tags are of no w: name the scanner reads (w:r, w:rPr, w:sz…): told by their first
    // characters, before their name is scanned to its end.
    const candidates = candidatesAt(xml, start);
    if (candidates === undefined) continue;
    let nameEnd = start + 1;
    while (nameEnd < close && isNameChar(xml.charCodeAt(nameEnd))) nameEnd++;
    const name = knownTag(xml, start, nameEnd, candidates);
    if (name === undefined) continue; // run properties, fonts, sizes…: nothing to read
    const selfClosing = xml.charCodeAt(close - 1) === SLASH;
    switch (name) {
      case 'w:p':
        if (closing) {
          if (paragraph) endParagraph(paragraph);
          paragraph = undefined;
        } else if (!selfClosing) paragraph = { parts: [], ilvl: 0 };
        break;
      case 'w:pPr':
        inPPr = !closing && !selfClosing;
        break;
      case 'w:pStyle':
        if (inPPr && paragraph) {
          const v = VAL.exec(xml.slice(nameEnd, close))?.[1];
          if (v !== undefined) paragraph.style = v;
        }
        break;
      case 'w:numId':
        if (inPPr && paragraph) {
          const v = VAL.exec(xml.slice(nameEnd, close))?.[1];
          if (v !== undefined) paragraph.numId = v;
        }
        break;
      case 'w:ilvl':
        if (inPPr && paragraph)
          paragraph.ilvl = Number(VAL.exec(xml.slice(nameEnd, close))?.[1] ?? 0);
        break;
      case 'w:t':
        inText = !closing && !selfClosing;
        break;
      case 'w:tab':
        if (!inPPr && skip === 0 && paragraph && !closing) paragraph.parts.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (skip === 0 && paragraph && !closing) paragraph.parts.push('\n');
        break;
      case 'w:del':
      case 'w:instrText':
      case 'w:delText':
        if (!selfClosing) skip += closing ? -1 : 1;
        break;
      case 'w:tbl':
        if (closing) {
          tableDepth--;
          if (tableDepth === 0 && rows.length > 0) {
            squareRows(rows);
            blocks.push({ kind: 'table', text: tableText(rows), line: tableStart, rows });
          }
        } else if (!selfClosing) {
          if (tableDepth === 0) {
            rows = [];
            tableStart = position + 1;
          }
          tableDepth++;
        }
        break;
      case 'w:tr':
        if (tableDepth !== 1) break;
        if (closing) {
          if (row) {
            for (let i = 0; i < rowAfter; i++) pushGap(row);
            rows.push(row);
          }
          row = undefined;
        } else if (!selfClosing) {
          position++;
          row = { cells: [], line: position };
          rowAfter = 0;
        }
        break;
      case 'w:gridBefore':
        // Grid columns skipped before the row's first cell (it comes before any w:tc).
        if (row && !cell && tableDepth === 1) {
          const n = spanValue(xml.slice(nameEnd, close));
          for (let i = 0; i < n; i++) pushGap(row);
        }
        break;
      case 'w:gridAfter':
        if (row && !cell && tableDepth === 1) rowAfter = spanValue(xml.slice(nameEnd, close));
        break;
      case 'w:gridSpan':
        if (cell && tableDepth === 1) cell.span = spanValue(xml.slice(nameEnd, close));
        break;
      case 'w:tc':
        if (tableDepth !== 1) break;
        if (closing) {
          if (cell && row) {
            pushCell(row, cell.continued ? '' : cell.lines.join('\n'), cell.span);
          }
          cell = undefined;
        } else if (!selfClosing) cell = { lines: [], continued: false, span: 1 };
        break;
      case 'w:vMerge':
        // A continued vertical merge repeats nothing: the cell reads as empty, as in a text export.
        if (cell && tableDepth === 1 && VAL.exec(xml.slice(nameEnd, close))?.[1] !== 'restart')
          cell.continued = true;
        break;
      default:
        break;
    }
  }
  return blocks;
}
