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

describe('a title a PDF broke over two lines', () => {
  const report = (text: string) => extractEvaluation(parseTextLines(text, 'x.txt'));
  const body =
    '根据县财政局通知要求，我局对2024年度项目支出开展了绩效自评，现将有关情况报告如下。\n一、项目概况\n';

  it.each([
    ['宿州市教育局2024年度部门整体支出绩效自评', '报告'],
    ['浙江省水文管理中心2024年度项目支出绩效自', '评报告'],
    ['万年县农业农村局2024年度高标准农田建设项', '目支出绩效自评报告'],
  ])('is read whole, and the document does not begin mid-way: %s', (line, tail) => {
    const r = report(`${line}\n${tail}\n\n${body}`);
    expect(r.evaluation.meta.title).toBe(line + tail);
    expect(r.startCut).toBeUndefined();
  });

  it('does not take the next sentence for its tail', () => {
    const r = report(`宿州市教育局2024年度部门整体支出绩效自评报告\n${body}`);
    expect(r.evaluation.meta.title).toBe('宿州市教育局2024年度部门整体支出绩效自评报告');
  });
});

describe('a report that ends on its sign-off line', () => {
  it('is whole when the line wrapped and its last part names the unit head', () => {
    const text = [
      '示范县司法局2024年度部门整体支出绩效自评报告',
      '一、部门基本情况',
      '我局内设科室8个。',
      '二、存在的问题及改进措施',
      '加强预算绩效管理。',
      '填表人：赵海燕　　联系电话：0474-8316250　　填报日期：',
      '2025年3月25日　　单位负责人：高志强',
    ].join('\n');
    expect(extractEvaluation(parseTextLines(text, 'x.txt')).truncation).toBeUndefined();
  });
});
