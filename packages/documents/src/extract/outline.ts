import type { Block } from '../read/block.ts';
import type { HeadingNumber, NumberStyle } from '../read/heading.ts';
import { headingInfo } from '../read/heading.ts';

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
}

/**
 * Builds the heading hierarchy from numbering styles, the way a reader does: a new style opens a
 * deeper level, a known style returns to its level. Reports mix styles (一…四、5、6、), so a heading
 * that continues the count of an open level joins it, whatever its style (and is marked mixed).
 */
export function buildOutline(blocks: readonly Block[]): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  const stack: Level[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') continue;
    const info = headingInfo(b.text);
    if (!info) continue;
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
    let at = -1;
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i]?.primary === n.style) {
        at = i;
        break;
      }
    }
    if (at < 0) {
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
      stack.push({ primary: n.style, styles: new Set([n.style]), last: n.value });
      entry.level = stack.length;
      if (n.value !== 1) entry.issue = { kind: 'start', expected: 1 };
    }
    out.push(entry);
  }
  return out;
}
