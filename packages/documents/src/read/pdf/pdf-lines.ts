import type { Bbox } from '../block.ts';
import type { TextRun } from './pdf-page.ts';
import { runBox, unionBox } from './pdf-page.ts';

/** Runs on one baseline, left to right. */
export interface Line {
  runs: TextRun[];
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  /** The largest font size on the line. */
  size: number;
  bbox: Bbox;
  /** OCR only: the lowest confidence of its words that hold a digit. */
  confidence?: number;
}

const CJK =
  /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef—…“”‘’、，。；：？！（）《》【】]/;
const LETTER = /[A-Za-z]/;

/**
 * Joins two pieces of text of one line or of a wrapped sentence: nothing between Chinese
 * characters (a PDF's own spaces there are only Word's spacing between scripts) or digits, one
 * space between Latin words.
 */
export function joinText(a: string, b: string, gapped: boolean): string {
  const last = a.slice(-1);
  const first = b.slice(0, 1);
  if (a === '' || b === '') return a + b;
  if (CJK.test(last) || CJK.test(first)) return a + b;
  // Digits run on: a number wrapped in a narrow cell is one number ("202" + "3年").
  return gapped && LETTER.test(last) && LETTER.test(first) ? `${a} ${b}` : a + b;
}

/** Spaces that only separate a Chinese character from its neighbour are dropped. */
export function tidy(text: string): string {
  return text
    .replace(/[ \u00a0]+/g, ' ')
    .replace(/ (?=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])/g, '')
    .replace(/([\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]) /g, '$1')
    .trim();
}

/** Groups runs into lines by their baselines (within a third of the font size), top to bottom. */
export function linesOf(runs: readonly TextRun[]): Line[] {
  const sorted = runs.filter((r) => r.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const group = groups[groups.length - 1];
    const head = group?.[0];
    if (group && head && Math.abs(head.y - run.y) <= Math.max(head.size, run.size) * 0.35)
      group.push(run);
    else groups.push([run]);
  }
  const lines: Line[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    let box: Bbox | undefined;
    let size = 0;
    let confidence: number | undefined;
    for (const run of group) {
      const gapped = run.x - end > run.size * 0.2;
      text = run.text.trim() === '' ? text + (gapped ? ' ' : '') : joinText(text, run.text, gapped);
      end = Math.max(end, run.x + run.width);
      if (run.text.trim() === '') continue;
      box = unionBox(box, runBox(run));
      size = Math.max(size, run.size);
      // What an uncertain reading can mislead about is a figure: the confidence of a line is
      // that of its least certain word with a digit.
      if (run.confidence !== undefined && /\d/.test(run.text))
        confidence = Math.min(confidence ?? run.confidence, run.confidence);
    }
    const clean = tidy(text);
    if (clean === '' || !box) continue;
    const line: Line = {
      runs: group,
      text: clean,
      x0: box[0],
      x1: box[2],
      y: group[0]?.y ?? 0,
      size,
      bbox: box,
    };
    if (confidence !== undefined) line.confidence = confidence;
    lines.push(line);
  }
  return lines;
}

/** The text of a cell's lines: wrapped lines joined as one text. */
export function joinLineTexts(lines: readonly Line[]): string {
  let text = '';
  for (const l of lines) text = joinText(text, l.text, true);
  return text;
}

/** Punctuation a CJK line may let hang past the right margin (LibreOffice, Word). */
export const HANGING = /[，。、；：！？”’）》」』】,.;:!?)]$/;

const OPENING = /[“‘（《【「『([]/;
const WORD = /[A-Za-z0-9.,%‰:/\-+_~'’]/;
const LATIN = /[A-Za-z0-9]/;
const CLOSING = /[：；！？）》」』】”’:;!?)\]]/;

/**
 * The width the start of line `b` needs where line `a` ends: its first unbreakable piece (an
 * opening mark with what follows it, a number or Latin word, or one character), plus the
 * space set between Chinese and Latin text when the two meet.
 */
export function firstPieceWidth(a: Line, b: Line): number {
  const chars: { ch: string; end: number }[] = [];
  for (const run of b.runs) {
    const list = [...run.text];
    const advance = list.length > 0 ? run.width / list.length : 0;
    list.forEach((ch, i) => {
      if (ch.trim() !== '') chars.push({ ch, end: run.x + advance * (i + 1) });
    });
  }
  let i = 0;
  while (i < chars.length - 1 && OPENING.test(chars[i]?.ch ?? '')) i++;
  const first = chars[i]?.ch ?? '';
  if (LATIN.test(first)) while (i + 1 < chars.length && WORD.test(chars[i + 1]?.ch ?? '')) i++;
  // Closing marks that may not start a line go with it; only 、。，． may hang past the margin.
  while (i + 1 < chars.length && CLOSING.test(chars[i + 1]?.ch ?? '')) i++;
  const end = chars[i]?.end ?? b.x1;
  const last = a.text.slice(-1);
  const space = LATIN.test(first) !== LATIN.test(last) && !HANGING.test(last) ? b.size * 0.2 : 0;
  return end - b.x0 + space;
}
