import { describe, expect, it } from 'vitest';
import { extractEvaluation } from '../extract/extract-evaluation.ts';
import { parseTextLines } from '../read/read-text.ts';
import { scoreClaimIssues } from './score-claims.ts';

const issues = (sentence: string) =>
  scoreClaimIssues(
    extractEvaluation(parseTextLines(`示范县2023年度绩效自评报告\n${sentence}\n`, 'x.txt')),
  ).map((i) => [i.code, i.severity, i.stated, i.expected]);

describe('scores stated in a sentence', () => {
  it('a score above its weight', () => {
    expect(issues('预算执行率指标分值10分，自评得分12分。')).toEqual([
      ['DOC_SCORE_OVER_WEIGHT', 'error', '12', '10'],
    ]);
    // Weight moved from an indicator not assessed: possible, so only a warning.
    expect(
      issues('资金下达合法性不考核，3分分值调整至支出率指标。支出率指标分值3分，得分6分。'),
    ).toEqual([['DOC_SCORE_OVER_WEIGHT', 'warning', '6', '3']]);
    expect(issues('数量指标分值20分，得分21分，含加分1分。')).toEqual([]);
  });

  it('a deduction that is not the weight less the score', () => {
    expect(issues('效益指标分值30分，得分27分，扣2分，主要原因是效益未充分显现。')).toEqual([
      ['DOC_SCORE_DEDUCTION', 'error', '2', '3'],
    ]);
    expect(issues('效益指标分值30分，得分27.5分，扣除2.5分。')).toEqual([]);
    expect(issues('满意度指标权重10分，自评得分9分，扣减2分，原因是回访不足。')).toEqual([
      ['DOC_SCORE_DEDUCTION', 'error', '2', '1'],
    ]);
    // "扣分N分" is a way of writing the deduction as well.
    expect(issues('满意度指标满分10分，得9分，扣分1.5分，原因是活动场次偏少。')).toEqual([
      ['DOC_SCORE_DEDUCTION', 'error', '1.5', '1'],
    ]);
    expect(issues('满意度指标满分10分，得9分，扣分1分，原因是活动场次偏少。')).toEqual([]);
  });

  it('an execution score against its rate: full marks below 100%, or far from the proportion', () => {
    expect(issues('预算执行率86%，该项指标分值10分，得分10分。')).toEqual([
      ['DOC_SCORE_EXECUTION', 'warning', '10', '8.6'],
    ]);
    expect(issues('预算执行率为60%，该项分值10分，得分9分。')).toEqual([
      ['DOC_SCORE_EXECUTION', 'warning', '9', '6'],
    ]);
    expect(issues('预算执行率为86%，分值10分，得分8.6分。')).toEqual([]);
    expect(issues('预算执行率100%，分值10分，得分10分。')).toEqual([]);
  });

  it('a total against the scores listed before it', () => {
    // Parts above the total: certain.
    expect(
      issues(
        '决策指标得分19分，过程指标得分19分，产出指标得分38分，效益指标得分20分，总得分95分。',
      ),
    ).toEqual([['DOC_SCORE_TOTAL', 'error', '95', '96']]);
    // Below it, a part may not be named: a warning.
    expect(
      issues(
        '决策指标得分18分，过程指标得分19分，产出指标得分38分，效益指标得分20分，总得分96分。',
      ),
    ).toEqual([['DOC_SCORE_TOTAL', 'warning', '96', '95']]);
    expect(
      issues(
        '决策指标得分18分，过程指标得分19分，产出指标得分38分，效益指标得分21分，总得分96分。',
      ),
    ).toEqual([]);
  });

  it('a score against the parts listed after 其中, as a warning (a part may be left out)', () => {
    expect(
      issues(
        '产出指标分值50分，得分45分，其中数量指标得分20分，质量指标得分15分，时效指标得分8分。',
      ),
    ).toEqual([['DOC_SCORE_PARTS', 'warning', '45', '43']]);
    expect(
      issues(
        '产出指标分值50分，得分45分，其中数量指标得分20分，质量指标得分15分，时效指标得分10分。',
      ),
    ).toEqual([]);
  });
});

describe('a score against whether its target was met', () => {
  it('a target met with points deducted and no reason, a target missed at full marks', () => {
    expect(issues('接种率指标，年度目标值≥90%，实际完成值96.8%，分值10分，得分7分。')).toEqual([
      ['DOC_SCORE_TARGET_MET', 'warning', '7', '10'],
    ]);
    expect(
      issues(
        '接种率指标，年度目标值≥90%，实际完成值96.8%，分值10分，得分7分，扣分原因是档案不全。',
      ),
    ).toEqual([]);
    expect(
      issues('垃圾分类覆盖率，年度指标值≥95%，实际完成值88.6%，未完成年度目标，分值5分，得分5分。'),
    ).toEqual([['DOC_SCORE_TARGET_MISSED', 'warning', '5', '4.66']]);
    expect(issues('投诉率，年度指标值≤2%，实际完成值1.5%，分值5分，得分5分。')).toEqual([]);
    // The points lost said before the score; the target in parentheses.
    expect(issues('群众满意度目标值≥90%，实际值为95.3%，分值10分，扣3分，得8分。')).toEqual([
      ['DOC_SCORE_DEDUCTION', 'error', '3', '2'],
      ['DOC_SCORE_TARGET_MET', 'warning', '8', '10'],
    ]);
    expect(issues('群众满意度（目标值≥90%），实际达到95.3%，分值10分，得8分。')).toEqual([
      ['DOC_SCORE_TARGET_MET', 'warning', '8', '10'],
    ]);
    // The actual said as "实际达到" or "实际为".
    expect(
      issues('受威胁群众满意度目标值≥90%，实际达到95.3%，该指标分值10分，自评得8分。'),
    ).toEqual([['DOC_SCORE_TARGET_MET', 'warning', '8', '10']]);
    expect(issues('群众满意度目标值≥90%，实际为88.0%，该指标分值10分，得分9分，因…')).toEqual([]);
    expect(issues('投诉率，年度指标值≤2%，实际完成值2.5%，分值5分，得分5分。')).toEqual([
      ['DOC_SCORE_TARGET_MISSED', 'warning', '5', '4'],
    ]);
  });
});

describe('an indicator written "——年度目标：A；完成情况：B；分值：W分；得分：S分"', () => {
  it('reads it as a leaf and checks its score against its target', () => {
    const line = '2.辖区火灾事故起数——年度目标：≤2起；完成情况：0起；分值：10分；得分：';
    expect(issues(`${line}7分。`)).toEqual([['DOC_SCORE_TARGET_MET', 'warning', '7', '10']]);
    expect(issues(`${line}10分。`)).toEqual([]);
    const read = extractEvaluation(
      parseTextLines(`示范街道2024年度部门整体支出绩效自评报告\n${line}7分。\n`, 'x.txt'),
    );
    expect(
      read.evaluation.indicators.map((n) => [n.name, n.target?.text, n.weight, n.score]),
    ).toEqual([['辖区火灾事故起数', '≤2起', 10, 7]]);
  });
});

describe('a total and the list of its parts after it', () => {
  it('reads the parts listed after 具体为, in the next sentence or the same one', () => {
    const next =
      '本项目综合得分95.8分。具体为：预算执行率9.6分、产出指标47分、效益指标28分、满意度指标9.2分。';
    expect(issues(next)).toEqual([['DOC_SCORE_TOTAL', 'warning', '95.8', '93.8']]);
    expect(issues(next.replace('95.8', '93.8'))).toEqual([]);
    // Parts above the total are certain.
    expect(issues(next.replace('95.8', '91.8'))).toEqual([
      ['DOC_SCORE_TOTAL', 'error', '91.8', '93.8'],
    ]);
    expect(
      issues(
        '自评总分为93.8分，具体为：预算执行率9.6分、产出指标47分、效益指标28分、满意度指标9.2分。',
      ),
    ).toEqual([]);
    expect(
      issues(
        '自评总分为95分，各项得分分别为：决策指标18分、过程指标19分、产出指标38分、效益指标21分。',
      ),
    ).toEqual([['DOC_SCORE_TOTAL', 'error', '95', '96']]);
  });

  it('reads parts without 得分 after a 其中, and a list of 一级 scores 分别为 in the next sentence', () => {
    const own =
      '经评价，本项目自评得分93分，其中：决策15分、过程18分、产出38分、效益20分，等级为优。';
    expect(issues(own)).toEqual([['DOC_SCORE_TOTAL', 'warning', '93', '91']]);
    expect(issues(own.replace('93', '91'))).toEqual([]);
    const next =
      '本项目自评得分为94分，评价等级为优。各一级指标得分分别为：决策指标19分、过程指标19分、产出指标39分、效益指标19分。';
    expect(issues(next)).toEqual([['DOC_SCORE_TOTAL', 'error', '94', '96']]);
    expect(issues(next.replace('94', '96'))).toEqual([]);
  });

  it('leaves a sentence that does not open the list alone', () => {
    expect(issues('本项目综合得分95.8分。全年开展送戏下乡演出86场，每场得分按10分计。')).toEqual(
      [],
    );
  });

  it('a total against parts stated with weight and score: the scores alone are added', () => {
    const parts =
      '预算执行指标10分，得分8.96分；产出指标50分，得分47分；效益指标30分，得分27分；满意度指标10分，得分9分';
    expect(issues(`本项目自评得分91.96分，其中${parts}。`)).toEqual([]);
    // A list cut after its first part (an excerpt ending mid-list) gives nothing to add.
    expect(
      issues('本项目自评得分91.96分，其中预算执行指标10分，得分8.96分；产出指标50分，得'),
    ).toEqual([]);
    // The weights make 100: the list is the whole book, so a total above its parts is certain.
    expect(issues(`本项目自评得分93.96分，其中${parts}。`)).toEqual([
      ['DOC_SCORE_TOTAL', 'error', '93.96', '91.96'],
    ]);
    // A deduction explaining one part is no part of its own.
    expect(
      issues(
        '自评得分98.93分，其中预算执行率指标10分，得分9.93分；产出指标50分，得分50分；效益指标30分，得分29分，因就诊率未达到目标扣1分；满意度指标10分，得分10分。',
      ),
    ).toEqual([]);
  });

  it('a total in the sentence after its parts, when their weights make 100', () => {
    const list =
      '逐项打分：预算执行指标分值10分，得分9.6分；产出指标分值50分，得分47.5分；效益指标分值30分，得分28分，扣2分；满意度指标分值10分，得分9.4分。';
    expect(issues(`${list}综合自评得分96.5分，等级为“优”。`)).toEqual([
      ['DOC_SCORE_TOTAL', 'error', '96.5', '94.5'],
    ]);
    expect(issues(`${list}综合自评得分94.5分，等级为“优”。`)).toEqual([]);
    // Parts of one group (weights short of 100) are not the whole book's.
    expect(
      issues(
        '产出指标：数量指标分值20分，得分20分；质量指标分值15分，得分14分；时效指标分值15分，得分15分。综合自评得分96分。',
      ),
    ).toEqual([]);
  });

  it('full marks for an execution rate below 100%, the weight stated in a sentence of weights', () => {
    const weights =
      '本项目按照“预算执行率10分、产出指标50分、效益指标30分、满意度指标10分”的权重进行自评。';
    expect(issues(`${weights}预算执行率指标：执行率85.00%，得10分；产出指标得49分。`)).toEqual([
      ['DOC_SCORE_EXECUTION', 'warning', '10', '8.5'],
    ]);
    expect(issues(`${weights}预算执行率指标：执行率85.00%，得8.5分。`)).toEqual([]);
    expect(issues(`${weights}预算执行率指标：执行率100%，得10分。`)).toEqual([]);
    // Without a stated weight, a score of 10 may be under a weight of 20.
    expect(issues('预算执行率指标：执行率85.00%，得10分。')).toEqual([]);
  });

  it("reads a part's weight in parentheses before its score", () => {
    const list =
      '一级指标得分情况如下：决策指标（20分）得19分，过程指标（20分）得18.5分，产出指标（40分）得38分，效益指标（20分）得18分。';
    expect(issues(`${list}\n综合得分95.5分，等级为“优”。`)).toEqual([
      ['DOC_SCORE_TOTAL', 'error', '95.5', '93.5'],
    ]);
    expect(issues(`${list}\n综合得分93.5分，等级为“优”。`)).toEqual([]);
  });

  it("a 其中's scores end where the next item's own total begins", () => {
    const text =
      '甲项目实际支出285.00万元，自评得分93分，其中执行率指标得9.5分；乙项目实际支出186.50万元，自评得分96分。';
    expect(issues(text)).toEqual([]);
    expect(issues('项目自评得分93分，其中产出指标得45分，效益指标得29分。')).toEqual([
      ['DOC_SCORE_PARTS', 'warning', '93', '74'],
    ]);
  });

  it('a total whose parts follow in a sentence opened by 分项看', () => {
    const total = '我局2023年度自评总分92.5分。分项看，预算执行率得9.2分，产出指标得46分，';
    expect(issues(`${total}效益指标得28分，满意度指标得9.5分。`)).toEqual([
      ['DOC_SCORE_TOTAL', 'error', '92.5', '92.7'],
    ]);
    expect(issues(`${total}效益指标得27.8分，满意度指标得9.5分。`)).toEqual([]);
  });

  it('an execution score whose weight a heading states in parentheses', () => {
    const text = (score: string) =>
      `（一）预算执行率（分值10分）。\n全年执行率82.15%，本项自评得分${score}分。`;
    expect(issues(text('10'))).toEqual([['DOC_SCORE_EXECUTION', 'warning', '10', '8.22']]);
    expect(issues(text('8.2'))).toEqual([]);
  });

  it('a deduction against a weight stated in parentheses before the score', () => {
    const text = (deducted: string) =>
      `1.数量指标（分值20分）。\n年度计划新建农田3万亩，实际建成2.8万亩。该项指标得18分，扣${deducted}分，原因是协调困难。`;
    expect(issues(text('1'))).toEqual([['DOC_SCORE_DEDUCTION', 'warning', '1', '2']]);
    expect(issues(text('2'))).toEqual([]);
    expect(
      issues('资金管理（分值20分）得18分，扣1分；产出指标（分值40分）得38分，扣2分。'),
    ).toEqual([['DOC_SCORE_DEDUCTION', 'error', '1', '2']]);
    expect(issues('产出指标（分值50分）。未达到年度目标，扣3分，自评得分47分。')).toEqual([]);
    expect(issues('时效指标（分值10分）。每延期1项扣1分，得9分。')).toEqual([]);
  });
});

describe('an execution score under its own weight in parentheses', () => {
  it('takes the weight of "预算执行率（分值10分）：…，自评得10分"', () => {
    const text = (rate: string) =>
      `（一）预算执行率（分值10分）：项目预算468.30万元，实际支出403.41万元，执行率${rate}，自评得10分。`;
    expect(issues(text('86.14%'))).toEqual([['DOC_SCORE_EXECUTION', 'warning', '10', '8.61']]);
    expect(issues(text('100%'))).toEqual([]);
  });

  it('names the indicator before "：年度指标值"', () => {
    const found = scoreClaimIssues(
      extractEvaluation(
        parseTextLines(
          '示范县2023年度绩效自评报告\n毕业生就业率：年度指标值≥90%，实际完成值93.6%，分值15分，得分12分。\n',
          'x.txt',
        ),
      ),
    ).filter((i) => i.code === 'DOC_SCORE_TARGET_MET');
    expect(found.map((i) => i.params['what'])).toEqual(['毕业生就业率']);
  });
});

describe('scores of the thirteenth round of invented prose', () => {
  it('reports full marks where the text itself says the target was missed', () => {
    expect(
      issues(
        '（2）老年人健康管理人数。年度目标为1.2万人，实际完成10,380人，完成比例为86.50%，未完成年度目标，主要原因是部分老年人外出。该项分值8分，得8分。',
      ),
    ).toEqual([['DOC_SCORE_TARGET_MISSED', 'warning', '8', '6.92']]);
    expect(
      issues(
        '群众满意度年度目标值≥90%，调查满意度为85.3%，未达到年度目标，该指标分值10分，得10分。',
      ),
    ).toEqual([['DOC_SCORE_TARGET_MISSED', 'warning', '10', '9.48']]);
    // Points taken off, or no shortfall said: nothing to report.
    expect(
      issues('年度目标为1.2万人，完成比例为86.50%，未完成年度目标。该项分值8分，得6.92分。'),
    ).toEqual([]);
    expect(issues('全年无未完成年度目标的事项，该项分值8分，得8分。')).toEqual([]);
  });

  it('holds a deduction after a bare 分值 in the sentence before against that weight', () => {
    expect(
      issues('年度目标值≥90%，实际完成93%，该项分值8分。因台账登记不规范，扣1分，得8分。'),
    ).toEqual([['DOC_SCORE_DEDUCTION', 'warning', '1', '0']]);
    expect(
      issues('年度目标值≥90%，实际完成93%，该项分值8分。因台账登记不规范，扣1分，得7分。'),
    ).toEqual([]);
  });

  it('reports the last score of a sentence above the weight in parentheses before it', () => {
    expect(issues('3.可持续影响指标（分值5分）：建立长效管护机制，得6分。')).toEqual([
      ['DOC_SCORE_OVER_WEIGHT', 'warning', '6', '5'],
    ]);
    // A survey's own score before the item's is not the item's.
    expect(issues('满意度指标（分值10分）：问卷平均得分为96分，本项得10分。')).toEqual([]);
  });

  it('takes the weight of an execution indicator from its heading alone', () => {
    expect(
      issues(
        '（一）预算执行率（10分）\n全年预算数9,876.50万元，全年执行数8,752.60万元，预算执行率88.62%，该项得10分。',
      ),
    ).toEqual([['DOC_SCORE_EXECUTION', 'warning', '10', '8.86']]);
  });
});

describe('the total score stated twice', () => {
  it('warns when the evaluation’s total is stated with two figures', () => {
    const text = (second: string) =>
      `经自评，本镇2024年度部门整体支出绩效自评得分为93.6分，等级为优。\n四、自评结论\n综合自评得分${second}分，自评等级为优。`;
    expect(issues(text('96.3'))).toEqual([['DOC_SCORE_RESTATED', 'warning', '96.3', '93.6']]);
    expect(issues(text('93.6'))).toEqual([]);
    expect(issues(`${text('96.3')}\n加分项：获省级表彰加2.7分。`)).toEqual([]);
  });

  it('points lost with no reason in a list whose other losses give theirs', () => {
    const list = (last: string) =>
      issues(
        `其中预算执行率指标分值10分，得分9.8分；效益指标分值30分，得分26分，扣4分，主要原因是就诊率未达目标；${last}`,
      );
    expect(list('满意度指标分值10分，得分8分。')).toEqual([
      ['DOC_SCORE_NO_REASON', 'warning', '2', '0'],
    ]);
    expect(list('满意度指标分值10分，得分8分，原因是回访不足。')).toEqual([]);
    expect(list('满意度指标分值10分，得分10分。')).toEqual([]);
  });

  it('an execution weight named 指标分值 before the rate and its score', () => {
    expect(issues('预算执行率指标分值10分，执行率85.65%，自评得10分。')).toEqual([
      ['DOC_SCORE_EXECUTION', 'warning', '10', '8.57'],
    ]);
    expect(issues('预算执行率指标分值10分，执行率100%，自评得10分。')).toEqual([]);
    // Every item of a list parted by ；, not only its first.
    expect(
      issues(
        '其中：预算执行率指标分值10分，得分9.5分；产出指标分值50分，得分47.5分，扣除3分，主要是设备更新滞后；效益指标分值30分，得分28分。',
      ),
    ).toEqual([['DOC_SCORE_DEDUCTION', 'error', '3', '2.5']]);
    // A list of scores opened before its total, the total after it.
    const total = (stated: string) =>
      issues(
        `各项得分分别为：预算执行率9.6分、产出指标38分、效益指标29分、满意度指标9.5分，自评总分${stated}分。`,
      );
    expect(total('87.1')).toEqual([['DOC_SCORE_TOTAL', 'warning', '87.1', '86.1']]);
    expect(total('85.1')).toEqual([['DOC_SCORE_TOTAL', 'error', '85.1', '86.1']]);
    expect(total('86.1')).toEqual([]);
  });
});

describe('a total against the points the text says were lost', () => {
  it('is 100 less them where all else scored full, as a warning', () => {
    const text = (total: string) =>
      issues(
        `部门整体支出绩效自评得分${total}分。扣分情况：产出指标扣3分；效益指标扣4分；满意度指标扣1分，其余指标均得满分。`,
      );
    expect(text('91.5')).toEqual([['DOC_SCORE_TOTAL', 'warning', '91.5', '92']]);
    expect(text('92')).toEqual([]);
    // An indicator's own score is no total of the book.
    expect(issues('产出指标分值50分，自评得分47分，扣3分，其余指标均得满分。')).toEqual([]);
  });
});

describe('round ul: the dimensions scored in one chapter, the total in another', () => {
  it('adds the 一级 dimensions listed in a sentence of their own up to the total stated elsewhere', () => {
    expect(
      issues(
        '决策得分15分，过程得分18.5分，产出得分36分，效益得分27分。\n本中心部门整体支出绩效自评得分95.5分。',
      ),
    ).toEqual([['DOC_SCORE_TOTAL', 'error', '95.5', '96.5']]);
    expect(
      issues(
        '决策得分15分，过程得分18.5分，产出得分36分，效益得分27分。\n本中心部门整体支出绩效自评得分96.5分。',
      ),
    ).toEqual([]);
  });
});

describe('round um: scores of a list and its total in other wordings', () => {
  it('reads a total written 合计自评得分 after the 一级 scores', () => {
    expect(
      issues(
        '经综合评价，决策指标得18分、过程指标得19分、产出指标得38分、效益指标得19分，合计自评得分95分，等级为“优”。',
      ),
    ).toEqual([['DOC_SCORE_TOTAL', 'warning', '95', '94']]);
    expect(
      issues('决策指标得18分、过程指标得19分、产出指标得38分、效益指标得20分，合计自评得分95分。'),
    ).toEqual([]);
  });

  it("holds a group's score against its parts in the sentence after, when their weights make up its weight", () => {
    const parts =
      '其中：数量指标（30分）得28分，车载急救设备到位11套；质量指标（10分）得10分，验收合格率100%；时效指标（10分）得8分，较计划推迟1个月完成。';
    expect(issues(`（二）产出指标（分值50分），得48分。${parts}`)).toEqual([
      ['DOC_SCORE_PARTS', 'error', '48', '46'],
    ]);
    expect(issues(`（二）产出指标（分值50分），得46分。${parts}`)).toEqual([]);
    expect(
      issues(`（二）产出指标（权重50分），自评得47分。${parts.replace('其中：', '具体为：')}`),
    ).toEqual([['DOC_SCORE_PARTS', 'error', '47', '46']]);
    // Parts whose weights fall short of the group's may leave one out: nothing is said.
    expect(issues(`（二）产出指标（分值60分），得48分。${parts}`)).toEqual([]);
    expect(
      issues(
        '（三）效益指标（分值30分），得28分。社会效益指标（分值20分）：平均反应时间缩短1.6分钟，得20分；可持续影响指标（分值10分）：对接尚未完成，扣2分，得8分。',
      ),
    ).toEqual([]);
  });

  it('takes the figure right before the target as the actual where no 实际完成 names it', () => {
    expect(
      issues('全年免费或低收费开放场馆时长4,380小时，年度指标值≥4,000小时，分值10分，得9分。'),
    ).toEqual([['DOC_SCORE_TARGET_MET', 'warning', '9', '10']]);
    expect(issues('全年开放场馆时长3,600小时，年度指标值≥4,000小时，分值10分，得10分。')).toEqual([
      ['DOC_SCORE_TARGET_MISSED', 'warning', '10', '9'],
    ]);
    // Approximate figures, other units and a reason given say nothing.
    for (const text of [
      '全年开放场馆时长约4,380小时，年度指标值≥4,000小时，分值10分，得9分。',
      '全年开放场馆4,380小时，年度指标值≥95%，分值10分，得9分。',
      '全年开放场馆时长4,380小时，年度指标值≥4,000小时，因公示不及时，分值10分，得9分。',
    ])
      expect(issues(text), text).toEqual([]);
  });
});

describe('a group whose parts are scored in parentheses after it', () => {
  it('holds "决策指标（20分）得19分（其中：A6分、B7分、C5分）" to its parts', () => {
    expect(
      issues('（一）决策指标（20分）得19分（其中：项目立项6分、绩效目标7分、资金投入5分）。'),
    ).toEqual([['DOC_SCORE_PARTS', 'warning', '19', '18']]);
    expect(
      issues('（一）决策指标（20分）得17分（其中：项目立项6分、绩效目标7分、资金投入5分）。'),
    ).toEqual([['DOC_SCORE_PARTS', 'error', '17', '18']]);
    expect(
      issues('（一）决策指标（20分）得18分（其中：项目立项6分、绩效目标7分、资金投入5分）。'),
    ).toEqual([]);
  });
});

describe('round uq: scores written "X指标满分W分，实得S分"', () => {
  const list = (deducted: string, total: string): string =>
    `经自评：决策指标满分20分，实得18分，扣分原因为绩效目标细化不足；过程指标满分20分，实得19分，因资金支付进度偏慢扣1分；产出指标满分40分，实得37.5分，扣减${deducted}分，主要是维修工程完工时间较计划有所推迟；效益指标满分20分，实得18.5分，扣1.5分，原因是部分群众评价偏低。以上四项合计得分${total}分。`;

  it('holds each deduction to its weight less its score, and the total after them to their sum', () => {
    expect(issues(list('3.5', '94'))).toEqual([
      ['DOC_SCORE_DEDUCTION', 'error', '3.5', '2.5'],
      ['DOC_SCORE_TOTAL', 'error', '94', '93'],
    ]);
    expect(issues(list('2.5', '93'))).toEqual([]);
  });

  it('reads 标准分 as the weight and 实得分 as the score', () => {
    expect(issues('产出指标标准分40分，实得分38分，扣3分，原因是进度滞后。')).toEqual([
      ['DOC_SCORE_DEDUCTION', 'error', '3', '2'],
    ]);
    expect(issues('产出指标标准分40分，实得分38分，扣2分，原因是进度滞后。')).toEqual([]);
  });

  it('reads 评价得分 as the score and 失分 as the points lost', () => {
    expect(issues('项目产出类指标权重35分，评价得分32分，失分2分，原因是工期延后。')).toEqual([
      ['DOC_SCORE_DEDUCTION', 'error', '2', '3'],
    ]);
    expect(issues('项目产出类指标权重35分，评价得分32分，失分3分，原因是工期延后。')).toEqual([]);
    expect(issues('产出指标，权重50分，实得47分，失分3分，原因是工程完工时间推迟。')).toEqual([]);
  });

  it('holds a 合计 in the same sentence as its parts to their sum', () => {
    expect(
      issues(
        '决策指标满分20分，实得18分；过程指标满分20分，实得19分；产出指标满分40分，实得38分；效益指标满分20分，实得18分，合计得分94分。',
      ),
    ).toEqual([['DOC_SCORE_TOTAL', 'error', '94', '93']]);
  });
});
