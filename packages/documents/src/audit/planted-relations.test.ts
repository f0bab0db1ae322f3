import { describe, expect, it } from 'vitest';
import { extractEvaluation } from '../extract/extract-evaluation.ts';
import { parseTextLines } from '../read/read-text.ts';
import { checkClaims } from './claim-checks.ts';

/** The relations the third batch of errors planted into the real web pieces asked for. */
const brief = (text: string): string[] =>
  checkClaims(extractEvaluation(parseTextLines(text, 'x.txt'))).map(
    (f) => `${f.severity} ${f.code} ${f.stated ?? ''}→${f.expected ?? ''}`,
  );
const codes = (text: string): string[] => brief(text).map((x) => x.split(' ')[1] ?? '');

describe('years of the report’s own facts', () => {
  const staff = (year: string) =>
    `2021年某市发展和改革局部门整体支出绩效自评报告\n一、部门基本情况\n我局实有编制数63人，${year}年末在职人数57人、离退休人数94人。`;

  it('reports the staff stated at the end of an earlier year', () => {
    expect(brief(staff('2021'))).toEqual([]);
    expect(brief(staff('2020'))).toEqual(['warning DOC_YEAR_STOCK 2020年末→2021年末']);
    // A comparison with that year is no slip.
    expect(
      codes(
        '2021年某局部门整体支出绩效自评报告\n2020年末在职人数57人，较上年增加2人。2021年末在职人数59人。',
      ),
    ).toEqual([]);
  });

  it('reports a sentence opening with another year of the evaluation it says was done', () => {
    const text = (year: string, lead = '') =>
      `2020年度部门整体支出绩效自评报告\n根据财政预算管理要求，${lead}${year}年度我厅开展了部门整体支出绩效自评，涉及支出282,796.90万元。`;
    expect(codes(text('2020'))).toEqual([]);
    expect(codes(text('2021'))).toEqual(['DOC_YEAR_SUBJECT']);
    // The round held in the next year evaluates this one: another year in between is the year.
    expect(
      codes(`2020年度部门整体支出绩效自评报告\n2021年，我厅开展了2020年度部门整体支出绩效自评。`),
    ).toEqual([]);
  });

  it('reads a year a few clauses before 至…年底 as no base when it sets none', () => {
    const text = (year: string) =>
      `某局关于2023年度项目绩效自评工作的报告\n为了实现年初绩效目标，我局财务部门严格执行预算管理制度，认真审核拨付每笔预算资金，重点检查项目支出进度，至${year}年底我局项目执行金额2856.63万元，执行率87.43%。`;
    expect(codes(text('2023'))).toEqual([]);
    expect(codes(text('2022'))).toEqual(['DOC_YEAR_AS_OF']);
    // A comparison in the clause before the date makes it a base.
    expect(
      codes(
        '某局关于2023年度项目绩效自评工作的报告\n与上年相比，至2022年底我局项目执行金额2856.63万元。',
      ),
    ).toEqual([]);
  });

  it('dates work by a year opening a clause with a city or county as its subject', () => {
    const text = (year: string) =>
      `某市2023年度衔接资金绩效自评情况报告\n${year}年某某市共投入各级财政衔接推进乡村振兴补助资金14380万元。`;
    expect(codes(text('2023'))).toEqual([]);
    expect(codes(text('2022'))).toEqual(['DOC_YEAR_CLAUSE']);
  });

  it('reads a 填报日期 in the year evaluated under a title whose year stands on the next line', () => {
    const text = (date: string) =>
      `部门整体支出绩效评价自评报告\n(2023年度)\n部门(单位)全称：某市人民检察院\n填报日期 ${date}\n一、部门基本情况\n本院内设8个机构。`;
    expect(codes(text('2024年 2月26日'))).toEqual([]);
    expect(codes(text('2023年 2月26日'))).toEqual(['DOC_YEAR_REPORT_DATE']);
  });
});

describe('a count of aspects against its 一是…', () => {
  const text = (count: string, items: string[], after = '') =>
    `某区扎实推进财政支出绩效自评工作\n自评工作按照“谁使用、谁评价”的原则开展，并从${count}方面确保工作有序高效完成。\n${items
      .map((x, k) => `${'一二三四五'[k]}是${x}。具体做法略。`)
      .join('\n')}${after}`;
  const three = ['普及绩效意识', '统一评分标准', '确保质量要求'];

  it('is held against the items listed after it', () => {
    expect(brief(text('三', three, '（某某）'))).toEqual([]);
    expect(brief(text('四', three, '（某某）'))).toEqual(['warning DOC_CLAIM_LIST_COUNT 四方面→3']);
    expect(brief(text('两', three, '（某某）'))).toEqual(['warning DOC_CLAIM_LIST_COUNT 两方面→3']);
  });

  it('says nothing of fewer items where the text may have been cut after them', () => {
    expect(brief(text('四', three, '\n三是还有'))).toEqual([]);
  });

  it('needs the list right after the count', () => {
    expect(
      brief(
        '某区绩效自评工作\n我局从四个方面进行了自评，自评得分97.68分。\n下一段。\n另一段。\n又一段。\n再一段。\n存在问题：一是进度慢；二是资料不全。',
      ),
    ).toEqual([]);
  });
});

describe('figures restated with two digits swapped', () => {
  it('tells a total restated with two of six digits exchanged anywhere', () => {
    const text = (second: string) =>
      `某村养殖业基地建设项目绩效自评报告\n项目总投资39.2696万元，其中：中央财政衔接资金39万元，自筹资金2696元。\n项目资金共${second}万元，项目目前未实施，资金未使用。`;
    expect(brief(text('39.2696'))).toEqual([]);
    expect(brief(text('39.6296'))).toEqual(['warning DOC_CLAIM_RESTATED 39.6296万元→39.2696万元']);
    expect(brief(text('39.9266'))).toEqual([]);
  });

  it('takes a share of the whole named as it is, not of a part named like it', () => {
    const text = (share: string) =>
      `项目21个，项目支出总额656.93万元。其中，本级项目8个，本级项目支出385.58万元。\n21个项目评为一等，涉及资金${share}万元，占项目支出总额比例100%。`;
    expect(codes(text('656.93'))).toEqual([]);
    expect(brief(text('665.93'))).toContain('warning DOC_CLAIM_SHARE 100%→101%');
  });
});

describe('the example reports’ planted errors', () => {
  it('reports the staff counted at the end of an earlier year however it is worded', () => {
    const text = (year: string) =>
      `2023年度某区委办公室整体支出绩效自评报告\n（二）机构设置与人员情况\n${year}年末共有人数61人，其中：在职30人，离退休31人。`;
    expect(codes(text('2023'))).toEqual([]);
    expect(brief(text('2022'))).toEqual(['warning DOC_YEAR_STOCK 2022年末→2023年末']);
    expect(codes(text('2022').replace('共有人数', '人员经费'))).not.toContain('DOC_YEAR_STOCK');
  });

  it('reports the year’s budget said spent by the end of the year before', () => {
    const text = (year: string) =>
      `2023年度部门整体支出绩效自评报告\n自评得分6分，2023年我办年度部门预算资金912.96万元，截止${year}年底累计支出912.96万元，剩余结转资金为0万元，预算资金支出率达100%。`;
    expect(codes(text('2023'))).toEqual([]);
    expect(codes(text('2022'))).toEqual(['DOC_YEAR_AS_OF']);
    // A balance carried from the year before into this year's budget is no slip.
    expect(
      codes(
        '2023年度部门整体支出绩效自评报告\n2023年我办年度部门预算资金912.96万元，截止2022年底结转资金12.50万元。',
      ),
    ).toEqual([]);
  });

  it('restates a kind of spending planned and spent alike, under the unit’s short name', () => {
    const text = (restated: string) =>
      [
        '2023年度中共某区委办公室整体支出绩效自评报告',
        '中共某区委办公室（以下简称区委办）是区委的办事机构。',
        '2023年全年预算资金1013.19万元，其中：基本支出861.24万元，项目支出151.95万元。全年实际支出1013.19万元，其中：基本支出861.24万元，项目支出151.95万元。',
        '（2）项目支出情况',
        `2023年，区委办全年项目支出${restated}万元，主要是本部门为完成特定工作任务而发生的支出。`,
      ].join('\n');
    expect(codes(text('151.95'))).toEqual([]);
    expect(brief(text('159.15'))).toEqual(['warning DOC_CLAIM_RESTATED 159.15万元→151.95万元']);
  });
});

describe('stocks and rates of the other two example reports', () => {
  it('reports staff and assets as at the last day of an earlier year', () => {
    const staff = (year: string) =>
      `2024年度政府办部门整体支出绩效自评报告\n3、人员情况\n${year}年12月31日止我办在职人员274人，其中行政人员31人。`;
    expect(codes(staff('2024'))).toEqual([]);
    expect(brief(staff('2023'))).toEqual(['warning DOC_YEAR_STOCK 2023年12月31日→2024年末']);
    const assets = (year: string) =>
      `2024年度市政府办公室部门整体支出绩效自评报告\n四、资产管理情况\n截至${year}年12月31日，我单位固定资产原值1765.56万元，固定资产净值580.95万元。`;
    expect(codes(assets('2024'))).toEqual([]);
    expect(codes(assets('2023'))).toEqual(['DOC_YEAR_STOCK']);
  });

  it('takes a budget in whole 万元 beside a spending written finer as exact in a 控制率', () => {
    const text = (spent: string) =>
      `2024年度政府办部门整体支出绩效自评报告\n2024年“三公”经费预算安排12万元，实际支出${spent}万元，“三公”经费控制率71.58%。`;
    expect(codes(text('8.59'))).toEqual([]);
    expect(brief(text('8.95'))).toEqual(['warning DOC_CLAIM_RATE 71.58%→74.58%']);
  });
});

describe('counts of indicators by level, and a part in brackets after its item', () => {
  it('holds a count of indicators by level to the last level’s', () => {
    const text = (leaves: string) =>
      `某项目绩效自评报告\n共编制15个绩效目标指标，其中一级指标3个，二级指标8个，三级指标${leaves}个。`;
    expect(codes(text('15'))).toEqual([]);
    expect(brief(text('14'))).toEqual(['warning DOC_CLAIM_LEVELS 15个→14个']);
    // A count of every level is their sum.
    expect(
      codes('某项目绩效自评报告\n共设置指标26个，其中一级指标3个，二级指标8个，三级指标15个。'),
    ).toEqual([]);
  });

  it('reports a part in brackets larger than the item it details', () => {
    const text = (count: string, money: string) =>
      `某局项目绩效自评工作的报告\n绩效自评“差”的项目20个财政资金218.07万元（“三区”人才项目${count}个${money}万元）。`;
    expect(codes(text('16', '49'))).toEqual([]);
    expect(brief(text('26', '49'))).toEqual(['warning DOC_CLAIM_DETAIL_EXCEEDS 26个→20个']);
    expect(brief(text('16', '249'))).toEqual([
      'warning DOC_CLAIM_DETAIL_EXCEEDS 249万元→218.07万元',
    ]);
    // A comparison in brackets is no part.
    expect(codes('某局报告\n全年支出218.07万元（上年249万元）。')).toEqual([]);
  });
});
