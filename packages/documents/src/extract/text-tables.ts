import type { Block } from '../read/block.ts';
import type { MoneyUnit } from '@jixiao/domain';
import { cellType } from './cell-align.ts';
import { looksRunTogether } from './run-together.ts';
import { readTableStream } from './self-table-stream.ts';
import type { StreamTable, Token } from './self-table-stream.ts';
import {
  PAGE_NUMBERED,
  TABLE_FIELD_LABELS,
  columnOf,
  dashedPage,
  fundRowOf,
  indicatorLevelOf,
  isDistinctiveFundRow,
  isHeaderPrefix,
  isTotalRow,
  SIGN_OFF_FIELD,
  normalizeLabel,
  segmentHeader,
} from './table-vocabulary.ts';

/** The cells of each line already split: anchors, regions and rows ask about the same lines. */
let tokensOf = new WeakMap<Block, Token[]>();

/** Forgets the lines of the previous document (a memo of its own for each, see forgetRelations). */
export function forgetLineTokens(): void {
  tokensOf = new WeakMap();
}

/** The cells of one line of text: split at runs of spaces when it is a row run together. */
function lineTokens(block: Block): Token[] {
  const hit = tokensOf.get(block);
  if (hit) return hit;
  const tokens = splitLine(block);
  tokensOf.set(block, tokens);
  return tokens;
}

function splitLine(block: Block): Token[] {
  const text = block.text.trim();
  const parts = text.split(/[\s\u3000\u00a0]+/).filter((p) => p !== '');
  if (parts.length >= 2 && FIELD.test(normalizeLabel(parts[0] ?? ''))) {
    // "项目名称 XX项目", "部门名称 XX局 主管部门 XX": a field and its value.
    return rowOf(parts, block.line);
  }
  if (parts.length >= 2) {
    const tabbed = block.text.includes('\t');
    // Header words a stray space parted ("全年预 算数 全年执行 数") are counted whole.
    const words = tabbed ? parts : withoutStrayGaps(parts);
    const valueLike = words.filter((p) => cellType(p) !== 'text').length;
    const headerLike = words.filter((p) => columnOf(p) !== undefined || fundRowOf(p)).length;
    // A 加分项/扣分项 row of one figure, its 分值 cell empty ("加分项 创新性做法 0.5 建立…").
    const oneFigureRow =
      valueLike >= 1 && parts.length >= 3 && ADJUSTMENT_ROW.test(normalizeLabel(parts[0] ?? ''));
    if (valueLike >= 2 || headerLike >= 2 || (valueLike >= 1 && headerLike >= 1) || oneFigureRow)
      return rowOf(tabbed ? withEmptyTabCells(block.text) : words, block.line);
  }
  return [{ text, line: block.line }];
}

/**
 * The cells of a tab-separated row, with the empty cells between its figures kept: a tab row
 * says where a cell is empty (an 实际完成值 left blank), so the figures after it keep their
 * columns. Empty cells before the first figure (merged 一级/二级 cells, a 合计 label's span) and
 * after the last cell are dropped as in rows run together.
 */
function withEmptyTabCells(text: string): string[] {
  const cells = text.split('\t').map((c) => c.trim());
  const first = cells.findIndex((c) => c !== '' && cellType(c) !== 'text');
  let last = cells.length - 1;
  while (last >= 0 && cells[last] === '') last--;
  return cells.flatMap((c, k) => {
    if (c === '') return k > first && first >= 0 && k < last ? [''] : [];
    // The tab parts the cells; a space between two Chinese characters inside one is a stray
    // (PDF text spaces out words: "实 际完成率"), a space beside a figure parts figures run together.
    return c
      .replace(HAN_GAP, '')
      .split(/[\s\u3000\u00a0]+/)
      .filter((p) => p !== '');
  });
}

/** A word of the table's vocabulary: a header, a group's name, a fund source or a total. */
const known = (text: string): boolean => {
  const t = normalizeLabel(text);
  return (
    columnOf(t) !== undefined ||
    indicatorLevelOf(t) !== undefined ||
    fundRowOf(t) !== undefined ||
    isTotalRow(t)
  );
};
/** One character that is a cell of its own: a unit, a grade, a yes or no, a 有 or 无. */
const LONE_CELL =
  /^[个人次所台套项件户家座条名辆篇本张份批期天年月日亩吨米元分是否优良中差有无好高低√×]$/u;
const HAN_END = /\p{Script=Han}$/u;
/** A word ending in two Chinese characters: one a lone character may have been cut from. */
const WORD_END = /\p{Script=Han}{2}$/u;
const HAN_START = /^\p{Script=Han}/u;

/**
 * The cells of a row whose cells a space parts, with the stray spaces a PDF's or a web page's
 * text puts inside a cell mended ("二 级指标", "效益指 标", "自评 得 分", "全年实际 值"): words
 * between Chinese characters are joined where together they make a word of the table's
 * vocabulary that none of them is alone, and a lone character that is no cell of its own (no
 * unit, grade or yes/no) is joined to the word before it.
 */
export function withoutStrayGaps(given: readonly string[]): string[] {
  const parts = numberedLabelJoined(given);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    let joined = false;
    if (!known(part))
      for (let j = Math.min(parts.length - 1, i + 3); j > i; j--) {
        const run = parts.slice(i, j + 1);
        const gapsHan = run.every(
          (p, k) => k === 0 || (HAN_END.test(run[k - 1] ?? '') && HAN_START.test(p)),
        );
        if (gapsHan && known(run.join('')) && !known(run[0] ?? '')) {
          out.push(run.join(''));
          i = j;
          joined = true;
          break;
        }
      }
    if (joined) continue;
    const before = out.at(-1);
    // A unit a stray space cut after its multiple ("≤6.5万 元") is the figure's.
    if (before !== undefined && /\d[万亿千百]$/.test(before) && /^\p{Script=Han}$/u.test(part)) {
      out[out.length - 1] = `${before}${part}`;
      continue;
    }
    if (
      before !== undefined &&
      [...part].length === 1 &&
      HAN_START.test(part) &&
      WORD_END.test(before) &&
      !LONE_CELL.test(part) &&
      (!known(before) || known(`${before}${part}`))
    ) {
      out[out.length - 1] = `${before}${part}`;
      continue;
    }
    // A lone character after a whole word of the vocabulary opens the word after it ("经济效益指标
    // 轮 作区亩均增收").
    const next = parts[i + 1];
    if (
      before !== undefined &&
      known(before) &&
      [...part].length === 1 &&
      HAN_START.test(part) &&
      !LONE_CELL.test(part) &&
      next !== undefined &&
      HAN_START.test(next) &&
      !known(next)
    ) {
      out.push(`${part}${next}`);
      i++;
      continue;
    }
    out.push(part);
  }
  return wordsJoined(out);
}

/** Words a qualitative target or actual opens with: a cell of its own, not a name's end. */
const QUALITATIVE =
  /^(?:达标|合格|健全|完善|良好|较好|好|显著|明显|有效|完成|按时|及时|满意|是|否|无|有|提升|提高|改善|稳定|持续|逐步|基本|全部|已)/;
const isWords = (p: string): boolean =>
  /^[\p{Script=Han}“"《（(][^\d]*[\p{Script=Han}”"》）)]$/u.test(p) &&
  !known(p) &&
  !LONE_CELL.test(p);

/**
 * Words of one cell a stray space parted where the row says they are one: the words between a
 * second-level group's name and the row's first figure (its leaf's name: "质量指标 轮作
 * 面积核查准确率 100%"), and the words after the row's last figure (its 偏差原因: "…10 9.67
 * 部分地块因涝灾改 种水稻").
 */
function wordsJoined(parts: readonly string[]): string[] {
  const out = [...parts];
  const joinRun = (from: number): void => {
    let end = from;
    while (end + 1 < out.length && isWords(out[end] ?? '') && isWords(out[end + 1] ?? '')) end++;
    if (end > from) out.splice(from, end - from + 1, out.slice(from, end + 1).join(''));
  };
  // The leaf's words end where its target begins: a figure, a percentage or an expression right
  // after them, and a figure after that (a qualitative target and actual, "健全 健全", are words
  // of their own).
  const level2 = out.findIndex((p) => indicatorLevelOf(normalizeLabel(p)) === 2);
  if (level2 >= 0) {
    let end = level2 + 1;
    while (isWords(out[end] ?? '')) end++;
    const target = cellType(out[end] ?? '');
    if (
      end - level2 > 2 &&
      (target === 'expression' || target === 'percent') &&
      cellType(out[end + 1] ?? '') !== 'text' &&
      !QUALITATIVE.test(out[end - 1] ?? '') &&
      // A 指标解释 between the name and the target is a cell of its own ("培训考核合格率
      // 反映培训考核合格人数占参训人数的比例 ≥95%"): a leaf's name is short.
      [...out.slice(level2 + 1, end).join('')].length <= 18
    )
      joinRun(level2 + 1);
  }
  const lastValue = out.findLastIndex((p) => cellType(p) !== 'text');
  if (lastValue >= 0 && lastValue + 1 < out.length - 1) joinRun(lastValue + 1);
  return out;
}

/**
 * A row that opens with its 序号 names one item before its figures ("4 校舍 维修改造 215.00…"):
 * the words of Chinese between the number and the first figure, none of the table's vocabulary,
 * are one label a stray space parted.
 */
function numberedLabelJoined(parts: readonly string[]): string[] {
  if (!/^\d{1,3}$/.test(parts[0] ?? '')) return [...parts];
  let end = 1;
  while (end < parts.length && /^\p{Script=Han}[^\d]*$/u.test(parts[end] ?? '')) end++;
  const words = parts.slice(1, end);
  if (words.length < 2 || end === parts.length || words.some(known)) return [...parts];
  return [parts[0] ?? '', words.join(''), ...parts.slice(end)];
}

/** The label of a row added to or taken from the total. */
const ADJUSTMENT_ROW = /^(?:加分|减分|加减分|扣分)(?:项|事项)$/;

const HAN_GAP = /(?<=\p{Script=Han})[ \u3000\u00a0]+(?=\p{Script=Han})/gu;

/** A line split into cells is a row: its first cell starts the row. */
const rowOf = (parts: readonly string[], line: number): Token[] =>
  parts.map((p, k) => ({ text: p, line, ...(k === 0 ? { rowStart: true } : {}) }));

/** Whether a line could be a cell of a 自评表 (short, a figure, a header or row label). */
function cellLike(block: Block): boolean {
  const t = normalizeLabel(block.text);
  if (t.length <= 24) return true;
  const tokens = lineTokens(block);
  // A header row whose words ran together ("一级指标二级指标三级指标年度指标值…") is a row too.
  return (
    tokens.length >= 3 ||
    looksRunTogether(t) ||
    (t.length <= 80 && (segmentHeader(t)?.filter((p) => p.key).length ?? 0) >= 3)
  );
}

const PROSE = /[，。；！？]/;

/** Whether a line shows a 自评表 header or fund row: where a table read from text starts. */
function anchorAt(blocks: readonly Block[], i: number): boolean {
  const b = blocks[i];
  if (!b || b.kind === 'table') return false;
  // Prose (a sentence with its stops and commas) never starts a table: skip it cheaply.
  if (b.text.length > 40 && PROSE.test(b.text) && !/\s\d/.test(b.text)) return false;
  const t = normalizeLabel(b.text);
  if (t.length > 200) return false;
  const tokens = lineTokens(b);
  if (tokens.length >= 2) {
    const header = tokens.filter((x) => columnOf(x.text) !== undefined).length;
    if (header >= 3) return true;
    if (
      isDistinctiveFundRow(tokens[0]?.text ?? '') &&
      tokens.slice(1).some((x) => cellType(x.text) !== 'text')
    )
      return true;
  }
  if (t.length <= 80 && !PROSE.test(t) && (segmentHeader(t)?.filter((p) => p.key).length ?? 0) >= 3)
    return true;
  if (t.length > 24) return false;
  // One header word per line (a table exported one cell per line): three within five lines, the
  // first of them this line's (most short lines are none, and are told so before looking ahead).
  if (columnOf(t) === undefined && !isHeaderPrefix(t)) return false;
  let words = 0;
  let joined = '';
  for (let j = i; j < Math.min(blocks.length, i + 8); j++) {
    const x = blocks[j];
    if (!x || x.kind === 'table') break;
    const text = normalizeLabel(x.text);
    if (columnOf(text) !== undefined) words++;
    else if (isHeaderPrefix(text)) {
      joined = text;
      continue;
    } else if (joined && columnOf(joined + text) !== undefined) words++;
    joined = '';
  }
  return words >= 3;
}

const TITLE = /自评表|评价表|指标表|绩效目标表|基础数据表|情况表/;
const FIELD = new RegExp(`^(?:${TABLE_FIELD_LABELS}|单位[：:])`);
const ATTACHMENT = /^附件\s*\d*[:：]?$/;
const SIGN_OFF = new RegExp(`^${SIGN_OFF_FIELD}(?:[：:]|$)`);

/** A table's title line: short, ends in 表 ("2024年度项目支出绩效自评表"). */
const isTitle = (b: Block): boolean => {
  const t = normalizeLabel(b.text);
  return t.length <= 40 && TITLE.test(t) && /表[)）]?$/.test(t.replace(/[（(][^）)]*[）)]$/, ''));
};

export interface TextTable {
  /** The 自评表 read from the lines, when they hold one. */
  table: StreamTable | undefined;
  /** Line of the first and last block the table was read from. */
  from: number;
  to: number;
  /**
   * For a table read out of one line with prose around it (a page's text copied whole): the
   * text of that line before the table and after it, which is the report's prose.
   */
  prose?: { before: string[]; after: string[] };
}

/** Where a table that starts at `i` ends: over cell-like lines, stopping at the next table. */
function regionEnd(blocks: readonly Block[], i: number): number {
  let end = i;
  let gap = 0;
  // Cells of the 年度总体目标 pair still to come: sentences, yet cells of the table.
  let goalCells = 0;
  // Whether the 总分 row has been passed: the indicator block is closed.
  let totalled = false;
  for (let j = i + 1; j < blocks.length; j++) {
    const b = blocks[j];
    if (!b || b.kind === 'table') break;
    const t = normalizeLabel(b.text);
    // After the 总分 row, a line of words over prose ("自评报告" over "根据…，现将…报告如下。",
    // whole or wrapped at the page's width) is the heading of the report after the table.
    if (
      totalled &&
      !/\d/.test(t) &&
      indicatorLevelOf(b.text) === undefined &&
      proseBelow(blocks, j)
    )
      break;
    if (isTotalRow(b.text.trim().split(/[\s\u3000]+/)[0] ?? '')) totalled = true;
    if (goalCells > 0 && b.kind === 'paragraph' && !SIGN_OFF.test(t)) {
      goalCells--;
      end = j;
      gap = 0;
      continue;
    }
    // The pair's header on lines of its own (预期目标 | 实际完成情况): its two cells follow.
    if (
      columnOf(t) === 'actual' &&
      columnOf(normalizeLabel(blocks[j - 1]?.text ?? '')) === 'target'
    )
      goalCells = 2;
    // …or on one line with its cells run together ("年度总体目标 预期目标 实际完成情况").
    const cells = b.text.trim().split(/[\s\u3000]+/);
    if (
      cells.length >= 2 &&
      columnOf(normalizeLabel(cells[cells.length - 1] ?? '')) === 'actual' &&
      columnOf(normalizeLabel(cells[cells.length - 2] ?? '')) === 'target'
    ) {
      goalCells = 2;
      end = j;
      gap = 0;
      continue;
    }
    if (ATTACHMENT.test(t) || SIGN_OFF.test(t) || (isTitle(b) && j > i + 1)) break;
    // "四、存在的问题": a chapter that follows the tables, whatever comes after it, is no cell.
    if (CHAPTER_AFTER_TABLES.test(t)) break;
    // "三、部门整体绩效指标完成情况": a chapter of the report's own (…情况, …说明) is no cell.
    if (CHAPTER_OF_REPORT.test(t)) break;
    // "第三章 绩效目标完成情况", "第四部分 …": a chapter numbered so is never a cell.
    if (ORDINAL_CHAPTER.test(t)) break;
    // A chapter heading followed by a paragraph of prose ("二、支出情况说明" + "2023年度基本支出…，
    // 主要用于…；…。") ends the table: neither is a cell.
    if (b.kind === 'heading' && indicatorLevelOf(b.text) === undefined && proseAfter(blocks, j))
      break;
    // A sentence of prose just before a chapter heading ("项目全年预算…，全年执行…。" then
    // "三、绩效指标完成情况") is the text after the table, not a cell of it.
    const next = blocks[j + 1];
    if (
      next?.kind === 'heading' &&
      indicatorLevelOf(next.text) === undefined &&
      proseAfter(blocks, j - 1)
    )
      break;
    if (cellLike(b) || indicatorLevelOf(b.text) !== undefined) {
      end = j;
      gap = 0;
    } else if (++gap > 1) break;
  }
  return end;
}

/** Headings of the chapters after a report's tables: 存在的问题, 改进措施, 结果应用… */
const CHAPTER_AFTER_TABLES =
  /^[一二三四五六七八九十]{1,3}、[^\d，,；;。]{0,8}(?:问题|改进|措施|建议|下一步|应用|公开)[^\d，,；;。]{0,10}$/;

/** Headings of a report's chapters: "三、绩效目标完成情况", "二、支出情况说明". */
const CHAPTER_OF_REPORT =
  /^[一二三四五六七八九十]{1,3}、[^\d，,；;。]{2,20}(?:情况|说明|分析|结论|概况)$/;

/** Headings numbered as chapters or parts: "第三章 绩效目标完成情况", "第四部分 自评结论". */
const ORDINAL_CHAPTER = /^第[一二三四五六七八九十]{1,3}(?:章|部分)[^\d，,；;。]{0,20}$/;

/**
 * The block after `j` opens a paragraph of prose: a sentence (see proseAfter), or the first line
 * of one wrapped at the page's width (long, punctuated as prose, one piece).
 */
function proseBelow(blocks: readonly Block[], j: number): boolean {
  if (proseAfter(blocks, j)) return true;
  const next = blocks[j + 1];
  if (!next || next.kind !== 'paragraph') return false;
  const t = normalizeLabel(next.text);
  return t.length >= 24 && /[，,《。；]/.test(t) && lineTokens(next).length < 2;
}

/** The block after `j` is a sentence of prose: long, punctuated, not a row of cells. */
function proseAfter(blocks: readonly Block[], j: number): boolean {
  const next = blocks[j + 1];
  if (!next || next.kind !== 'paragraph') return false;
  const t = normalizeLabel(next.text);
  return t.length > 40 && /[，,].*[。；;]$/.test(t) && lineTokens(next).length < 3;
}

/**
 * Finds the tables written as text among the paragraphs (one cell per line, or a row's cells run
 * together on one line as PDF text has them): after an attachment's title, or wherever 自评表
 * headers or fund rows appear. Each is read as a 自评表 when it holds one; either way its lines
 * are a table, not prose.
 */
/** A sentence that ends by naming the unit of the table below it: "…见下表（单位：元）。". */
const UNIT_SENTENCE = /单位[：:]\s*(万元|亿元|元)[）)]?[。.：:]?$/;

/**
 * The money unit the paragraph right above block `at` names for the table it introduces, when
 * it ends so; undefined otherwise.
 */
export function unitAbove(blocks: readonly Block[], at: number): MoneyUnit | undefined {
  const before = blocks[at - 1];
  if (!before || before.kind === 'table') return undefined;
  const m = UNIT_SENTENCE.exec(before.text.replace(/\s+/g, ''));
  return m?.[1] === '元' ? '元' : m?.[1] === '亿元' ? '亿元' : m ? '万元' : undefined;
}

/**
 * A whole 自评表 on one line, its cells parted by single spaces and its rows by nothing (a web
 * page's text of a table, a PDF copied as one paragraph): header words, row labels and figures in
 * one run. Its words are the table's cells one after another, as a table exported one cell per
 * line gives them, so the line is read as that stream: each word a block of its own line, numbered
 * past every real line (GLUED_LINES on), and `real` maps those numbers back to the line they share.
 * The words before the table (a title, a chapter's sentence) stay the line's text.
 */
function unglued(blocks: readonly Block[]): {
  blocks: readonly Block[];
  real: Map<number, number>;
} {
  const real = new Map<number, number>();
  let out: Block[] | undefined;
  blocks.forEach((b, i) => {
    let cells = b.kind === 'table' ? undefined : gluedTableCells(b.text);
    if (!cells) {
      out?.push(b);
      return;
    }
    out ??= blocks.slice(0, i);
    // The text after a table's sign-off may hold the next table (附件3 after 附件2).
    while (cells) {
      if (cells.before) out.push({ ...b, text: cells.before });
      for (const text of cells.table) {
        const line = GLUED_LINES + real.size;
        real.set(line, b.line);
        out.push({ kind: 'paragraph', text, line });
      }
      const after: string | undefined = cells.after;
      cells = after ? gluedTableCells(after) : undefined;
      if (after && !cells) out.push({ ...b, kind: 'paragraph', text: after });
    }
  });
  return { blocks: out ?? blocks, real };
}

/** Where the numbers of the words of a table on one line begin: past any line of a document. */
const GLUED_LINES = 1_000_000_000;

/**
 * The words of a line that holds a whole 自评表, the text before the table and the text after it
 * (from its sign-off on: 填表人：, 单位负责人：…); else undefined.
 */
function gluedTableCells(
  text: string,
): { before: string; table: string[]; after?: string } | undefined {
  if (text.length < GLUED_MIN_LENGTH || fewWords(text)) return undefined;
  const words = withoutPageMarks(text)
    .split(/[\s\u3000\u00a0]+/)
    .filter((w) => w !== '');
  if (words.length < 12) return undefined;
  let headers = 0;
  let figures = 0;
  let labels = 0;
  for (const w of words) {
    if (columnOf(w) !== undefined) headers++;
    else if (cellType(w) !== 'text') figures++;
    else if (isDistinctiveFundRow(w) || indicatorLevelOf(w) !== undefined) labels++;
  }
  // Header words, row labels and figures together: one row run together has no row labels of
  // the 一级/二级 or fund kind besides its own, nor a header's worth of column names.
  if (headers < 3 || figures < 4 || labels < 2) return undefined;
  const start = words.findIndex(
    (w) =>
      /(?:自评|评价|指标)表$/.test(w) ||
      FIELD.test(normalizeLabel(w)) ||
      columnOf(w) !== undefined ||
      fundRowOf(w) !== undefined,
  );
  if (start < 0) return undefined;
  const before = words.slice(0, start).join(' ');
  const end = words.findIndex((w, k) => k > start && SIGN_OFF.test(normalizeLabel(w)));
  if (end < 0) return { before, table: words.slice(start) };
  return { before, table: words.slice(start, end), after: words.slice(end).join(' ') };
}

/**
 * Whether a line surely splits into fewer than the 12 words a table on one line needs, told
 * without splitting it: a paragraph of prose has few spaces. Only a line with no page mark (no 页,
 * no dash) is told so, as taking a mark out may part two words.
 */
function fewWords(text: string): boolean {
  let spaces = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // 页 and PAGE_MARK's dashes.
    if (c === 0x9875 || c === 0x2014 || c === 0xff0d || c === 0x2013 || c === 0x2d) return false;
    // Every white space a split at /[\s\u3000\u00a0]+/ parts at, and some punctuation with it.
    const white =
      c <= 0x20 ||
      c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x205f) ||
      c === 0x3000 ||
      c === 0xfeff;
    if (white && ++spaces >= 11) return false;
  }
  return true;
}

/**
 * The text without the page marks it ran through ("第 2 页，共 3 页", "共3页", "—4—"): a page's
 * footer copied into the line with the table, no cell of it. A dash apart from its number stays:
 * "— 10 —" may be three cells (none, 10, none).
 */
const withoutPageMarks = (text: string): string => text.replace(PAGE_MARK, ' ');

const PAGE_MARK = new RegExp(
  `${PAGE_NUMBERED}|共\\s*[\\d０-９]{1,3}\\s*页|(?<=^|\\s)${dashedPage(false)}(?=\\s|$)`,
  'g',
);

/** A line shorter than this holds at most a row or two. */
const GLUED_MIN_LENGTH = 80;

/**
 * The table read from the words of a line, its line numbers put back to that line, and its
 * reading marked uncertain there: where one cell ends and the next begins was read from single
 * spaces, which a cell's own words may hold too, so what it finds is at most a warning.
 */
function onRealLines(table: StreamTable, real: ReadonlyMap<number, number>): StreamTable {
  const lines = new Set<number>();
  const remap = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(remap);
    if (value === null || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const line = typeof v === 'number' && /(?:^l|L)ine$/.test(key) ? real.get(v) : undefined;
      if (line !== undefined) lines.add(line);
      copy[key] = line ?? remap(v);
    }
    return copy;
  };
  const mapped = remap(table) as StreamTable;
  for (const line of lines)
    mapped.uncertain.push({ line, what: '整张表格的文字连排在一行，单元格按空格划分' });
  return mapped;
}

export function findTextTables(given: readonly Block[]): TextTable[] {
  const { blocks, real } = unglued(given);
  const realLine = (line: number): number => real.get(line) ?? line;
  const out: TextTable[] = [];
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i];
    const titled = b !== undefined && b.kind !== 'table' && isTitle(b);
    if (!titled && !anchorAt(blocks, i)) {
      i++;
      continue;
    }
    // Back over the title and header fields (项目名称, 主管部门 …) just above the header.
    let start = i;
    if (!titled) {
      for (let j = i - 1; j >= Math.max(0, i - 24); j--) {
        const x = blocks[j];
        if (!x || x.kind === 'table' || !cellLike(x) || SIGN_OFF.test(normalizeLabel(x.text)))
          break;
        const t = normalizeLabel(x.text);
        if (FIELD.test(t) || isTitle(x)) start = j;
        if (isTitle(x)) break;
      }
    }
    const end = regionEnd(blocks, i);
    const from = blocks[start]?.line ?? 0;
    const to = blocks[end]?.line ?? from;
    if (end - start < 2) {
      i = end + 1;
      continue;
    }
    const tokens = joinWrappedRows(
      blocks
        .slice(start, end + 1)
        .filter((x) => x.kind !== 'table')
        .map(lineTokens),
    );
    const read = readTableStream(tokens, undefined, unitAbove(blocks, start));
    const table = read && real.size > 0 ? onRealLines(read, real) : read;
    const understood = table && (table.indicators.length > 0 || table.funds.total !== undefined);
    const found: TextTable = {
      table: understood ? table : undefined,
      from: realLine(from),
      to: realLine(to),
    };
    // A table read out of a line of prose: the rest of that line stands in the blocks around its
    // words, on the line's own number (the text before them may have been taken for its title).
    const region = blocks.slice(start, end + 1);
    const first = region.findIndex((x) => x.line >= GLUED_LINES);
    const last = region.findLastIndex((x) => x.line >= GLUED_LINES);
    if (first >= 0) {
      const on =
        (line: number) =>
        (x: Block | undefined): x is Block =>
          x !== undefined && x.kind !== 'table' && x.line === line;
      const lastLine = realLine(region[last]?.line ?? 0);
      found.prose = {
        before: blocks
          .slice(0, start + first)
          .filter(on(found.from))
          .map((x) => x.text),
        after:
          lastLine === found.to
            ? blocks
                .slice(start + last + 1)
                .filter(on(found.to))
                .map((x) => x.text)
            : [],
      };
    }
    out.push(found);
    i = end + 1;
  }
  return out;
}

/**
 * The cells of the lines of a table written as text, with the lines that only continue the row
 * above put back into it: PDF text wraps a long row, so its last figures ("20", "10 92.50% 10"),
 * the last words of its header ("得分") or its 偏差原因 sentence land on a line of their own. A
 * line continues the row above when that row is a line of several cells with a label among them
 * and the line holds only figures, perhaps closed by a reason (no row of a 自评表 starts without
 * its label), only header
 * words under a header, or one sentence of prose after a row ending on a figure. A table written
 * one cell per line has no such rows, and keeps its lines.
 */
function joinWrappedRows(lines: readonly Token[][]): Token[] {
  const out: Token[] = [];
  let row: Token[] | undefined;
  for (const line of lines) {
    const first = line[0];
    if (!first) continue;
    // A line left whole ("9.88 部分活动经费按实际结算": one figure, one sentence) in its parts.
    const cur =
      line.length === 1
        ? first.text
            .split(/[\s\u3000\u00a0]+/)
            .filter((p) => p !== '')
            .map((text) => ({ text, line: first.line }))
        : line;
    const glued = out[out.length - 1];
    if (!row && glued && line.length === 1 && continuesGluedRow(glued, first)) {
      // A row run together and wrapped: the rest of its figures run on from where it broke.
      out[out.length - 1] = { ...glued, text: `${glued.text}${first.text.trim()}` };
      continue;
    }
    if (row && continuesRow(row, cur)) {
      const line = row[0]?.line ?? first.line;
      const moved = cur.map((t) => ({ text: t.text, line }));
      out.push(...moved);
      row = [...row, ...moved];
      continue;
    }
    out.push(...line);
    row = line.length >= 2 && first.rowStart ? line : undefined;
  }
  return out;
}

/**
 * Whether a line of figures alone ("1092.50%10", "20") is the end of a row whose cells ran
 * together and wrapped: the line above starts with its label and holds glued figures of several
 * digits, as a cell of a table one cell per line ("≥95%", "完成率≥95%") does not. Likewise the
 * last header words of a header run together ("分值得分系数得分") under its first ones.
 */
function continuesGluedRow(prev: Token, cur: Token): boolean {
  const p = prev.text.trim();
  const c = cur.text.trim();
  if (gluedHeader(p) >= 3 && gluedHeader(c) === (segmentHeader(c)?.length ?? -1)) return true;
  return (
    !prev.rowStart &&
    /^[\d.,%％—-]+$/.test(c) &&
    /^\p{Script=Han}/u.test(p) &&
    p.length >= 10 &&
    (p.match(/\d/g)?.length ?? 0) >= 4 &&
    looksRunTogether(p)
  );
}

/** How many known header words a line of header words run together holds (0 when none). */
function gluedHeader(text: string): number {
  if (/\d/.test(text)) return 0;
  return segmentHeader(text)?.filter((p) => p.key !== undefined).length ?? 0;
}

function continuesRow(row: readonly Token[], cur: readonly Token[]): boolean {
  const types = cur.map((t) => cellType(t.text));
  const rowTypes = row.map((t) => cellType(t.text));
  const headerWords = row.filter((t) => columnOf(t.text) !== undefined).length;
  if (headerWords >= 3) return cur.length <= 2 && cur.every((t) => columnOf(t.text) !== undefined);
  if (!rowTypes.includes('text') || rowTypes.every((t) => t === 'text')) return false;
  // Figures only, or figures and then the row's 偏差原因 ("9.88 部分活动经费按实际结算").
  if (types[0] !== 'text' && types.slice(0, -1).every((t) => t !== 'text')) return true;
  const last = rowTypes[rowTypes.length - 1];
  return (
    cur.length === 1 &&
    last !== 'text' &&
    last !== undefined &&
    PROSE.test(cur[0]?.text ?? '') &&
    indicatorLevelOf(cur[0]?.text ?? '') === undefined
  );
}

/** The cells of a real table (a grid from .docx, .html or .xlsx) as a stream, row by row. */
export function gridTokens(block: Block): Token[] {
  return (block.rows ?? []).flatMap((row) =>
    row.cells.map((text, k) => ({ text, line: row.line, ...(k === 0 ? { rowStart: true } : {}) })),
  );
}
