import { describe, expect, it } from 'vitest';
import { parseTextLines } from '../read/read-text.ts';
import { extractEvaluation } from './extract-evaluation.ts';

const titleOf = (text: string): string | undefined =>
  extractEvaluation(parseTextLines(text, 'x.txt')).evaluation.meta.title;

describe('the title of a document', () => {
  it.each([
    [
      '2019年度示范县高中助学金项目绩效评价指标表',
      '评价指标评价内容指标名称指标说明目标值分值备注',
    ],
    ['2021年度本专科生奖助学金项目自评结果', '一、自评结论'],
    ['2023年度示范市农业农村局部门整体支出绩效自评报告', '一、部门基本情况'],
  ])('is its first line when that names the evaluation: %s', (title, next) => {
    expect(titleOf(`${title}\n${next}\n`)).toBe(title);
  });

  it('is not a sentence of the body', () => {
    expect(
      titleOf('为加强财政资金绩效管理，现将2023年度绩效评价结果公开如下：\n一、基本情况\n'),
    ).toBe(undefined);
  });
});
