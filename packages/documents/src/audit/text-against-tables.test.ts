import { describe, expect, it } from 'vitest';
import { extractEvaluation } from '../extract/extract-evaluation.ts';
import { parseTextLines } from '../read/read-text.ts';
import { checkDocument } from './document-checks.ts';

/** A department report whose budget paragraph is `budget`, with its 自评表 as PDF text gives it. */
const report = (budget: string, tableRow: string) =>
  [
    '示范市教育局2024年度部门整体支出绩效自评报告',
    '一、部门基本情况',
    '我局内设科室10个。',
    '二、部门预算执行情况',
    budget,
    '全年基本支出1,200.00万元，项目支出780.00万元。',
    '三、存在的问题及改进措施',
    '加强预算执行管理。',
    '附件1',
    '2024年度部门整体支出绩效自评表',
    '部门名称 示范市教育局',
    '年度预算申请 项目 年初预算数 全年预算数 全年执行数 分值 执行率 得分',
    tableRow,
    '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
    '产出指标 数量指标 资助学生人次 ≥5000人次 5200人次 50 50',
    '效益指标 社会效益指标 义务教育巩固率 ≥99% 99.3% 30 30',
    '满意度指标 服务对象满意度指标 学生家长满意度 ≥90% 93% 10 10',
    '总分 100 99',
  ].join('\n');

const restated = (budget: string, tableRow: string) =>
  checkDocument(extractEvaluation(parseTextLines(report(budget, tableRow), 'x.txt')))
    .filter((f) => f.code === 'DOC_CROSS_TABLE')
    .map((f) => [f.severity, f.params?.label, f.stated]);

const ROW = '年度资金总额 1,900.00 2,000.00 1,980.00 10 99.00% 9.9';

describe('the budget paragraph restated in the 自评表', () => {
  it('holds 年初预算 (written without 数) against the table, as a warning', () => {
    expect(
      restated(
        '2024年度我局年初预算1,090.00万元，调整后全年预算2,000.00万元，全年实际支出1,980.00万元，预算执行率99.00%。',
        ROW,
      ),
    ).toEqual([['warning', '年初预算数', '1090.00']]);
  });

  it('reads "全年支出X万元，执行率R%" without the words 预算执行率', () => {
    expect(
      restated(
        '截至2024年12月31日，全年预算2,000.00万元，全年支出1,890.00万元，执行率94.50%。',
        ROW,
      ),
    ).toEqual([['warning', '全年执行数', '1890.00']]);
  });

  it('does not take a numbered part of the spending for the whole', () => {
    expect(
      restated('1.基本支出。全年预算1,210.00万元，全年支出1,200.00万元，执行率99.17%。', ROW),
    ).toEqual([]);
  });

  it('finds nothing when the paragraph and the table agree', () => {
    expect(
      restated(
        '2024年度我局年初预算1,900.00万元，调整后全年预算2,000.00万元，全年实际支出1,980.00万元，预算执行率99.00%。',
        ROW,
      ),
    ).toEqual([]);
  });
});

describe('a project report’s spending restated in its 自评表', () => {
  const project = (paragraph: string) =>
    [
      '示范区水利局2024年度农村供水工程项目支出绩效自评报告',
      '一、项目概况',
      paragraph,
      '二、存在的问题及改进措施',
      '加强项目前期工作。',
      '附件',
      '2024年度项目支出绩效自评表',
      '项目名称 农村供水工程',
      '项目资金（元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分',
      '年度资金总额 18,600,000.00 21,350,000.00 20,486,720.00 10 95.96% 9.60',
      '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
      '产出指标 数量指标 新建供水管网长度 ≥85公里 86.4公里 50 50',
      '效益指标 社会效益指标 受益人口 ≥3.2万人 3.35万人 30 30',
      '满意度指标 服务对象满意度指标 受益群众满意度 ≥90% 93.4% 10 10',
      '总分 100 99.60',
    ].join('\n');
  const restatedIn = (paragraph: string) =>
    checkDocument(extractEvaluation(parseTextLines(project(paragraph), 'x.txt')))
      .filter((f) => f.code === 'DOC_CROSS_TABLE')
      .map((f) => [f.params?.label, f.stated]);

  it('holds "项目实际支出" in 万元 against the table in 元, in half- or full-width digits', () => {
    expect(
      restatedIn('全年预算2,135.00万元，项目实际支出2,048.67万元，预算执行率95.96%。'),
    ).toEqual([]);
    expect(
      restatedIn('全年预算2,135.00万元，项目实际支出2,084.67万元，预算执行率95.96%。'),
    ).toEqual([['全年执行数', '2084.67']]);
    expect(
      restatedIn(
        '全年预算２,１３５．００万元，项目实际支出２,０８４．６７万元，预算执行率９５．９６％。',
      ),
    ).toEqual([['全年执行数', '2084.67']]);
  });

  it('holds "项目实际支出" stated in a sentence of its own, with no rate', () => {
    const alone = (spent: string) =>
      restatedIn(`截至2024年12月31日，项目实际支出${spent}万元，其中工程建设支出1,900.00万元。`);
    expect(alone('2,048.67')).toEqual([]);
    expect(alone('2,084.67')).toEqual([['全年执行数', '2084.67']]);
    expect(restatedIn('截至2024年12月31日，项目资金实际支出2,084.67万元。')).toEqual([
      ['全年执行数', '2084.67'],
    ]);
    // Not a part's spending ("子项目实际支出").
    expect(restatedIn('其中供水管网子项目实际支出1,200.00万元。')).toEqual([]);
  });
});

describe("a 区域 report's spending of the whole region", () => {
  const region = (
    spent: string,
    sentence = `截至2024年12月31日，全州实际支出${spent}万元，其中中央资金支出9,102.30万元，省级资金支出2,253.20万元。`,
    fundHeader = '资金情况（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分',
  ) =>
    checkDocument(
      extractEvaluation(
        parseTextLines(
          [
            '示范州2024年度义务教育补助资金区域绩效自评报告',
            '一、基本情况',
            '2024年全州共下达补助资金11,600.00万元，其中中央资金9,280.00万元，省级资金2,320.00万元。',
            sentence,
            '二、存在的问题及改进措施',
            '加快支出进度。',
            '附件',
            '义务教育补助资金区域绩效自评表',
            '转移支付名称 义务教育补助资金',
            fundHeader,
            '年度资金总额 11,600.00 11,600.00 11,355.50 10 97.89% 9.79',
            '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
            '产出指标 数量指标 改善学校办学条件 ≥120所 126所 50 50',
            '效益指标 社会效益指标 办学条件达标率 ≥95% 96.2% 30 30',
            '满意度指标 服务对象满意度指标 受益学生满意度 ≥90% 94% 10 10',
            '总分 100 99.79',
          ].join('\n'),
          'x.txt',
        ),
      ),
    )
      .filter((f) => f.code === 'DOC_CROSS_TABLE')
      .map((f) => `${f.stated ?? ''}→${f.expected ?? ''}`);

  it('is held against the 全年执行数 of its 自评表', () => {
    expect(region('11,335.50')).toEqual(['11335.50→11355.50']);
    expect(region('11,355.50')).toEqual([]);
  });

  it('is read when written 累计支出…资金, under a fund header of 下达预算数 and 实际支出数', () => {
    const header = '资金来源 年初预算数 下达预算数（万元） 实际支出数（万元） 分值 执行率 得分';
    const said = (spent: string) =>
      `全州累计支出义务教育补助资金${spent}万元，各县支出情况见下表：`;
    expect(region('', said('11,335.50'), header)).toEqual(['11335.50→11355.50']);
    expect(region('', said('11,355.50'), header)).toEqual([]);
  });
});

describe('a rate restated in the text against its row of the 自评表', () => {
  const rates = (sentence: string) =>
    checkDocument(extractEvaluation(parseTextLines(report(sentence, ROW), 'x.txt')))
      .filter((f) => f.code === 'DOC_CROSS_TABLE_VALUE')
      .map((f) => [f.severity, f.stated, f.expected]);

  it('reports another figure, and lets a rate written with fewer decimals agree', () => {
    expect(rates('全年义务教育巩固率99.6%，学生家长满意度93%。')).toEqual([
      ['warning', '99.6%', '99.3%'],
    ]);
    expect(rates('全年义务教育巩固率99%，学生家长满意度93%。')).toEqual([]);
    expect(rates('全年义务教育巩固率99.3%，目标为义务教育巩固率99%以上。')).toEqual([]);
  });
});
