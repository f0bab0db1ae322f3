import type { Block } from '../read/block.ts';
import { countOf } from '../extract/count-lists.ts';
import { squash } from '../extract/text.ts';

/** A count that a list follows: "项目共5个，…，分别是：", "包括以下三项：". */
const COUNT = /(?:共|计|合计|共计)?(\d{1,3}|[两二三四五六七八九十]{1,3})(个|项|家|所|座|条|类|批)/g;
/** A paragraph that introduces the list below it. */
const INTRO = /(?:分别是|分别为|具体是|具体为|包括|如下|主要有|有)[：:]?$|[：:]$/;
/** The number that opens an item: "1.", "1、", "（1）", "①". */
const ITEM = /^(?:(\d{1,2})[.．、](?!\d)|[（(](\d{1,2})[）)]|([①-⑳]))/;

/** One numbered list after a paragraph that states how many items it has. */
export interface NumberedList {
  /** The count as written ("5个"). */
  countText: string;
  count: number;
  /** The items' names, in order. */
  names: string[];
  /** Line of the introducing paragraph, and of each item. */
  line: number;
  lines: number[];
  /** The list reaches the end of the text: items after it may have been cut away. */
  atEnd: boolean;
}

const itemNumber = (m: RegExpExecArray): number =>
  m[3] ? (m[3].codePointAt(0) ?? 0) - 0x2460 + 1 : Number(m[1] ?? m[2]);

/**
 * "…项目共5个，…分别是：" then "1.A项目，资金…；" "2.B项目…": the items numbered 1, 2, 3… in the
 * paragraphs after an introduction that states one count, each named by its text up to the
 * first comma, colon or parenthesis.
 */
export function numberedLists(blocks: readonly Block[]): NumberedList[] {
  const out: NumberedList[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!b || b.kind === 'table') continue;
    const text = squash(b.text);
    if (!INTRO.test(text)) continue;
    const counts = [...text.matchAll(COUNT)];
    if (counts.length !== 1) continue;
    const c = counts[0];
    const raw = c?.[1] ?? '';
    const count = countOf(raw);
    if (!c || count === undefined) continue;
    const names: string[] = [];
    const lines: number[] = [];
    let j = i + 1;
    for (; j < blocks.length; j++) {
      const item = blocks[j];
      if (!item || item.kind === 'table') break;
      const t = squash(item.text);
      const m = ITEM.exec(t);
      if (!m || itemNumber(m) !== names.length + 1) break;
      const name = t.slice(m[0].length).split(/[，,：:；;（(。]/)[0] ?? '';
      if (name === '') break;
      names.push(name);
      lines.push(item.line);
    }
    if (names.length < 2) continue;
    out.push({
      countText: `${raw}${c[2] ?? ''}`,
      count,
      names,
      line: b.line,
      lines,
      atEnd: j >= blocks.length,
    });
    i = j - 1;
  }
  return out;
}
