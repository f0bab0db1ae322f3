import { headingNumber } from '../heading.ts';
import { firstPieceWidth, HANGING } from './pdf-lines.ts';
import type { Line } from './pdf-lines.ts';

/** Where a page's body text starts and ends, and its line pitch: what tells a paragraph's lines. */
export interface Margins {
  left: number;
  right: number;
  /** Distance between the baselines of two lines of one paragraph. */
  pitch: number;
  /** The page's width (a margin carries over only to a page of the same width). */
  width: number;
}

/**
 * The right edge of the text: the furthest line end that two lines reach (within a fifth of the
 * size), not counting punctuation hung past the margin; ragged text reaches it on its wrapped
 * lines, justified text on every full one.
 */
function rightEdge(lines: readonly Line[], body: number): number | undefined {
  const widest = Math.max(0, ...lines.map((l) => l.x1));
  const ends = lines
    .filter((l) => !HANGING.test(l.text))
    .map((l) => l.x1)
    .sort((a, b) => b - a);
  for (let i = 0; i + 1 < ends.length; i++) {
    const a = ends[i] ?? 0;
    // Only near the widest line: two short headings ending alike say nothing of the margin.
    if (a < widest - body * 3) return undefined;
    if (a - (ends[i + 1] ?? 0) <= body * 0.2) return a;
  }
  return undefined;
}

/** The lines set in the body's size. */
export function bodyLines(lines: readonly Line[], body: number): Line[] {
  return lines.filter((l) => Math.abs(l.size - body) < 1);
}

/**
 * The distance between the baselines of two lines of one paragraph, over the whole document: a
 * page of short paragraphs set apart by blank lines shows only wider gaps.
 */
export function bodyPitch(pages: readonly (readonly Line[])[], body: number): number {
  const gaps: number[] = [];
  for (const page of pages) {
    const lines = bodyLines(page, body);
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1];
      const b = lines[i];
      if (!a || !b) continue;
      const g = a.y - b.y;
      if (g > body * 0.8 && g < body * 3) gaps.push(g);
    }
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? body * 1.8;
}

/**
 * The right edge of the text over the whole document, for each page width: what a page of short
 * lines only (table cells one per line, a list, a signature page) cannot show by itself.
 */
export function documentRightEdges(
  pages: readonly { width: number; lines: readonly Line[] }[],
  body: number,
): Map<number, number> {
  const byWidth = new Map<number, Line[]>();
  for (const p of pages) {
    const key = Math.round(p.width);
    const lines = byWidth.get(key) ?? [];
    lines.push(...bodyLines(p.lines, body));
    byWidth.set(key, lines);
  }
  const edges = new Map<number, number>();
  for (const [width, lines] of byWidth) {
    const edge = rightEdge(lines, body);
    if (edge !== undefined) edges.set(width, edge);
  }
  return edges;
}

/**
 * A page's margins and pitch from its body lines; a page with too few keeps the last page's.
 * A page whose lines all stop well short of the document's right edge takes the document's:
 * otherwise its widest short line would pass for a full one and run into the next line.
 */
export function pageMargins(
  pageLines: readonly Line[],
  width: number,
  body: number,
  pitch: number,
  fallback: Margins | undefined,
  documentRight?: number,
): Margins {
  const lines = bodyLines(pageLines, body);
  if (lines.length < 3 && fallback) return fallback;
  const lefts = lines.map((l) => l.x0).sort((a, b) => a - b);
  const left = lefts[Math.floor(lefts.length * 0.1)] ?? 0;
  // An edge that would leave a column narrower than 60% of the page's text width is two short
  // lines (cells, list items) ending alike, not the margin.
  const even = width - left;
  const plausible = (edge: number | undefined): number | undefined =>
    edge !== undefined && edge - left >= (even - left) * 0.6 ? edge : undefined;
  const own = plausible(rightEdge(lines, body));
  const known =
    plausible(documentRight) ??
    (fallback && Math.abs(fallback.width - width) < 1 ? fallback.right : undefined);
  // With nothing known, text this short is ragged text that never reached the margin: the
  // page's margins are taken to be even (right edge = width − left margin).
  const right =
    own !== undefined && (known === undefined || own >= known - body * 3)
      ? own
      : (known ?? Math.max(even, ...lines.map((l) => l.x1)));
  return { left, right, pitch, width };
}

/** A heading number after a finished sentence starts a new paragraph, wherever the line ended. */
const SENTENCE_END = /[。！？；：:]$/;

/**
 * Whether line `b` continues the paragraph that line `a` ends (same page or the next one): a
 * title set larger than the body goes on while its size does; a body line goes on when `a`
 * starts at the margin or an indent and runs so close to the right margin that the start of `b`
 * would not have fitted (text set ragged breaks a line up to a word early), and `b` starts at
 * the left margin (a right-aligned signature or an indented next paragraph does not). A line
 * that starts with the number after the one the paragraph (its `first` line) started with is
 * the list's next item.
 */
export function continues(
  a: Line,
  am: Margins,
  b: Line,
  bm: Margins,
  samePage: boolean,
  body: number,
  first: Line = a,
): boolean {
  if (Math.abs(a.size - b.size) > 0.6) return false;
  if (samePage) {
    const gap = a.y - b.y;
    if (gap <= 0) return false;
    if (a.size >= body * 1.2) return gap <= a.size * 2.6;
    if (gap > Math.max(am.pitch, a.size * 1.1) * 1.3) return false;
  } else if (a.size >= body * 1.2) return false;
  const next = headingNumber(b.text);
  if (next !== undefined) {
    if (SENTENCE_END.test(a.text)) return false;
    // The next item of the list this paragraph opened ("2.…" then "3.…"), however full the line.
    // A numbered line that stops short of the margin with no sentence in it is a heading of
    // its own ("一、项目资金情况" under a title that happened to fill its line).
    if (
      (next.number.style === 'cn-dun' || next.number.style === 'cn-paren') &&
      !/[，。；：！？,;:]/.test(next.rest) &&
      b.x1 < bm.right - b.size * 2
    )
      return false;
    const opened = headingNumber(first.text);
    if (opened?.number.style === next.number.style && next.number.value === opened.number.value + 1)
      return false;
  }
  // The first line of a paragraph may be indented, by spaces as much as by style.
  const fromLeft = a.x0 <= am.left + a.size * 8;
  // Full: the start of the next line would not have fitted at the end of this one.
  const full =
    a.x1 >= am.right - a.size * 0.3 || a.x1 + firstPieceWidth(a, b) > am.right - a.size * 0.05;
  const atLeft = b.x0 <= bm.left + b.size * 0.5;
  return fromLeft && full && atLeft;
}
