import { describe, expect, it } from 'vitest';
import { parseTextLines } from '../read/read-text.ts';
import { buildOutline } from './outline.ts';

const issues = (text: string) =>
  buildOutline(parseTextLines(text, 'x.txt').blocks)
    .filter((e) => e.issue)
    .map((e) => [e.number?.text, e.issue?.kind]);

describe('the outline of numbered headings', () => {
  it('counts a list opened by a numbered paragraph on into the headings after it', () => {
    const text = [
      '一、部门概况',
      '街道办事处设内设机构5个。',
      '二、绩效目标完成情况',
      '（一）产出。完成背街小巷环境整治42条，目标值40条；组织社区网格员培训6期、312人次；走访慰问困难群众486户。',
      '（二）效益。辖区刑事警情同比下降8.3%。',
      '（三）满意度。辖区居民满意度调查满意率92%。',
      '三、自评得分情况',
    ].join('\n');
    expect(issues(text)).toEqual([]);
    // A list that starts at its second item is still reported.
    expect(issues(text.replace(/^（一）.*\n/m, ''))).toEqual([['（二）', 'start']]);
  });
});
