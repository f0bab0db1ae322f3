import type { Block } from '../read/block.ts';
import type { HeadingNumber, NumberStyle } from '../read/heading.ts';
import { headingInfo, headingNumber, NUMBER_STYLE_RANK } from '../read/heading.ts';

export type NumberingIssue = 'gap' | 'repeat' | 'start' | 'mixed';

/** A heading in document order with the level inferred from its numbering. */
export interface OutlineEntry {
  level: number;
  number?: HeadingNumber;
  title: string;
  line: number;
  /** The heading line as written. */
  text: string;
  runIn: boolean;
  issue?: { kind: NumberingIssue; expected?: number };
}

interface Level {
  primary: NumberStyle;
  styles: Set<NumberStyle>;
  last: number;
  /** The number its first heading carried. */
  first: number;
  /** Opened by a numbered paragraph that is no heading (a list of duties under a chapter). */
  list?: true;
}

/**
 * Whether a heading of `style` stands above every level open so far in a text that began under
 * a heading it does not show: its outermost list started past 1 (（二） before any 一、) or the
 * text is known to begin mid-way, and the new style ranks above all open ones (二、 after
 * （二）…（三）). The lists read so far were that lost heading's children, not the new heading's
 * siblings or parents.
 */
function aboveAHeadingCutAway(
  stack: readonly Level[],
  style: NumberStyle,
  beginsMidway: boolean,
): boolean {
  const rank = NUMBER_STYLE_RANK[style];
  const bottom = stack[0];
  return (
    bottom !== undefined &&
    (bottom.first !== 1 || beginsMidway) &&
    stack.every((l) => NUMBER_STYLE_RANK[l.primary] > rank)
  );
}

/**
 * Builds the heading hierarchy from numbering styles, the way a reader does: a new style opens a
 * deeper level, a known style returns to its level. Reports mix styles (一…四、5、6、), so a heading
 * that continues the count of an open level joins it, whatever its style (and is marked mixed).
 * In a text that `beginsMidway` (an excerpt), a heading that ranks above every open level starts
 * the outline again one level up, even when the lists before it started at 1.
 */
export function buildOutline(
  blocks: readonly Block[],
  options: { beginsMidway?: boolean } = {},
): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  const stack: Level[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') continue;
    const info = headingInfo(b.text);
    if (!info) {
      // A numbered paragraph not taken for a heading ("（二）产出。完成…" between the headings
      // （一） and （三）) still holds its place in its list.
      const n = headingNumber(b.text.trim())?.number;
      const at = n ? stack.findLastIndex((l) => l.primary === n.style) : -1;
      const level = stack[at];
      // The first of such a list ("（一）产出。完成…" before the heading "（二）效益。") opens it,
      // so the headings after it go on counting from 1.
      // So does a list that starts again at 1 in the style of a level above the deepest one
      // ("1、负责…" under "1、基本情况" › "（一）单位基本情况"): its items are that heading's list,
      // not the chapters' count going on ("10、负责…" is no tenth chapter).
      const restarts = level !== undefined && at < stack.length - 1 && level.last >= 1;
      if (n && (at < 0 || restarts) && n.value === 1 && stack.length > 0) {
        stack.push({ primary: n.style, styles: new Set([n.style]), last: 1, first: 1, list: true });
        out.push({
          level: stack.length,
          number: n,
          title: '',
          line: b.line,
          text: b.text.trim(),
          runIn: true,
        });
        continue;
      }
      if (n && level && n.value === level.last + 1) {
        stack.length = at + 1;
        level.last = n.value;
        // Listed without a title: it names no chapter, but its number is in the sequence.
        out.push({
          level: at + 1,
          number: n,
          title: '',
          line: b.line,
          text: b.text.trim(),
          runIn: true,
        });
      }
      continue;
    }
    const entry: OutlineEntry = {
      level: Math.max(1, stack.length),
      title: info.title,
      line: b.line,
      text: b.text.trim(),
      runIn: info.runIn,
    };
    const n = info.number;
    if (!n) {
      // Unnumbered headings (indicator groups written without a number) sit at the current depth.
      out.push(entry);
      continue;
    }
    entry.number = n;
    // A heading ends a list of its own style it does not go on counting when a level above it
    // takes the heading's number next ("2、政府性基金…" after duties 1、…11、 under chapter 1、).
    for (let top = stack.at(-1); top?.list && top.primary === n.style; top = stack.at(-1)) {
      const below = stack.slice(0, -1);
      if (
        n.value === top.last + 1 ||
        !below.some((l) => l.styles.has(n.style) && n.value === l.last + 1)
      )
        break;
      stack.pop();
    }
    let at = -1;
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i]?.primary === n.style) {
        at = i;
        break;
      }
    }
    if (at < 0 && aboveAHeadingCutAway(stack, n.style, options.beginsMidway === true)) {
      // What came before sat one level deeper, under the heading the cut took away.
      for (const e of out) e.level += 1;
      stack.length = 0;
    } else if (at < 0) {
      for (let i = stack.length - 1; i >= 0; i--) {
        const l = stack[i];
        if (l && l.styles.has(n.style) && n.value > l.last) {
          at = i;
          break;
        }
      }
    }
    if (at < 0 && n.value >= 2) {
      for (let i = stack.length - 1; i >= 0; i--) {
        if (stack[i]?.last === n.value - 1) {
          at = i;
          break;
        }
      }
    }
    if (at >= 0) {
      const level = stack[at];
      if (!level) continue;
      stack.length = at + 1;
      if (n.value === level.last + 1) {
        if (level.primary !== n.style) entry.issue = { kind: 'mixed' };
      } else if (n.value <= level.last) {
        entry.issue = { kind: 'repeat', expected: level.last + 1 };
      } else {
        entry.issue = { kind: 'gap', expected: level.last + 1 };
      }
      level.styles.add(n.style);
      level.last = n.value;
      entry.level = at + 1;
    } else {
      stack.push({ primary: n.style, styles: new Set([n.style]), last: n.value, first: n.value });
      entry.level = stack.length;
      if (n.value !== 1) entry.issue = { kind: 'start', expected: 1 };
    }
    out.push(entry);
  }
  return out;
}

/** A numbered paragraph (a list item, not a heading) out of sequence with the one before it. */
export interface ListNumberIssue {
  kind: 'gap' | 'repeat';
  line: number;
  /** The number as written, and the one expected there. */
  text: string;
  expected: number;
  previous: string;
  /** The paragraph as written. */
  excerpt: string;
}

/**
 * Gaps and repeats among numbered paragraphs that are list items (duties "1、…；2、…；3、…；5、…"):
 * each style's count runs on from the previous item or heading of that style; a heading of
 * another style ends the lists below it, and a list may start again at 1.
 */
export function listNumberIssues(blocks: readonly Block[]): ListNumberIssue[] {
  const out: ListNumberIssue[] = [];
  const last = new Map<NumberStyle, { value: number; text: string }>();
  for (const b of blocks) {
    if (b.kind === 'table') continue;
    const text = b.text.trim();
    const n = headingNumber(text)?.number;
    const heading = headingInfo(b.text) !== undefined || b.kind === 'heading';
    if (heading) {
      for (const style of [...last.keys()]) if (style !== n?.style) last.delete(style);
    }
    if (!n) continue;
    const prev = last.get(n.style);
    last.set(n.style, { value: n.value, text: n.text });
    if (heading || !prev || n.value === 1 || n.value === prev.value + 1) continue;
    if (n.value > prev.value + 1 || n.value === prev.value)
      out.push({
        kind: n.value === prev.value ? 'repeat' : 'gap',
        line: b.line,
        text: n.text,
        expected: prev.value + 1,
        previous: prev.text,
        excerpt: text.length > 80 ? `${text.slice(0, 80)}…` : text,
      });
  }
  return out;
}
