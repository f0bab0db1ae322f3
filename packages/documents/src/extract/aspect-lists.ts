import type { Statement } from './claims.ts';
import { chineseCount } from './claims.ts';

/** A count of aspects and the ordinal list (一是…二是…) that follows it. */
export interface AspectList {
  /** The statement holding the count. */
  statement: Statement;
  /** The count as written ("三方面"). */
  text: string;
  count: number;
  /** The items' openings, in order ("一是普及绩效意识", …). */
  items: string[];
  /** The line of the last item. */
  lastLine: number;
  /**
   * More of the text follows the list than an item's later sentences could take: the list is
   * seen to end, not merely cut off where the text stops.
   */
  closed: boolean;
}

/**
 * "从三方面确保工作有序高效完成", "主要做了以下四个方面的工作", "有以下两点": a count of the
 * aspects a list of 一是、二是… goes on to name.
 */
const ASPECTS =
  /(?:从|有|在|以下|如下|做好|抓好|围绕|突出|采取|通过|强化|聚焦|做了|开展了?)(\d|[一二两三四五六七八九十])(?:个)?(?:方面|点)/g;
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** How many statements may stand between two items of one list (an item's later sentences). */
const MAX_GAP = 4;
/** Where an item may open: a sentence's or a clause's start. */
const ITEM_START = /^|[。；;，,：:]/;

/** Where "K是" opens a clause of `text` at or after `from`, or -1. */
function ordinalAt(text: string, k: number, from: number): number {
  const mark = `${ORDINALS[k]}是`;
  for (let at = text.indexOf(mark, from); at >= 0; at = text.indexOf(mark, at + 1)) {
    const before = at === 0 ? '' : (text[at - 1] ?? '');
    if (before === '' || ITEM_START.test(before)) return at;
  }
  return -1;
}

/**
 * Every count of aspects whose items are listed right after it as 一是、二是… (in its own
 * sentence after the count, or opening the next statement), with the items found in order; a
 * later item is looked for no further than MAX_GAP statements after the one before it.
 */
export function aspectLists(statements: readonly Statement[]): AspectList[] {
  const out: AspectList[] = [];
  for (const [k, s] of statements.entries()) {
    if (!s.text.includes('方面') && !s.text.includes('点')) continue;
    for (const m of s.text.matchAll(ASPECTS)) {
      const count = /^\d$/.test(m[1] ?? '') ? Number(m[1]) : chineseCount(m[1] ?? '');
      if (count === undefined || count < 2 || count > ORDINALS.length) continue;
      const after = (m.index ?? 0) + m[0].length;
      const items: string[] = [];
      let lastLine = s.line;
      let lastIndex = k;
      // The first item: later in the count's own sentence, or opening the next statement.
      let where: { index: number; at: number } | undefined;
      const own = ordinalAt(s.text, 0, after);
      if (own >= 0) where = { index: k, at: own };
      else if (statements[k + 1] && ordinalAt(statements[k + 1]?.text ?? '', 0, 0) === 0)
        where = { index: k + 1, at: 0 };
      while (where && items.length < ORDINALS.length) {
        const st = statements[where.index];
        if (!st) break;
        items.push(st.text.slice(where.at, where.at + 12).replace(/[。；;，,：:].*$/, ''));
        lastLine = st.line;
        lastIndex = where.index;
        const n = items.length;
        let next: { index: number; at: number } | undefined;
        for (let j = where.index; j < statements.length && j <= where.index + MAX_GAP; j++) {
          const t = statements[j]?.text ?? '';
          const at = ordinalAt(t, n, j === where.index ? where.at + 2 : 0);
          if (at >= 0) {
            next = { index: j, at };
            break;
          }
        }
        where = next;
      }
      if (items.length >= 2)
        out.push({
          statement: s,
          text: m[0].slice(m[0].indexOf(m[1] ?? '')),
          count,
          items,
          lastLine,
          closed: lastIndex + MAX_GAP < statements.length - 1,
        });
    }
  }
  return out;
}
