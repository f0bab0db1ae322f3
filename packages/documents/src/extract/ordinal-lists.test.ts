import { describe, expect, it } from 'vitest';
import { parseTextLines } from '../read/read-text.ts';
import { ordinalListIssues } from './ordinal-lists.ts';

const issues = (text: string) =>
  ordinalListIssues(parseTextLines(text, 'x.txt').blocks).map(
    (i) => `${i.kind} ${i.previous}→${i.text} (${i.expected})`,
  );

describe('run-in ordinals (一是…二是…)', () => {
  it('reports an ordinal skipped or repeated within a paragraph', () => {
    expect(
      issues('存在的问题：一是结转资金执行偏慢；二是发车间隔较长；四是考核不够紧密。'),
    ).toEqual(['gap 二是→四是 (3)']);
    expect(issues('一是加强培训；二是优化线路；二是完善考核。')).toEqual(['repeat 二是→二是 (3)']);
  });

  it('counts on across the paragraphs that go on with the next ordinals', () => {
    expect(issues('一是加强培训。\n二是优化线路。\n四是完善考核。')).toEqual(['gap 二是→四是 (3)']);
    // A paragraph that opens otherwise ends the list: an ordinal after it opens none.
    expect(issues('一是加强培训；二是优化线路。\n下一步将继续改进，三是指其他。')).toEqual([]);
  });

  it('leaves lists that count on, lists opening again at 一是, and ordinals inside words alone', () => {
    expect(
      issues(
        '存在的问题：一是执行偏慢；二是间隔较长。改进措施：一是加快执行；二是优化班次；三是完善考核。',
      ),
    ).toEqual([]);
    expect(issues('其一是加强培训，其二是优化线路，十一是编号。')).toEqual([]);
  });
});
