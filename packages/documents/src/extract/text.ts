import { digitYears, displayWidth, normalizeDigits } from '@jixiao/domain';
import type { SourceRef } from '@jixiao/domain';
import type { Block } from '../read/block.ts';
import { looksRunTogether } from './run-together.ts';
import { isTotalRow } from './table-vocabulary.ts';

// A memo of one document is a new map, not an emptied one: a long-lived map emptied and filled
// again with each document's fresh strings costs several times as much to fill (measured: 300
// entries about 0.5 ms against 0.03 ms), as the collector tracks every new entry of an old table.
let squashed = new Map<string, string>();

/** Forgets the paragraphs of the previous document (caches last one document, no longer). */
export function forgetSquashed(): void {
  squashed = new Map();
}

/** Text for pattern matching: ASCII digits, no whitespace (Chinese needs none), ％ → %. */
export function squash(text: string): string {
  const hit = squashed.get(text);
  if (hit !== undefined) return hit;
  const out = squashUncached(text);
  // The same paragraphs are matched by several extractors: remember the recent ones.
  if (squashed.size > 5_000) squashed = new Map();
  squashed.set(text, out);
  return out;
}

/** Full-width digits, point, minus or percent sign: most text has none, and skips their rewrites. */
const FULL_WIDTH_SIGNS = /[０-９．－％]/;
const SPACES = /[\s\u3000\u00a0]+/g;

function squashUncached(text: string): string {
  // Spaces first: a PDF's text may space a figure's digits apart ("１，１８ ６．４２").
  const compact = text.replace(SPACES, '');
  const wide = FULL_WIDTH_SIGNS.test(compact)
    ? normalizeDigits(compact).replace(/[％]/g, '%')
    : compact;
  // A year in Chinese digits (二〇二三年) is matched as one in ASCII digits.
  return digitYears(wide);
}

/** A number as written: "3385.52", "2,477.10". */
export const NUM = '(\\d+(?:,\\d{3})*(?:\\.\\d+)?)';
/**
 * An amount with its unit, captured whole ("2477.1万元", "24771000.00元", "0.34亿元"): reports state
 * their money in 元, 万元 or 亿元, often one unit in the text and another in the tables.
 */
export const AMOUNT = '(\\d+(?:,\\d{3})*(?:\\.\\d+)?(?:亿元|万元|元))';

export interface Sentence {
  /** Squashed text of the sentence. */
  text: string;
  /** The sentence as written, for excerpts. */
  raw: string;
  line: number;
  /** Index of the block it came from. */
  block: number;
}

/** Splits paragraphs into sentences at 。！？ (keeping the stop), each with its line. */
export function sentencesOf(blocks: readonly Block[]): Sentence[] {
  const out: Sentence[] = [];
  blocks.forEach((b, index) => {
    if (b.kind === 'table') return;
    for (const part of splitAfterStops(b.text)) {
      const r = part.trim();
      // A sentence is seen once: squashed without the shared cache's hashing and upkeep.
      if (r !== '') out.push({ text: squashUncached(r), raw: r, line: b.line, block: index });
    }
  });
  return out;
}

/**
 * The text cut after each 。！？!? (the stop kept), as `text.split(/(?<=[。！？!?])/)` cuts it,
 * without running a look-behind at every character.
 */
export function splitAfterStops(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (!isStop(text.charCodeAt(i))) continue;
    out.push(text.slice(from, i + 1));
    from = i + 1;
  }
  out.push(text.slice(from));
  return out;
}

/** 。！？!? */
const isStop = (c: number): boolean =>
  c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;

const EXCERPT_MAX = 160;

/** A citation: the sentence shortened around `focus` when it is long. */
export function sourceRef(line: number, raw: string, focus?: string): SourceRef {
  return { line, excerpt: excerptOf(raw, focus) };
}

export function excerptOf(raw: string, focus?: string): string {
  const r = raw.trim();
  if (r.length <= EXCERPT_MAX) return r;
  const at = focus ? r.indexOf(focus) : -1;
  if (at < 0) return `${r.slice(0, EXCERPT_MAX)}…`;
  const start = Math.max(0, at - 60);
  const end = Math.min(r.length, start + EXCERPT_MAX);
  return `${start > 0 ? '…' : ''}${r.slice(start, end)}${end < r.length ? '…' : ''}`;
}

/** "3,385.52" → "3385.52" */
export function plainNumber(text: string): string {
  return text.replace(/,/g, '');
}

/** Ends a sentence: a line ending so was not cut mid-sentence. */
const SENTENCE_END = /[。！？!?]$/;
/** Starts an item of its own (a bullet, a number, a table's or an attachment's title). */
const ITEM_START =
  /^(?:[-•·*●■◆▪→※]|[（(]?[\d０-９一二三四五六七八九十]{1,3}[）)、.．](?![\d０-９])|[\u2460-\u2487]|(?:表|图|附件|附表)\s*[\d０-９一二三四五六七八九十]|注[：:])/;
/** A line standing alone as a title ("…自评报告", "…情况"). */
const TITLE_LINE = /(?:报告|报告书|表|情况|结果公开|公告|公示|通知|目录)$/;
/** A row of a table written with tabs or a wide gap. */
const WIDE_ROW = /\t|\S {3,}\S/;
/** A figure standing alone between spaces ("5", "97.72%", "—"). */
const FIGURE_TOKEN = /^(?:[-—–]+|[≥≤<>=＞＜＝]?[\d０-９.．,，%％]+)$/;
/** What follows a figure in prose written with spaces ("3,352.80 万元", "2023 年"). */
const UNIT_AFTER = /^[年月日万元亿个人项名户次%％]/;

/**
 * A row of a table written with spaces: a tab or a wide gap, four short words or more, or three
 * words or more with a figure standing alone that is not followed by its unit (PDF prose spaces its figures: "2023 年").
 */
function looksLikeRow(text: string): boolean {
  if (WIDE_ROW.test(text)) return true;
  const words = text.split(/\s+/).filter((w) => w !== '');
  if (words.length < 3) return false;
  // A header row: four short words or more ("一级指标 二级指标 三级指标 分值").
  if (words.length >= 4 && words.every((w) => [...w].length <= 10)) return true;
  return words.some((w, i) => FIGURE_TOKEN.test(w) && !UNIT_AFTER.test(words[i + 1] ?? ''));
}
/** A line that is only a figure or a short cell ("96.8%", "≥90%", "10"): a table's cell. */
const FIGURE_CELL = /^[≥≤<>=＞＜＝]?[\d０-９.．,%％]+[\p{Script=Han}]{0,2}$/u;
/** A comma, a stop or an enumeration comma: a line of prose has one, a table row rarely. */
const PROSE_MARK = /[，。；、！？,;]/;
/** Whether a line has a comma or stop outside its figures ("3,116,000.00" has none). */
const proseMarked = (text: string): boolean => PROSE_MARK.test(text.replace(/(?<=\d),(?=\d)/g, ''));
/** A bracketed aside ("（分值30分，得分30分）"). */
const BRACKETED = /[（(][^（）()]*[）)]/g;
/** Figures glued to each other ("3,310.003,352.80", "97.72%9.77"): cells run together. */
const GLUED_FIGURES = /\d\.\d{2}\d[\d,]*\.\d|[\d.]%[\d.]/;
/** Shortest line a fixed-width wrap leaves (narrower pages are not seen in reports). */
const MIN_WRAPPED = 16;

/**
 * The width lines were wrapped at, when the text shows one: the width (±2) most lines that do not
 * end a sentence share, if at least 4 lines and 40% of them do. Undefined when the lines end
 * where their sentences or cells end, or were cut at no single width.
 */
function wrapWidth(lines: readonly string[]): number | undefined {
  const widths = lines
    .filter((t) => [...t].length >= MIN_WRAPPED && !SENTENCE_END.test(t) && !looksLikeRow(t))
    .map(displayWidth);
  if (widths.length < 4) return undefined;
  let best = 0;
  let bestCount = 0;
  for (const w of new Set(widths)) {
    const n = widths.filter((x) => Math.abs(x - w) <= 2).length;
    if (n > bestCount || (n === bestCount && w > best)) {
      best = w;
      bestCount = n;
    }
  }
  return bestCount >= 4 && bestCount >= widths.length * 0.4 ? best : undefined;
}

/**
 * Joins the lines of plain text that a hard wrap cut mid-sentence (PDF text, text exported at a
 * fixed width: "全年支出合计3,286.45万元，其中：基本支出2,104.37万元，项目支出1,1" + "72.08万元")
 * into the paragraphs they were. A line is joined to the next when both are prose lines standing
 * next to each other (no blank line between, or only a page's furniture that was dropped), the
 * line is long (as long as the wrap width, when the text shows one) and does not end its
 * sentence, and the next line starts no item of its own (no heading number, bullet, table title)
 * and is no table row or lone figure. Headings, titles, tables, separate paragraphs and list
 * items stay as they are. `dropped` holds the lines of blocks dropped before (page numbers and
 * running headers): a wrap goes on across them.
 */
export function joinWrappedLines(blocks: readonly Block[], dropped: ReadonlySet<number>): Block[] {
  const width = wrapWidth(
    blocks.filter((b) => b.kind === 'paragraph' && !b.cell).map((b) => b.text.trim()),
  );
  const out: Block[] = [];
  let last: { block: Block; lastLine: number; lines: number; tail: string } | undefined;
  // Lines where a block starts: the others between two paragraphs of a .txt are blank.
  const starts = new Set(blocks.map((b) => b.line));
  for (const l of dropped) starts.add(l);
  // Next to each other: nothing between, or a page's furniture (with the blank lines a PDF's
  // text puts around it); a blank line alone parts two paragraphs.
  const adjacent = (from: number, to: number): boolean => {
    let furniture = false;
    let blank = false;
    for (let l = from + 1; l < to; l++) {
      if (dropped.has(l)) furniture = true;
      else if (starts.has(l)) return false;
      else blank = true;
    }
    return to > from && (furniture || !blank);
  };
  for (const b of blocks) {
    const text = b.text.trim();
    const prev = last;
    if (
      prev &&
      b.kind === 'paragraph' &&
      !b.cell &&
      !prev.block.cell &&
      (prev.block.kind === 'paragraph' ||
        (prev.block.kind === 'heading' &&
          (figureSplit(prev.tail, text) ||
            clauseCut(prev.tail, text) ||
            RUN_IN_PROSE.test(prev.tail)))) &&
      adjacent(prev.lastLine, b.line) &&
      wrappedBefore(prev, text, width)
    ) {
      prev.block = { ...prev.block, text: `${prev.block.text.trimEnd()}${text}` };
      out[out.length - 1] = prev.block;
      prev.lastLine = b.line;
      prev.lines++;
      prev.tail = text;
      continue;
    }
    out.push(b);
    last = b.kind === 'table' ? undefined : { block: b, lastLine: b.line, lines: 1, tail: text };
  }
  return out;
}

/**
 * A heading's line that goes on as prose after a sentence of its own ("（一）产出指标（40分），得分
 * 40分。截至年底，全市共举办文" + "化惠民演出648场…"): the wrap cut that prose, not the heading.
 */
const RUN_IN_PROSE = /[。；;][^。；;]{4,}$/;

/**
 * A line ending on a digit and the next opening on the rest of the figure with its unit and a
 * comma ("…合同金额43" + "4.4万元，较上年…"): the wrap cut one figure of running prose in two.
 */
function figureSplit(tail: string, next: string): boolean {
  return (
    /\d$/.test(tail) &&
    /^\d[\d.]*(?:万元|亿元|元|%|％|万|个|人)[，,。；;]/.test(next) &&
    !looksLikeRow(tail) &&
    !looksRunTogether(tail) &&
    !GLUED_FIGURES.test(tail)
  );
}

/**
 * A clause of prose cut right before its figure ("…年度指标值≥120个，实际完成" + "134个，完成率
 * 111.67%，…"): the next line goes on with the figure, its unit and a comma, which no paragraph
 * opens with, so the wrap cut it, whatever the width of the line.
 */
function clauseCut(tail: string, next: string): boolean {
  return (
    /[\u4e00-\u9fa5]$/.test(tail) &&
    /[，,]/.test(tail) &&
    /^\d[\d.,]*(?:万元|亿元|元|%|％|万|个|人|项|次|套|台|所|户|名|家)[，,；;]/.test(next) &&
    !looksLikeRow(tail)
  );
}

function wrappedBefore(
  prev: { block: Block; lines: number; tail: string },
  next: string,
  width: number | undefined,
): boolean {
  const tail = prev.tail;
  if ([...tail].length < MIN_WRAPPED || SENTENCE_END.test(tail)) return false;
  if (clauseCut(tail, next)) return true;
  // No line of its own opens on a clause mark: one that does goes on with the prose before it,
  // however short that line ("…全年实际支出18,912.36万元" + "，预算执行率97.56%。").
  if (/^[，,、；;：:。）)]/.test(next) && !looksLikeRow(tail)) return true;
  if (width !== undefined && displayWidth(tail) < width - 4) return false;
  // A figure cut by the wrap ("…合同金额43" + "4.4万元，较上年…") is one figure, even after a
  // numbered title's brackets: prose goes on after it.
  if (figureSplit(tail, next)) return true;
  // A title on a line of its own, and the first line of a table written with spaces.
  if (prev.lines === 1 && TITLE_LINE.test(tail)) return false;
  // A numbered title with no clause of prose outside its brackets ("（二）效益指标（分值30分）").
  if (prev.lines === 1 && ITEM_START.test(tail) && !proseMarked(tail.replace(BRACKETED, '')))
    return false;
  if (looksLikeRow(tail) || looksLikeRow(next)) return false;
  // Prose has its commas; a table's row whose cells ran together has none, or figures glued.
  if (!proseMarked(tail) && !proseMarked(next)) return false;
  if (GLUED_FIGURES.test(tail) || GLUED_FIGURES.test(next)) return false;
  // A row of a 自评表 whose cells ran together ("…≥3200人3245人1010"), or one ending on its
  // 偏差原因 sentence, is a line of its own.
  if (looksRunTogether(tail) || looksRunTogether(next)) return false;
  if (next === '' || ITEM_START.test(next) || FIGURE_CELL.test(next)) return false;
  // A table's total row (总分, 合计) written one cell per line after a row's 偏差原因: no prose
  // goes on with it.
  if (isTotalRow(next)) return false;
  return true;
}

/** The lines of the blocks of `all` that `kept` left out (page furniture dropped). */
export function droppedLines(all: readonly Block[], kept: readonly Block[]): Set<number> {
  const keep = new Set(kept);
  return new Set(all.filter((b) => !keep.has(b) && b.kind !== 'table').map((b) => b.line));
}
