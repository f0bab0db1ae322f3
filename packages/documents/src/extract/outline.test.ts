import { describe, expect, it } from 'vitest';
import type { Block } from '../read/block.ts';
import { parseTextLines } from '../read/read-text.ts';
import { extractEvaluation } from './extract-evaluation.ts';
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

  it('reads duties listed 1、…11、 under a chapter 1、 as the list of that chapter, not its count', () => {
    const duties = Array.from(
      { length: 11 },
      (_, i) => `${i + 1}、负责区委交办的第${i + 1}项工作，统筹协调有关事项；`,
    );
    const text = [
      '1、部门基本情况',
      '（一）单位基本情况',
      ...duties,
      '（二）机构设置与人员情况',
      '2、预算执行情况',
      '3、绩效目标完成情况',
    ].join('\n');
    expect(issues(text)).toEqual([]);
    // The chapters' own count is still checked past the list: 4、 missing before 5、.
    expect(issues(`${text}\n5、存在的问题`)).toEqual([['5、', 'gap']]);
    // Before, 2、 after the eleventh duty was read as the chapters' count going backwards.
    expect(issues(text.replace('（二）机构设置与人员情况\n', ''))).toEqual([]);
  });
});

const paragraphs = (lines: readonly string[]): Block[] =>
  lines.map((text, i) => ({ kind: 'paragraph', text, line: i + 1 }));

const levels = (lines: readonly string[], beginsMidway = false): string[] =>
  buildOutline(paragraphs(lines), { beginsMidway }).map(
    (e) => `${e.level} ${e.number?.text ?? ''}${e.issue ? ` ${e.issue.kind}` : ''}`,
  );

describe('the outline of a text whose first headings lie under a heading it does not show', () => {
  it('puts a higher style that comes later one level above the lists read before it', () => {
    // （二）…（三） are the children of a 一、 cut away; 二、 is that heading's sibling.
    expect(
      levels([
        '（二）项目绩效目标',
        '更新实验教学设备420台（套）。',
        '二、项目资金使用情况',
        '（一）资金预算及执行',
        '（二）资金使用结构',
        '三、绩效目标完成情况',
      ]),
    ).toEqual(['2 （二） start', '1 二、 start', '2 （一）', '2 （二）', '1 三、']);
  });

  it('does so at every level the cut went through', () => {
    expect(
      levels(['（2）可持续影响指标', '3.满意度指标', '（1）受益群众满意度', '四、存在的问题']),
    ).toEqual(['3 （2） start', '2 3. start', '3 （1）', '1 四、 start']);
  });

  it('in a text known to begin mid-way, even when the lists before it started at 1', () => {
    const lines = ['1.资金管理', '（1）部门预算资金支出率', '2.项目管理', '（三）资金使用效益'];
    expect(levels(lines, true)).toEqual(['2 1.', '3 （1）', '2 2.', '1 （三） start']);
    // In a whole text, （三） after 2. carries that count on in another style.
    expect(levels(lines)).toEqual(['1 1.', '2 （1）', '1 2.', '1 （三） mixed']);
  });

  it('leaves a whole report alone: a count carried on in another style is still one list', () => {
    expect(
      levels(['一、基本情况', '（一）职能', '二、支出', '三、绩效', '四、问题', '5、措施']),
    ).toEqual(['1 一、', '2 （一）', '1 二、', '1 三、', '1 四、', '1 5、 mixed']);
  });
});

describe('a chapter numbered 第N章 after a table written as text', () => {
  it('is a heading of the outline, not a row of the table above it', () => {
    const text = [
      '第二章 部门预算执行情况',
      '一、“三公”经费',
      '2024年“三公”经费支出99,820.00元，具体如下：',
      '项目 预算数（元） 决算数（元） 备注',
      '公务用车运行维护费 85,000.00 78,460.00 护林防火用车',
      '公务接待费 30,000.00 21,360.00',
      '合计 115,000.00 99,820.00',
      '第三章 绩效目标完成情况',
      '一、产出情况',
      '完成森林抚育1.26万亩。',
    ].join('\n');
    const outline = extractEvaluation(parseTextLines(text, 'x.pdf.txt')).outline;
    expect(outline.filter((e) => e.level === 1).map((e) => e.number?.text)).toEqual([
      '第二章',
      '第三章',
    ]);
  });
});
