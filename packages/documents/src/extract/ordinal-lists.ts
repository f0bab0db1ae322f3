import type { Block } from '../read/block.ts';
import type { ListNumberIssue } from './outline.ts';
import { squash } from './text.ts';

const ORDINALS = '一二三四五六七八九十';
/** "一是", "二是"… opening a clause: a run-in list's item (其二是, 十一是 open none). */
const ORDINAL = /(^|[。；;，,：:])([一二三四五六七八九十])是/g;

/**
 * Gaps and repeats among run-in ordinals (“一是…；二是…；四是…”): each list opens at 一是 and
 * counts on, within a paragraph or across the paragraphs right after it that go on with the next
 * ordinals; 一是 again opens another list (存在的问题 then 改进措施 in one paragraph).
 */
export function ordinalListIssues(blocks: readonly Block[]): ListNumberIssue[] {
  const out: ListNumberIssue[] = [];
  let last: { value: number; text: string } | undefined;
  for (const b of blocks) {
    if (b.kind !== 'paragraph') {
      last = undefined;
      continue;
    }
    const text = squash(b.text);
    const found = [...text.matchAll(ORDINAL)];
    // A paragraph that does not open with an ordinal ends any list before it.
    if (found[0]?.index !== 0) last = undefined;
    for (const m of found) {
      const value = ORDINALS.indexOf(m[2] ?? '') + 1;
      const mark = `${m[2] ?? ''}是`;
      if (value === 1 || !last) {
        last = value === 1 ? { value, text: mark } : undefined;
        continue;
      }
      if (value !== last.value + 1)
        out.push({
          kind: value === last.value ? 'repeat' : 'gap',
          line: b.line,
          text: mark,
          expected: last.value + 1,
          previous: last.text,
          excerpt: b.text.trim().length > 80 ? `${b.text.trim().slice(0, 80)}…` : b.text.trim(),
        });
      last = { value, text: mark };
    }
  }
  return out;
}
