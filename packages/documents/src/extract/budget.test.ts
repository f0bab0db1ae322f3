import { describe, expect, it } from 'vitest';
import { parseTextLines } from '../read/read-text.ts';
import { extractBudget, projectListing } from './budget.ts';
import { extractNarrativeIndicators } from './indicators.ts';

const projectsOf = (text: string) =>
  extractBudget(parseTextLines(text, 'x.txt').blocks).project.projects.map((p) => [
    p.name,
    p.actual?.text,
  ]);

describe('the projects listed after a 项目支出 statement', () => {
  it('takes the numbered project list that follows the statement', () => {
    const text = [
      '（二）项目支出情况',
      '2024年项目支出预算安排300.00万元，实际支出300.00万元，完成预算安排的100.00%。',
      '项目共2项，具体如下：',
      '1.经济普查工作经费：支出150.00万元，占项目支出的50.00%，主要用于入户登记。',
      '2.统计调查专项经费：支出150.00万元，占项目支出的50.00%，主要用于常规调查。',
      '基本支出是保障机构正常运转的支出。2024年基本支出预算安排700万元，实际支出700万元。',
      '其中：人员经费588.14万元，公用经费111.86万元。',
    ].join('\n');
    expect(projectsOf(text)).toEqual([
      ['经济普查工作经费', '150.00'],
      ['统计调查专项经费', '150.00'],
    ]);
  });

  it('takes the projects named in the statement’s own paragraph', () => {
    const text =
      '项目支出预算安排904.93万元，实际支出904.93万元，完成预算安排的100%。其中：治超交通经费75.71万元，占项目支出的8.37%，主要用于治超。禁毒经费209万元，占项目支出23.1%主要用于禁毒。';
    expect(projectsOf(text)).toEqual([
      ['治超交通经费', '75.71'],
      ['禁毒经费', '209'],
    ]);
  });

  it('stops at money that is not the department’s projects: 基本支出, funds passed on, other totals', () => {
    for (const after of [
      '2023年全年预算资金1013.19万元，其中：基本支出861.24万元，项目支出151.95万元。',
      '区委办2023年全年基本支出861.24万元，其中人员经费588.14万元，公用经费273.10万元。',
      '县财政下达衔接资金8010万元，用于仓储基地建设。',
      '对下转移支付项目2个，转移支付资金120万元。',
      '政府性基金预算240万元，实际支出125.2万元。',
    ]) {
      const text = [
        '2023年项目支出预算安排151.95万元，实际支出151.95万元，完成预算安排的100.00%。',
        after,
        '业务工作经费100万元，区委办专项51.95万元。',
      ].join('\n');
      expect(projectsOf(text), after).toEqual([]);
    }
  });

  it('ends the listing at a paragraph without amounts that does not introduce one', () => {
    expect(projectListing('为规范专项资金管理，我办严格执行相关制度。')).toEqual({
      text: '为规范专项资金管理，我办严格执行相关制度。',
      ended: true,
    });
    expect(projectListing('项目共11项，具体如下：').ended).toBe(false);
    expect(projectListing('治超交通经费75.71万元，占项目支出3.96%。').ended).toBe(false);
  });
});

describe('narrative indicators', () => {
  it('does not take a conclusion with 分值 and 得分 for an indicator', () => {
    const text = [
      '（一）自评结论',
      '部门整体支出绩效评价总分值100分，得分95分，评价等级为优。',
      '（二）预算执行率',
      '全年预算数1000万元，全年执行数1000万元，预算执行率100%，分值10分，得分10分。',
    ].join('\n');
    const tree = extractNarrativeIndicators(parseTextLines(text, 'x.txt').blocks).indicators;
    expect(tree.map((n) => [n.name, n.weight, n.score])).toEqual([['预算执行率', 10, 10]]);
  });
});

describe('narrative indicators with the weight in parentheses', () => {
  it('reads "X（50分），得分S分" as a group, and a heading\'s score in the paragraph below it', () => {
    const text = [
      '（一）预算执行率（10分）',
      '全年预算数4,362.80万元，全年执行数4,206.15万元，预算执行率96.41%，按执行率计分，得9.64分。',
      '（二）产出指标（50分），得48.2分',
      '1.市政设施完好率：年度指标值≥95%，实际96.5%。',
      '2.清扫保洁单价：年度指标值≤4.8元，实际4.75元。因合同变更未报备，扣1.8分。',
    ].join('\n');
    const tree = extractNarrativeIndicators(parseTextLines(text, 'x.txt').blocks).indicators;
    expect(tree.map((n) => [n.name, n.weight, n.score])).toEqual([
      ['预算执行率', 10, 9.64],
      ['产出指标', 50, 48.2],
    ]);
    // The group's section gives the reason for its points lost.
    expect(tree[1]?.evidence).toContain('扣1.8分');
  });
});

describe('narrative indicators scored in the text alone', () => {
  it('reads an item with its weight run in under a group of more points as its leaf', () => {
    const text = [
      '（二）产出指标（50分），得49.50分',
      '1.送戏下乡演出场次（10分）。年度目标120场以上，实际开展126场，得10分。',
      '2.文物安全巡查覆盖率（10分）。年度目标100%，实际92%，部分偏远文物点巡查不到位，得9.2分。',
      '（三）效益指标（30分），得30分',
    ].join('\n');
    const tree = extractNarrativeIndicators(parseTextLines(text, 'x.txt').blocks).indicators;
    expect(tree.map((n) => [n.name, n.weight, n.score])).toEqual([
      ['产出指标', 50, 49.5],
      ['效益指标', 30, 30],
    ]);
    const leaves = tree[0]?.children ?? [];
    expect(leaves.map((n) => [n.name, n.weight, n.score])).toEqual([
      ['送戏下乡演出场次', 10, 10],
      ['文物安全巡查覆盖率', 10, 9.2],
    ]);
    // 不到位 says the shortfall.
    expect(leaves[1]?.deviationReason).toContain('不到位');
  });
});

describe("the year's spending named as a 自评表 names its columns", () => {
  const fundOf = (sentence: string) =>
    extractBudget(
      parseTextLines(`（一）预算执行率（分值10分，得8分）\n${sentence}`, 'x.txt').blocks,
    ).fund;
  it.each([
    '年初预算数1088.47万元，全年预算数3385.52万元，全年执行数3385.52万元，预算执行率100%。',
    '年初预算数1088.47万元，调整后预算数3385.52万元，实际支出数3385.52万元，预算执行率100%。',
    '年初预算金额1088.47万元，全年预算金额3385.52万元，全年执行金额3385.52万元，预算执行率100%。',
    '年初预算数1088.47万元，调整预算3385.52万元，实际执行数3385.52万元，预算执行率100%。',
    '年初批复预算1088.47万元，调整预算3385.52万元，实际执行数3385.52万元，预算执行率100%。',
  ])('reads the plan, the spending and the rate of "%s"', (sentence) => {
    const fund = fundOf(sentence);
    expect(fund?.initialBudget?.text).toBe('1088.47');
    expect(fund?.budget?.text).toBe('3385.52');
    expect(fund?.executed?.text).toBe('3385.52');
    expect(fund?.statedRate?.value).toBe(100);
  });

  it("takes no part's spending for the year's", () => {
    const fund = fundOf('全年预算数500.00万元，项目实际支出数120.00万元，预算执行率96.00%。');
    expect(fund?.executed).toBeUndefined();
  });
});

describe('narrative indicators listed by their number', () => {
  it('reads "指标N：名称。年度指标值…" as leaves and a score stated above them as the group\'s', () => {
    const text = [
      '（一）预算执行（10分）',
      '指标1：预算执行率。年度指标值100%，实际完成值96.08%，分值10分，得分9.61分。',
      '（二）产出指标（50分）',
      '产出指标共2项，得48分。',
      '指标2：人工造林面积。年度指标值≥3.5万亩，实际完成值3.62万亩，分值25分，得分25分。',
      '指标3：造林苗木成活率。年度指标值≥85%，实际完成值78.2%，分值25分，得分23分。',
    ].join('\n');
    const tree = extractNarrativeIndicators(parseTextLines(text, 'x.txt').blocks).indicators;
    expect(tree.map((n) => [n.name, n.weight, n.score])).toEqual([
      ['预算执行', 10, undefined],
      ['产出指标', 50, 48],
    ]);
    expect(tree[0]?.children?.map((n) => [n.name, n.weight, n.score])).toEqual([
      ['预算执行率', 10, 9.61],
    ]);
    expect(tree[1]?.children?.map((n) => [n.name, n.score])).toEqual([
      ['人工造林面积', 25],
      ['造林苗木成活率', 23],
    ]);
  });
});

describe('the plan before the spending paragraph', () => {
  it('is read past a heading alone naming the execution, with 上年结转 among its sources', () => {
    const text = [
      '（一）预算安排情况',
      '2024年年初预算1,184.52万元。年度收入预算合计1,286.45万元，其中上年结转76.20万元、本年新增1,210.25万元。',
      '（二）预算执行情况',
      '全年支出1,250.39万元，预算执行率97.20%。',
    ].join('\n');
    const fund = extractBudget(parseTextLines(text, 'x.txt').blocks).fund;
    expect([fund?.initialBudget?.text, fund?.executed?.text]).toEqual(['1184.52', '1250.39']);
  });

  it("is not taken from a paragraph on last year's figures", () => {
    const text = [
      '上年年初预算1,100.00万元。',
      '（二）预算执行情况',
      '全年支出1,250.39万元，预算执行率97.20%。',
    ].join('\n');
    expect(extractBudget(parseTextLines(text, 'x.txt').blocks).fund?.initialBudget).toBeUndefined();
  });
});
