import { normalizeDigits } from '@jixiao/domain';
import type { Block } from '../read/block.ts';

/** "— 3 —", "- 3 -", "第 3 页 共 12 页", "3/12": a page's number, not the text's. */
const PAGE_NUMBER =
  /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

/** Whether a paragraph is a page number or a page footer of one (in any digits: "— ２ —"). */
export const isPageNumber = (b: Block): boolean =>
  b.kind !== 'table' && isPageNumberText(b.text);

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
 * The blocks without page furniture: page numbers, and the running header or footer beside
 * them (the same line next to two page numbers or more, or a unit's name next to one). A table
 * written as text runs on across a page break, and a document does not end on one.
 */
export function withoutPageFurniture(blocks: readonly Block[]): Block[] {
  const beside = (i: number): number[] => [i - 1, i + 1].filter((j) => j >= 0 && j < blocks.length);
  const numbers = blocks.flatMap((b, i) => (isPageNumber(b) ? [i] : []));
  // How many page numbers each line stands beside (a line on both sides of one counts once).
  const seen = new Map<string, number>();
  for (const i of numbers) {
    const around = new Set<string>();
    for (const j of beside(i)) {
      const b = blocks[j];
      if (b && b.kind !== 'table' && !isPageNumber(b) && b.text.trim()) around.add(b.text.trim());
    }
    for (const t of around) seen.set(t, (seen.get(t) ?? 0) + 1);
  }
  const drop = new Set<number>(numbers);
  for (const i of numbers)
    for (const j of beside(i)) {
      const t = blocks[j]?.text.trim() ?? '';
      if (
        t &&
        blocks[j]?.kind !== 'table' &&
        !FIGURE_ALONE.test(normalizeDigits(t)) &&
        ((seen.get(t) ?? 0) >= 2 || UNIT_NAME.test(t))
      )
        drop.add(j);
    }
  return blocks.filter((_b, i) => !drop.has(i));
}
