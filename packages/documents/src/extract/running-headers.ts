import { normalizeDigits } from '@jixiao/domain';
import type { Block } from '../read/block.ts';

/** "— 3 —", "- 3 -", "第 3 页 共 12 页", "3/12": a page's number, not the text's. */
const PAGE_NUMBER =
  /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

/** Whether a paragraph is a page number or a page footer of one (in any digits: "— ２ —"). */
export const isPageNumber = (b: Block): boolean => b.kind !== 'table' && isPageNumberText(b.text);

/** Whether a line is a page number ("— 3 —", "第 3 页 共 12 页"). */
export const isPageNumberText = (text: string): boolean =>
  PAGE_NUMBER.test(normalizeDigits(text.trim()));

/**
 * A unit's or report's name printed at the top of every page of a PDF ("XX县财政局"): a short line
 * without figures ending as an organisation's name does.
 */
const UNIT_NAME =
  /^[\p{Script=Han}（）()]{2,30}(?:局|委员会|委|厅|院|中心|办公室|办|政府|学校|医院|所|站|队)$/u;

/**
 * A figure alone on its line ("10", "98.2%", "—"): a cell of a table written one cell per line
 * that a page break cut, however often the same figure stands beside a page number, never a
 * running header.
 */
const FIGURE_ALONE = /^[-+]?[\d,.]*\d[\d,.]*\s*[%％分]?$|^[-—–－/]$/;

/**
 * A line of prose run to the page's width: a long line of words, not a figure or a cell alone
 * (a table's cells, one per line, are short: a name, a target, a scoring rule).
 */
const prose = (b: Block | undefined): boolean =>
  b !== undefined &&
  b.kind === 'paragraph' &&
  [...b.text.trim()].length >= 20 &&
  // A line that ends on a figure may be a table's row whose last cell wrapped ("… 100% 15").
  !/[\d%％]$/.test(normalizeDigits(b.text.trim())) &&
  (b.text.match(/\p{Script=Han}/gu) ?? []).length >= 8;

/**
 * The line after a page break goes on from the prose before it: the rest of its sentence (some
 * words, when the line before stopped mid-sentence), or another long line of prose.
 */
const continues = (before: Block | undefined, after: Block | undefined): boolean =>
  after !== undefined &&
  after.kind === 'paragraph' &&
  (/[。！？!?；;：:]$/.test(before?.text.trim() ?? '')
    ? prose(after)
    : (after.text.match(/\p{Script=Han}/gu) ?? []).length >= 2 &&
      // The rest of a sentence runs on to a clause's or the sentence's end; a label alone
      // ("时效指标") is a table's next cell.
      /[，,、；;。！？!?]/.test(after.text));

/**
 * Bare page numbers ("3" alone on its line) where a page broke the prose: a number alone between
 * two lines of prose is no figure of the text (a figure is written inside its sentence, and a
 * table's cells stand among other cells), so one there, or each of several in increasing order,
 * is the page's. Left in, the wrapped sentence would read "预算3" + "800.00万元" as 3800.00.
 */
function barePageNumbers(blocks: readonly Block[]): Set<number> {
  const found = blocks.flatMap((b, i) =>
    b.kind === 'paragraph' &&
    /^\d{1,3}$/.test(normalizeDigits(b.text.trim())) &&
    prose(blocks[i - 1]) &&
    continues(blocks[i - 1], blocks[i + 1]) &&
    // Figures alone two lines off: the cells of a table written one per line.
    ![blocks[i - 2], blocks[i + 2]].some(
      (x) => x !== undefined && FIGURE_ALONE.test(normalizeDigits(x.text.trim())),
    )
      ? [i]
      : [],
  );
  const values = found.map((i) => Number(normalizeDigits(blocks[i]?.text.trim() ?? '')));
  const increasing = values.every((v, k) => k === 0 || v > (values[k - 1] ?? v));
  return new Set(increasing ? found : []);
}

/**
 * The blocks without page furniture: page numbers, and the running header or footer beside
 * them (the same line on the same side of two page numbers or more and of a third of them at
 * least, and there in at least half the places it is written; or a unit's name next to one). A
 * running header is a name or a title: no sentence, no figure alone. A table written as text
 * runs on across a page break, and a document does not end on one; a line the text repeats
 * ("该项指标分值10分，得分10分，未扣分。", a cell "分值") that happens to stand after two page
 * breaks is the text's, not the page's.
 */
export function withoutPageFurniture(blocks: readonly Block[]): Block[] {
  const bare = barePageNumbers(blocks);
  const drop = furnitureAmong(
    blocks.map((b) => (b.kind === 'table' ? undefined : b.text)),
    bare,
  );
  return drop.size === 0 ? [...blocks] : blocks.filter((_b, i) => !drop.has(i));
}

/**
 * The places of page furniture among lines of text (undefined: a table's, never furniture):
 * page numbers (and the bare ones given), and the running header or footer beside them, by the
 * rule of `withoutPageFurniture`.
 */
export function furnitureAmong(
  lines: readonly (string | undefined)[],
  bare: ReadonlySet<number> = new Set(),
): Set<number> {
  const beside = (i: number): number[] => [i - 1, i + 1].filter((j) => j >= 0 && j < lines.length);
  const pageNumber = (j: number): boolean => {
    const t = lines[j];
    return t !== undefined && isPageNumberText(t);
  };
  const numbers = lines.flatMap((_t, i) => (pageNumber(i) || bare.has(i) ? [i] : []));
  if (numbers.length === 0) return new Set();
  const text = (j: number): string => {
    const t = lines[j] !== undefined && !pageNumber(j) ? (lines[j] ?? '').trim() : '';
    const header =
      [...t].length <= 50 && !/[。，；！？,;]/.test(t) && !FIGURE_ALONE.test(normalizeDigits(t));
    return header ? t : '';
  };
  const side = (i: number, j: number): string => `${j < i ? 'before' : 'after'}|${text(j)}`;
  // How many page numbers each line stands before, and after; how often it is written at all.
  const seen = new Map<string, number>();
  for (const i of numbers)
    for (const j of beside(i)) if (text(j)) seen.set(side(i, j), (seen.get(side(i, j)) ?? 0) + 1);
  const written = new Map<string, number>();
  for (let j = 0; j < lines.length; j++) {
    const t = text(j);
    if (t && (seen.has(`before|${t}`) || seen.has(`after|${t}`)))
      written.set(t, (written.get(t) ?? 0) + 1);
  }
  const drop = new Set<number>(numbers);
  for (const i of numbers)
    for (const j of beside(i)) {
      const t = text(j);
      const n = seen.get(side(i, j)) ?? 0;
      const header = n >= 2 && 2 * n >= (written.get(t) ?? 0) && 3 * n >= numbers.length;
      if (t && (header || UNIT_NAME.test(t))) drop.add(j);
    }
  return drop;
}
